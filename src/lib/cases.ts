/**
 * Data shaping for the 典型经验 pages (pure; runs at build time and in the browser filter script,
 * so it imports nothing from Node or Astro). Unit-tested in tests/cases/cases-lib.test.ts.
 */
import { perArray, positions } from './memo';

export interface CaseThemeRef {
  id: string;
  label: string;
  terms: string[];
}
export interface CaseFigure {
  text: string;
  start: number;
  end: number;
}
/** The fields of a case record the pages use (see src/schemas/case.ts). */
export interface CaseLike {
  id: string;
  seq: number;
  unit: string;
  city?: string;
  citySlug?: string;
  county?: string;
  department: string;
  departmentSlug: string;
  body: string;
  figures: CaseFigure[];
  themes: CaseThemeRef[];
  regionResolution?: { method: string; printed: string; official?: string; code?: string; note?: string };
}

export type FacetKey = 'city' | 'department' | 'theme';
export const FACET_KEYS: readonly FacetKey[] = ['city', 'department', 'theme'];
export const FACET_LABELS: Record<FacetKey, string> = { city: '地市', department: '部门类别', theme: '主题' };
/** Path segment of the pre-rendered facet pages: /cases/<segment>/<slug>/. */
export const FACET_PATHS: Record<FacetKey, string> = { city: 'city', department: 'department', theme: 'theme' };

export interface FacetValue {
  key: FacetKey;
  /** URL-safe value (city/department slug, theme id). */
  slug: string;
  label: string;
  count: number;
}

/** The facet values a case carries (a case has one city, one department, any number of themes). */
export function facetValuesOf(c: CaseLike): Record<FacetKey, Array<{ slug: string; label: string }>> {
  return {
    city: c.city && c.citySlug ? [{ slug: c.citySlug, label: c.city }] : [],
    department: [{ slug: c.departmentSlug, label: c.department }],
    theme: c.themes.map((t) => ({ slug: t.id, label: t.label })),
  };
}

/**
 * Facet values with counts, by key. Cities and departments by count (desc) then label;
 * themes likewise. `order` may give the vocabulary order for themes instead.
 */
export function facetCounts(cases: readonly CaseLike[], themeOrder?: readonly string[]): Record<FacetKey, FacetValue[]> {
  const maps: Record<FacetKey, Map<string, FacetValue>> = { city: new Map(), department: new Map(), theme: new Map() };
  for (const c of cases) {
    const v = facetValuesOf(c);
    for (const key of FACET_KEYS) {
      for (const { slug, label } of v[key]) {
        const cur = maps[key].get(slug);
        if (cur) cur.count++;
        else maps[key].set(slug, { key, slug, label, count: 1 });
      }
    }
  }
  const byCount = (a: FacetValue, b: FacetValue) => b.count - a.count || a.label.localeCompare(b.label, 'zh-Hans-CN') || (a.slug < b.slug ? -1 : 1);
  const out = {} as Record<FacetKey, FacetValue[]>;
  for (const key of FACET_KEYS) {
    const list = [...maps[key].values()];
    if (key === 'theme' && themeOrder) list.sort((a, b) => b.count - a.count || themeOrder.indexOf(a.slug) - themeOrder.indexOf(b.slug));
    else list.sort(byCount);
    out[key] = list;
  }
  return out;
}

export type FilterState = Partial<Record<FacetKey, string>>;

export function matchesFilter(c: CaseLike, f: FilterState): boolean {
  const v = facetValuesOf(c);
  return FACET_KEYS.every((k) => !f[k] || v[k].some((x) => x.slug === f[k]));
}

export function filterCases<T extends CaseLike>(cases: readonly T[], f: FilterState): T[] {
  return cases.filter((c) => matchesFilter(c, f));
}

/** Filter state from a query string (?city=luoyangshi&theme=xingzheng-zhidao). Unknown keys ignored. */
export function parseFilterQuery(search: string): FilterState {
  const p = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const out: FilterState = {};
  for (const k of FACET_KEYS) {
    const v = p.get(k);
    if (v && /^[a-z0-9-]+$/.test(v)) out[k] = v;
  }
  return out;
}

/** Query string for a filter state, keys in a fixed order ('' when empty). */
export function filterQuery(f: FilterState): string {
  const p = new URLSearchParams();
  for (const k of FACET_KEYS) if (f[k]) p.set(k, f[k]!);
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** Toggle one facet value: selecting the active value clears it. */
export function toggleFilter(f: FilterState, key: FacetKey, slug: string): FilterState {
  const next = { ...f };
  if (next[key] === slug) delete next[key];
  else next[key] = slug;
  return next;
}

/** 郑州市 · 二七区 / 济源示范区 / 焦作市 · 沁阳市 */
export function regionLabel(c: Pick<CaseLike, 'city' | 'county'>): string {
  return [c.city, c.county].filter(Boolean).join(' · ') || '省直';
}

/** The opening of the practice for a card: the first sentence(s) up to `max` characters. */
export function excerpt(body: string, max = 72): string {
  const text = body.replace(/\n/g, '');
  const chars = [...text];
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max).join('');
  const stop = Math.max(cut.lastIndexOf('。'), cut.lastIndexOf('；'));
  return stop >= max * 0.5 ? cut.slice(0, stop + 1) : cut + '…';
}

