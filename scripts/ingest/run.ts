/**
 * The whole ingest as one function (no file writes): used by the CLI and by tests.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { coverage, type Coverage } from './coverage';
import { documentRecord, emitAll, emitRecord, type EmittedFile } from './emit';
import { asPrinted, recordErrata, type Erratum } from './errata';
import { extractorError, IngestError, isIngestError } from './errors';
import { extractors as registered } from './extractors/index';
import { finishCorpus, listSources, parseFile, type ParsedFile } from './index';
import { conflictError, linkDocuments, type Duplicate } from './link';
import type { DocumentMeta, ExtractNote, Extractor, RecordOut } from './types';

export interface FileReport {
  file: string;
  encoding: string;
  lineEnding?: string;
  documents: string[];
  artefacts: Record<string, number>;
  normalisations: Record<string, number>;
  errata: number;
  coverage: Coverage;
}

export interface IngestReport {
  files: FileReport[];
  duplicates: Duplicate[];
  extractors: Record<string, number>;
  /** What extractors skipped in the sources, with file:line and why (also printed as progress). */
  notes: (ExtractNote & { extractor: string })[];
  collections: Record<string, number>;
  documents: DocumentMeta[];
  records: RecordOut[];
  output: EmittedFile[];
}

export interface RunOptions {
  sources: string;
  errata?: Erratum[];
  maxBytes?: number;
  extractors?: Extractor[];
  onProgress?: (message: string) => void;
}

