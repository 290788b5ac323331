/**
 * link — duplicates and cross references across the corpus.
 *
 * Duplicates (decided here, before any extractor runs, so extractors only ever see each notice once).
 * Documents are taken in corpus order (files sorted by name, then position in the file); the first
 * one is kept and a later one is a duplicate when
 *   - it has the same 发文字号 as a kept document (reason `发文字号`);
 *   - it is part of a dropped duplicate (an 附件, or a document printed/forwarded by it) and the
 *     kept document has the corresponding part: same relation, label and title, else the same
 *     place among its parts (reason `part`);
 *   - it has no 发文字号 and a kept document has the same title and text (reason `text`); without
 *     texts (`options.lines`) this rule is off.
 * A duplicate is published once: the kept record's `sources` names every source, references to
 * the duplicate are re-pointed, and the report lists it (`DUPLICATE …`, both sources).
 *
 * Two notices are one notice only when their text says so. A document without 发文字号 whose title
 * equals a kept document's but whose text differs (two 答复 titled alike, the same 倡议书 title from
 * two cities) is another notice: both are published, with distinct ids.
 *
 * When texts are given (`options.lines`, the cleaned source lines of a document), a duplicate by
 * 发文字号 (or a part of one) must also have the same whitespace-normalised text. Otherwise it is a
 * **conflict** — the same notice in two versions (a revision, another OCR): the first one in corpus
 * order (file name) is published, the other is skipped together with its parts, and the ingest
 * report warns with both files and the first differing line of each (`conflictWarning`);
 * `--strict` turns that warning into an error (`conflictError`). Parts of a skipped version are
 * not compared again.
 *
 * Cross references: every cited 文号 resolves to the document id when the corpus holds it
 * (`citations`); 附件 entries resolve to the attached/forwarded record (`attachments[].id`).
 */
import { warningError, type IngestError, type IngestWarning } from './errors';
import { titleKey } from './segment';
import type { DocumentMeta, SourceRef } from './types';

export type DuplicateReason = '发文字号' | 'part' | 'text';

export interface Duplicate {
  /** The shared 发文字号 (reason `发文字号`, or the dropped document's own when it has one). */
  docNumber?: string;
  kept: string;
  dropped: string;
  /** The kept source and the dropped one, `file:first-last`. */
  sources: string[];
  /** Why it is a duplicate: the same 发文字号; a part (附件/printed document) of a dropped duplicate; the same title and text without 发文字号. */
  reason: DuplicateReason;
  title: string;
  /** reason `part`: the dropped document it belongs to. */
  partOf?: string;
}

/** A later document that is the same notice as a kept one (same 发文字号) but whose text differs: skipped with a warning. */
export interface Conflict {
  reason: DuplicateReason;
  title: string;
  docNumber?: string;
  kept: { id: string; source: SourceRef };
  other: { id: string; source: SourceRef };
  /** The first difference (whitespace ignored): line and text in each source; text '' = the document ended. */
  at: { kept: { line: number; text: string }; other: { line: number; text: string } };
}

export interface LinkResult {
  /** Documents to publish (duplicates removed). */
  documents: DocumentMeta[];
  duplicates: Duplicate[];
  /** Same notice (same 发文字号), different text: not published, warned (conflictWarning). Empty without `options.lines`. */
  conflicts: Conflict[];
  /** Ids of the documents not published because they are (parts of) a conflicting version. */
  skipped: string[];
}

export interface SourceLine {
  line: number;
  text: string;
}

export interface LinkOptions {
  /**
   * The text of a document as its source lines (after cleaning). When given, duplicates are
   * compared by text: the same title without 发文字号 is a duplicate only with the same text, and a
   * duplicate whose text differs is a conflict.
   */
  lines?: (d: DocumentMeta) => SourceLine[];
}

const squash = (s: string) => s.replace(/[\s\u3000\u00a0]+/g, '');
const ref = (s: SourceRef) => `${s.file}:${s.lines[0]}-${s.lines[1]}`;
/** A title that names a document (not the fallback of a document without one). */
const namesDocument = (t: string) => t !== '（无标题）' && [...titleKey(t)].length >= 2;

