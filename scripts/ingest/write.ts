/**
 * The write step of the ingest, shared by the CLI (`npm run ingest`, `--check`) and the dev server
 * (src/integrations/dev-ingest.ts): compare the report's output with the generated files under
 * `<out>/content/` of the collections this run manages, then write what changed and remove what is
 * no longer produced. Unchanged files are not touched (their mtime stays, so watchers stay quiet).
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { IngestReport } from './run';
import { contentHash } from './unchanged';

export interface OutputPlan {
  /** Paths (relative to out) whose content the ingest changes or adds. */
  changed: string[];
  /** Generated paths of the managed collections that the ingest no longer produces. */
  stale: string[];
  /** The generated paths of the managed collections there now. */
  existing: Set<string>;
  /** With `hash`: each output's hash (unchanged.ts contentHash of its UTF-8 bytes), for the manifest. */
  hashes?: Map<string, string>;
}

/**
 * What writing the report's output into `out` would change. Each output is encoded as UTF-8 into one
 * reused buffer and compared byte for byte with the file there (read into another, never decoded):
 * at 1,000 notices that is 55,585 files, 245 MB, and decoding them as text cost more than the
 * reading. No buffer is kept per file (245 MB of them held at once made the garbage collector work
 * harder). `hash`: also hash each output's bytes for the manifest (unchanged.ts).
 */
export function planOutput(report: Pick<IngestReport, 'collections' | 'output'>, out: string, options: { hash?: boolean } = {}): OutputPlan {
  const existing = new Set<string>();
  for (const c of Object.keys(report.collections)) {
    const dir = join(out, 'content', c);
    if (existsSync(dir)) for (const f of readdirSync(dir)) if (f.endsWith('.mdx')) existing.add(`content/${c}/${f}`);
    if (existsSync(join(out, 'content', 'data', `${c}.json`))) existing.add(`content/data/${c}.json`);
  }
  const produced = new Set<string>();
  const hashes = options.hash ? new Map<string, string>() : undefined;
  const changed: string[] = [];
  let encoded = Buffer.allocUnsafe(1 << 16);
  let onDisk = Buffer.allocUnsafe(1 << 16);
  for (const f of report.output) {
    produced.add(f.path);
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    if (encoded.length < f.content.length * 3) encoded = Buffer.allocUnsafe(Math.max(f.content.length * 3, encoded.length * 2));
    const b = encoded.subarray(0, encoded.write(f.content, 'utf8'));
    hashes?.set(f.path, contentHash(b));
    if (!existing.has(f.path)) {
      changed.push(f.path);
      continue;
    }
    // One byte more than the output: a longer file reads more and differs.
    if (onDisk.length < b.length + 1) onDisk = Buffer.allocUnsafe(Math.max(b.length + 1, onDisk.length * 2));
    let same = false;
    try {
      const fd = openSync(join(out, f.path), 'r');
      try {
        let n = 0;
        for (let r; n < b.length + 1 && (r = readSync(fd, onDisk, n, b.length + 1 - n, n)) > 0; ) n += r;
        same = n === b.length && onDisk.subarray(0, n).equals(b);
      } finally {
        closeSync(fd);
      }
    } catch {
      // unreadable: written again
    }
    if (!same) changed.push(f.path);
  }
  const stale = [...existing].filter((p) => !produced.has(p)).sort();
  return { changed, stale, existing, hashes };
}

/** Writes the changed files and removes the stale ones; returns the plan it carried out. */
export function writeOutput(report: Pick<IngestReport, 'collections' | 'output'>, out: string, plan = planOutput(report, out)): OutputPlan {
  const changed = new Set(plan.changed);
  for (const f of report.output) {
    if (!changed.has(f.path)) continue;
    const p = join(out, f.path);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, f.content);
  }
  for (const p of plan.stale) rmSync(join(out, p));
  return plan;
}
