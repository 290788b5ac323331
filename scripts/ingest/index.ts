/**
 * Public entry points of the ingest pipeline.
 *
 *   parseSources(dir) → { roots, documents }   every source file parsed and described
 *   parseFile(name, bytes) → NoticeRoot          one file (decode → clean → segment → describe)
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { decode, DEFAULT_MAX_BYTES } from './decode';
import { assignIds, noticeDocuments } from './documents';
import { IngestError } from './errors';
import { noticeParse, type NoticeFileData } from './segment';
import type { CleanResult } from './clean';
import type { DocumentMeta, NoticeRoot } from './types';
import { docxToText, docxToTextSync } from './docx';
import { applyErrata, loadErrata, type Erratum, type AppliedErratum } from './errata';

export const SOURCE_EXTENSIONS = ['.txt', '.md', '.docx'] as const;

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

function checkFormat(file: string): 'docx' | 'text' {
  const lower = file.toLowerCase();
  if (lower.endsWith('.docx')) return 'docx';
  if (SOURCE_EXTENSIONS.some((e) => lower.endsWith(e))) return 'text';
  throw new IngestError({
    code: 'unsupported-format',
    file,
    detail: 'unknown file type',
    expected: `one of ${SOURCE_EXTENSIONS.join(', ')}`,
    action: 'save the notice as .docx or as text (.txt/.md), or move this file out of content/sources/',
  });
}

/** Decoded text → tree (errata applied first). Synchronous. */
export function parseText(file: string, text: string, info: { encoding: string; lineEnding?: string }, options: ParseOptions = {}): ParsedFile {
  const applied = applyErrata(text, file, (options.errata ?? []).filter((e) => e.file === file));
  const vfile = new VFile({ path: file, value: applied.text });
  Object.assign(vfile.data as NoticeFileData, { encoding: info.encoding, lineEnding: info.lineEnding });
  const processor = noticeProcessor();
  const tree = processor.parse(vfile);
  const root = processor.runSync(tree, vfile) as unknown as NoticeRoot;
  // Errata belong to the document whose lines hold them.
  for (const e of applied.applied) {
    const doc = root.children.find((d) => e.line >= d.position.start.line && e.line <= d.position.end.line) ?? root.children[0];
    if (doc) (doc.data.errata ??= []).push({ line: e.line, original: e.original, corrected: e.corrected, reason: e.reason });
  }
  return { root, clean: (vfile.data as NoticeFileData).clean!, text: applied.text, errata: applied.applied };
}

/** One source file (bytes) → tree. Synchronous; a .docx is read with mammoth in a child process. */
export function parseFileSync(file: string, bytes: Uint8Array, options: ParseOptions = {}): ParsedFile {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (checkFormat(file) === 'docx') {
    if (bytes.length > maxBytes) decode(bytes, { file, maxBytes }); // throws the size error
    return parseText(file, docxToTextSync(bytes, file), { encoding: 'DOCX (mammoth)' }, options);
  }
  const d = decode(bytes, { file, maxBytes });
  return parseText(file, d.text, { encoding: d.encoding, lineEnding: d.lineEnding }, options);
}

/** Same as parseFileSync, reading a .docx with mammoth in-process. */
export async function parseFile(file: string, bytes: Uint8Array, options: ParseOptions = {}): Promise<ParsedFile> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (checkFormat(file) === 'docx') {
    if (bytes.length > maxBytes) decode(bytes, { file, maxBytes });
    return parseText(file, await docxToText(bytes, file), { encoding: 'DOCX (mammoth)' }, options);
  }
  return parseFileSync(file, bytes, options);
}

/** Every source file name in dir, sorted (deterministic). */
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

/** Parse every file of a corpus (synchronous). */
export function parseCorpusSync(dir: string, options: ParseOptions = {}): ParsedCorpus {
  return finishCorpus(listSources(dir).map((f) => parseFileSync(f, readFileSync(join(dir, f)), options)));
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
 * For extractor tests: the real seeds as trees and document records (synchronous).
 * Errata are read from content/errata.yaml next to the sources when present.
 */
export function parseSources(dir: string, options: ParseOptions = {}): { roots: NoticeRoot[]; documents: DocumentMeta[] } {
  const errata = options.errata ?? loadErrata(join(dir, '..', 'errata.yaml'));
  const { roots, documents } = parseCorpusSync(dir, { ...options, errata });
  return { roots, documents };
}

export type { NoticeRoot, DocumentMeta };
