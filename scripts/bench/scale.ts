/**
 * npm run bench:scale [-- --notices 5,100,1000] [--seed 1] [--keep] [--step-timeout MIN] [--heap MB] [--query 行政执法] [--json FILE] [--commit REV]
 *
 * For each N: a scratch project in the OS temp folder (src/, scripts/, astro.config.mjs, … copied,
 * node_modules/ and public/ symlinked, as tests/helpers/scratch-build.ts does), N notices in
 * its content/sources (N = 5: the five real seeds of content/sources with content/errata.yaml;
 * otherwise `bench:generate` with --seed), then, under the team's build lock:
 *   1. the ingest CLI (scripts/ingest/cli.ts --sources … --out <scratch>), cold: its cache lives in
 *      the scratch folder — time, MB/s of source text (wall of the whole CLI process, Node start
 *      included), peak memory; then the same ingest again, warm (files from the cache, time)
 *   2. `astro build` (cold: a fresh cacheDir), Pagefind included (it runs in astro:build:done) —
 *      time, Pagefind's share (from the arrival time of the build's log lines: the last line before
 *      the astro:build:done hooks → the line Pagefind prints when its files are written), peak memory
 *   3. the built site: pages (.html files), dist/ size, dist/pagefind/ size, and the first search:
 *      dist/ served locally (tests/helpers/browser.ts, no compression), /search/ opened in headless
 *      Chromium, a common query typed, the bytes of every response from page load to the first
 *      result list (CDP Network.loadingFinished encodedDataLength), total and the /pagefind/ part.
 * Peak memory is the sum of VmRSS over the whole process tree (npm/tsx/node/astro workers),
 * sampled every 200 ms (scripts/bench/measure.ts).
 * Each step has a time limit (--step-timeout, default 15 min); a step that fails or runs out of
 * time is reported as such and the next N still runs. --heap MB sets NODE_OPTIONS
 * --max-old-space-size for the build (printed with the figures); without it Node's default heap.
 * The scratch folders are removed unless --keep. --commit REV measures an earlier commit's ingest
 * and site (a git worktree) on the same generated corpus, for a before/after on one machine.
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus, writeCorpus } from './generate';
import { cleanEnv, dirSize, GiB, holdLock, KiB, MiB, runMeasured, secs, type RunResult } from './measure';

export const ROOT = resolve(import.meta.dirname, '../..');

interface Options {
  notices: number[];
  seed: number;
  keep: boolean;
  stepTimeoutMs: number;
  heapMb?: number;
  query: string;
  json?: string;
  /** The project the scratch copies are made from: the checkout, or a worktree of --commit. */
  tree: string;
  commit?: string;
}

