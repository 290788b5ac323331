/**
 * Data shaping for the work point pages (pure; unit-tested in tests/workpoints/lib.test.ts).
 * Also imported by the /workpoints/ client script for the instant filter, so: no Node or Astro imports.
 */
import { perArray, positions } from './memo';
import { sourceRange } from './source-lines';

export type Recurrence = 'yearly' | 'half-yearly' | 'quarterly' | 'monthly';

/** How a recurrence reads: 每年 / 每半年 / 每季度 / 每月. */
export const RECURRENCE_LABEL: Record<Recurrence, string> = { yearly: '每年', 'half-yearly': '每半年', quarterly: '每季度', monthly: '每月' };

export interface DeadlineLike {
  date: string | null;
  precision?: 'day' | 'month' | 'period';
  text: string;
  start?: string;
  recurring?: Recurrence;
  note?: string;
  label?: string;
}

export interface WorkPointLike {
  id: string;
  kind: 'item' | 'row';
  document: { id: string; docNumber?: string; title: string };
  year?: number;
  section: string;
  sectionPath?: string[];
  seq: number;
  marker: string;
  order: number;
  parent?: string;
  title: string;
  timing?: string;
  body: string;
  deadlines: DeadlineLike[];
  quotas: { text: string }[];
  units: string[];
  themes: { id: string; label: string; terms?: string[] }[];
  source: { file: string; lines: [number, number] };
}

export interface SectionGroup<T extends WorkPointLike = WorkPointLike> {
  section: string;
  /** Stable anchor for the section (d<doc>-s<n>). */
  anchor: string;
  items: T[];
}
export interface DocumentGroup<T extends WorkPointLike = WorkPointLike> {
  document: T['document'];
  year?: number;
  anchor: string;
  sections: SectionGroup<T>[];
  count: number;
}

const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

/** Reading order: by source file, then the order inside the document. */
export function sortPoints<T extends WorkPointLike>(points: readonly T[]): T[] {
  return [...points].sort(
    (a, b) => cmp(a.source.file, b.source.file) || cmp(a.source.lines[0], b.source.lines[0]) || cmp(a.order, b.order) || cmp(a.id, b.id),
  );
}

/**
 * Up to this many work points /workpoints/ lists them all on one page; above it, /workpoints/ is an
 * index of the documents and each document's work points are on /workpoints/doc/<document id>/
 * (one page with every work point grew to 22 MB at 1,000 notices: issue 13).
 */
export const ONE_PAGE_MAX = 500;

/** The list page (a path for url()) that shows a document's work points, given how many there are in all. */
export function listPagePath(total: number, documentId: string): string {
  return total > ONE_PAGE_MAX ? `workpoints/doc/${documentId}/` : 'workpoints/';
}

/** Work point by id (once per loaded list; a page looking its parent up scanned the whole list). */
export const pointById = perArray((points: readonly WorkPointLike[]) => new Map(points.map((p) => [p.id, p])));

/** Work points by document id, in list order (once per loaded list). */
export const pointsByDocument = perArray((points: readonly WorkPointLike[]) => {
  const by = new Map<string, WorkPointLike[]>();
  for (const p of points) {
    const l = by.get(p.document.id);
    if (l) l.push(p);
    else by.set(p.document.id, [p]);
  }
  return by;
});

/** Group by document (in source order), then by section (in reading order). */
export function groupByDocument<T extends WorkPointLike>(points: readonly T[]): DocumentGroup<T>[] {
  const groups: DocumentGroup<T>[] = [];
  for (const p of sortPoints(points)) {
    let g = groups.find((x) => x.document.id === p.document.id);
    if (!g) {
      g = { document: p.document, year: p.year, anchor: `doc-${groups.length + 1}`, sections: [], count: 0 };
      groups.push(g);
    }
    let s = g.sections.find((x) => x.section === p.section);
    if (!s) {
      s = { section: p.section, anchor: `${g.anchor}-s${g.sections.length + 1}`, items: [] };
      g.sections.push(s);
    }
    s.items.push(p);
    g.count++;
  }
  return groups;
}

