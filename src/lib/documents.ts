/**
 * Data shaping for the document pages (pure functions, unit-tested in tests/site/documents.test.ts).
 * Components call these; they never sort, group or resolve references themselves.
 */
import { createHash } from 'node:crypto';
import { perArray, positions } from './memo';
import { sourceRange } from './source-lines';

/** The part of a document record the pages use (matches src/schemas/document.ts after parsing). */
export interface DocData {
  id?: string;
  title: string;
  docNumber?: string;
  issuers: string[];
  signedDate?: string;
  printedDate?: string;
  recipients?: string;
  kind: string;
  level?: string;
  region?: string;
  parent?: string;
  children: string[];
  attachments: { seq: number; title: string; id?: string }[];
  contacts: { name?: string; phone?: string; email?: string; text: string }[];
  cites: string[];
  /** Cited 文号 resolved by the ingest link stage (id when the corpus holds it). */
  citations?: { docNumber: string; id?: string }[];
  subtitle?: string;
  relation?: '转发' | '印发' | '附件';
  label?: string;
  errata?: { line: number; original: string; corrected: string; reason: string }[];
  /** Year for filters, from the ingest (own date, 文号, or the parent's date). */
  year?: number;
  source: { file: string; lines: [number, number] };
  sources?: { file: string; lines: [number, number] }[];
}
export interface DocEntry {
  id: string;
  data: DocData;
}

/** 成文日期, else 印发日期 (ISO yyyy-mm-dd) — the date a document is filed under. */
export function docDate(d: DocData): string | undefined {
  return d.signedDate ?? d.printedDate;
}

export function docYear(d: DocData): string | undefined {
  // A document without a date of its own (a 方案 printed by a notice, an 附件) files under the
  // year the ingest gives it (its 文号, else its parent's date), so year filters list it too.
  return docDate(d)?.slice(0, 4) ?? (d.year ? String(d.year) : undefined);
}

