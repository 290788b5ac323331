/**
 * The whole ingest as one function (no file writes): used by the CLI and by tests.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IngestCache } from './cache';
import { coverage, type Coverage } from './coverage';
import { documentRecord, emitAll, emitRecord, type EmittedFile } from './emit';
import { asPrinted, recordErrata, type Erratum } from './errata';
import { IngestError, isIngestError, warningError, type IngestWarning } from './errors';
import { extractors as registered } from './extractors/index';
import { finishCorpus, listSources, parseFile, type ParsedFile } from './index';
import { conflictWarning, linkDocuments, type Duplicate } from './link';
import type { DocumentMeta, ExtractNote, Extractor, NoticeRoot, RecordOut } from './types';

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
  /**
   * What was not published and why, each naming file:line and what to do: a second version of a
   * notice (same 发文字号, other text), parts extractors could not read, an extractor that failed on
   * one file. The rest of the corpus is published; `strict` makes these errors.
   */
  warnings: IngestWarning[];
  collections: Record<string, number>;
  documents: DocumentMeta[];
  records: RecordOut[];
  output: EmittedFile[];
  /** Files whose parse came from the content-hash cache (cache.ts); 0 without a cache. */
  fromCache: number;
  /** Bytes of all source files read (for the throughput the CLI prints). */
  sourceBytes: number;
}

