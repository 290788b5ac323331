/**
 * npm run ingest [-- --check] [--strict] [--sources DIR] [--out DIR] [--max-bytes N] [--quiet] [--no-cache] [--full]
 *
 * decode → clean → segment → extract documents → registered extractors → link → emit,
 * for every file in content/sources/. Prints a report per file (encoding, documents,
 * artefacts by kind, coverage with every missing line). Writes content/<collection>/*.mdx
 * and content/data/<collection>.json — or, with --check, compares them with what is
 * committed and exits 1 listing stale files. Any error: exit 1, nothing written.
 * Warnings (a part of a notice that was skipped: file:line, what, what to do) are printed at the end
 * of the report and do not stop the ingest; with --strict they are errors (exit 1, nothing written).
 * A notice whose bytes, errata and ingest version are unchanged is not parsed again (content-hash
 * cache under node_modules/.cache/cjzl-ingest/, scripts/ingest/cache.ts); --no-cache parses every file.
 * When nothing changed since the last successful run — sources, errata, themes, the ingest program,
 * and every generated file as it was written (scripts/ingest/unchanged.ts) — it stops at once,
 * before the heavy modules load. `npm run ingest` enters through start.ts (plain Node) for that.
 */
import { performance } from 'node:perf_hooks';
import { formatWarning, IngestError, isIngestError } from './errors';
import type { IngestReport } from './run';
import { decide, parseArgs, saveManifest, unchangedReport, type Decision } from './unchanged';

/** Set by start.ts when it has already asked unchanged.ts (and the answer was: run). */
const DECIDED = Symbol.for('cjzl.ingest.decision');

const pct = (r: number) => `${(r * 100).toFixed(1)}%`;

function printReport(report: IngestReport, log: (s: string) => void) {
  for (const f of report.files) {
    const arts = Object.entries(f.artefacts)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${k}×${v}`)
      .join(', ');
    log(`  ${f.file}`);
    log(`    encoding   ${f.encoding}${f.lineEnding ? `, ${f.lineEnding} line ends` : ''}`);
    log(`    documents  ${f.documents.length}: ${f.documents.join(', ')}`);
    log(`    artefacts  ${arts || 'none'}`);
    if (Object.keys(f.normalisations).length)
      log(`    normalised ${Object.entries(f.normalisations).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${k}×${v}`).join(', ')}`);
    if (f.errata) log(`    errata     ${f.errata} correction(s) applied`);
    log(`    coverage   ${pct(f.coverage.ratio)} (${f.coverage.found}/${f.coverage.total} lines${f.coverage.artefactLines ? `; ${f.coverage.artefactLines} artefact line(s) removed` : ''})`);
    for (const m of f.coverage.missing) log(`      MISSING ${f.file}:${m.line}  ${m.text.slice(0, 80)}`);
  }
  for (const d of report.duplicates) {
    const what =
      d.reason === '发文字号' ? `发文字号 ${d.docNumber} "${d.title}"` : d.reason === 'part' ? `"${d.title}" (part of a duplicate notice, same text)` : `"${d.title}" (no 发文字号, same title and text)`;
    log(`  DUPLICATE ${what}: published once as ${d.kept}; sources ${d.sources.join(' and ')}`);
  }
  for (const [name, n] of Object.entries(report.extractors)) log(`  extractor ${name}: ${n} record(s)`);
  const counts = Object.entries(report.collections).map(([c, n]) => `${c} ${n}`).join(', ');
  log(`  records: ${counts}`);
}

/** The warnings, last, so they are seen: the count, then one `WARNING file:line what — what to do` each. */
function printWarnings(report: IngestReport, log: (s: string) => void) {
  if (!report.warnings.length) return;
  log(`${report.warnings.length} warning(s): these parts were not published; everything else was (npm run ingest -- --strict makes warnings errors)`);
  for (const w of report.warnings) log(`  ${formatWarning(w)}`);
}

