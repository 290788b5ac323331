/**
 * npm run bench:corpus -- DIR [--with DIR2]… [--errata FILE] [--quiet]
 *
 * Ingests a folder of notices that holds an `expected.json` (for each file name: title,
 * docNumber, docNumberAlso?, issuer, date, sections — the format of a development corpus)
 * into a scratch output and prints how many facts come out right, the refusals and
 * warnings, and every miss as `file: field expected … got …`. It never writes content/:
 * the sources are copied to a temporary folder (without expected.json) and the ingest runs
 * in memory (runIngest), its output discarded.
 *
 * `--with DIR2` adds the files of another folder (e.g. content/sources, with `--errata
 * content/errata.yaml`) to the same ingest run: refusals and warnings then cover both
 * folders together (a conflict between a seed and a corpus notice shows up); facts are
 * scored for the files expected.json names only.
 *
 * How a file's facts are read: from the document records the ingest makes of that file
 * (parseFile → finishCorpus, the same parse the ingest runs), the FIRST document of the
 * file — for a forwarding/印发 notice that is the outer notice, the forwarded document being
 * its child. title (whitespace ignored), docNumber (the 文号 as normalised, accepted when
 * it equals `docNumber` or one of `docNumberAlso`), issuer (the document's issuers joined
 * with 、), date (signedDate, the date under the signature). `sections` (lines opening with
 * 一、二、…) is counted over every document of the file as depth-1 headings and reported as
 * a separate figure. The facts are read per file even when the ingest as a whole refuses
 * (AggregateError): files that parse on their own are scored, and the refusal is listed.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadErrata, type Erratum } from '../ingest/errata';
import { isIngestError } from '../ingest/errors';
import { finishCorpus, listSources, parseFile, type ParsedFile } from '../ingest/index';
import { runIngest, type IngestReport } from '../ingest/run';
import type { DocumentMeta, NoticeRoot } from '../ingest/types';

export interface Expected {
  title: string;
  docNumber?: string;
  docNumberAlso?: string[];
  issuer?: string;
  date?: string;
  sections?: number;
}

export const FACTS = ['title', 'docNumber', 'issuer', 'date'] as const;
export type Fact = (typeof FACTS)[number];

export interface Miss {
  file: string;
  field: Fact | 'sections';
  expected: string;
  got: string;
}

export interface FileFacts {
  title: string;
  docNumber?: string;
  issuer: string;
  date?: string;
  sections: number;
}

const squash = (s: string | undefined) => (s ?? '').replace(/\s+/g, '');

/** The facts of one parsed file: its first (outer) document, depth-1 headings over all its documents. */
export function factsOf(root: NoticeRoot): FileFacts | undefined {
  const first: DocumentMeta | undefined = root.children[0]?.data;
  if (!first) return undefined;
  // Headings numbered 一、二、… (their depth may be 2 under the 章 of a regulation).
  const sections = root.children.reduce((n, d) => n + d.children.filter((b) => b.type === 'heading' && !b.scheme && /^[一二三四五六七八九十百]+[、，,．.]$/.test(b.marker)).length, 0);
  return { title: first.title, docNumber: first.docNumber, issuer: first.issuers.join('、'), date: first.signedDate, sections };
}

/** Compare the facts of a file with what expected.json says; every difference is a Miss. */
export function compare(file: string, got: FileFacts | undefined, want: Expected): { right: Fact[]; misses: Miss[] } {
  const right: Fact[] = [];
  const misses: Miss[] = [];
  const check = (field: Fact, ok: boolean, expected: string | undefined, value: string | undefined) => {
    if (ok) right.push(field);
    else misses.push({ file, field, expected: expected || '(none)', got: value || '(none)' });
  };
  check('title', !!got && squash(got.title) === squash(want.title), want.title, got?.title);
  const numbers = [want.docNumber, ...(want.docNumberAlso ?? [])].filter(Boolean).map(squash);
  check('docNumber', !!got && (numbers.length ? numbers.includes(squash(got.docNumber)) : !got.docNumber), want.docNumber, got?.docNumber);
  check('issuer', !!got && squash(got.issuer) === squash(want.issuer), want.issuer, got?.issuer);
  check('date', !!got && (got.date ?? '') === (want.date ?? ''), want.date, got?.date);
  return { right, misses };
}

