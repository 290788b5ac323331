/**
 * Data shaping for the indicator, unit and scoring pages (pure; unit-tested in tests/indicators).
 * Browser-safe helpers (filtering, highlight, URL state, CSV) live in ./indicators-core and are
 * re-exported here.
 */
import { pinyin } from 'pinyin-pro';
import { KIND_LABEL, groupKey, type IndicatorLike } from './indicators-core';

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
  const sorted = [...list].sort((a, b) => a.order - b.order);
  const names = [...new Set(sorted.flatMap((r) => r.units))];
  const slugs = unitSlugs(names);
  const entries = names.map((name) => {
    const indicators = sorted.filter((r) => r.units.includes(name));
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
}

/** Previous and next record in table order. */
export function prevNext<T extends { id: string; order: number }>(list: T[], id: string): { prev?: T; next?: T } {
  const sorted = [...list].sort((a, b) => a.order - b.order);
  const i = sorted.findIndex((r) => r.id === id);
  if (i < 0) return {};
  return { prev: sorted[i - 1], next: sorted[i + 1] };
}

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
