/**
 * npm run bench:build [-- COMMIT] [--runs 3]
 *
 * `npm run build` (ingest + astro build + Pagefind) of an earlier commit and of the working tree,
 * on the seeds each holds, warm, in turn: one warm-up build of each, then --runs measured builds
 * of each, alternating (A B A B A B) so both see the same load on a shared machine. Prints the
 * median wall, pages, the wall per page for both and the ratio working tree / COMMIT (issue 13:
 * at most 0.6).
 *
 * COMMIT (default 3b7343f, main before the scale work) is checked out with `git worktree add
 * --detach` in the temp folder; the working tree is copied there too (src/, scripts/, content/,
 * the config files; its uncommitted changes included), so nothing in /work/main is written.
 * Both get node_modules/ as a symlink to /work/main/node_modules and their own Astro cacheDir
 * (CJZL_CACHE_DIR) and ingest cache (CJZL_INGEST_CACHE) — warm means those caches are kept
 * between runs, as on a developer's machine. Every build runs under the team's build lock.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cleanEnv, dirSize, GiB, holdLock, runMeasured, secs } from './measure';

const ROOT = resolve(import.meta.dirname, '../..');

interface Tree {
  label: string;
  dir: string;
  cache: string;
  runs: { ms: number; pages: number; peak: number }[];
}

async function build(t: Tree, timeoutMs: number): Promise<{ ms: number; pages: number; peak: number }> {
  const release = await holdLock(() => {});
  try {
    rmSync(join(t.dir, 'dist'), { recursive: true, force: true });
    const r = await runMeasured('npm', ['run', 'build'], {
      cwd: t.dir,
      env: cleanEnv({ SITE_BASE: '/', CJZL_CACHE_DIR: join(t.cache, 'astro'), CJZL_INGEST_CACHE: join(t.cache, 'ingest') }),
      timeoutMs,
    });
    if (r.code !== 0 || r.timedOut) {
      const tail = r.lines.slice(-15).map((l) => l.text).join('\n');
      throw new Error(`npm run build in ${t.label} (${t.dir}) ${r.timedOut ? 'ran out of time' : `failed (exit ${r.code})`}:\n${tail}`);
    }
    return { ms: r.ms, pages: dirSize(join(t.dir, 'dist'), (p) => p.endsWith('.html')).files, peak: r.peakRss };
  } finally {
    release();
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function main() {
  const argv = process.argv.slice(2);
  let commit = '3b7343f';
  let runs = 3;
  let timeoutMin = 15;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--runs') runs = Number(argv[++i]);
    else if (a === '--step-timeout') timeoutMin = Number(argv[++i]);
    else if (!a.startsWith('--')) commit = a;
    else throw new Error(`unknown option ${a} (use [COMMIT] [--runs N] [--step-timeout MIN])`);
  }
  const sha = execFileSync('git', ['rev-parse', '--short', commit], { cwd: ROOT, encoding: 'utf8' }).trim();
  const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8' }).trim() ? ' + uncommitted changes' : '';
  const tmp = mkdtempSync(join(tmpdir(), 'cjzl-bench-build-'));
  const log = (s: string) => process.stdout.write(s + '\n');
  log(`bench:build — ${sha} vs the working tree (${head}${dirty}); warm, median of ${runs}; ${cpus().length} cores; temp ${tmp}`);
  const base: Tree = { label: sha, dir: join(tmp, 'base'), cache: join(tmp, 'cache-base'), runs: [] };
  const work: Tree = { label: 'working tree', dir: join(tmp, 'work'), cache: join(tmp, 'cache-work'), runs: [] };
  try {
    execFileSync('git', ['worktree', 'add', '--detach', base.dir, sha], { cwd: ROOT, stdio: 'ignore' });
    symlinkSync(join(ROOT, 'node_modules'), join(base.dir, 'node_modules'));
    mkdirSync(work.dir);
    for (const d of ['src', 'scripts', 'content', 'public']) cpSync(join(ROOT, d), join(work.dir, d), { recursive: true, filter: (p) => !p.includes('/node_modules') });
    for (const f of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'site.config.yaml']) if (existsSync(join(ROOT, f))) cpSync(join(ROOT, f), join(work.dir, f));
    symlinkSync(join(ROOT, 'node_modules'), join(work.dir, 'node_modules'));
    const limit = timeoutMin * 60_000;
    for (const t of [base, work]) {
      log(`  warm-up: ${t.label} …`);
      const r = await build(t, limit);
      log(`  warm-up: ${t.label} ${secs(r.ms)}, ${r.pages} pages`);
    }
    for (let i = 1; i <= runs; i++) {
      for (const t of [base, work]) {
        const r = await build(t, limit);
        t.runs.push(r);
        log(`  run ${i}: ${t.label.padEnd(12)} ${secs(r.ms)}, ${r.pages} pages, ${(r.ms / r.pages).toFixed(1)} ms a page, peak ${GiB(r.peak)}`);
      }
    }
    const per = (t: Tree) => median(t.runs.map((r) => r.ms / r.pages));
    log('');
    log(`| tree | median npm run build | pages | ms a page | peak memory |`);
    log(`|---|---|---|---|---|`);
    for (const t of [base, work]) log(`| ${t.label} | ${secs(median(t.runs.map((r) => r.ms)))} | ${t.runs.at(-1)!.pages} | ${per(t).toFixed(1)} | ${GiB(Math.max(...t.runs.map((r) => r.peak)))} |`);
    const ratio = per(work) / per(base);
    log(`\nratio (working tree / ${sha}) per page: ${ratio.toFixed(2)} (issue 13 target ≤ 0.60)`);
  } finally {
    try {
      execFileSync('git', ['worktree', 'remove', '--force', base.dir], { cwd: ROOT, stdio: 'ignore' });
    } catch {
      // not added
    }
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`bench:build: ${(e as Error).message}`);
  process.exitCode = 1;
});
