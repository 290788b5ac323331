/**
 * npm run bench:search [-- --dist dist --base / --ranking tuned|default|'{"pageLength":0.5}' --no-expand --queries bench/search-queries.yaml --json out.json]
 *
 * Runs the query set (bench/search-queries.yaml) against the BUILT site (it builds nothing):
 * serves the folder locally, opens it in headless Chromium and searches through Pagefind's
 * JS API exactly as the /search/ page does (same query normalisation, same 文号 lookup table,
 * same ranking options). Prints hits@1 and hits@5, and the median / p95 time per query after
 * the first (the first query also loads the WASM and index chunks; it is reported apart).
 *
 * Time per query = pagefind.search() + loading the data of the top 5 results (what the page
 * needs before it can show anything).
 */
import { readFileSync, existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { launchBrowser, serveDir } from '../tests/helpers/browser';
import { RANKING, HIGHLIGHT_PARAM } from '../src/components/SearchResults.client';
import { normaliseQuery, prepareQuery, lookupDocNumber, SHARDS_FILE, type DocNumberTable } from '../src/lib/search';

interface Expect {
  type?: string;
  title?: string;
  contains?: string;
  url?: string;
}
interface BenchQuery {
  q: string;
  kind: string;
  /** One target, or several acceptable ones (any of them counts). */
  expect: Expect | Expect[];
  note?: string;
}
interface Hit {
  url: string;
  title: string;
  type: string;
  content: string;
}
interface Outcome {
  q: string;
  kind: string;
  rank: number | null; // 1-based rank of the first result matching the target, within the top 10
  via: 'lookup' | 'pagefind';
  ms: number;
  total: number;
  top: { title: string; type: string; url: string }[];
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > -1 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const distDir = resolve(arg('dist', 'dist'));
const base = arg('base', process.env.SITE_BASE || '/');
const rankingMode = arg('ranking', 'tuned');
const queriesFile = resolve(arg('queries', 'bench/search-queries.yaml'));
const jsonOut = arg('json', '');
/** --no-expand: hand Pagefind the normalised query without the abbreviation expansion (to measure it). */
const expand = !process.argv.includes('--no-expand');
const TOP = 10;

const squash = (s: string) => s.replace(/\s+/g, '');

export function matches(hit: Hit, e: Expect, baseUrl: string): boolean {
  if (e.type && hit.type !== e.type) return false;
  if (e.title && !squash(hit.title).includes(squash(e.title))) return false;
  if (e.contains && !squash(hit.content).includes(squash(e.contains))) return false;
  if (e.url) {
    const path = hit.url.split(/[?#]/)[0]!;
    if (path !== baseUrl + e.url.replace(/^\/+/, '')) return false;
  }
  return true;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const idx = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, idx)]!;
}

async function main() {
  if (!existsSync(resolve(distDir, 'pagefind/pagefind.js'))) {
    console.error(`bench:search: ${distDir}/pagefind/pagefind.js not found. Build first: flock /tmp/cjzl-build.lock npm run build`);
    process.exit(2);
  }
  const queries = parse(readFileSync(queriesFile, 'utf8')) as BenchQuery[];
  if (!Array.isArray(queries) || !queries.length) throw new Error(`${queriesFile}: expected a YAML list of { q, kind, expect }`);
  queries.forEach((x, i) => {
    const targets = x?.expect ? (Array.isArray(x.expect) ? x.expect : [x.expect]) : [];
    if (!x?.q || !targets.length || targets.some((e) => !(e.type || e.title || e.contains || e.url))) {
      throw new Error(`${queriesFile}: entry ${i + 1} needs q and an expect (or a list of them) with at least one of type/title/contains/url`);
    }
  });
  const baseUrl = ('/' + base.replace(/^\/+|\/+$/g, '') + '/').replace(/^\/\/$/, '/');
  const docNumbersPath = resolve(distDir, 'data/docnumbers.json');
  const docNumbers: DocNumberTable = existsSync(docNumbersPath) ? JSON.parse(readFileSync(docNumbersPath, 'utf8')) : {};

  const server = await serveDir(distDir, baseUrl);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(server.url(''));
    // --ranking default | tuned (RANKING of the page) | a JSON object of Pagefind ranking options (for tuning)
    const ranking = rankingMode === 'default' ? null : rankingMode === 'tuned' ? RANKING : JSON.parse(rankingMode);
    await page.evaluate(
      async ({ pfUrl, baseUrl, ranking, highlightParam, shardsFile }) => {
        const pf = await import(pfUrl);
        const opts: Record<string, unknown> = { baseUrl, highlightParam };
        if (ranking) opts.ranking = ranking;
        await pf.options(opts);
        // A sharded index (src/integrations/pagefind.ts): merge the other Pagefind indexes, as the page does.
        const dir = pfUrl.replace(/[^/]*$/, '');
        const r = await fetch(dir + shardsFile);
        const shards: unknown = r.ok ? ((await r.json()) as { shards?: unknown }).shards : [];
        for (const s of Array.isArray(shards) ? shards : []) await pf.mergeIndex(dir + s, opts);
        (window as unknown as { __pf: unknown }).__pf = pf;
      },
      { pfUrl: server.url('pagefind/pagefind.js'), baseUrl, ranking, highlightParam: HIGHLIGHT_PARAM, shardsFile: SHARDS_FILE },
    );

    const outcomes: Outcome[] = [];
    for (const item of queries) {
      const q = normaliseQuery(item.q);
      const direct = lookupDocNumber(q, docNumbers);
      const t0 = performance.now();
      let hits: Hit[];
      let total: number;
      let via: Outcome['via'] = 'pagefind';
      let ms: number;
      if (direct) {
        // What the page does: jump straight to the document (no index lookup needed).
        via = 'lookup';
        ms = performance.now() - t0;
        const r = await page.evaluate(async (u: string) => {
          const res = await fetch(u);
          return res.ok ? await res.text() : '';
        }, server.url(direct.path));
        const text = r.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, ' ').replace(/<[^>]+>/g, ' ');
        hits = [{ url: baseUrl + direct.path, title: direct.title, type: '文件', content: text }];
        total = 1;
      } else {
        const r = await page.evaluate(
          async ({ q, top }) => {
            const pf = (window as unknown as { __pf: any }).__pf;
            const t = performance.now();
            const search = await pf.search(q);
            const first5 = await Promise.all(search.results.slice(0, 5).map((x: any) => x.data()));
            const ms = performance.now() - t;
            const rest = await Promise.all(search.results.slice(5, top).map((x: any) => x.data()));
            const hits = [...first5, ...rest].map((d: any) => ({
              url: d.url as string,
              title: (d.meta?.title ?? '') as string,
              type: (d.filters?.type?.[0] ?? '') as string,
              content: (d.content ?? '') as string,
            }));
            return { ms, hits, total: search.results.length as number };
          },
          { q: expand ? prepareQuery(q) : q, top: TOP },
        );
        ms = r.ms;
        hits = r.hits;
        total = r.total;
      }
      const targets = Array.isArray(item.expect) ? item.expect : [item.expect];
      const idx = hits.findIndex((h) => targets.some((e) => matches(h, e, baseUrl)));
      outcomes.push({
        q: item.q,
        kind: item.kind,
        rank: idx === -1 ? null : idx + 1,
        via,
        ms,
        total,
        top: hits.slice(0, 3).map((h) => ({ title: h.title, type: h.type, url: h.url })),
      });
    }

    // ---- report ----
    const n = outcomes.length;
    const at = (k: number) => outcomes.filter((o) => o.rank !== null && o.rank <= k).length;
    const pct = (x: number) => `${((100 * x) / n).toFixed(1)}%`;
    const timed = outcomes.filter((o) => o.via === 'pagefind');
    const after = timed.slice(1).map((o) => o.ms).sort((a, b) => a - b);
    const median = percentile(after, 50);
    const p95 = percentile(after, 95);
    console.log(`\nSearch bench — ${n} queries, dist ${distDir}, base ${baseUrl}, ranking ${rankingMode}${expand ? '' : ', no abbreviation expansion'}\n`);
    console.log('rank  ms      via       kind       query  →  top result');
    for (const o of outcomes) {
      const r = o.rank === null ? ' -- ' : String(o.rank).padStart(3) + ' ';
      const top = o.top[0] ? `[${o.top[0].type || '?'}] ${o.top[0].title}` : '(no results)';
      console.log(`${r}  ${o.ms.toFixed(1).padStart(6)}  ${o.via.padEnd(8)}  ${o.kind.padEnd(9)}  ${o.q}  →  ${top}`);
    }
    const kinds = [...new Set(outcomes.map((o) => o.kind))];
    console.log('\nper kind (hits@1 / hits@5 / n):');
    for (const k of kinds) {
      const os = outcomes.filter((o) => o.kind === k);
      const h1 = os.filter((o) => o.rank === 1).length;
      const h5 = os.filter((o) => o.rank !== null && o.rank <= 5).length;
      console.log(`  ${k.padEnd(10)} ${h1} / ${h5} / ${os.length}`);
    }
    const misses = outcomes.filter((o) => o.rank === null || o.rank > 5);
    if (misses.length) {
      console.log('\nnot in the top 5:');
      for (const o of misses) console.log(`  ${o.q}  (rank ${o.rank ?? '>10'}; top: ${o.top.map((t) => `[${t.type}] ${t.title}`).join(' | ') || '—'})`);
    }
    console.log(`\nhits@1: ${at(1)}/${n} (${pct(at(1))})`);
    console.log(`hits@5: ${at(5)}/${n} (${pct(at(5))})   target ≥ 95%`);
    console.log(`first query: ${timed[0]?.ms.toFixed(1) ?? '—'} ms (loads WASM + index)`);
    console.log(`after the first (${after.length} Pagefind queries): median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms   target p95 < 100 ms`);
    console.log(`文号 queries answered by the lookup table: ${outcomes.filter((o) => o.via === 'lookup').length}`);
    if (jsonOut) {
      writeFileSync(jsonOut, JSON.stringify({ n, hits1: at(1), hits5: at(5), median, p95, first: timed[0]?.ms, ranking: rankingMode, outcomes }, null, 2));
      console.log(`wrote ${jsonOut}`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