export interface BenchResult {
  files: number;
  facts: { right: number; total: number };
  perFact: Record<Fact, number>;
  sections: { right: number; total: number };
  misses: Miss[];
  refusals: string[];
  warnings: string[];
  /** What extractors skipped, with file:line and why (the ingest report's notes). */
  notes: string[];
  ingest: 'ok' | 'refused';
  seconds: number;
}

/** One line for a warning of the ingest report, whatever its shape (string, IngestError, or {file, line, detail, action}). */
function warningLine(w: unknown): string {
  if (typeof w === 'string') return w;
  if (isIngestError(w)) return w.message;
  const o = w as { file?: string; line?: number; detail?: string; message?: string; action?: string };
  if (o && (o.detail || o.message)) return `${o.file ?? ''}${o.line ? `:${o.line}` : ''} ${o.detail ?? o.message}${o.action ? ` — ${o.action}` : ''}`.trim();
  return JSON.stringify(w);
}

function errorLines(e: unknown): string[] {
  const errors = e instanceof AggregateError ? e.errors : [e];
  return errors.map((x) => (isIngestError(x) ? x.message : String((x as Error)?.message ?? x)));
}

/** Run the benchmark on dir (+ extra folders). Never writes outside a temporary folder. */
export async function benchCorpus(dir: string, options: { with?: string[]; errata?: Erratum[] } = {}): Promise<BenchResult> {
  const started = performance.now();
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Record<string, Expected>;
  const scratch = mkdtempSync(join(tmpdir(), 'cjzl-bench-corpus-'));
  try {
    const folders = [dir, ...(options.with ?? [])];
    const names = new Map<string, string>();
    for (const folder of folders) {
      for (const f of listSources(folder)) {
        if (f === 'expected.json' && folder === dir) continue;
        if (names.has(f)) throw new Error(`${f} is in ${names.get(f)} and ${folder}: rename one to bench them together`);
        names.set(f, folder);
        copyFileSync(join(folder, f), join(scratch, f));
      }
    }
    const errata = options.errata ?? [];
    const refusals: string[] = [];
    const warnings: string[] = [];
    const notes: string[] = [];
    // 1. The ingest as it runs for real (in memory): refusals and warnings.
    let report: IngestReport | undefined;
    try {
      report = await runIngest({ sources: scratch, errata });
    } catch (e) {
      refusals.push(...errorLines(e));
    }
    if (report) {
      for (const n of report.notes) notes.push(`${n.file}:${n.line} ${n.extractor}: ${n.text} — ${n.reason}`);
      // Warnings other stages may add to the report (kept generic: any list of messages).
      const extra = (report as unknown as { warnings?: unknown[] }).warnings;
      if (Array.isArray(extra)) for (const w of extra) warnings.push(warningLine(w));
      for (const f of report.files) if (f.coverage.ratio < 1) warnings.push(`${f.file}: coverage ${(f.coverage.ratio * 100).toFixed(1)}% (${f.coverage.missing.length} line(s) missing)`);
    }
    // 2. The facts, file by file (the same parse the ingest runs; a file refused on its own is listed and scored as missing).
    const parsed: ParsedFile[] = [];
    for (const f of [...names.keys()].sort()) {
      try {
        parsed.push(await parseFile(f, readFileSync(join(scratch, f)), { errata }));
      } catch (e) {
        if (!report) refusals.push(...errorLines(e).map((m) => `(on its own) ${m}`));
      }
    }
    finishCorpus(parsed);
    const roots = new Map(parsed.map((p) => [p.root.data.file, p.root]));
    const perFact = Object.fromEntries(FACTS.map((f) => [f, 0])) as Record<Fact, number>;
    const misses: Miss[] = [];
    let right = 0;
    let sectionsRight = 0;
    let sectionsTotal = 0;
    const files = Object.keys(expected).sort();
    for (const file of files) {
      const want = expected[file]!;
      const root = roots.get(file);
      const got = root ? factsOf(root) : undefined;
      const r = compare(file, got, want);
      right += r.right.length;
      for (const f of r.right) perFact[f]++;
      misses.push(...r.misses);
      if (want.sections !== undefined) {
        sectionsTotal++;
        if (got?.sections === want.sections) sectionsRight++;
        else misses.push({ file, field: 'sections', expected: String(want.sections), got: got ? String(got.sections) : '(none)' });
      }
    }
    return {
      files: files.length,
      facts: { right, total: files.length * FACTS.length },
      perFact,
      sections: { right: sectionsRight, total: sectionsTotal },
      misses,
      refusals,
      warnings,
      notes,
      ingest: report ? 'ok' : 'refused',
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const pct = (a: number, b: number) => (b ? `${((a / b) * 100).toFixed(1)}%` : '—');

async function main() {
  const argv = process.argv.slice(2);
  const dirs: string[] = [];
  const withDirs: string[] = [];
  let errataFile: string | undefined;
  let quiet = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--with') withDirs.push(argv[++i] ?? '');
    else if (a === '--errata') errataFile = argv[++i];
    else if (a === '--quiet') quiet = true;
    else if (a.startsWith('--')) throw new Error(`unknown option ${a} (use DIR [--with DIR2]… [--errata FILE] [--quiet])`);
    else dirs.push(a);
  }
  if (dirs.length !== 1 || withDirs.some((d) => !d)) {
    process.stderr.write('usage: npm run bench:corpus -- DIR [--with DIR2]… [--errata FILE] [--quiet]\n  DIR holds notices and an expected.json\n');
    process.exitCode = 2;
    return;
  }
  const dir = resolve(dirs[0]!);
  if (!existsSync(join(dir, 'expected.json'))) {
    process.stderr.write(`${dir}: no expected.json (the facts to compare with)\n`);
    process.exitCode = 2;
    return;
  }
  const errata = errataFile ? loadErrata(errataFile) : [];
  const r = await benchCorpus(dir, { with: withDirs.map((d) => resolve(d)), errata });
  const out = (s: string) => process.stdout.write(s + '\n');
  out(`bench:corpus ${basename(dir)}${withDirs.length ? ` + ${withDirs.join(' + ')}` : ''}: ${r.files} file(s) with expected facts`);
  if (!quiet) for (const m of r.misses) out(`  ${m.file}: ${m.field} expected ${m.expected} got ${m.got}`);
  for (const e of r.refusals) out(`  REFUSED ${e}`);
  if (!quiet) for (const w of r.warnings) out(`  WARNING ${w}`);
  if (!quiet) for (const n of r.notes) out(`  NOTE ${n}`);
  out(`ingest: ${r.ingest === 'ok' ? 'ran to the end' : `REFUSED (${r.refusals.length} error(s)); facts read file by file`}`);
  out(`refusals ${r.refusals.length}, warnings ${r.warnings.length}, notes ${r.notes.length} (items the extractors skipped)`);
  out(`facts right: ${r.facts.right}/${r.facts.total} (${pct(r.facts.right, r.facts.total)}) — ${FACTS.map((f) => `${f} ${r.perFact[f]}/${r.files}`).join(', ')}`);
  out(`sections right: ${r.sections.right}/${r.sections.total} (${pct(r.sections.right, r.sections.total)})`);
  out(`took ${r.seconds.toFixed(2)} s`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename ?? '')) {
  main().catch((e) => {
    process.stderr.write(`bench:corpus: ${(e as Error).stack ?? e}\n`);
    process.exitCode = 1;
  });
}