export interface Facet {
  value: string;
  label: string;
  count: number;
}

/** Years (newest first) and themes (most used first, then label) for the filters. */
export function facets(points: readonly WorkPointLike[]): { years: Facet[]; themes: Facet[] } {
  const years = new Map<number, number>();
  const themes = new Map<string, { label: string; count: number }>();
  for (const p of points) {
    if (p.year) years.set(p.year, (years.get(p.year) ?? 0) + 1);
    for (const t of p.themes) {
      const e = themes.get(t.id) ?? { label: t.label, count: 0 };
      e.count++;
      themes.set(t.id, e);
    }
  }
  return {
    years: [...years].sort((a, b) => b[0] - a[0]).map(([y, count]) => ({ value: String(y), label: `${y}年`, count })),
    themes: [...themes]
      .sort((a, b) => b[1].count - a[1].count || cmp(a[1].label, b[1].label))
      .map(([value, e]) => ({ value, label: e.label, count: e.count })),
  };
}

/** Text a keyword is matched against: NFKC, lower case, no whitespace. */
export function normalise(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
}

export function searchText(p: WorkPointLike): string {
  const t = searchTextParts(p);
  return t.own + t.section + t.document;
}

/**
 * searchText in three parts: the item's own text, its section's and its document's. A list page carries
 * the section and document parts once per group instead of on every item (they were half of a
 * document's list page); its script joins them back in this order, so the filter is the same.
 */
export function searchTextParts(p: WorkPointLike): { own: string; section: string; document: string } {
  return {
    own: normalise([p.title, p.body, p.units.join(' '), p.deadlines.map((d) => d.text).join(' '), p.themes.map((t) => t.label).join(' ')].join(' ')),
    section: normalise(p.section),
    document: normalise(`${p.document.title} ${p.document.docNumber ?? ''}`),
  };
}

export interface FilterState {
  q: string;
  theme: string;
  year: string;
}

export function parseFilterState(search: string): FilterState {
  const sp = new URLSearchParams(search);
  return { q: (sp.get('q') ?? '').trim(), theme: sp.get('theme') ?? '', year: sp.get('year') ?? '' };
}

/** Query string for a state ('' when nothing is filtered); keys in a fixed order. */
export function toQuery(state: FilterState): string {
  const sp = new URLSearchParams();
  if (state.q) sp.set('q', state.q);
  if (state.theme) sp.set('theme', state.theme);
  if (state.year) sp.set('year', state.year);
  const s = sp.toString();
  return s ? `?${s}` : '';
}

/** What the page stores on each item (data-* attributes) and the filter reads back. */
export interface FilterKeys {
  text: string;
  themes: string[];
  year: string;
}

export function filterKeys(p: WorkPointLike): FilterKeys {
  return { text: searchText(p), themes: p.themes.map((t) => t.id), year: p.year ? String(p.year) : '' };
}

/** Does an item pass the filter? Every whitespace-separated keyword must occur. */
export function matches(keys: FilterKeys, state: FilterState): boolean {
  if (state.theme && !keys.themes.includes(state.theme)) return false;
  if (state.year && keys.year !== state.year) return false;
  const words = state.q.split(/\s+/u).map(normalise).filter(Boolean);
  return words.every((w) => keys.text.includes(w));
}

export function filterPoints<T extends WorkPointLike>(points: readonly T[], state: FilterState): T[] {
  return points.filter((p) => matches(filterKeys(p), state));
}

/** Previous and next work point in reading order. */
export function prevNext<T extends WorkPointLike>(points: readonly T[], id: string): { prev?: T; next?: T } {
  const { sorted, at } = readingOrder(points) as { sorted: T[]; at: Map<string, number> };
  const i = at.get(id);
  if (i === undefined) return {};
  return { prev: sorted[i - 1], next: sorted[i + 1] };
}

/** Sorted once per list (one list per build), not once per page. */
const readingOrder = /* @__PURE__ */ perArray((points: readonly WorkPointLike[]) => {
  const sorted = sortPoints(points);
  return { sorted, at: positions(sorted) };
});

