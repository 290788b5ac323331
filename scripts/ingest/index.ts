/**
 * Public entry points of the ingest pipeline.
 *
 *   parseSources(dir) → { roots, documents }   every source file parsed and described
 *   parseFile(name, bytes) → ParsedFile          one file (read → clean → segment → describe)
 * Reading is asynchronous only (the .docx/.doc/.pdf readers are); there is no per-format sync path.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { DEFAULT_MAX_BYTES } from './decode';
import { assignIds, noticeDocuments } from './documents';
import { noticeParse, type NoticeFileData } from './segment';
import type { CleanResult } from './clean';
import type { DocumentMeta, NoticeRoot } from './types';
import { readSource } from './readers/index';
import { applyErrata, loadErrata, type Erratum, type AppliedErratum } from './errata';
import { listSources } from './unchanged';

export { listSources };

export interface ParseOptions {
  maxBytes?: number;
  errata?: Erratum[];
}

export interface ParsedFile {
  root: NoticeRoot;
  clean: CleanResult;
  /** Decoded text after errata (before clean). */
  text: string;
  errata: AppliedErratum[];
}

/** The processor: notice text → NoticeRoot with DocumentMeta filled (ids come from assignIds). */
export function noticeProcessor() {
  return unified().use(noticeParse).use(noticeDocuments);
}

/** Decoded text → tree (errata applied first). Synchronous. */
export function parseText(file: string, text: string, info: { encoding: string; lineEnding?: string; artefacts?: Record<string, number> }, options: ParseOptions = {}): ParsedFile {
  const applied = applyErrata(text, file, (options.errata ?? []).filter((e) => e.file === file));
  const vfile = new VFile({ path: file, value: applied.text });
  Object.assign(vfile.data as NoticeFileData, { encoding: info.encoding, lineEnding: info.lineEnding });
  const processor = noticeProcessor();
  const tree = processor.parse(vfile);
  const root = processor.runSync(tree, vfile) as unknown as NoticeRoot;
  // What the reader removed before the text existed (page chrome, running headers…) joins clean's counts.
  if (info.artefacts) {
    const all = { ...root.data.artefacts };
    for (const [kind, n] of Object.entries(info.artefacts)) all[kind] = (all[kind] ?? 0) + n;
    root.data.artefacts = all;
  }
  // Errata belong to the document whose lines hold them.
  for (const e of applied.applied) {
    const doc = root.children.find((d) => e.line >= d.position.start.line && e.line <= d.position.end.line) ?? root.children[0];
    if (doc) (doc.data.errata ??= []).push({ line: e.line, original: e.original, corrected: e.corrected, reason: e.reason });
  }
  return { root, clean: (vfile.data as NoticeFileData).clean!, text: applied.text, errata: applied.applied };
}

/**
 * One source file (bytes) → tree: the reader the format table chooses (scripts/ingest/readers/)
 * decodes it, then the text goes through the one pipeline every format shares.
 */
export async function parseFile(file: string, bytes: Uint8Array, options: ParseOptions = {}): Promise<ParsedFile> {
  const read = await readSource(file, bytes, { maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES });
  return parseText(file, read.text, read, options);
}

export interface ParsedCorpus {
  roots: NoticeRoot[];
  documents: DocumentMeta[];
  files: ParsedFile[];
}

/** Ids and parent/children across the corpus. */
export function finishCorpus(files: ParsedFile[]): ParsedCorpus {
  const roots = files.map((p) => p.root);
  const documents = assignIds(roots);
  return { roots, documents, files };
}

/** Parse every file of a corpus; onFile reports progress. */
export async function parseCorpus(dir: string, options: ParseOptions & { onFile?: (p: ParsedFile) => void } = {}): Promise<ParsedCorpus> {
  const files: ParsedFile[] = [];
  for (const f of listSources(dir)) {
    const p = await parseFile(f, readFileSync(join(dir, f)), options);
    options.onFile?.(p);
    files.push(p);
  }
  return finishCorpus(files);
}

/**
 * For extractor tests: the real seeds as trees and document records.
 * Errata are read from content/errata.yaml next to the sources when present.
 */
export async function parseSources(dir: string, options: ParseOptions = {}): Promise<{ roots: NoticeRoot[]; documents: DocumentMeta[] }> {
  const errata = options.errata ?? loadErrata(join(dir, '..', 'errata.yaml'));
  const { roots, documents } = await parseCorpus(dir, { ...options, errata });
  return { roots, documents };
}

export type { NoticeRoot, DocumentMeta };
