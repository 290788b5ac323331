/**
 * Data shaping for the indicator, unit and scoring pages (pure; unit-tested in tests/indicators).
 * Browser-safe helpers (filtering, highlight, URL state, CSV) live in ./indicators-core and are
 * re-exported here.
 */
import { pinyin } from 'pinyin-pro';
import { KIND_LABEL, groupKey, type IndicatorLike } from './indicators-core';
import { perArray, positions } from './memo';

export * from './indicators-core';

export interface AreaInfo {
  no: number;
  marker: string;
  label: string;
  rules?: { seqs: string; reason: string }[];
}

export interface IndicatorGroup<T> {
  key: string;
  /** Heading text, e.g. "（三）建立健全依法决策机制" or "加分项". */
  label: string;
  /** True for the nine areas: a derived grouping, not a column of the source table. */
  derived: boolean;
  items: T[];
}

/** The nine areas in the plan's order, then 加分项 and 否决项; inside a group, table order. */
export function groupByArea<T extends IndicatorLike>(list: T[], areas: AreaInfo[]): IndicatorGroup<T>[] {
  const sorted = [...list].sort((a, b) => a.order - b.order);
  const groups: IndicatorGroup<T>[] = [...areas]
    .sort((a, b) => a.no - b.no)
    .map((a) => ({ key: `a${a.no}`, label: `${a.marker}${a.label}`, derived: true, items: [] as T[] }));
  groups.push({ key: 'bonus', label: KIND_LABEL.bonus, derived: false, items: [] });
  groups.push({ key: 'veto', label: KIND_LABEL.veto, derived: false, items: [] });
  const byKey = new Map(groups.map((g) => [g.key, g]));
  const orphans: T[] = [];
  for (const r of sorted) {
    const g = byKey.get(groupKey(r));
    if (g) g.items.push(r);
    else orphans.push(r);
  }
  if (orphans.length) groups.push({ key: 'a0', label: '未归入领域', derived: true, items: orphans });
  return groups.filter((g) => g.items.length > 0);
}

/** One 责任清单 of the corpus (a county may keep the 2023 list and the revised 2024 one). */
export interface IndicatorList<T, M> {
  /** The list key its records carry (`list`); '' when the corpus holds one list (records carry none). */
  key: string;
  title: string;
  meta?: M;
  /** Its records in table order. */
  indicators: T[];
}

/**
 * The lists: one per indicatormeta record, in corpus order (`order`). With one list every record
 * belongs to it (records name no list); with several, a record belongs to the list it names.
 */
export function indicatorLists<T extends IndicatorLike & { list?: string }, M extends { list?: string; order?: number; title: string }>(indicators: T[], metas: M[]): IndicatorList<T, M>[] {
  const byOrder = (a: T, b: T) => a.order - b.order;
  const sorted = [...metas].sort((a, b) => (a.order ?? 1) - (b.order ?? 1));
  if (sorted.length <= 1) return indicators.length || sorted.length ? [{ key: sorted[0]?.list ?? '', title: sorted[0]?.title ?? '填报材料责任清单', ...(sorted[0] ? { meta: sorted[0] } : {}), indicators: [...indicators].sort(byOrder) }] : [];
  return sorted.map((m) => ({ key: m.list ?? '', title: m.title, meta: m, indicators: indicators.filter((r) => r.list === m.list).sort(byOrder) }));
}

/**
 * The area groups of every list (groupByArea). With several lists a group's key is prefixed by its
 * list (l2-a1) and the first group of each list carries `listTitle`, so a page can head each list;
 * with one list the groups are groupByArea's.
 */
export function groupByList<T extends IndicatorLike, M extends { areas: AreaInfo[] }>(lists: IndicatorList<T, M>[]): (IndicatorGroup<T> & { list: string; listTitle?: string })[] {
  const several = lists.length > 1;
  return lists.flatMap((l, i) =>
    groupByArea(l.indicators, l.meta?.areas ?? []).map((g, k) => (several ? { ...g, key: `l${i + 1}-${g.key}`, list: l.key, ...(k === 0 ? { listTitle: l.title } : {}) } : { ...g, list: l.key })),
  );
}