export interface RunOptions {
  sources: string;
  errata?: Erratum[];
  maxBytes?: number;
  extractors?: Extractor[];
  onProgress?: (message: string) => void;
  /** Warnings become errors: runIngest throws them (AggregateError of IngestError) instead of returning. */
  strict?: boolean;
  /** Parsed notices by content hash (cache.ts): an unchanged notice is not parsed again. */
  cache?: IngestCache;
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
  let fromCache = 0;
  let sourceBytes = 0;
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
      const bytes = readFileSync(join(options.sources, f));
      sourceBytes += bytes.length;
      const key = { file: f, bytes, errata, maxBytes: options.maxBytes };
      let p = options.cache?.get(key);
      if (p) fromCache++;
      else {
        p = await parseFile(f, bytes, { maxBytes: options.maxBytes, errata });
        options.cache?.put(key, p);
      }
      parsed.push(p);
      progress(`[${i + 1}/${names.length}] ${f}: ${p.root.data.encoding}, ${p.root.children.length} document(s)`);
    } catch (e) {
      progress(`[${i + 1}/${names.length}] ${f}: REFUSED`);
      errors.push(isIngestError(e) ? e : new IngestError({ code: 'output', file: f, detail: `internal error: ${(e as Error).message}`, expected: 'the file to parse', action: 'report this with the file attached', cause: e }));
    }
  }
  if (errors.length) {
    await options.cache?.flush();
    throw new AggregateError(errors, `${errors.length} source file(s) refused`);
  }

  const corpus = finishCorpus(parsed);
  const parsedWithErrata = parsed.filter((p) => p.errata.length);
  // Duplicates are decided here, before any extractor runs: extractors see each notice once.
  // Copies are compared as printed (errata put back), so a copy errata.yaml does not name still matches.
  const byFile = new Map(parsed.map((p) => [p.root.data.file, p]));
  // A notice is compared by its own text: the metadata block of the portal page it was saved from
  // (索引号 / 主题分类 / 发布日期 …) is the page's, not the notice's — the same notice saved as a page and
  // copied as text is one notice.
  const metadataLines = new Map<string, Set<number>>();
  for (const r of corpus.roots)
    for (const d of r.children) {
      const lines = new Set<number>();
      for (const b of d.children)
        if (b.type === 'header' && ['portal', 'meta'].includes(b.role as string)) for (let l = b.position.start.line; l <= b.position.end.line; l++) lines.add(l);
      if (lines.size) metadataLines.set(d.data.id, lines);
    }
  const { documents, duplicates, conflicts, skipped } = linkDocuments(corpus.documents, {
    lines: (d) => {
      const p = byFile.get(d.source.file)!;
      const raw = p.errata.length ? p.text.split('\n') : [];
      const skip = metadataLines.get(d.id);
      return p.clean.perLine.slice(d.source.lines[0] - 1, d.source.lines[1]).flatMap((text, i) => {
        const line = d.source.lines[0] + i;
        if (skip?.has(line)) return [];
        const applied = p.errata.filter((e) => e.line === line);
        return [{ line, text: applied.length ? asPrinted(text, raw[line - 1] ?? '', applied) : text }];
      });
    },
  });
  // A second version of a notice (same 发文字号, other text): the first is published, this one skipped and warned.
  const warnings: IngestWarning[] = [];
  const parentOf = new Map(corpus.documents.map((d) => [d.id, d.parent]));
  const under = (id: string, top: string) => {
    for (let p = parentOf.get(id); p; p = parentOf.get(p)) if (p === top) return true;
    return false;
  };
  for (const c of conflicts) {
    const w = conflictWarning(c, skipped.filter((id) => under(id, c.other.id)).length);
    warnings.push(w);
    progress(`  ${formatWarningShort(w)}`);
  }
  const published = new Set(documents.map((d) => d.id));
  const byId = new Map(documents.map((d) => [d.id, d]));

  // Extractors get every tree (without the documents dropped as duplicates) and the published records.
  const extractorCounts: Record<string, number> = {};
  const records: RecordOut[] = [];
  const notes: IngestReport['notes'] = [];
  const roots = corpus.roots.map((r) => (r.children.every((d) => published.has(d.data.id)) ? r : { ...r, children: r.children.filter((d) => published.has(d.data.id)) }));
  const taken = new Map<string, RecordOut>();
  for (const ex of options.extractors ?? registered) {
    const note = (n: ExtractNote) => {
      notes.push({ extractor: ex.name, ...n });
      progress(`  ${ex.name}: skipped ${n.file}:${n.line} ${n.text} — ${n.reason}`);
      if (n.action) warnings.push({ code: 'skipped', extractor: ex.name, file: n.file, line: n.line, detail: `skipped "${n.text}": ${n.reason}`, action: n.action });
    };
    const warn = (w: IngestWarning) => {
      warnings.push(w);
      progress(`  ${formatWarningShort(w)}`);
    };
    let out = extractIsolated(ex, roots, byId, note, warn);
    // Ids are unique by construction (each extractor derives them from a unique document id and a
    // path unique in its tree): a record id that still comes twice is a bug, skipped and warned.
    out = out.filter((r) => {
      const key = `${r.collection}/${r.id}`;
      const first = taken.get(key);
      if (!first) {
        taken.set(key, r);
        return true;
      }
      warn({
        code: 'duplicate-record',
        extractor: ex.name,
        file: r.data.source.file,
        line: r.data.source.lines[0],
        detail: `record id ${key} was already given to ${first.data.source.file}:${first.data.source.lines[0]}; this record is skipped`,
        action: 'this is a fault of the ingest program (ids must be unique by construction): report it with both files',
      });
      return false;
    });
    extractorCounts[ex.name] = out.length;
    // Only files with errata can add errata to a record (a lookup per record over every file is quadratic).
    for (const r of out) records.push(withErrata(r, parsedWithErrata));
    progress(`extractor ${ex.name}: ${out.length} record(s)`);
  }

  // Emit: documents (published ones) + extractor records.
  const docRecords: RecordOut[] = [];
  const perFile = new Map<string, { content: string; data: Record<string, unknown> }[]>();
  /** Each record is emitted once (a published document: for its file's coverage, then reused for the output). */
  const docFiles = new Map<RecordOut, EmittedFile>();
  const emit = (r: RecordOut): EmittedFile => emitRecord(r);
  const keptOf = new Map(duplicates.map((d) => [d.dropped, d.kept]));
  for (const root of corpus.roots) {
    for (const doc of root.children) {
      if (!published.has(doc.data.id)) {
        // A duplicate: the link stage checked that its text (as printed, whitespace ignored) is the
        // kept record's, so its own rendering stands for the kept record in the coverage of this file.
        // A skipped version (same 发文字号, other text) is covered by its WARNING, which names it.
        const keptId = keptOf.get(doc.data.id);
        const rec = documentRecord(doc);
        const as = { ...rec, id: keptId ?? rec.id, data: { ...rec.data, id: keptId ?? rec.id } };
        perFile.set(root.data.file, [...(perFile.get(root.data.file) ?? []), { content: emit(as).content, data: as.data }]);
        continue;
      }
      const rec = documentRecord(doc);
      docRecords.push(rec);
      const file = emit(rec);
      docFiles.set(rec, file);
      perFile.set(root.data.file, [...(perFile.get(root.data.file) ?? []), { content: file.content, data: rec.data }]);
    }
  }
  const all = [...docRecords, ...records];
  for (const r of records) docFiles.set(r, emit(r));
  const output = emitAll(all, docFiles);
  const collections: Record<string, number> = {};
  for (const r of all) collections[r.collection] = (collections[r.collection] ?? 0) + 1;

  const files: FileReport[] = parsed.map((p) => {
    const emitted = perFile.get(p.root.data.file) ?? [];
    const cov = coverage(p.root.data.file, p.clean, emitted);
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
  // The cache entries were written in the background meanwhile (cache.ts put).
  await options.cache?.flush();
  if (options.strict && warnings.length) throw new AggregateError(warnings.map(warningError), `${warnings.length} warning(s) under --strict`);
  return { files, duplicates, extractors: extractorCounts, notes, warnings, collections, documents, records: all, output, fromCache, sourceBytes };
}

const formatWarningShort = (w: IngestWarning) => `WARNING ${w.file}:${w.line} ${w.extractor ? `[${w.extractor}] ` : ''}${w.detail}`;

/** file:line an extractor's exception names for `file` (an IngestError, or "file:line" in its message). */
function lineNamed(e: unknown, file: string): number | undefined {
  if (isIngestError(e) && e.file === file && e.line) return e.line;
  const message = (e as Error)?.message ?? '';
  const esc = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`${esc}(?::| line )(\\d+)`).exec(message);
  return m ? Number(m[1]) : undefined;
}

