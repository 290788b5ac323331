/**
 * The write step of the ingest, shared by the CLI (`npm run ingest`, `--check`) and the dev server
 * (src/integrations/dev-ingest.ts): compare the report's output with the generated files under
 * `<out>/content/` of the collections this run manages, then write what changed and remove what is
 * no longer produced. Unchanged files are not touched (their mtime stays, so watchers stay quiet).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { IngestReport } from './run';

export interface OutputPlan {
  /** Paths (relative to out) whose content the ingest changes or adds. */
  changed: string[];
  /** Generated paths of the managed collections that the ingest no longer produces. */
  stale: string[];
  /** What is there now, by path. */
  existing: Map<string, string>;
}

/** What writing the report's output into `out` would change. */
export function planOutput(report: Pick<IngestReport, 'collections' | 'output'>, out: string): OutputPlan {
  const existing = new Map<string, string>();
  for (const c of Object.keys(report.collections)) {
    const dir = join(out, 'content', c);
    if (existsSync(dir)) for (const f of readdirSync(dir).filter((x) => x.endsWith('.mdx'))) existing.set(`content/${c}/${f}`, readFileSync(join(dir, f), 'utf8'));
    const json = join(out, 'content', 'data', `${c}.json`);
    if (existsSync(json)) existing.set(`content/data/${c}.json`, readFileSync(json, 'utf8'));
  }
  const produced = new Set(report.output.map((f) => f.path));
  const changed = report.output.filter((f) => existing.get(f.path) !== f.content).map((f) => f.path);
  const stale = [...existing.keys()].filter((p) => !produced.has(p)).sort();
  return { changed, stale, existing };
}

/** Writes the changed files and removes the stale ones; returns the plan it carried out. */
export function writeOutput(report: Pick<IngestReport, 'collections' | 'output'>, out: string, plan = planOutput(report, out)): OutputPlan {
  for (const f of report.output) {
    if (plan.existing.get(f.path) === f.content) continue;
    const p = join(out, f.path);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, f.content);
  }
  for (const p of plan.stale) rmSync(join(out, p));
  return plan;
}