/**
 * Where a 责任清单's table lives (a path for url()): /indicators/ when the corpus holds one list,
 * /indicators/list/<key>/ for each of several (one page with every list grew to 24 MB at 1,000
 * notices: issue 13). A list without a key takes its position.
 */
export function listPagePath(lists: ReadonlyArray<{ key: string }>, index: number): string {
  return lists.length > 1 ? `indicators/list/${lists[index]?.key || index + 1}/` : 'indicators/';
}

/**
 * A unit with more tasks than this, in a corpus of several lists (a province's column: 司法局 in every
 * county's list), gets a summary page (per list its counts and a link to the list filtered to it) and
 * counts instead of 序号 links on /units/ (issue 13: 764 KB a unit page at 1,000 notices).
 */
export const UNIT_PAGE_MAX = 150;

/** A 责任清单 as CSV, cut down to the filtered view by its page: data/indicators.csv with one list, data/indicators/<key>.csv with several. */
export function listCsvPath(lists: ReadonlyArray<{ key: string }>, index: number): string {
  return lists.length > 1 ? `data/indicators/${lists[index]?.key || index + 1}.csv` : 'data/indicators.csv';
}

/**
 * Where a scoring list's table lives (a path for url()): /scoring/ when the corpus holds one list,
 * /scoring/list/<key>/ for each of several (one page with every list grew to 8 MB at 1,000 notices
 * and was the first search result of many queries: issue 13). A list without a key takes its position.
 */
export function scoringPagePath(lists: ReadonlyArray<{ key: string }>, index: number): string {
  return lists.length > 1 ? `scoring/list/${lists[index]?.key || index + 1}/` : 'scoring/';
}

/** One scoring list (创建标准 table of one document): its points check and its rows. */
export interface ScoringList<C, K> {
  key: string;
  check?: K;
  criteria: C[];
}

/** Scoring lists in corpus order: the criteria of each check's list (all of them when there is one list). */
export function scoringLists<C extends { list?: string; order: number }, K extends { list?: string; order?: number }>(criteria: C[], checks: K[]): ScoringList<C, K>[] {
  const byOrder = (a: C, b: C) => a.order - b.order;
  if (checks.length <= 1) return criteria.length || checks.length ? [{ key: checks[0]?.list ?? '', ...(checks[0] ? { check: checks[0] } : {}), criteria: [...criteria].sort(byOrder) }] : [];
  return [...checks]
    .sort((a, b) => (a.order ?? 1) - (b.order ?? 1))
    .map((k) => ({ key: k.list ?? '', check: k, criteria: criteria.filter((c) => c.list === k.list).sort(byOrder) }));
}

/** ASCII slug of a unit name: pinyin without tones joined by '-' (司法局 → si-fa-ju). */
export function unitSlugBase(name: string): string {
  const py = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }) as string[];
  const s = py
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s || 'unit';
}

/** Slugs for every unit name, unique (a clash gets -2, -3 … in name order). */
export function unitSlugs(names: string[]): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const n of [...new Set(names)].sort()) {
    let s = unitSlugBase(n);
    for (let i = 2; used.has(s); i++) s = `${unitSlugBase(n)}-${i}`;
    used.add(s);
    out.set(n, s);
  }
  return out;
}

export interface UnitEntry<T> {
  name: string;
  slug: string;
  indicators: T[];
  /** Indicators still waiting for material (status pending). */
  pending: number;
  /** Material items to prepare across its pending indicators. */
  materialCount: number;
  /** Other units sharing at least one of its indicators. */
  partners: string[];
}

/** Every 责任单位 with its indicators (table order); most indicators first, then by pinyin. */
export function unitIndex<T extends IndicatorLike>(list: T[]): UnitEntry<T>[] {
  return unitIndexOf(list) as UnitEntry<T>[];
}