/** Where two texts first differ (whitespace ignored), as source lines; undefined when equal. */
export function firstDifference(a: SourceLine[], b: SourceLine[]): Conflict['at'] | undefined {
  const flat = (ls: SourceLine[]) => {
    const chars: string[] = [];
    const at: number[] = [];
    for (const [i, l] of ls.entries()) for (const c of squash(l.text)) {
      chars.push(c);
      at.push(i);
    }
    return { chars, at };
  };
  const x = flat(a);
  const y = flat(b);
  let i = 0;
  while (i < x.chars.length && i < y.chars.length && x.chars[i] === y.chars[i]) i++;
  if (i === x.chars.length && i === y.chars.length) return undefined;
  const side = (ls: SourceLine[], f: { chars: string[]; at: number[] }) => {
    if (i >= f.chars.length) return { line: ls[ls.length - 1]?.line ?? 0, text: '' };
    const l = ls[f.at[i]!]!;
    return { line: l.line, text: l.text.trim() };
  };
  return { kept: side(a, x), other: side(b, y) };
}

export function linkDocuments(all: DocumentMeta[], options: LinkOptions = {}): LinkResult {
  const { lines } = options;
  const byId = new Map(all.map((d) => [d.id, d]));
  const byNumber = new Map<string, DocumentMeta>();
  const kept: DocumentMeta[] = [];
  /** Kept documents by titleKey, in the order kept (one lookup per document instead of a scan of all kept). */
  const keptByTitle = new Map<string, DocumentMeta[]>();
  const duplicates: Duplicate[] = [];
  const conflicts: Conflict[] = [];
  /** dropped id → kept id */
  const replaced = new Map<string, string>();
  const refused = new Set<string>();
  /** Parts of a kept document already matched by a part of a given dropped document. */
  const claimed = new Set<string>();
  const texts = new Map<string, SourceLine[]>();
  const textOf = (d: DocumentMeta) => {
    let t = texts.get(d.id);
    if (!t) texts.set(d.id, (t = lines!(d)));
    return t;
  };
  const sameText = (a: DocumentMeta, b: DocumentMeta) => !lines || textOf(a).map((l) => squash(l.text)).join('') === textOf(b).map((l) => squash(l.text)).join('');
  const resolve = (id: string) => byId.get(replaced.get(id) ?? id);

  /** The part of the kept document `keptParent` that corresponds to `d`, a part of a dropped duplicate. */
  const counterpart = (d: DocumentMeta, keptParent: DocumentMeta): DocumentMeta | undefined => {
    const droppedParent = byId.get(d.parent!);
    const parts = keptParent.children.map(resolve).filter((c): c is DocumentMeta => !!c && c.parent === keptParent.id && !claimed.has(`${d.parent}>${c.id}`));
    const same = (c: DocumentMeta) => c.relation === d.relation && (c.label ?? '') === (d.label ?? '');
    let c = parts.find((c) => same(c) && titleKey(c.title) === titleKey(d.title));
    if (!c && droppedParent) {
      // A retitled part: the one at the same place among the parts.
      const k = droppedParent.children.indexOf(d.id);
      const atK = keptParent.children.map(resolve)[k];
      if (atK && parts.includes(atK) && same(atK)) c = atK;
    }
    if (c) claimed.add(`${d.parent}>${c.id}`);
    return c;
  };

  for (const d of all) {
    if (d.parent && refused.has(d.parent)) {
      refused.add(d.id); // part of a refused version: reported with it
      continue;
    }
    let target: DocumentMeta | undefined;
    let reason: DuplicateReason | undefined;
    const keptParentId = d.parent ? replaced.get(d.parent) : undefined;
    if (d.docNumber && byNumber.has(d.docNumber)) {
      target = byNumber.get(d.docNumber);
      reason = '发文字号';
    } else if (keptParentId) {
      target = counterpart(d, byId.get(keptParentId)!);
      reason = 'part';
    } else if (!d.docNumber && lines && namesDocument(d.title)) {
      // Same title and text: a duplicate. Same title, other text: another notice (published too).
      target = keptByTitle.get(titleKey(d.title))?.find((k) => sameText(k, d));
      reason = 'text';
    }
    if (!target || !reason) {
      kept.push(d);
      const key = titleKey(d.title);
      const same = keptByTitle.get(key);
      if (same) same.push(d);
      else keptByTitle.set(key, [d]);
      if (d.docNumber) byNumber.set(d.docNumber, d);
      continue;
    }
    if (!sameText(target, d)) {
      const at = firstDifference(textOf(target), textOf(d))!;
      conflicts.push({ reason, title: d.title, ...(d.docNumber ? { docNumber: d.docNumber } : {}), kept: { id: target.id, source: target.source }, other: { id: d.id, source: d.source }, at });
      refused.add(d.id);
      continue;
    }
    target.sources = [...(target.sources ?? [target.source]), d.source];
    replaced.set(d.id, target.id);
    duplicates.push({
      ...(d.docNumber ? { docNumber: d.docNumber } : {}),
      kept: target.id,
      dropped: d.id,
      sources: [ref(target.source), ref(d.source)],
      reason,
      title: target.title,
      ...(reason === 'part' ? { partOf: d.parent! } : {}),
    });
  }

  const documents = kept;
  const re = (id: string) => replaced.get(id) ?? id;
  const ids = new Map(documents.map((d) => [d.id, d]));
  for (const d of documents) {
    if (d.parent) d.parent = re(d.parent);
    d.children = [...new Set(d.children.map(re))].filter((c) => c !== d.id && ids.has(c));
  }
  // Parts of a dropped duplicate that the kept record lacks now hang under the kept record.
  for (const d of documents) if (d.parent) {
    const p = ids.get(d.parent);
    if (p && !p.children.includes(d.id)) p.children.push(d.id);
  }
  for (const d of documents) {
    d.citations = d.cites.map((n) => {
      const target = byNumber.get(n);
      return target ? { docNumber: n, id: target.id } : { docNumber: n };
    });
    for (const a of d.attachments) {
      if (a.id) {
        a.id = re(a.id);
        continue;
      }
      const key = titleKey(a.title);
      if (!key) continue;
      // An attachment that is a forwarded document: its title, or the 《…》 quoted in a child's title.
      const child = d.children.map((c) => ids.get(c)).find((c) => c && (titleKey(c.title) === key || titleKey(c.title).includes(key)));
      if (child) a.id = child.id;
    }
  }
  return { documents, duplicates, conflicts, skipped: [...refused] };
}

