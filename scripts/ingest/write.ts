/**
 * The write step of the ingest, shared by the CLI (`npm run ingest`, `--check`) and the dev server
 * (src/integrations/dev-ingest.ts): compare the report's output with the generated files under
 * `<out>/content/` of the collections this run manages, then write what changed and remove what is
 * no longer produced. Unchanged files are not touched (their mtime stays, so watchers stay quiet).
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { IngestReport } from './run';

export interface OutputPlan {
  /** Paths (relative to out) whose content the ingest changes or adds. */
  changed: string[];
  /** Generated paths of the managed collections that the ingest no longer produces. */
  stale: string[];
  /** The generated paths of the managed collections there now. */
  existing: Set<string>;
  /** The output's bytes (UTF-8) by path, encoded once: compared, written and hashed for the manifest (unchanged.ts). */
  bytes: Map<string, Buffer>;
}

/**
 * What writing the report's output into `out` would change. Each output is encoded once and
 * compared byte for byte with the file there (read into one reused buffer, never decoded): at 1,000
 * notices that is 55,585 files, 245 MB, and decoding them as text cost more than the reading.
 */
export function planOutput(report: Pick<IngestReport, 'collections' | 'output'>, out: string): OutputPlan {
  const existing = new Set<string>();
  for (const c of Object.keys(report.collections)) {
    const dir = join(out, 'content', c);
    if (existsSync(dir)) for (const f of readdirSync(dir)) if (f.endsWith('.mdx')) existing.add(`content/${c}/${f}`);
    if (existsSync(join(out, 'content', 'data', `${c}.json`))) existing.add(`content/data/${c}.json`);
  }
  const produced = new Set<string>();
  const bytes = new Map<string, Buffer>();
  const changed: string[] = [];
  let scratch = Buffer.allocUnsafe(1 << 16);
  for (const f of report.output) {
    produced.add(f.path);
    const b = Buffer.from(f.content, 'utf8');
    bytes.set(f.path, b);
    if (!existing.has(f.path)) {
      changed.push(f.path);
      continue;
    }
    // One byte more than the output: a longer file reads more and differs.
    if (scratch.length < b.length + 1) scratch = Buffer.allocUnsafe(Math.max(b.length + 1, scratch.length * 2));
    let same = false;
    try {
      const fd = openSync(join(out, f.path), 'r');
      try {
        let n = 0;
        for (let r; n < b.length + 1 && (r = readSync(fd, scratch, n, b.length + 1 - n, n)) > 0; ) n += r;
        same = n === b.length && scratch.subarray(0, n).equals(b);
      } finally {
        closeSync(fd);
      }
    } catch {
      // unreadable: written again
    }
    if (!same) changed.push(f.path);
  }
  const stale = [...existing].filter((p) => !produced.has(p)).sort();
  return { changed, stale, existing, bytes };
}

/** Writes the changed files and removes the stale ones; returns the plan it carried out. */
export function writeOutput(report: Pick<IngestReport, 'collections' | 'output'>, out: string, plan = planOutput(report, out)): OutputPlan {
  const changed = new Set(plan.changed);
  for (const f of report.output) {
    if (!changed.has(f.path)) continue;
    const p = join(out, f.path);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, plan.bytes.get(f.path) ?? f.content);
  }
  for (const p of plan.stale) rmSync(join(out, p));
  return plan;
}
