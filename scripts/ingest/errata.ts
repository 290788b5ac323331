/**
 * Errata — explicit OCR corrections from content/errata.yaml, applied at ingest.
 *
 *   - file: 000_f1c3323b8e7f9c89.txt
 *     original: 就民式执法
 *     corrected: 扰民式执法
 *     reason: OCR misread 扰 as 就
 *     line: 129          # optional: only this line
 *
 * Every occurrence in the file (or on the given line) is replaced; each replacement is
 * recorded with its line so the document can mark the corrected span (校). An erratum
 * whose original text is not found stops the ingest with file and text.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { IngestError } from './errors';

export interface Erratum {
  file: string;
  original: string;
  corrected: string;
  reason: string;
  line?: number;
}

export interface AppliedErratum extends Erratum {
  line: number;
  /** 0-based UTF-16 offset of the corrected span in its line of the corrected text. */
  column: number;
}

const ERRATA_FILE = 'content/errata.yaml';

export function parseErrata(yamlText: string, path = ERRATA_FILE): Erratum[] {
  let data: unknown;
  try {
    data = parse(yamlText);
  } catch (e) {
    const line = (e as { linePos?: { line: number }[] }).linePos?.[0]?.line;
    throw new IngestError({ code: 'errata-file', file: path, line, detail: String((e as Error).message), expected: 'valid YAML', action: 'fix the YAML syntax of the errata file' });
  }
  if (data == null) return [];
  if (!Array.isArray(data)) {
    throw new IngestError({ code: 'errata-file', file: path, expected: 'a YAML list of {file, original, corrected, reason}', action: 'write each correction as a list item starting with "- file:"' });
  }
  return data.map((raw, i) => {
    const e = raw as Record<string, unknown>;
    for (const k of ['file', 'original', 'corrected', 'reason'] as const) {
      if (typeof e?.[k] !== 'string' || !(e[k] as string).length) {
        throw new IngestError({
          code: 'errata-file',
          file: path,
          detail: `entry ${i + 1} has no "${k}"`,
          expected: 'every erratum to have file, original, corrected and reason (non-empty text)',
          action: `add "${k}:" to entry ${i + 1}`,
        });
      }
    }
    if (/\n/.test(e.original as string)) {
      throw new IngestError({ code: 'errata-file', file: path, detail: `entry ${i + 1}: original spans lines`, expected: 'an original text within one line', action: 'split the correction into one erratum per line' });
    }
    const out: Erratum = { file: e.file as string, original: e.original as string, corrected: e.corrected as string, reason: e.reason as string };
    if (typeof e.line === 'number') out.line = e.line;
    return out;
  });
}

export function loadErrata(path = ERRATA_FILE): Erratum[] {
  if (!existsSync(path)) return [];
  return parseErrata(readFileSync(path, 'utf8'), path);
}

/** Apply the errata of one file to its decoded text. Throws when an original is not found. */
export function applyErrata(text: string, file: string, errata: Erratum[]): { text: string; applied: AppliedErratum[] } {
  if (!errata.length) return { text, applied: [] };
  const lines = text.split('\n');
  const applied: AppliedErratum[] = [];
  for (const e of errata) {
    let found = 0;
    lines.forEach((l, i) => {
      if (e.line !== undefined && e.line !== i + 1) return;
      if (!l.includes(e.original)) return;
      const at: number[] = [];
      for (let q = l.indexOf(e.original); q >= 0; q = l.indexOf(e.original, q + e.original.length)) at.push(q);
      const delta = e.corrected.length - e.original.length;
      // Spans corrected earlier on this line move by the length change of the spans before them.
      for (const a of applied) if (a.line === i + 1) a.column += delta * at.filter((q) => q + e.original.length <= a.column).length;
      lines[i] = l.split(e.original).join(e.corrected);
      at.forEach((q, k) => applied.push({ ...e, line: i + 1, column: q + k * delta }));
      found += at.length;
    });
    if (!found) {
      throw new IngestError({
        code: 'erratum-not-found',
        file,
        line: e.line,
        detail: `content/errata.yaml: original text "${e.original}" (→ "${e.corrected}") is not in the file`,
        expected: 'the original text of every erratum to occur in its file',
        action: 'correct the "original" in content/errata.yaml (copy it from the source), or delete the erratum if the source was fixed',
      });
    }
  }
  return { text: lines.join('\n'), applied };
}