function options(): Options {
  const { values: v } = parseArgs({
    options: {
      notices: { type: 'string', default: '5,100,1000' },
      seed: { type: 'string', default: '1' },
      keep: { type: 'boolean', default: false },
      'step-timeout': { type: 'string', default: '15' },
      heap: { type: 'string' },
      query: { type: 'string', default: '行政执法' },
      json: { type: 'string' },
      commit: { type: 'string' },
    },
  });
  const o: Options = {
    notices: v.notices.split(',').map((s) => Number(s.trim())),
    seed: Number(v.seed),
    keep: v.keep,
    stepTimeoutMs: Number(v['step-timeout']) * 60_000,
    ...(v.heap ? { heapMb: Number(v.heap) } : {}),
    query: v.query,
    ...(v.json ? { json: v.json } : {}),
    tree: ROOT,
    ...(v.commit ? { commit: v.commit } : {}),
  };
  if (!o.notices.length || o.notices.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--notices takes positive integers separated by commas, e.g. 5,100,1000');
  return o;
}

/** Project copy for one run (same layout as tests/helpers/scratch-build.ts makeScratchProject). */
function makeProject(dir: string, from: string): string {
  const proj = join(dir, 'proj');
  mkdirSync(join(proj, 'content'), { recursive: true });
  cpSync(join(from, 'src'), join(proj, 'src'), { recursive: true });
  for (const f of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'site.config.yaml']) if (existsSync(join(from, f))) copyFileSync(join(from, f), join(proj, f));
  // scripts/ is copied, not linked: the ingest that runs is the code as it was when the bench started
  // (others may edit the checkout meanwhile), and its cache version stays the same for the warm run.
  cpSync(join(from, 'scripts'), join(proj, 'scripts'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(proj, 'node_modules'));
  cpSync(join(from, 'public'), join(proj, 'public'), { recursive: true });
  copyFileSync(join(from, 'content/themes.yaml'), join(proj, 'content/themes.yaml'));
  return proj;
}

export interface Figures {
  notices: number;
  sourceBytes: number;
  /** ms/mbps: the whole CLI process (Node and module start included); inMs: the ingest's own "ingest took" figure. */
  ingest?: { ms: number; mbps: number; inMs?: number; peakRss: number; cached?: number; ok: boolean; note?: string };
  /** The same ingest again with the cache the first run filled (nothing changed). */
  warmIngest?: { ms: number; mbps: number; inMs?: number; cached?: number; ok: boolean };
  build?: { ms: number; pagefindMs?: number; peakRss: number; ok: boolean; note?: string; heapMb?: number };
  pages?: number;
  distBytes?: number;
  indexBytes?: number;
  firstQuery?: { query: string; totalBytes: number; pagefindBytes: number; requests: number; results: string; ms: number };
}

/** The ingest's own figure ("ingest took 12.34 s …": after Node and the modules have loaded). */
function tookMs(r: RunResult): number | undefined {
  const m = r.lines.map((l) => /ingest took ([\d.]+) s/.exec(l.text)).find(Boolean);
  return m ? Number(m[1]) * 1000 : undefined;
}

function failure(r: RunResult, what: string, limitMs: number): string | undefined {
  const text = r.lines.map((l) => l.text).join('\n');
  if (r.timedOut) return `${what} stopped after ${secs(r.ms)}: time limit of ${secs(limitMs)} reached (--step-timeout MIN to change)`;
  if (/heap out of memory|Allocation failed/i.test(text)) return `${what} failed after ${secs(r.ms)}: JavaScript heap out of memory (try --heap MB)`;
  if (r.code !== 0) {
    const err = r.lines.filter((l) => /error/i.test(l.text)).slice(0, 3).map((l) => l.text.trim());
    return `${what} failed after ${secs(r.ms)} with exit code ${r.code ?? r.signal}${err.length ? `: ${err.join(' | ').slice(0, 400)}` : ''}`;
  }
  return undefined;
}

/** Pagefind's share of the build: from the first line after the pages are written to Pagefind's own line. */
function pagefindMs(r: RunResult): number | undefined {
  const done = r.lines.findIndex((l) => /Pagefind indexed \d+ pages/.test(l.text));
  if (done < 0) return undefined;
  // The astro:build:done hooks start right after the static build's last line: "[build] ✓ Completed in …".
  let start = -1;
  for (let i = done - 1; i >= 0 && start < 0; i--) if (/\[build\] ✓ Completed in/.test(r.lines[i]!.text)) start = i;
  return start < 0 ? undefined : r.lines[done]!.ms - r.lines[start]!.ms;
}

export async function firstQuery(dist: string, query: string): Promise<Figures['firstQuery']> {
  const { launchBrowser, serveDir } = await import('../../tests/helpers/browser');
  const server = await serveDir(dist, '/');
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    // Every response of the page and its workers (Pagefind fetches its index from a Web Worker):
    // body + headers as transferred (Playwright's request.sizes()).
    const pending: Promise<void>[] = [];
    const got: { url: string; bytes: number }[] = [];
    context.on('requestfinished', (req) => {
      pending.push(req.sizes().then((s) => void got.push({ url: req.url(), bytes: s.responseBodySize + s.responseHeadersSize })).catch(() => {}));
    });
    const t = performance.now();
    await page.goto(server.url('search/'), { waitUntil: 'load' });
    await page.waitForFunction(() => document.getElementById('search-app')?.dataset.ready === 'true', null, { timeout: 60_000 });
    await page.fill('#search-q', query);
    await page.press('#search-q', 'Enter');
    await page.waitForFunction(() => /找到 \d+ 条结果|没有/.test(document.getElementById('search-status')?.textContent ?? ''), null, { timeout: 60_000 });
    // Results render their excerpts after the fragments arrive: wait until the network is quiet.
    await page.waitForLoadState('networkidle');
    const ms = performance.now() - t;
    const status = (await page.textContent('#search-status'))?.trim() ?? '';
    await Promise.all(pending);
    let total = 0;
    let pf = 0;
    for (const g of got) {
      total += g.bytes;
      if (g.url.includes('/pagefind/')) pf += g.bytes;
    }
    if (process.env.BENCH_DEBUG) for (const g of got) console.log(`    ${g.bytes}\t${g.url}`);
    return { query, totalBytes: total, pagefindBytes: pf, requests: got.length, results: status, ms };
  } finally {
    await browser.close();
    await server.close();
  }
}