/** 2023-09-30 → 2023年9月30日; precision month → 2019年9月; a window → 2023年9月1日—10日. */
export function formatDeadlineDate(d: DeadlineLike): string {
  if (!d.date) return '时间待定';
  const [y, m, day] = d.date.split('-').map(Number) as [number, number, number];
  if (d.precision === 'month') return `${y}年${m}月`;
  if (d.precision === 'period' && d.start) {
    const [sy, sm, sd] = d.start.split('-').map(Number) as [number, number, number];
    if (sy === y && sm === m) return `${y}年${m}月${sd}日—${day}日`;
    if (sy === y) return `${y}年${sm}月${sd}日—${m}月${day}日`;
    return `${sy}年${sm}月${sd}日—${y}年${m}月${day}日`;
  }
  return `${y}年${m}月${day}日`;
}

/** "2023年9月底前 → 2023年9月30日" style line for pages. */
export function deadlineLine(d: DeadlineLike): string {
  const when = formatDeadlineDate(d);
  const head = d.label ? `${d.label}：` : '';
  if (!d.date) return `${head}${d.text}（${d.note ?? '无具体日期'}）`;
  const rec = d.recurring ? `，${RECURRENCE_LABEL[d.recurring]}重复` : '';
  return `${head}${d.text}（${when}${rec}）`;
}

export const PRECISION_LABEL: Record<string, string> = { day: '具体到日', month: '具体到月', period: '时段' };

/** "来源：001_….txt 第 34–34 行" → "来源：001_….txt 第 34 行" (lines of the converted text for .docx/.doc/.html/.pdf). */
export function sourceLine(s: { file: string; lines: [number, number] }): string {
  return `来源：${sourceRange(s)}`;
}

/** Items whose parent is `id`, in order. */
export function childrenOf<T extends WorkPointLike>(points: readonly T[], id: string): T[] {
  return (childrenIndex(points).get(id) ?? []) as T[];
}

/** parent id → its items in reading order, built once per list. */
const childrenIndex = /* @__PURE__ */ perArray((points: readonly WorkPointLike[]) => {
  const by = new Map<string, WorkPointLike[]>();
  for (const p of readingOrder(points).sorted) {
    if (!p.parent) continue;
    let l = by.get(p.parent);
    if (!l) by.set(p.parent, (l = []));
    l.push(p);
  }
  return by;
});

/** Earliest dated deadline (for sorting/RSS), or undefined. */
export function firstDate(p: WorkPointLike): string | undefined {
  return p.deadlines.map((d) => d.date).filter((d): d is string => Boolean(d)).sort()[0];
}

/** Records of another collection that come from the same source lines (a 工作任务细则 row read twice). */
export function sameSource<T extends { id: string; source: { file: string; lines: [number, number] } }>(
  p: { source: { file: string; lines: [number, number] } },
  others: readonly T[],
): T[] {
  return (sourceIndex(others).get(sourceKey(p.source)) ?? []) as T[];
}

const sourceKey = (s: { file: string; lines: [number, number] }) => `${s.file}\u0000${s.lines[0]}\u0000${s.lines[1]}`;
const sourceIndex = /* @__PURE__ */ perArray((others: readonly { source: { file: string; lines: [number, number] } }[]) => {
  const by = new Map<string, (typeof others)[number][]>();
  for (const o of others) {
    const k = sourceKey(o.source);
    let l = by.get(k);
    if (!l) by.set(k, (l = []));
    l.push(o);
  }
  return by;
});

/**
 * A work point's number and title as one line of text (search result titles, links): "1.营造…",
 * "（一）组织领导…". A table row's 序号 cell is a bare numeral ("一", "2") with no 、 or . after it,
 * so it gets a space — "一全面梳理…" would read as one word.
 */
export function numberedTitle(p: { marker: string; title: string }): string {
  const marker = p.marker.trim();
  if (!marker) return p.title;
  return /[0-9一二三四五六七八九十百]$/u.test(marker) ? `${marker} ${p.title}` : `${marker}${p.title}`;
}