/**
 * A line back as printed: each erratum applied on it has its corrected span put back to the
 * original. `line` is the line as a later stage holds it (cleaned: spaces or markdown marks may be
 * gone), `raw` the same line right after the errata were applied, where the `column`s point; the
 * span is found in `line` as the same occurrence of the corrected text (the same words elsewhere on
 * the line were right in the source and stay). The link stage compares two copies of a notice as
 * printed, so a copy that content/errata.yaml does not name still equals the corrected original.
 */
export function asPrinted(line: string, raw: string, applied: readonly Pick<AppliedErratum, 'original' | 'corrected' | 'column'>[]): string {
  const spans: { at: number; e: (typeof applied)[number] }[] = [];
  for (const e of applied) {
    let k = 0;
    for (let q = raw.indexOf(e.corrected); q >= 0 && q < e.column; q = raw.indexOf(e.corrected, q + e.corrected.length)) k++;
    let at = -1;
    for (let q = line.indexOf(e.corrected), n = 0; q >= 0; q = line.indexOf(e.corrected, q + e.corrected.length), n++) {
      if (n === k) {
        at = q;
        break;
      }
    }
    if (at >= 0) spans.push({ at, e });
  }
  let out = line;
  for (const { at, e } of spans.sort((a, b) => b.at - a.at)) out = out.slice(0, at) + e.original + out.slice(at + e.corrected.length);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Errata of extracted records (cases, work points, scoring items, indicators …)
// ---------------------------------------------------------------------------------------------

/**
 * A correction inside one extracted record. Same shape as a document's erratum, plus where the
 * corrected span is in THIS record: `field` is the dotted path of a frontmatter string
 * ('body', 'title', 'cells.1', 'deadlines.0.text'); without `field` the span is in the MDX body
 * (as for documents, where rehypeErrataMarks marks it). `occurrence` is the 0-based index of the
 * span among the occurrences of `corrected` in that text (non-overlapping, left to right; in the
 * MDX body: in text-node order, as rehype counts them).
 */
export interface RecordErratum {
  line: number;
  original: string;
  corrected: string;
  reason: string;
  field?: string;
  occurrence: number;
}

/**
 * Frontmatter keys that hold no text of the record's own source lines — ids, provenance, the
 * parent document, vocabulary matches — and are never searched for corrected spans.
 */
export const NOT_RECORD_TEXT = new Set(['id', 'source', 'sources', 'document', 'themes', 'errata', 'set']);

interface Candidate {
  /** Offset in the range text. */
  at: number;
  erratum?: AppliedErratum;
}

const SPACE = /\s/;

/** How many characters agree around a span in two texts (whitespace skipped, at most `cap` each side). */
function contextAgreement(a: string, aStart: number, b: string, bStart: number, len: number, cap = 24): number {
  let score = 0;
  for (const dir of [-1, 1] as const) {
    let i = dir < 0 ? aStart - 1 : aStart + len;
    let j = dir < 0 ? bStart - 1 : bStart + len;
    for (let n = 0; n < cap; ) {
      while (i >= 0 && i < a.length && SPACE.test(a[i]!)) i += dir;
      while (j >= 0 && j < b.length && SPACE.test(b[j]!)) j += dir;
      if (i < 0 || j < 0 || i >= a.length || j >= b.length || a[i] !== b[j]) break;
      score++;
      n++;
      i += dir;
      j += dir;
    }
  }
  return score;
}

function occurrences(hay: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + needle.length)) out.push(i);
  return out;
}

/** Has the text a non-space character right before or right after [start, start+len)? */
function hasNeighbour(v: string, start: number, len: number): boolean {
  const before = v.slice(0, start).trimEnd();
  const after = v.slice(start + len).trimStart();
  return before.length > 0 || after.length > 0;
}