async function runOne(n: number, o: Options, log: (s: string) => void): Promise<Figures> {
  const dir = mkdtempSync(join(tmpdir(), `cjzl-scale-${n}-`));
  const proj = makeProject(dir, o.tree);
  const sources = join(proj, 'content/sources');
  mkdirSync(sources, { recursive: true });
  let errata = join(proj, 'content/errata.yaml');
  if (n === 5) {
    for (const f of readdirSync(join(o.tree, 'content/sources'))) copyFileSync(join(o.tree, 'content/sources', f), join(sources, f));
    copyFileSync(join(o.tree, 'content/errata.yaml'), errata);
    log(`  corpus: the ${readdirSync(sources).length} seed notices of content/sources (with content/errata.yaml)`);
  } else {
    const t = performance.now();
    const g = generateCorpus({ notices: n, seed: o.seed, sources: join(ROOT, 'content/sources') });
    writeCorpus(g, sources);
    writeFileSync(errata, '[]\n');
    log(`  corpus: ${n} generated notices (seed ${o.seed}), ${MiB(g.bytes)} — ${Object.entries(g.genres).map(([k, v]) => `${k} ${v}`).join(', ')} (${secs(performance.now() - t)})`);
  }
  const sourceBytes = dirSize(sources).bytes;
  const fig: Figures = { notices: n, sourceBytes };
  const tick = (what: string) => (ms: number, rss: number, last: string) => log(`    … ${what} ${secs(ms)}, ${GiB(rss)} resident; ${last.trim().slice(0, 100)}`);
  const release = await holdLock(log);
  try {
    // 1. ingest (its cache, when there is one, goes to the scratch folder: a cold run)
    log(`  ingest …`);
    const tsx = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
    const ing = await runMeasured(process.execPath, [tsx, join(proj, 'scripts/ingest/cli.ts'), '--sources', sources, '--out', proj, '--errata', errata], {
      cwd: proj,
      env: cleanEnv({ CJZL_INGEST_CACHE: join(dir, 'ingest-cache') }),
      timeoutMs: o.stepTimeoutMs,
      onTick: tick('ingest'),
    });
    const ingFail = failure(ing, 'ingest', o.stepTimeoutMs);
    const cached = ing.lines.map((l) => /(\d+) file\(s\) from the cache/.exec(l.text)).find(Boolean);
    fig.ingest = { ms: ing.ms, mbps: sourceBytes / 1e6 / (ing.ms / 1000), inMs: tookMs(ing), peakRss: ing.peakRss, ok: !ingFail, note: ingFail, ...(cached ? { cached: Number(cached[1]) } : {}) };
    writeFileSync(join(dir, 'ingest.log'), ing.lines.map((l) => `[${Math.round(l.ms)}] ${l.text}`).join('\n'));
    const inner = (ms?: number) => (ms !== undefined ? ` (in-process ${secs(ms)}, ${(sourceBytes / 1e6 / (ms / 1000)).toFixed(2)} MB/s)` : '');
    log(`  ingest: ${ingFail ?? `${secs(ing.ms)}, ${(fig.ingest.mbps).toFixed(2)} MB/s${inner(fig.ingest.inMs)}, peak ${GiB(ing.peakRss)}`}`);
    if (ingFail) return fig;
    // 1b. the same ingest again: warm cache, no notice changed (--full: the whole run from the cache, not the no-change shortcut)
    log(`  ingest again (warm cache) …`);
    const warm = await runMeasured(process.execPath, [tsx, join(proj, 'scripts/ingest/cli.ts'), '--full', '--sources', sources, '--out', proj, '--errata', errata], {
      cwd: proj,
      env: cleanEnv({ CJZL_INGEST_CACHE: join(dir, 'ingest-cache') }),
      timeoutMs: o.stepTimeoutMs,
      onTick: tick('ingest (warm)'),
    });
    const warmCached = warm.lines.map((l) => /(\d+) file\(s\) from the cache/.exec(l.text)).find(Boolean);
    fig.warmIngest = { ms: warm.ms, mbps: sourceBytes / 1e6 / (warm.ms / 1000), inMs: tookMs(warm), ok: !failure(warm, 'ingest', o.stepTimeoutMs), ...(warmCached ? { cached: Number(warmCached[1]) } : {}) };
    log(`  ingest (warm): ${secs(warm.ms)}, ${fig.warmIngest.mbps.toFixed(2)} MB/s${inner(fig.warmIngest.inMs)}, ${fig.warmIngest.cached ?? '?'} of ${readdirSync(sources).length} file(s) from the cache`);

    // 2. astro build, then Pagefind as `npm run build` runs them: the search step after astro build has
    // exited (scripts/search-index.ts; the hook skips itself when npm_lifecycle_event is "build"). A tree
    // without that step (an earlier --commit) indexes inside astro build's hook, as it did then.
    const ownStep = existsSync(join(proj, 'scripts/search-index.ts'));
    log(`  astro build …${o.heapMb ? ` (NODE_OPTIONS=--max-old-space-size=${o.heapMb})` : ''}`);
    const astro = join(ROOT, 'node_modules/astro/bin/astro.mjs');
    const dist = join(proj, 'dist');
    const b = await runMeasured(process.execPath, [astro, 'build', '--outDir', dist], {
      cwd: proj,
      env: cleanEnv({
        SITE_BASE: '/',
        CJZL_CACHE_DIR: join(dir, 'astro-cache'),
        ...(ownStep ? { npm_lifecycle_event: 'build' } : {}),
        ...(o.heapMb ? { NODE_OPTIONS: `--max-old-space-size=${o.heapMb}` } : {}),
      }),
      timeoutMs: o.stepTimeoutMs,
      onTick: tick('build'),
    });
    writeFileSync(join(dir, 'build.log'), b.lines.map((l) => `[${Math.round(l.ms)}] ${l.text}`).join('\n'));
    const bFail = failure(b, 'astro build', o.stepTimeoutMs);
    fig.build = { ms: b.ms, pagefindMs: pagefindMs(b), peakRss: b.peakRss, ok: !bFail, note: bFail, ...(o.heapMb ? { heapMb: o.heapMb } : {}) };
    if (!bFail && ownStep) {
      const s = await runMeasured(process.execPath, [tsx, join(proj, 'scripts/search-index.ts'), '--dist', dist], {
        cwd: proj,
        env: cleanEnv(),
        timeoutMs: o.stepTimeoutMs,
        onTick: tick('search index'),
      });
      writeFileSync(join(dir, 'search-index.log'), s.lines.map((l) => `[${Math.round(l.ms)}] ${l.text}`).join('\n'));
      const sFail = failure(s, 'search index', o.stepTimeoutMs);
      fig.build = { ...fig.build, ms: b.ms + s.ms, pagefindMs: s.ms, peakRss: Math.max(b.peakRss, s.peakRss), ok: !sFail, note: sFail };
      log(`  astro build ${secs(b.ms)}, peak ${GiB(b.peakRss)}; search index ${sFail ?? `${secs(s.ms)}, peak ${GiB(s.peakRss)}`}`);
      if (sFail) return fig;
    }
    log(`  astro build: ${bFail ?? `${secs(fig.build.ms)} (Pagefind ${fig.build.pagefindMs !== undefined ? secs(fig.build.pagefindMs) : '?'}), peak ${GiB(fig.build.peakRss)}`}`);
    if (bFail) return fig;
  } finally {
    release();
  }
  // 3. the built site
  const dist = join(proj, 'dist');
  fig.pages = dirSize(dist, (p) => p.endsWith('.html')).files;
  fig.distBytes = dirSize(dist).bytes;
  fig.indexBytes = dirSize(join(dist, 'pagefind')).bytes;
  try {
    log(`  first search (“${o.query}”) in headless Chromium …`);
    fig.firstQuery = await firstQuery(dist, o.query);
  } catch (e) {
    log(`  first search failed: ${(e as Error).message.split('\n')[0]}`);
  }
  if (o.keep) log(`  kept ${dir} (sources, content, dist, ingest.log, build.log)`);
  else {
    log(`  removing the scratch folder ${dir} …`);
    rmSync(dir, { recursive: true, force: true });
  }
  return fig;
}