/** ISO date → 2019年7月23日 */
export function formatDateZh(iso: string | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/**
 * Newest first. A document without its own date (an attachment, a 印发 方案) sorts with its parent,
 * right after it; documents with no date at all come last. Ties: parent before child, then
 * attachment label / id, so the order is deterministic.
 */
export function sortNewest<T extends DocEntry>(docs: readonly T[]): T[] {
  const byId = new Map(docs.map((d) => [d.id, d] as const));
  const sortDate = (d: DocEntry): string => {
    for (let cur: DocEntry | undefined = d, hops = 0; cur && hops < 5; cur = cur.data.parent ? byId.get(cur.data.parent) : undefined, hops++) {
      const own = docDate(cur.data);
      if (own) return own;
    }
    return '';
  };
  const depth = (d: DocEntry): number => {
    let n = 0;
    for (let cur = d; cur.data.parent && byId.has(cur.data.parent) && n < 5; cur = byId.get(cur.data.parent)!) n++;
    return n;
  };
  return [...docs].sort((a, b) => {
    const da = sortDate(a);
    const db = sortDate(b);
    if (da !== db) return da < db ? 1 : -1;
    const pa = depth(a);
    const pb = depth(b);
    if (pa !== pb) return pa - pb; // a forwarding notice before the documents it forwards
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

/** Stable ASCII slug for an issuer name (URLs stay ASCII for any portal web server). */
export function issuerSlug(name: string): string {
  return createHash('sha1').update(name.normalize('NFC'), 'utf8').digest('hex').slice(0, 8);
}

export interface Facet {
  key: string;
  label: string;
  count: number;
}

/** Years (newest first) with document counts. Computed once per list (every list page shows them). */
export function yearFacets(docs: readonly DocEntry[]): Facet[] {
  return yearFacetsOf(docs);
}
const yearFacetsOf = perArray((docs: readonly DocEntry[]): Facet[] => {
  const m = new Map<string, number>();
  for (const d of docs) {
    const y = docYear(d.data);
    if (y) m.set(y, (m.get(y) ?? 0) + 1);
  }
  return [...m].sort((a, b) => (a[0] < b[0] ? 1 : -1)).map(([y, count]) => ({ key: y, label: `${y}年`, count }));
});

/** Issuers (most documents first, then by name) with counts; a joint document counts for each issuer. Once per list. */
export function issuerFacets(docs: readonly DocEntry[]): Facet[] {
  return issuerFacetsOf(docs);
}
const issuerFacetsOf = perArray((docs: readonly DocEntry[]): Facet[] => {
  const m = new Map<string, number>();
  for (const d of docs) for (const i of new Set(d.data.issuers)) m.set(i, (m.get(i) ?? 0) + 1);
  return [...m]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN'))
    .map(([label, count]) => ({ key: issuerSlug(label), label, count }));
});

/** The documents of each year (docYear) and of each issuer (by issuerSlug), in list order; once per list. */
export function docsByFacet<T extends DocEntry>(docs: readonly T[]): { year: Map<string, T[]>; issuer: Map<string, T[]> } {
  return docsByFacetOf(docs) as { year: Map<string, T[]>; issuer: Map<string, T[]> };
}
const docsByFacetOf = perArray((docs: readonly DocEntry[]) => {
  const year = new Map<string, DocEntry[]>();
  const issuer = new Map<string, DocEntry[]>();
  const add = (m: Map<string, DocEntry[]>, k: string, d: DocEntry) => {
    let l = m.get(k);
    if (!l) m.set(k, (l = []));
    if (l[l.length - 1] !== d) l.push(d);
  };
  for (const d of docs) {
    const y = docYear(d.data);
    if (y) add(year, y, d);
    for (const i of d.data.issuers) add(issuer, issuerSlug(i), d);
  }
  return { year, issuer };
});

/** 文号 normalised for lookup: brackets [] () （） 〔〕 ［］ → 〔〕, spaces removed. */
export function normalizeDocNumber(s: string): string {
  return s
    .replace(/\s+/g, '')
    .replace(/[\[［(（【〔]/g, '〔')
    .replace(/[\]］)）】〕]/g, '〕');
}

export interface CiteRef {
  docNumber: string;
  /** id of the document when the corpus holds it */
  id?: string;
  title?: string;
}

/**
 * Every cited 文号 with the document that carries it, when the corpus holds it. Uses the ingest's
 * resolution (`citations`) when present and checks each id exists; falls back to matching `cites`
 * against the 发文字号 of the corpus.
 */
export function resolveCites(doc: DocData, all: readonly DocEntry[]): CiteRef[] {
  const { byNumber, byId } = docIndex(all);
  const list = doc.citations?.length ? doc.citations : doc.cites.map((docNumber) => ({ docNumber, id: undefined as string | undefined }));
  const self = doc.docNumber ? normalizeDocNumber(doc.docNumber) : undefined;
  const seen = new Set<string>();
  const out: CiteRef[] = [];
  for (const c of list) {
    const key = normalizeDocNumber(c.docNumber);
    if (seen.has(key) || key === self) continue;
    seen.add(key);
    const hit = (c.id ? byId.get(c.id) : undefined) ?? byNumber.get(key);
    out.push(hit ? { docNumber: c.docNumber, id: hit.id, title: hit.data.title } : { docNumber: c.docNumber });
  }
  return out;
}

/** Lookups over the whole library, built once per list (one per build), not once per page. */
const docIndex = perArray((all: readonly DocEntry[]) => {
  const byNumber = new Map<string, DocEntry>();
  for (const d of all) if (d.data.docNumber) byNumber.set(normalizeDocNumber(d.data.docNumber), d);
  const byId = new Map(all.map((d) => [d.id, d] as const));
  const childrenOf = new Map<string, string[]>();
  for (const d of all) {
    if (!d.data.parent) continue;
    let l = childrenOf.get(d.data.parent);
    if (!l) childrenOf.set(d.data.parent, (l = []));
    l.push(d.id);
  }
  return { byNumber, byId, childrenOf, at: positions(all) };
});

export interface Related {
  parent?: DocEntry;
  children: DocEntry[];
  attachments: { seq: number; title: string; entry?: DocEntry }[];
}

/** Parent (forwarding notice), forwarded/attached children and the 附件 list resolved to records. */
export function related(doc: DocEntry, all: readonly DocEntry[]): Related {
  const { byId, childrenOf } = docIndex(all);
  const parent = doc.data.parent ? byId.get(doc.data.parent) : undefined;
  const childIds = new Set(doc.data.children);
  // Records that name this one as parent count as children even if the list is incomplete.
  for (const id of childrenOf.get(doc.id) ?? []) childIds.add(id);
  const children = [...childIds].map((id) => byId.get(id)).filter((d): d is DocEntry => !!d);
  const attachments = doc.data.attachments.map((a) => ({ seq: a.seq, title: a.title, entry: a.id ? byId.get(a.id) : undefined }));
  return { parent, children, attachments };
}

/** 上一篇 / 下一篇 in library order (newest first). */
export function prevNext<T extends DocEntry>(sorted: readonly T[], id: string): { prev?: T; next?: T } {
  const i = docIndex(sorted).at.get(id);
  if (i === undefined) return {};
  return { prev: i > 0 ? sorted[i - 1] : undefined, next: i < sorted.length - 1 ? sorted[i + 1] : undefined };
}

/** Mainland mobile numbers (1[3-9]x, 11 digits, not part of a longer number). */
const MOBILE = /(?<![\d－-])(1[3-9]\d)[\s-]?(\d{4})[\s-]?(\d{4})(?!\d)/g;

/** 16637113810 → 166****3810; office numbers (0371-65900356, 67180592) are left alone. */
export function maskMobile(text: string): string {
  return text.replace(MOBILE, (_m, a: string, _b: string, c: string) => `${a}****${c}`);
}

/** "来源：004_….txt 第 12–80 行"; a converted source (.docx/.doc/.html/.pdf) says its lines are of the converted text. */
export function sourceLabel(source: { file: string; lines: [number, number] }): string {
  return `来源：${sourceRange(source)}`;
}

/** Level labels used in the metadata table. */
export function levelLabel(level: string | undefined): string {
  return level ? `${level}级` : '';
}

/**
 * dist/data/documents.json: the document records as open data (frontmatter fields and the page URL),
 * in library order; personal mobile numbers masked when `maskMobile` is on.
 */
export function documentsOpenData(
  docs: readonly DocEntry[],
  opts: { maskMobile: boolean; href: (id: string) => string },
): string {
  const records = docs.map((d) => ({ ...d.data, id: d.id, url: opts.href(d.id) }));
  const json = JSON.stringify({ count: records.length, documents: records }) + '\n';
  return opts.maskMobile ? maskMobile(json) : json;
}

/**
 * An attachment printed inside this document (附件 1–4 of 豫法政办〔2019〕12号, the 申报表 of
 * 豫法政办〔2019〕10号) has no record of its own: the slug of the body heading that is its title, so
 * the 附件 list links down the page instead of calling it 未收录. Titles compare without spaces,
 * brackets and punctuation ("工作任务细则（省辖市…）" = heading "工作任务细则 (省辖市…)").
 */
export function attachmentHeading(title: string, headings: readonly { slug: string; text: string }[]): string | undefined {
  const key = (s: string) => s.replace(/[\s《》〈〉“”"'‘’（）()【】[\]〔〕：:，,。.、—-]/g, '');
  const k = key(title);
  return k ? headings.find((h) => key(h.text) === k)?.slug : undefined;
}
