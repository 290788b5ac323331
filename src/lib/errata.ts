/**
 * OCR corrections in extracted records (cases, work points, scoring items, indicators): which
 * part of a frontmatter text is a corrected span. Pure; rendered by src/components/Corrected.astro
 * as `<span class="erratum" title="原文：…（reason）">corrected<sup class="erratum-mark">校</sup></span>`,
 * the same mark rehypeErrataMarks puts into document bodies.
 *
 * The ingest (scripts/ingest/errata.ts `recordErrata`) stores `errata: [{ line, original,
 * corrected, reason, field?, occurrence }]`: `field` is the dotted path of the frontmatter text
 * ('body', 'title', 'cells.1'), `occurrence` the 0-based index of the span among the
 * non-overlapping occurrences of `corrected` in that text.
 */

import type { z } from 'astro/zod';
import type { recordErrataSchema } from '../schemas/common';

/** One entry of a record's `errata`, as the content schema declares it. */
export type RecordErratum = z.infer<typeof recordErrataSchema>[number];

export interface ErratumSpan {
  start: number;
  end: number;
  erratum: RecordErratum;
}

/** A piece of text; `erratum` when it is (part of) a corrected span, `last` on the piece that ends the span (it carries the 校). */
export type Segment<S extends { text: string } = { text: string }> = S & { erratum?: RecordErratum; last?: boolean };

/** The tooltip of a mark, as on document pages. */
export function erratumTitle(e: Pick<RecordErratum, 'original' | 'reason'>): string {
  return `原文：${e.original}（${e.reason}）`;
}

/** Offsets of the corrected spans of `field` in `text` (sorted; spans not found or overlapping are dropped). */
export function erratumSpans(text: string, errata: readonly RecordErratum[] | undefined, field: string): ErratumSpan[] {
  const spans: ErratumSpan[] = [];
  for (const e of errata ?? []) {
    if (e.field !== field || !e.corrected) continue;
    let k = 0;
    for (let at = text.indexOf(e.corrected); at >= 0; at = text.indexOf(e.corrected, at + e.corrected.length), k++) {
      if (k === e.occurrence) {
        spans.push({ start: at, end: at + e.corrected.length, erratum: e });
        break;
      }
    }
  }
  spans.sort((a, b) => a.start - b.start);
  return spans.filter((s, i) => i === 0 || s.start >= spans[i - 1]!.end);
}

/**
 * Split segments that are consecutive slices of `text` (in order; characters between them, such as
 * the '\n' a paragraph split drops, may be skipped) at the corrected spans of `field`. Each piece
 * keeps the flags of its segment (e.g. `figure`) and gains `erratum` inside a span.
 */
export function splitSegments<S extends { text: string }>(text: string, segments: readonly S[], errata: readonly RecordErratum[] | undefined, field: string): Segment<S>[] {
  const spans = erratumSpans(text, errata, field);
  if (!spans.length) return segments.map((s) => ({ ...s }));
  const out: Segment<S>[] = [];
  let cursor = 0;
  for (const seg of segments) {
    const found = text.indexOf(seg.text, cursor);
    if (found < 0 || !seg.text) {
      out.push({ ...seg });
      continue;
    }
    const segEnd = found + seg.text.length;
    const cuts = new Set<number>([found, segEnd]);
    for (const s of spans) for (const c of [s.start, s.end]) if (c > found && c < segEnd) cuts.add(c);
    const points = [...cuts].sort((a, b) => a - b);
    for (let i = 0; i + 1 < points.length; i++) {
      const [a, b] = [points[i]!, points[i + 1]!];
      const span = spans.find((s) => a >= s.start && b <= s.end);
      out.push(span ? { ...seg, text: text.slice(a, b), erratum: span.erratum, last: b === span.end } : { ...seg, text: text.slice(a, b) });
    }
    cursor = segEnd;
  }
  return out;
}

/** Paragraphs of segments (as `highlightSegments` makes them) split at the corrected spans; paragraphs keep their shape. */
export function splitParagraphs<S extends { text: string }>(text: string, paragraphs: readonly (readonly S[])[], errata: readonly RecordErratum[] | undefined, field: string): Segment<S>[][] {
  const flat = paragraphs.flatMap((p, i) => p.map((s) => ({ s, i })));
  const split = splitSegmentsTagged(text, flat, errata, field);
  return paragraphs.map((_, i) => split.filter((x) => x.i === i).map((x) => x.seg));
}

function splitSegmentsTagged<S extends { text: string }>(text: string, flat: { s: S; i: number }[], errata: readonly RecordErratum[] | undefined, field: string): { seg: Segment<S>; i: number }[] {
  const tagged = flat.map(({ s, i }) => ({ ...s, __p: i }));
  return splitSegments(text, tagged, errata, field).map(({ __p, ...seg }) => ({ seg: seg as unknown as Segment<S>, i: __p }));
}

/** A whole field's text as segments: plain text and corrected spans. */
export function errataSegments(text: string, errata: readonly RecordErratum[] | undefined, field: string): Segment[] {
  return splitSegments(text, [{ text }], errata, field);
}