function table(figs: Figures[], o: Options): string {
  const head = ['notices', 'source', 'ingest cold', 'MB/s (in-process)', 'ingest warm (from cache)', 'astro build', 'of which Pagefind', 'build wall (ingest+astro)', 'peak memory (build)', 'pages', 'dist/', 'search index', 'first query (all / pagefind)'];
  const rows = figs.map((f) => [
    String(f.notices),
    MiB(f.sourceBytes),
    f.ingest ? (f.ingest.ok ? secs(f.ingest.ms) : 'FAILED') : '—',
    f.ingest?.ok ? `${f.ingest.mbps.toFixed(2)}${f.ingest.inMs ? ` (${(f.sourceBytes / 1e6 / (f.ingest.inMs / 1000)).toFixed(2)})` : ''}` : '—',
    f.warmIngest?.ok ? `${secs(f.warmIngest.ms)} (${f.warmIngest.cached ?? '?'})` : '—',
    f.build ? (f.build.ok ? secs(f.build.ms) : 'FAILED') : '—',
    f.build?.pagefindMs !== undefined ? secs(f.build.pagefindMs) : '—',
    f.ingest?.ok && f.build?.ok ? secs(f.ingest.ms + f.build.ms) : '—',
    f.build ? `${GiB(Math.max(f.build.peakRss, f.ingest?.peakRss ?? 0))}${f.build.heapMb ? ` (heap ${f.build.heapMb} MB)` : ''}` : f.ingest ? GiB(f.ingest.peakRss) : '—',
    f.pages !== undefined ? f.pages.toLocaleString('en') : '—',
    f.distBytes !== undefined ? MiB(f.distBytes) : '—',
    f.indexBytes !== undefined ? MiB(f.indexBytes) : '—',
    f.firstQuery ? `${KiB(f.firstQuery.totalBytes)} / ${KiB(f.firstQuery.pagefindBytes)}` : '—',
  ]);
  const md = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
  const notes = figs.flatMap((f) => [f.ingest?.note, f.build?.note].filter(Boolean).map((n) => `- ${f.notices} notices: ${n}`));
  return [...md, ...notes].join('\n');
}