const WHY: Record<DuplicateReason, string> = {
  发文字号: 'has the same 发文字号 as',
  part: 'is part of a copy of a notice published from',
  text: 'has the same title (and no 发文字号) as',
};

/**
 * A conflict as the warning staff read: the version published, the version skipped, both files and
 * lines, the first difference, what to do. `parts`: how many parts of the skipped version went with it.
 */
export function conflictWarning(c: Conflict, parts = 0): IngestWarning {
  const quote = (t: string) => (t ? `"${t.length > 60 ? t.slice(0, 60) + '…' : t}"` : '(the document ends here)');
  return {
    code: 'conflict',
    file: c.other.source.file,
    line: c.at.other.line,
    detail:
      `"${c.title}"${c.docNumber ? ` (${c.docNumber})` : ''} at ${ref(c.other.source)} ${WHY[c.reason]} ${ref(c.kept.source)}, but the text differs — ` +
      `first difference: ${c.kept.source.file}:${c.at.kept.line} ${quote(c.at.kept.text)} / ${c.other.source.file}:${c.at.other.line} ${quote(c.at.other.text)}. ` +
      `Published the version in ${c.kept.source.file} (first by file name); skipped this one${parts ? ` and its ${parts} part(s)` : ''}`,
    action:
      `keep only the version that should be published: remove the other file from content/sources/ (if ${c.other.source.file} is the revised version, remove ${c.kept.source.file}) and run the ingest again. ` +
      `If they really are two different notices, one of them carries a wrong 发文字号: correct it (content/errata.yaml)`,
  };
}

/** A conflict as an error (`--strict`). */
export function conflictError(c: Conflict): IngestError {
  return warningError(conflictWarning(c));
}
