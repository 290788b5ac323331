/**
 * The no-change fast path of `npm run ingest` (and so of `npm run build`): a record of the last
 * successful run — the MANIFEST — says what went in and what came out; when every input and every
 * generated file is still exactly that, the run has nothing to do and stops before the parser, the
 * extractors and the serialisers are even loaded.
 *
 * Inputs (each a sha256 of the bytes): every source file (names as listSources lists them), the
 * errata file, content/themes.yaml (the themes the extractors match), and the ingest's own version
 * (every file under scripts/ingest/ — code, YAML, data — and package-lock.json, see ingestVersion()).
 * Outputs: every generated file of the collections the run wrote (`content/<collection>/*.mdx` and
 * `content/data/<collection>.json`, the files write.ts compares), each a sha256 of the bytes the
 * ingest produced; the folder is listed again, so a missing, hand-edited or extra file is seen. If
 * anything differs, the full run happens (and restores content/). The options that change the
 * output (--sources, --out, --errata, --max-bytes, as absolute paths) pick the manifest file.
 *
 * A manifest is written only after a run that ended well (exit 0: output written or, with --check,
 * found up to date), in the ingest cache folder (node_modules/.cache/cjzl-ingest/, or
 * CJZL_INGEST_CACHE). `--no-cache` neither reads nor writes it; a clean clone has none, so its first
 * run (and CI's `npm run ingest -- --check`) is always a full run. Paths in the manifest are
 * relative with `/` (as the generated paths are), so it reads the same on Windows.
 *
 * This module imports nothing but Node built-ins: scripts/ingest/start.ts runs it with plain Node
 * (type stripping), before tsx and the heavy modules are loaded.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const INGEST_DIR = import.meta.dirname;
const ROOT = resolve(INGEST_DIR, '../..');
/** The themes file the extractors read (scripts/ingest/themes.ts DEFAULT_THEMES_PATH). */
const THEMES_FILE = join(ROOT, 'content/themes.yaml');
const MANIFEST_FORMAT = 1;

export interface Args {
  check: boolean;
  strict: boolean;
  sources: string;
  out: string;
  maxBytes?: number;
  quiet: boolean;
  errata: string;
  cache: boolean;
  /** Run the whole ingest even when nothing changed (the parse cache still serves unchanged notices). */
  full: boolean;
}

export function parseArgs(argv: string[]): Args {
  const args: Args = { check: false, strict: false, sources: 'content/sources', out: '.', quiet: false, errata: 'content/errata.yaml', cache: true, full: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--check') args.check = true;
    else if (a === '--quiet') args.quiet = true;
    else if (a === '--no-cache') args.cache = false;
    else if (a === '--full') args.full = true;
    else if (a === '--strict') args.strict = true;
    else if (a === '--sources') args.sources = value();
    else if (a === '--out') args.out = value();
    else if (a === '--errata') args.errata = value();
    else if (a === '--max-bytes') args.maxBytes = Number(value());
    else throw new Error(`unknown option ${a} (use --check, --strict, --sources DIR, --out DIR, --errata FILE, --max-bytes N, --quiet, --no-cache, --full)`);
  }
  return args;
}

/**
 * Every file in dir, sorted by name (deterministic). Hidden files (".gitkeep", editor backups
 * starting with "." or "~$") are skipped; any other file is a source — one with an extension
 * we cannot read is refused by parseFile, never skipped silently.
 */
export function listSources(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => !/^(?:\.|~\$)/.test(f) && statSync(join(dir, f)).isFile())
    .sort();
}

/** Every file under dir (sorted, relative paths). */
function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push(p);
    }
  };
  walk(dir);
  return out.map((p) => relative(dir, p).split('\\').join('/')).sort();
}

/** A hash of every file under `dir` (paths and bytes) and of `lockfile` when it exists. */
export function hashSources(dir: string, lockfile?: string): string {
  const h = createHash('sha256');
  for (const f of listFiles(dir)) h.update(f).update('\0').update(readFileSync(join(dir, f))).update('\0');
  if (lockfile && existsSync(lockfile)) h.update('package-lock.json\0').update(readFileSync(lockfile));
  return h.digest('hex').slice(0, 16);
}

let version: string | undefined;

/** The ingest's version: a hash of its source files (scripts/ingest/**) and of package-lock.json. */
export function ingestVersion(): string {
  return (version ??= hashSources(INGEST_DIR, join(ROOT, 'package-lock.json')));
}

export function defaultCacheDir(): string {
  return process.env.CJZL_INGEST_CACHE || join(ROOT, 'node_modules/.cache/cjzl-ingest');
}

const sha = (b: string | Uint8Array) => createHash('sha256').update(b).digest('hex').slice(0, 32);
/** The hash the manifest keeps of a generated file (its bytes, or a text as UTF-8). */
export const contentHash = sha;
const hashFile = (p: string) => (existsSync(p) ? sha(readFileSync(p)) : 'none');

interface Manifest extends Inputs {
  format: number;
  collections: string[];
  outputs: Record<string, string>;
  warnings: number;
  /** The report's closing lines (warnings) of that run, printed again when nothing changed. */
  replay: string[];
}

/** The manifest file of these options (the output-changing ones, as absolute paths). */
export function manifestPath(args: Args, cacheDir = defaultCacheDir()): string {
  const key = JSON.stringify([resolve(args.sources), resolve(args.out), resolve(args.errata), args.maxBytes ?? null]);
  return join(cacheDir, `manifest-${sha(key).slice(0, 16)}.json`);
}