async function main() {
  const o = options();
  const log = (s: string) => process.stdout.write(s + '\n');
  const started = new Date();
  log(`bench:scale — notices ${o.notices.join(', ')}, seed ${o.seed}; ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${GiB(totalmem())} RAM, Node ${process.version}; step time limit ${secs(o.stepTimeoutMs)}`);
  let worktree: string | undefined;
  if (o.commit) {
    // An earlier commit's site and ingest on the same generated corpus (the generator is this checkout's).
    worktree = mkdtempSync(join(tmpdir(), 'cjzl-scale-tree-'));
    execFileSync('git', ['worktree', 'add', '--detach', worktree, o.commit], { cwd: ROOT, stdio: 'ignore' });
    o.tree = worktree;
    log(`project: ${o.commit} (git worktree ${worktree}); corpus: this checkout's generator`);
  }
  process.on('exit', () => {
    if (worktree) execFileSync('git', ['worktree', 'remove', '--force', worktree], { cwd: ROOT, stdio: 'ignore' });
  });
  const figs: Figures[] = [];
  for (const n of o.notices) {
    log(`\n${n} notices`);
    const f = await runOne(n, o, log);
    figs.push(f);
    if (f.firstQuery) log(`  first query “${f.firstQuery.query}”: ${KiB(f.firstQuery.totalBytes)} transferred in ${f.firstQuery.requests} responses (pagefind/ ${KiB(f.firstQuery.pagefindBytes)}), ${f.firstQuery.results}`);
    if (f.pages !== undefined) log(`  site: ${f.pages} pages, dist/ ${MiB(f.distBytes!)}, search index ${MiB(f.indexBytes!)}`);
  }
  log(`\nFigures (${started.toISOString().slice(0, 10)}, ${cpus().length} cores, ${GiB(totalmem())}; peak memory = sum of VmRSS over the process tree; first query = bytes of every response from opening /search/ to the first results, uncompressed local server):\n`);
  log(table(figs, o));
  if (o.json) writeFileSync(o.json, JSON.stringify({ date: started.toISOString(), cores: cpus().length, mem: totalmem(), figures: figs }, null, 2));
}

if (import.meta.url === `file://${process.argv[1]}`)
  main().catch((e) => {
    console.error(`bench:scale: ${(e as Error).stack ?? e}`);
    process.exitCode = 1;
  });