export interface Segment {
  text: string;
  /** true for a figure span (rendered in <mark>). */
  figure: boolean;
}

/**
 * The body split into paragraphs (by '\n') of text and figure segments, from the structured
 * figure offsets. The page renders segments as text nodes (escaped), figure segments inside <mark>.
 * Overlapping or out-of-range figures are ignored; the text is always kept whole.
 */
export function highlightSegments(body: string, figures: readonly CaseFigure[]): Segment[][] {
  const sorted = [...figures].filter((f) => f.start >= 0 && f.end <= body.length && f.end > f.start && body.slice(f.start, f.end) === f.text).sort((a, b) => a.start - b.start);
  const out: Segment[][] = [];
  let offset = 0;
  for (const line of body.split('\n')) {
    const lineEnd = offset + line.length;
    const segs: Segment[] = [];
    let pos = offset;
    for (const f of sorted) {
      if (f.start < pos || f.end > lineEnd) continue;
      if (f.start > pos) segs.push({ text: body.slice(pos, f.start), figure: false });
      segs.push({ text: f.text, figure: true });
      pos = f.end;
    }
    if (pos < lineEnd) segs.push({ text: body.slice(pos, lineEnd), figure: false });
    if (segs.length) out.push(segs);
    offset = lineEnd + 1;
  }
  return out;
}

export interface Bar {
  label: string;
  value: number;
  href?: string;
  /** value / max, 0..1 */
  ratio: number;
}

/** Bars for a chart from facet values (largest first, as given), with hrefs from `hrefOf`. */
export function bars(values: readonly FacetValue[], hrefOf?: (v: FacetValue) => string): Bar[] {
  const max = Math.max(1, ...values.map((v) => v.count));
  return values.map((v) => ({ label: v.label, value: v.count, ratio: v.count / max, ...(hrefOf ? { href: hrefOf(v) } : {}) }));
}

/** Cases in reading order (as printed in the article). */
export function sortCases<T extends CaseLike>(cases: readonly T[]): T[] {
  return [...cases].sort((a, b) => a.seq - b.seq);
}

/** Previous / next case in reading order. */
export function prevNextCase<T extends CaseLike>(cases: readonly T[], id: string): { prev?: T; next?: T } {
  const { s, at } = caseOrder(cases) as { s: T[]; at: Map<string, number> };
  const i = at.get(id);
  return i === undefined ? {} : { prev: s[i - 1], next: s[i + 1] };
}

/** Sorted once per list (one list per build), not once per page. (`__PURE__`: the browser filter script, which imports this file, leaves it out.) */
const caseOrder = /* @__PURE__ */ perArray((cases: readonly CaseLike[]) => {
  const s = sortCases(cases);
  return { s, at: positions(s) };
});

/** The method of a region resolution, in Chinese. */
export const RESOLUTION_LABELS: Record<string, string> = {
  exact: '名称与区划一致',
  alias: '别名',
  historical: '旧称',
  prefix: '简称',
  province: '省直单位',
  none: '未识别',
};

/**
 * Counts shown next to each facet value under a filter state: how many cases would match if that
 * value were chosen (the other keys of the state kept). Values of the key's own active choice are
 * counted with the key replaced, so switching city shows the right number.
 */
export function contextualCounts(cases: readonly CaseLike[], state: FilterState): Record<FacetKey, Record<string, number>> {
  const out = { city: {}, department: {}, theme: {} } as Record<FacetKey, Record<string, number>>;
  for (const key of FACET_KEYS) {
    const rest: FilterState = { ...state };
    delete rest[key];
    for (const c of cases) {
      if (!matchesFilter(c, rest)) continue;
      for (const v of facetValuesOf(c)[key]) out[key][v.slug] = (out[key][v.slug] ?? 0) + 1;
    }
  }
  return out;
}

/** Caption of a filter state: 洛阳市 · 行政指导 (labels looked up in the facet values). */
export function filterCaption(state: FilterState, values: Record<FacetKey, readonly FacetValue[]>): string {
  return FACET_KEYS.filter((k) => state[k])
    .map((k) => values[k].find((v) => v.slug === state[k])?.label ?? state[k]!)
    .join(' · ');
}