export async function runIngest(options: RunOptions): Promise<IngestReport> {
  const progress = options.onProgress ?? (() => {});
  let names: string[];
  try {
    names = listSources(options.sources);
  } catch (e) {
    throw new AggregateError([new IngestError({ code: 'empty', file: options.sources, detail: `cannot read the folder (${(e as Error).message})`, expected: 'a folder of notices', action: 'check the --sources path (default content/sources)', cause: e })], 'no sources');
  }
  if (!names.length) {
    // An empty corpus would delete every published record: refuse instead.
    throw new AggregateError([new IngestError({ code: 'empty', file: options.sources, detail: 'the folder holds no source files', expected: 'at least one notice (.txt, .md or .docx)', action: 'put the notices back into the folder; nothing was changed' })], 'no sources');
  }
  const parsed: ParsedFile[] = [];
  const errors: unknown[] = [];
  const errata = options.errata ?? [];
  // Every erratum must name a source that exists.
  for (const e of errata) {
    if (!names.includes(e.file)) {
      errors.push(
        new IngestError({
          code: 'erratum-not-found',
          file: e.file,
          detail: `content/errata.yaml names "${e.file}", which is not in ${options.sources}`,
          expected: 'the file of every erratum to be a source file',
          action: 'fix the file name in content/errata.yaml or remove the erratum',
        }),
      );
    }
  }
  for (const [i, f] of names.entries()) {
    try {
      const p = await parseFile(f, readFileSync(join(options.sources, f)), { maxBytes: options.maxBytes, errata });
      parsed.push(p);
      progress(`[${i + 1}/${names.length}] ${f}: ${p.root.data.encoding}, ${p.root.children.length} document(s)`);
    } catch (e) {
      progress(`[${i + 1}/${names.length}] ${f}: REFUSED`);
      errors.push(isIngestError(e) ? e : new IngestError({ code: 'output', file: f, detail: `internal error: ${(e as Error).message}`, expected: 'the file to parse', action: 'report this with the file attached', cause: e }));
    }
  }
  if (errors.length) throw new AggregateError(errors, `${errors.length} source file(s) refused`);

  const corpus = finishCorpus(parsed);
  // Duplicates are decided here, before any extractor runs: extractors see each notice once.
  // Copies are compared as printed (errata put back), so a copy errata.yaml does not name still matches.
  const byFile = new Map(parsed.map((p) => [p.root.data.file, p]));
  const { documents, duplicates, conflicts } = linkDocuments(corpus.documents, {
    lines: (d) => {
      const p = byFile.get(d.source.file)!;
      const raw = p.errata.length ? p.text.split('\n') : [];
      return p.clean.perLine.slice(d.source.lines[0] - 1, d.source.lines[1]).map((text, i) => {
        const line = d.source.lines[0] + i;
        const applied = p.errata.filter((e) => e.line === line);
        return { line, text: applied.length ? asPrinted(text, raw[line - 1] ?? '', applied) : text };
      });
    },
  });
  if (conflicts.length) throw new AggregateError(conflicts.map(conflictError), `${conflicts.length} notice(s) in two different versions`);
  const published = new Set(documents.map((d) => d.id));
  const byId = new Map(documents.map((d) => [d.id, d]));

  // Extractors get every tree (without the documents dropped as duplicates) and the published records.
  const extractorCounts: Record<string, number> = {};
  const records: RecordOut[] = [];
  const notes: IngestReport['notes'] = [];
  const roots = corpus.roots.map((r) => (r.children.every((d) => published.has(d.data.id)) ? r : { ...r, children: r.children.filter((d) => published.has(d.data.id)) }));
  for (const ex of options.extractors ?? registered) {
    let out: RecordOut[];
    try {
      const note = (n: ExtractNote) => {
        notes.push({ extractor: ex.name, ...n });
        progress(`  ${ex.name}: skipped ${n.file}:${n.line} ${n.text} — ${n.reason}`);
      };
      out = ex.extract({ roots, documents: byId, note });
    } catch (e) {
      throw new AggregateError([extractorError(ex.name, e)], `extractor ${ex.name} failed`);
    }
    extractorCounts[ex.name] = out.length;
    records.push(...out.map((r) => withErrata(r, parsed)));
    progress(`extractor ${ex.name}: ${out.length} record(s)`);
  }

  // Emit: documents (published ones) + extractor records.
  const docRecords: RecordOut[] = [];
  const perFile = new Map<string, string[]>();
  const keptOf = new Map(duplicates.map((d) => [d.dropped, d.kept]));
  for (const root of corpus.roots) {
    for (const doc of root.children) {
      if (!published.has(doc.data.id)) {
        // A duplicate: the link stage checked that its text (as printed, whitespace ignored) is the
        // kept record's, so its own rendering stands for the kept record in the coverage of this file.
        const keptId = keptOf.get(doc.data.id);
        const rec = documentRecord(doc);
        perFile.set(root.data.file, [...(perFile.get(root.data.file) ?? []), emitRecord({ ...rec, id: keptId ?? rec.id, data: { ...rec.data, id: keptId ?? rec.id } }).content]);
        continue;
      }
      const rec = documentRecord(doc);
      docRecords.push(rec);
      perFile.set(root.data.file, [...(perFile.get(root.data.file) ?? []), emitRecord(rec).content]);
    }
  }
  const all = [...docRecords, ...records];
  const output = emitAll(all);
  const collections: Record<string, number> = {};
  for (const r of all) collections[r.collection] = (collections[r.collection] ?? 0) + 1;

  const files: FileReport[] = parsed.map((p) => {
    const cov = coverage(p.root.data.file, p.clean, perFile.get(p.root.data.file) ?? []);
    return {
      file: p.root.data.file,
      encoding: p.root.data.encoding,
      lineEnding: p.root.data.lineEnding,
      documents: p.root.children.map((d) => d.data.id),
      artefacts: p.root.data.artefacts,
      normalisations: p.root.data.normalisations ?? {},
      errata: p.errata.length,
      coverage: cov,
    };
  });
  return { files, duplicates, extractors: extractorCounts, notes, collections, documents, records: all, output };
}

/**
 * Any extractor's record whose source lines hold a corrected span gets `errata` in its
 * frontmatter (scripts/ingest/errata.ts `recordErrata`), so its page can mark the span 校.
 */
export function withErrata(r: RecordOut, parsed: readonly ParsedFile[]): RecordOut {
  if (r.data.errata !== undefined) return r;
  const p = parsed.find((x) => x.root.data.file === r.data.source?.file);
  if (!p?.errata.length) return r;
  const errata = recordErrata(r, p.text, p.errata);
  return errata.length ? { ...r, data: { ...r.data, errata } } : r;
}
