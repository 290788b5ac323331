/**
 * Content-hash cache of parsed notices: a notice whose bytes, errata and ingest version are
 * unchanged is not parsed again (read → clean → segment → documents are skipped; the later
 * stages — ids, link, extractors, emit, coverage — run on every file as always, since they look
 * at the whole corpus).
 *
 * Key = sha256 of
 *   - the ingest's own version: a hash of every file under scripts/ingest/ (code, YAML, data) and of
 *     package-lock.json (a dependency upgrade can change a parse), see ingestVersion();
 *   - the file name (records carry it) and the file's bytes;
 *   - the errata entries that name the file (content/errata.yaml), and the --max-bytes limit.
 * Value = the ParsedFile as v8.serialize wrote it right after the parse (before any later stage
 * touched the tree), so a hit is the same plain data a parse returns, and the output is the same
 * with or without the cache (tests/ingest/cache.test.ts checks cold, warm and --no-cache outputs
 * byte for byte).
 *
 * Where: node_modules/.cache/cjzl-ingest/<version>/<key>.bin (gitignored with node_modules/), or
 * the folder in CJZL_INGEST_CACHE (the benchmarks use their own). Folders of other versions older
 * than a day are removed when a cache is opened, so the cache holds about one version of the corpus.
 * A file that cannot be read back is a miss (and is rewritten). `npm run ingest -- --no-cache` runs
 * without it.
 *
 * (Emit and coverage are not memoised: with their fast paths for plain text — emit.ts bodyToMarkdown,
 * coverage.ts bodyText — computing them costs less than keying, loading and saving a memo of them.)
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Erratum } from './errata';
import type { ParsedFile } from './index';
import { defaultCacheDir, ingestVersion } from './unchanged';

export { defaultCacheDir, hashSources, ingestVersion } from './unchanged';

export interface CacheKeyInput {
  file: string;
  bytes: Uint8Array;
  /** All errata of the run; only those naming `file` are part of the key. */
  errata: readonly Erratum[];
  maxBytes?: number;
}

const sortedJson = (o: unknown): string =>
  JSON.stringify(o, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v));

export class IngestCache {
  readonly dir: string;
  readonly version: string;
  hits = 0;
  misses = 0;

  constructor(options: { dir?: string; version?: string } = {}) {
    this.version = options.version ?? ingestVersion();
    const base = options.dir ?? defaultCacheDir();
    this.dir = join(base, this.version);
    mkdirSync(this.dir, { recursive: true });
    // Other versions' folders, when not used for a day: stale.
    const dayAgo = Date.now() - 86_400_000;
    for (const d of readdirSync(base)) {
      if (d === this.version) continue;
      try {
        if (statSync(join(base, d)).mtimeMs < dayAgo) rmSync(join(base, d), { recursive: true, force: true });
      } catch {
        // removed meanwhile
      }
    }
  }

  key(k: CacheKeyInput): string {
    const h = createHash('sha256');
    h.update(this.version).update('\0').update(k.file).update('\0').update(String(k.maxBytes ?? '')).update('\0');
    h.update(sortedJson(k.errata.filter((e) => e.file === k.file))).update('\0');
    h.update(k.bytes);
    return h.digest('hex');
  }

  get(k: CacheKeyInput): ParsedFile | undefined {
    const p = join(this.dir, `${this.key(k)}.bin`);
    if (!existsSync(p)) {
      this.misses++;
      return undefined;
    }
    try {
      const parsed = deserialize(readFileSync(p)) as ParsedFile;
      this.hits++;
      return parsed;
    } catch {
      this.misses++;
      return undefined;
    }
  }

  /** Writes under way (put): creating a file costs about 1.5 ms of system time here, 1,000 of them 1.7 s of the main thread when written in line. */
  private pending: Promise<void>[] = [];

  /**
   * Store right after the parse, before any later stage changes the tree. The tree is serialised
   * now (the caller may change it later); the file is written in the background (libuv's thread
   * pool, while the ingest goes on) as a temporary file renamed into place, so a reader never sees
   * half an entry. `flush()` waits for every write.
   */
  put(k: CacheKeyInput, parsed: ParsedFile): void {
    let bytes: Buffer;
    try {
      bytes = serialize(parsed);
    } catch {
      return;
    }
    const p = join(this.dir, `${this.key(k)}.bin`);
    const tmp = `${p}.${process.pid}.${this.pending.length}.tmp`;
    this.pending.push(
      writeFile(tmp, bytes)
        .then(() => rename(tmp, p))
        // A cache that cannot be written is only slower.
        .catch(() => rm(tmp, { force: true }).catch(() => {})),
    );
  }

  /** Waits until every entry put so far is on disk (or given up). */
  async flush(): Promise<void> {
    while (this.pending.length) await Promise.all(this.pending.splice(0));
  }
}
