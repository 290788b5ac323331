/**
 * Build the real site against OTHER content: a scratch project folder that shares the code of
 * /work/main (src/ and astro.config.mjs copied, node_modules/, public/ and scripts/ symlinked) and
 * has its own content/. Used by tests that run generated notices through ingest AND astro build
 * (tests/ingest/text-is-data-build.test.ts) without touching the committed content/.
 *
 * How to use:
 *   const proj = makeScratchProject(contentDir);   // contentDir = the ingest's `--out DIR`/content
 *   const { ms } = buildScratchProject(proj, join(proj, 'dist'));
 *   …
 *   removeScratch(proj);
 *
 * Why copies and not symlinks for src/: Vite resolves symlinks to their real path, so a symlinked
 * src/ would import ../../content/themes.yaml from /work/main instead of the scratch content.
 * The build runs with the scratch folder as cwd (its own .astro/ and cache), under
 * /tmp/cjzl-build.lock like every test build (tests/setup/build.ts), with the same clean env.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

/** A child process env without the Vite/Vitest variables (a child astro build would read BASE_URL). */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|TEST|VITEST.*|VITE_.*)$/.test(k)),
  );
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1', ...extra };
}

/** A fresh temp folder (under the OS temp dir, never inside the project tree). */
export function scratchDir(prefix = 'cjzl-scratch-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * Creates <dir>/proj: the site's code plus `content` (copied). themes.yaml is taken from the real
 * content/ when the given content has none (the site reads it); errata.yaml is an empty list.
 */
export function makeScratchProject(content: string, dir = scratchDir()): string {
  const proj = join(dir, 'proj');
  cpSync(join(ROOT, 'src'), join(proj, 'src'), { recursive: true });
  for (const f of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'site.config.yaml']) copyFileSync(join(ROOT, f), join(proj, f));
  for (const d of ['node_modules', 'public', 'scripts']) symlinkSync(join(ROOT, d), join(proj, d));
  cpSync(content, join(proj, 'content'), { recursive: true });
  if (!existsSync(join(proj, 'content/themes.yaml'))) copyFileSync(join(ROOT, 'content/themes.yaml'), join(proj, 'content/themes.yaml'));
  if (!existsSync(join(proj, 'content/errata.yaml'))) writeFileSync(join(proj, 'content/errata.yaml'), '[]\n');
  return proj;
}

/** `astro build --outDir outDir` in the scratch project (base '/'), under the team's build lock. */
export function buildScratchProject(proj: string, outDir: string): { ms: number; log: string } {
  const astroBin = join(ROOT, 'node_modules/astro/bin/astro.mjs');
  const useFlock = !process.env.CJZL_NO_BUILD_LOCK && existsSync('/usr/bin/flock');
  const build = [process.execPath, astroBin, 'build', '--outDir', outDir];
  const [cmd, ...args] = useFlock ? ['/usr/bin/flock', '-w', '900', '/tmp/cjzl-build.lock', ...build] : build;
  const t = Date.now();
  const r = spawnSync(cmd!, args, {
    cwd: proj,
    env: cleanEnv({ SITE_BASE: '/', CJZL_CACHE_DIR: outDir.replace(/\/?$/, '') + '-cache' }),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const log = `${r.stdout}\n${r.stderr}`;
  if (r.status !== 0) throw new Error(`astro build in ${proj} failed with status ${r.status}:\n${log}`);
  return { ms: Date.now() - t, log };
}

/**
 * The real ingest CLI (scripts/ingest/cli.ts through tsx): `--sources sources --out out` with no
 * errata. It writes out/content/<collection>/*.mdx and out/content/data/*.json.
 */
export function runIngestCli(sources: string, out: string): { status: number | null; stdout: string; stderr: string } {
  const tsx = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
  const r = spawnSync(process.execPath, [tsx, 'scripts/ingest/cli.ts', '--sources', sources, '--out', out, '--errata', join(out, 'no-errata.yaml')], {
    cwd: ROOT,
    env: cleanEnv(),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function removeScratch(dir: string): void {
  if (!process.env.CJZL_KEEP_TEST_BUILDS) rmSync(dir, { recursive: true, force: true });
}

/**
 * The whole chain on the notices in <work>/sources: the ingest CLI into <work>/out (no errata), a
 * scratch project with that content in <work>/proj, `astro build` into <work>/dist. Returns the dist
 * folder; throws with the ingest's stderr when it refuses.
 */
export function ingestAndBuild(work: string): string {
  const out = join(work, 'out');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'no-errata.yaml'), '[]\n');
  const r = runIngestCli(join(work, 'sources'), out);
  if (r.status !== 0) throw new Error(`ingest of ${join(work, 'sources')} failed with status ${r.status}:\n${r.stderr}`);
  const proj = makeScratchProject(join(out, 'content'), work);
  const dist = join(work, 'dist');
  buildScratchProject(proj, dist);
  return dist;
}