async function main() {
  const started = performance.now();
  const args = parseArgs(process.argv.slice(2));
  const log = (s: string) => {
    if (!args.quiet) process.stdout.write(s + '\n');
  };
  // The no-change fast path (unchanged.ts): nothing differs from the last successful run → nothing to do.
  const decision = ((globalThis as Record<symbol, unknown>)[DECIDED] as Decision | undefined) ?? decide(args);
  if (decision.unchanged) {
    for (const line of unchangedReport(args, decision, (performance.now() - started) / 1000)) log(line);
    return;
  }
  log(`ingest: ${args.sources}${args.check ? ' (check)' : ''} — full run (${decision.reason})`);
  // The heavy modules (parser, extractors, serialisers) load only now; "ingest took" counts the
  // check above and the run from here (module loading is not in it, as before the fast path).
  const checked = performance.now() - started + (((globalThis as Record<symbol, unknown>)[Symbol.for('cjzl.ingest.checkMs')] as number | undefined) ?? 0);
  const [{ IngestCache }, { loadErrata }, { runIngest }, { planOutput, writeOutput }] = await Promise.all([import('./cache'), import('./errata'), import('./run'), import('./write')]);
  const loaded = performance.now();
  let report: IngestReport;
  try {
    const errata = loadErrata(args.errata);
    report = await runIngest({
      sources: args.sources,
      errata,
      maxBytes: args.maxBytes,
      strict: args.strict,
      cache: args.cache ? new IngestCache() : undefined,
      onProgress: (msg) => log(msg),
    });
  } catch (e) {
    reportErrors(e);
    process.exitCode = 1;
    return;
  }
  printReport(report, log);

  const lowCoverage = report.files.filter((f) => f.coverage.ratio < 1);
  // The manifest (unchanged.ts) keeps a hash of every output: made here, from the bytes compared.
  const plan = planOutput(report, args.out, { hash: args.cache && !!decision.inputs });
  const { changed, stale, existing } = plan;

  if (args.check) {
    if (changed.length || stale.length) {
      for (const p of changed) log(`  STALE ${p}${existing.has(p) ? ' (differs from the ingest output)' : ' (missing: not committed)'}`);
      for (const p of stale) log(`  STALE ${p} (no longer produced by the ingest)`);
      log(`ingest --check: ${changed.length + stale.length} generated file(s) out of date — run \`npm run ingest\` and commit content/`);
      process.exitCode = 1;
    } else log(`ingest --check: content/ is up to date (${report.output.length} files)`);
  } else {
    writeOutput(report, args.out, plan);
    log(`wrote ${changed.length} file(s), removed ${stale.length}, ${report.output.length - changed.length} unchanged`);
  }
  if (lowCoverage.length) {
    log(`coverage below 100% in ${lowCoverage.map((f) => f.file).join(', ')} (missing lines listed above)`);
    process.exitCode = 1;
  }
  const secs = (checked + performance.now() - loaded) / 1000;
  const mb = report.sourceBytes / 1e6;
  log(`ingest took ${secs.toFixed(2)} s (${mb.toFixed(2)} MB of sources, ${(mb / secs).toFixed(2)} MB/s); ${args.cache ? `${report.fromCache} file(s) from the cache` : 'cache off (--no-cache)'}`);
  const replay: string[] = [];
  printWarnings(report, (s) => {
    replay.push(s);
    log(s);
  });
  // content/ now holds exactly this run's output: the next run with the same inputs has nothing to do.
  if (!process.exitCode && decision.inputs) saveManifest(args, decision.inputs, { collections: Object.keys(report.collections), output: report.output, hashes: plan.hashes, warnings: report.warnings.length, replay });
}

function reportErrors(e: unknown) {
  const errors = e instanceof AggregateError ? e.errors : [e];
  for (const err of errors) {
    if (isIngestError(err)) {
      process.stderr.write(`ERROR ${err.message}\n`);
    } else {
      process.stderr.write(`ERROR ${(err as Error)?.stack ?? String(err)}\n`);
    }
  }
  process.stderr.write(`ingest stopped: ${errors.length} error(s); nothing was written (content/ is unchanged).\n`);
}

main().catch((e) => {
  reportErrors(e instanceof IngestError ? e : e);
  process.exitCode = 1;
});