/** The generated files of `collections` now under `out` (the set write.ts compares), sorted. */
function generatedFiles(out: string, collections: readonly string[]): string[] {
  const files: string[] = [];
  for (const c of collections) {
    const dir = join(out, 'content', c);
    if (existsSync(dir)) for (const f of readdirSync(dir)) if (f.endsWith('.mdx')) files.push(`content/${c}/${f}`);
    if (existsSync(join(out, 'content', 'data', `${c}.json`))) files.push(`content/data/${c}.json`);
  }
  return files.sort();
}

/** The inputs of a run as they are now (read before the run, so a file changed meanwhile is a change next time). */
export interface Inputs {
  version: string;
  sources: Record<string, string>;
  errata: string;
  themes: string;
  sourceBytes: number;
}

export function readInputs(args: Args, options: { version?: string } = {}): Inputs {
  const sources: Record<string, string> = {};
  let sourceBytes = 0;
  for (const n of listSources(args.sources)) {
    const b = readFileSync(join(args.sources, n));
    sourceBytes += b.length;
    sources[n] = sha(b);
  }
  return { version: options.version ?? ingestVersion(), sources, errata: hashFile(args.errata), themes: hashFile(THEMES_FILE), sourceBytes };
}

export type Decision =
  | { unchanged: true; files: number; sources: number; sourceBytes: number; replay: string[] }
  | { unchanged: false; reason: string; inputs?: Inputs };

/**
 * Is everything as the last successful run with these options left it? Reads the manifest, hashes
 * the inputs, lists and hashes the generated files; names the first difference it finds.
 */
export function decide(args: Args, options: { cacheDir?: string; version?: string } = {}): Decision {
  if (!args.cache) return { unchanged: false, reason: '--no-cache' };
  if (args.full) return { unchanged: false, reason: '--full', inputs: readInputs(args, options) };
  let inputs: Inputs | undefined;
  const miss = (reason: string): Decision => ({ unchanged: false, reason, inputs });
  try {
    inputs = readInputs(args, options);
  } catch {
    return miss(`cannot read ${args.sources}`);
  }
  let m: Manifest;
  try {
    m = JSON.parse(readFileSync(manifestPath(args, options.cacheDir), 'utf8')) as Manifest;
  } catch {
    return miss('no record of an earlier run with these options');
  }
  if (m.format !== MANIFEST_FORMAT) return miss('the record of the last run is of another format');
  if (args.strict && m.warnings) return miss(`--strict, and the last run had ${m.warnings} warning(s)`);
  if (m.version !== inputs.version) return miss('the ingest program (scripts/ingest/ or package-lock.json) changed');
  if (m.errata !== inputs.errata) return miss(`${args.errata} changed`);
  if (m.themes !== inputs.themes) return miss('content/themes.yaml changed');
  const names = Object.keys(inputs.sources);
  const before = Object.keys(m.sources);
  const added = names.find((n) => !(n in m.sources));
  if (added) return miss(`new source ${added}`);
  const gone = before.find((n) => !(n in inputs!.sources));
  if (gone) return miss(`source ${gone} removed`);
  const edited = names.find((n) => inputs!.sources[n] !== m.sources[n]);
  if (edited) return miss(`source ${edited} changed`);
  const now = generatedFiles(args.out, m.collections);
  const present = new Set(now);
  const missing = Object.keys(m.outputs).find((p) => !present.has(p));
  if (missing) return miss(`${missing} is missing`);
  const extra = now.find((p) => !(p in m.outputs));
  if (extra) return miss(`${extra} is not the ingest's output`);
  for (const p of now) if (sha(readFileSync(join(args.out, p))) !== m.outputs[p]) return miss(`${p} differs from what the ingest wrote (edited by hand?)`);
  return { unchanged: true, files: now.length, sources: names.length, sourceBytes: m.sourceBytes, replay: m.replay };
}

/**
 * After a run that ended well: record its inputs (as read before it) and its output (the files as
 * the ingest produced them, which content/ now holds). Written atomically; a manifest that cannot
 * be written only costs the next run its shortcut.
 */
export function saveManifest(
  args: Args,
  inputs: Inputs,
  run: { collections: readonly string[]; output: readonly { path: string; content: string }[]; hashes?: ReadonlyMap<string, string>; warnings: number; replay: string[] },
  options: { cacheDir?: string } = {},
): void {
  if (!args.cache) return;
  const file = manifestPath(args, options.cacheDir);
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    const outputs: Record<string, string> = {};
    // The hashes write.ts made of the bytes it compared (the text's UTF-8), when given: not encoded twice.
    for (const f of run.output) outputs[f.path] = run.hashes?.get(f.path) ?? sha(f.content);
    const m: Manifest = { format: MANIFEST_FORMAT, ...inputs, collections: [...run.collections].sort(), outputs, warnings: run.warnings, replay: run.replay };
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(tmp, JSON.stringify(m));
    renameSync(tmp, file);
  } catch {
    rmSync(tmp, { force: true });
  }
}

/** What the CLI prints when nothing changed; `took` in seconds. */
export function unchangedReport(args: Args, d: Extract<Decision, { unchanged: true }>, took: number): string[] {
  const mb = d.sourceBytes / 1e6;
  return [
    `ingest: ${args.sources}${args.check ? ' (check)' : ''} — unchanged since the last run: ${d.sources} source(s), errata, themes and the ingest program as they were, ${d.files} generated file(s) as it wrote them; nothing to do`,
    args.check ? `ingest --check: content/ is up to date (${d.files} files)` : `wrote 0 file(s), removed 0, ${d.files} unchanged`,
    `ingest took ${took.toFixed(2)} s (${mb.toFixed(2)} MB of sources unchanged, nothing parsed; manifest ${manifestPath(args)})`,
    ...d.replay,
  ];
}
