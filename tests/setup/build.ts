/**
 * Vitest globalSetup: builds the site ONCE per test run into a temp folder (never the stale dist/)
 * and provides its path. Wired in vitest.config.ts (test.globalSetup).
 *
 * How to use in a test:
 *   import { inject } from 'vitest';
 *   const dist = inject('distDir');                 // built at base '/', Pagefind index included
 *   // Need the sub-path build? (built lazily on first use, then cached for the run)
 *   import { buildAt } from '../setup/build';
 *   const subDist = await buildAt('/zfjs/cjzl/');    // in a beforeAll with a long timeout
 *   // Then serve it: serveDir(subDist, '/zfjs/cjzl/') from tests/helpers/browser.ts.
 *
 * The build is `astro build --outDir <tmp>` WITHOUT `npm run ingest`: it renders the committed
 * content/. Builds go to node_modules/.cache/cjzl-test/run-XXXXXX/ (removed after the run) and hold
 * /tmp/cjzl-build.lock (when `flock` exists), so they never read content/ while someone's
 * `flock /tmp/cjzl-build.lock npm run ingest` is writing it. Never run `npm test` itself under that lock.
 * Set CJZL_TEST_DIST=/path/to/dist to reuse an existing build (quick local iteration only), or
 * CJZL_SKIP_BUILD=1 when running only unit tests that need no built site (distDir is then '').
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { chromiumExecutable } from '../helpers/browser';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Absolute path of the site built at base '/'. */
    distDir: string;
    /** Per-run folder holding builds (used by buildAt). */
    buildRoot: string;
  }
}

const ROOT = resolve(import.meta.dirname, '../..');

function slugBase(base: string): string {
  return base.replace(/^\/+|\/+$/g, '').replace(/[^a-zA-Z0-9]+/g, '-') || 'root';
}

function normBase(base: string): string {
  return ('/' + base.replace(/^\/+|\/+$/g, '') + '/').replace(/^\/\/$/, '/');
}

/**
 * Runs `astro build` for `base` into `outDir` — or into several folders one after the other under
 * one hold of the build lock (two fresh builds of the same inputs, for the determinism check).
 * Throws with the build output on failure.
 */
export function runAstroBuild(outDir: string | string[], base = '/', extraEnv: Record<string, string> = {}): { ms: number } {
  const astroBin = join(ROOT, 'node_modules/astro/bin/astro.mjs');
  const outs = Array.isArray(outDir) ? outDir : [outDir];
  const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  // Each folder gets its own Astro cache, so every build starts fresh.
  const script = outs
    .map((o) => `CJZL_CACHE_DIR=${q(o.replace(/\/?$/, '') + '-cache')} ${q(process.execPath)} ${q(astroBin)} build --outDir ${q(o)}`)
    .join(' && ');
  const useFlock = !process.env.CJZL_NO_BUILD_LOCK && existsSync('/usr/bin/flock');
  // Exclusive: astro build also writes next to the project (content layer sync, .astro/), so builds
  // — ours, other engineers' test runs and `npm run build` — take turns.
  const cmd = useFlock ? '/usr/bin/flock' : '/bin/sh';
  const cmdArgs = useFlock ? ['-w', '900', '/tmp/cjzl-build.lock', '/bin/sh', '-c', script] : ['-c', script];
  // Vitest puts Vite's env (BASE_URL, MODE, DEV, PROD, SSR, NODE_ENV=test, VITEST…) into process.env;
  // a child `astro build` would pick BASE_URL up and ignore SITE_BASE, so pass a clean env.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|TEST|VITEST.*|VITE_.*)$/.test(k)),
  );
  const t = Date.now();
  const r = spawnSync(cmd, cmdArgs, {
    cwd: ROOT,
    env: { ...env, SITE_BASE: normBase(base), ASTRO_TELEMETRY_DISABLED: '1', ...extraEnv },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) {
    throw new Error(`astro build (base ${base}) failed with status ${r.status}:\n${r.stdout}\n${r.stderr}`);
  }
  return { ms: Date.now() - t };
}

function sleep(ms: number) {
  return new Promise((r) => setTimeout(r, ms));
}

/**
 * The site built at `base` for this test run; the first call builds it (≈ the time of one build),
 * later calls — from any worker — return the cached folder. Safe to call concurrently.
 */
export async function buildAt(base: string, buildRoot?: string): Promise<string> {
  let root = buildRoot;
  if (!root) {
    const { inject } = await import('vitest');
    root = inject('buildRoot');
  }
  const b = normBase(base);
  const dir = join(root, slugBase(b));
  const out = join(dir, 'dist');
  const done = join(dir, 'done');
  const lock = join(root, slugBase(b) + '.lock');
  for (;;) {
    if (existsSync(done)) {
      const msg = readFileSync(done, 'utf8');
      if (msg !== 'ok') throw new Error(msg);
      return out;
    }
    try {
      mkdirSync(lock);
      break;
    } catch {
      await sleep(200);
    }
  }
  try {
    if (existsSync(done)) return buildAt(base, root);
    mkdirSync(dir, { recursive: true });
    try {
      runAstroBuild(out, b);
      writeFileSync(done, 'ok');
    } catch (e) {
      writeFileSync(done, (e as Error).message);
      throw e;
    }
    return out;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export default async function setup(project: TestProject) {
  // Inside the project on purpose: Astro puts its prerender chunks under <outDir>/.prerender only
  // when outDir is inside the cwd (else in the shared <root>/.astro/, where parallel builds collide).
  const cacheRoot = join(ROOT, 'node_modules/.cache/cjzl-test');
  mkdirSync(cacheRoot, { recursive: true });
  const buildRoot = mkdtempSync(join(cacheRoot, 'run-'));
  project.provide('buildRoot', buildRoot);
  let distDir: string;
  if (process.env.CJZL_SKIP_BUILD) {
    // Unit-test-only runs may skip the build; tests that inject('distDir') then fail loudly.
    distDir = '';
  } else if (process.env.CJZL_TEST_DIST && existsSync(process.env.CJZL_TEST_DIST) && statSync(process.env.CJZL_TEST_DIST).isDirectory()) {
    distDir = resolve(process.env.CJZL_TEST_DIST);
  } else {
    const t = Date.now();
    distDir = await buildAt('/', buildRoot);
    console.log(`[tests/setup/build] built the site at / into ${distDir} in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  project.provide('distDir', distDir);
  // Extract the packed Chromium once, before workers start (cheap when already done).
  await chromiumExecutable();
  return () => {
    if (!process.env.CJZL_KEEP_TEST_BUILDS) rmSync(buildRoot, { recursive: true, force: true });
  };
}