/**
 * Run one extractor so that a failure on one notice does not stop the others. First over the whole
 * corpus; when it throws, over each file alone to find the file(s) it fails on — their records of
 * this extractor are skipped with a warning naming file and line — then once more over the other
 * files together (the corpus view some extractors need). Should that still throw (a failure that
 * needs two files together), the records of each file read alone are used.
 */
function extractIsolated(
  ex: Extractor,
  roots: NoticeRoot[],
  documents: Map<string, DocumentMeta>,
  note: (n: ExtractNote) => void,
  warn: (w: IngestWarning) => void,
): RecordOut[] {
  const attempt = (rs: NoticeRoot[]) => {
    const buffered: ExtractNote[] = [];
    try {
      const out = ex.extract({ roots: rs, documents, note: (n) => buffered.push(n) });
      return { out, notes: buffered };
    } catch (error) {
      return { error };
    }
  };
  const whole = attempt(roots);
  if (!('error' in whole)) {
    whole.notes.forEach(note);
    return whole.out;
  }
  const alone = roots.map((root) => ({ root, ...attempt([root]) }));
  const good: typeof alone = [];
  for (const a of alone) {
    if (!('error' in a)) {
      good.push(a);
      continue;
    }
    const file = a.root.data.file;
    const message = (a.error as Error)?.message ?? String(a.error);
    warn({
      code: 'extractor',
      extractor: ex.name,
      file,
      line: lineNamed(a.error, file) ?? a.root.children[0]?.position.start.line ?? 1,
      detail: `the ${ex.name} extractor failed on this file (${message.length > 200 ? message.slice(0, 200) + '…' : message}); its ${ex.name} records of this file are skipped, the documents are published`,
      action: `this is a fault of the ingest program, not of the notice: report it with the file attached (developers: run the "${ex.name}" extractor on this file alone)`,
    });
  }
  if (good.length === alone.length) {
    // Each file reads alone but not together: the records of each file read alone.
    warn({
      code: 'extractor',
      extractor: ex.name,
      file: roots[0]?.data.file ?? '',
      line: 1,
      detail: `the ${ex.name} extractor failed on the corpus as a whole (${(whole.error as Error)?.message ?? String(whole.error)}) but not on any file alone; each file was read on its own`,
      action: `this is a fault of the ingest program: report it with this message`,
    });
  } else {
    const together = attempt(good.map((g) => g.root));
    if (!('error' in together)) {
      together.notes.forEach(note);
      return together.out;
    }
  }
  const out: RecordOut[] = [];
  for (const g of good) if (!('error' in g)) {
    g.notes!.forEach(note);
    out.push(...g.out!);
  }
  return out;
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