/** Built once per list (one per build; every indicator and unit page asks), in one pass over the records. */
const unitIndexOf = perArray((list: IndicatorLike[]) => {
  const sorted = [...list].sort((a, b) => a.order - b.order);
  const byName = new Map<string, IndicatorLike[]>();
  for (const r of sorted) {
    for (const name of new Set(r.units)) {
      let l = byName.get(name);
      if (!l) byName.set(name, (l = []));
      l.push(r);
    }
  }
  const names = [...byName.keys()];
  const slugs = unitSlugs(names);
  const entries = names.map((name) => {
    const indicators = byName.get(name)!;
    const pendingItems = indicators.filter((r) => r.status === 'pending');
    return {
      name,
      slug: slugs.get(name)!,
      indicators,
      pending: pendingItems.length,
      materialCount: pendingItems.reduce((a, r) => a + Math.max(1, r.materials.length), 0),
      partners: [...new Set(indicators.flatMap((r) => r.units))].filter((u) => u !== name),
    };
  });
  return entries.sort((a, b) => b.indicators.length - a.indicators.length || slugs.get(a.name)!.localeCompare(slugs.get(b.name)!));
});

/** Previous and next record in table order. */
export function prevNext<T extends { id: string; order: number }>(list: T[], id: string): { prev?: T; next?: T } {
  const { sorted, at } = orderedOf(list) as { sorted: T[]; at: Map<string, number> };
  const i = at.get(id);
  if (i === undefined) return {};
  return { prev: sorted[i - 1], next: sorted[i + 1] };
}

/** A list in table order with each id's position: sorted once per list, not once per page. */
const orderedOf = perArray((list: { id: string; order: number }[]) => {
  const sorted = [...list].sort((a, b) => a.order - b.order);
  return { sorted, at: positions(sorted) };
});

/** 责任单位 name → page slug, once per list (every indicator and unit page links the units it names). */
export const unitSlugOf = perArray((list: IndicatorLike[]) => new Map(unitIndex(list).map((u) => [u.name, u.slug])));

/** Indicator id → record and → the index of the 责任清单 it belongs to, once per build. */
export const listLookup = perArray((lists: { indicators: { id: string }[] }[]) => {
  const listOf = new Map<string, number>();
  lists.forEach((l, i) => l.indicators.forEach((r) => listOf.has(r.id) || listOf.set(r.id, i)));
  return listOf;
});
/** Unit slug → its entry, once per unit index. */
export const unitsBySlug = perArray((units: { slug: string }[]) => new Map(units.map((u) => [u.slug, u] as const)));
export const byId = perArray(<T extends { id: string }>(list: T[]) => new Map(list.map((r) => [r.id, r] as const)));

/** Counts per status and per kind. */
export function counts<T extends IndicatorLike>(list: T[]) {
  const by = <K extends string>(f: (r: T) => K) =>
    list.reduce<Record<string, number>>((acc, r) => ((acc[f(r)] = (acc[f(r)] ?? 0) + 1), acc), {});
  return { total: list.length, status: by((r) => r.status), kind: by((r) => r.kind) };
}

// ---------------------------------------------------------------- scoring table shaping

export interface CriterionLike {
  id: string;
  order: number;
  overall: string;
  work: string;
  requirement: string;
  standard: string | null;
  method: string | null;
  rule: string | null;
  baseline: boolean;
  veto: boolean;
  bonus: boolean;
  alignment: 'as-printed' | 'regrouped';
  realigned?: string[];
  group: [number, number, number];
  source: { file: string; lines: [number, number] };
}

export interface ScoringRow<T> {
  item: T;
  /** rowspan for the 总体要求 / 工作要求 / 创建要求 cell, 0 when the cell is covered by the row above. */
  spans: [number, number, number];
}

/**
 * Rows of the nested scoring table: a path cell spans the consecutive rows of its group, so a
 * restated cell after a page break is shown once (its first wording).
 */
export function scoringRows<T extends CriterionLike>(items: T[]): ScoringRow<T>[] {
  const sorted = [...items].sort((a, b) => a.order - b.order);
  const rows: ScoringRow<T>[] = sorted.map((item) => ({ item, spans: [0, 0, 0] }));
  for (let level = 0; level < 3; level++) {
    let i = 0;
    while (i < rows.length) {
      let j = i + 1;
      const same = (a: T, b: T) => a.group.slice(0, level + 1).join('.') === b.group.slice(0, level + 1).join('.');
      while (j < rows.length && same(rows[j]!.item, rows[i]!.item)) j++;
      rows[i]!.spans[level] = j - i;
      i = j;
    }
  }
  return rows;
}