/** Every string of the frontmatter with its dotted path (keys in sorted order, NOT_RECORD_TEXT skipped). */
export function textFields(data: Record<string, unknown>): { field: string; text: string }[] {
  const out: { field: string; text: string }[] = [];
  const walk = (v: unknown, path: string) => {
    if (typeof v === 'string') out.push({ field: path, text: v });
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}.${i}`));
    else if (v && typeof v === 'object') for (const k of Object.keys(v).sort()) walk((v as Record<string, unknown>)[k], path ? `${path}.${k}` : k);
  };
  for (const k of Object.keys(data).sort()) {
    if (NOT_RECORD_TEXT.has(k) || k.endsWith('Slug')) continue;
    walk(data[k], k);
  }
  return out;
}

/** The text nodes of an MDX body in order, joined with newlines (a span never crosses nodes). */
export function mdastText(body: readonly unknown[]): string {
  const out: string[] = [];
  const walk = (n: { type?: string; value?: unknown; children?: unknown[] }) => {
    if (n.type === 'text' && typeof n.value === 'string') out.push(n.value);
    for (const c of n.children ?? []) walk(c as never);
  };
  for (const n of body) walk(n as never);
  return out.join('\n');
}

/**
 * The corrected spans inside one record's texts. `fileText` is the source file after errata
 * (before cleaning), `applied` the errata applied to that file. Only errata on the record's own
 * source lines count. Every occurrence of a corrected text in a field is traced back to the
 * occurrence in the source lines whose surroundings agree best; it is marked when that one is a
 * corrected span (so the same words that were right in the source stay unmarked, and a tie with
 * an uncorrected occurrence leaves it unmarked).
 */
export function recordErrata(
  record: { data: Record<string, unknown> & { source: { file: string; lines: [number, number] } }; body?: readonly unknown[] },
  fileText: string,
  applied: readonly AppliedErratum[],
): RecordErratum[] {
  const [from, to] = record.data.source.lines;
  const inRange = applied.filter((a) => a.file === record.data.source.file && a.line >= from && a.line <= to);
  if (!inRange.length) return [];
  const lines = fileText.split('\n');
  const lineStart: number[] = [];
  let range = '';
  for (let l = from; l <= to; l++) {
    lineStart[l] = range.length;
    range += (lines[l - 1] ?? '') + '\n';
  }
  const texts: { field?: string; text: string }[] = [{ text: record.body ? mdastText(record.body) : '' }, ...textFields(record.data)];
  const out: (RecordErratum & { at: number })[] = [];
  for (const corrected of [...new Set(inRange.map((a) => a.corrected))].sort()) {
    const candidates: Candidate[] = occurrences(range, corrected).map((at) => ({ at, erratum: inRange.find((a) => a.corrected === corrected && lineStart[a.line]! + a.column === at) }));
    for (const { field, text } of texts) {
      occurrences(text, corrected).forEach((start, occurrence) => {
        const scored = candidates.map((c) => ({ c, score: contextAgreement(text, start, range, c.at, corrected.length) }));
        const best = Math.max(...scored.map((s) => s.score));
        if (best === 0 && hasNeighbour(text, start, corrected.length)) return; // not from these lines
        const top = scored.filter((s) => s.score === best).map((s) => s.c);
        if (!top.length || top.some((c) => !c.erratum)) return;
        const e = top[0]!.erratum!;
        if (top.some((c) => c.erratum!.original !== e.original || c.erratum!.reason !== e.reason)) return;
        out.push({ line: e.line, original: e.original, corrected: e.corrected, reason: e.reason, ...(field !== undefined ? { field } : {}), occurrence, at: start });
      });
    }
  }
  // By field (the MDX body first), then in text order.
  return out
    .sort((a, b) => ((a.field ?? '') < (b.field ?? '') ? -1 : (a.field ?? '') > (b.field ?? '') ? 1 : a.at - b.at))
    .map(({ at: _at, ...e }) => e);
}
