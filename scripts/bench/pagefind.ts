/**
 * The search step alone, over a site already built (it builds nothing):
 *
 *   npx tsx scripts/bench/pagefind.ts --dist /tmp/x/dist [--shard-pages 12000] [--cli] [--query 行政执法] [--no-query]
 *
 * Removes <dist>/pagefind/, runs `scripts/search-index.ts` (what `npm run build` runs after
 * `astro build`) — or with --cli Pagefind's own CLI over the folder (`pagefind --site`, i.e.
 * addDirectory in one index: how the site was indexed before) — and prints its wall time, the
 * peak resident memory of its process tree (Node + the Pagefind binary, sampled from /proc),
 * the index size, and the first search a visitor makes (firstQuery of bench:scale: /search/ in
 * headless Chromium, bytes from opening the page to the results; BENCH_DEBUG=1 lists the files).
 * Query times after the first: `npm run bench:search -- --dist <dist>`.
 */
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SHARD_PAGES } from '../../src/integrations/pagefind';
import { cleanEnv, dirSize, GiB, KiB, MiB, runMeasured, secs } from './measure';
import { firstQuery, ROOT } from './scale';

const { values } = parseArgs({
  options: {
    dist: { type: 'string' },
    'shard-pages': { type: 'string', default: String(SHARD_PAGES) },
    cli: { type: 'boolean', default: false },
    query: { type: 'string', default: '行政执法' },
    'no-query': { type: 'boolean', default: false },
  },
});
if (!values.dist) {
  console.error('bench/pagefind: --dist <built site folder> is required');
  process.exit(2);
}
const dist = resolve(values.dist);
rmSync(join(dist, 'pagefind'), { recursive: true, force: true });
const tsx = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const pagefindCli = join(ROOT, 'node_modules/pagefind/lib/runner/bin.cjs');
const args = values.cli
  ? [pagefindCli, '--site', dist, '--force-language', 'zh-cn']
  : [tsx, 'scripts/search-index.ts', '--dist', dist, '--shard-pages', values['shard-pages']!];
const r = await runMeasured(process.execPath, args, { cwd: ROOT, env: cleanEnv(), timeoutMs: 30 * 60_000 });
for (const l of r.lines) if (/Pagefind|Indexed|error/i.test(l.text)) console.log(`  ${l.text.trim()}`);
if (r.code !== 0) {
  console.error(`bench/pagefind: the index step failed (exit ${r.code ?? r.signal})`);
  process.exit(1);
}
const idx = dirSize(join(dist, 'pagefind'));
console.log(`${values.cli ? 'pagefind --site (addDirectory, one index)' : `search-index (shards of ≤ ${values['shard-pages']} pages)`}: ${secs(r.ms)}, peak ${GiB(r.peakRss)} (process tree), index ${MiB(idx.bytes)} in ${idx.files} files`);
if (!values['no-query']) {
  const fq = await firstQuery(dist, values.query!);
  if (fq) console.log(`first search “${fq.query}”: ${KiB(fq.totalBytes)} (pagefind/ ${KiB(fq.pagefindBytes)}), ${fq.requests} requests, ${secs(fq.ms)}; ${fq.results}`);
}
