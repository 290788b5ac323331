/**
 * Build-time shaping for /self-check/ (pure; tests in tests/selfcheck/plan.test.ts): the indicator
 * records as the ledger needs them, the creation steps of the plan that issued the list (with
 * their deadlines), and the 完成度 target the plan sets.
 */
import { parseWordLimit, type LedgerIndicator, type PlanStage, type StageKey } from './ledger';

interface IndicatorRecord {
  id: string;
  seq: number;
  order: number;
  kind: 'indicator' | 'bonus' | 'veto';
  text: string;
  materials: string[];
  units: string[];
  unitNote: string | null;
  status: 'done' | 'not-required' | 'pending';
  limits: { words: string | null };
  area: string | null;
  areaNo: number | null;
  document: string;
}

interface PointRecord {
  id: string;
  document: { id: string };
  section: string;
  order: number;
  title: string;
  timing?: string;
  body: string;
  deadlines: { date: string | null; start?: string; text: string }[];
  source: { file: string; lines: [number, number] };
}

const KIND_PREFIX = { indicator: '', bonus: '加分项', veto: '否决项' } as const;

/** 第1项 / 加分项第1项 / 否决项第2项 — the prefix of every control's accessible name. */
export const itemLabel = (r: { kind: IndicatorRecord['kind']; seq: number }) => `${KIND_PREFIX[r.kind]}第${r.seq}项`;

/** A material that is a 情况说明 gets a text box (the 字数 limit of the record applies to it). */
const STATEMENT = /情况说明|说明材料/;

export function ledgerIndicators(records: IndicatorRecord[]): LedgerIndicator[] {
  return [...records]
    .sort((a, b) => a.order - b.order)
    .map((r) => ({
      id: r.id,
      seq: r.seq,
      kind: r.kind,
      label: itemLabel(r),
      group: r.kind === 'indicator' ? `a${r.areaNo ?? 0}` : r.kind,
      area: r.area,
      text: r.text,
      materials: r.materials,
      units: r.units,
      unitNote: r.unitNote,
      notice: r.status,
      statements: r.materials.flatMap((m, i) => (STATEMENT.test(m) ? [i] : [])),
      words: parseWordLimit(r.limits.words),
    }));
}

/** Stage roles by the wording of a step's title (the genre's words, not one notice's). */
const STAGE_WORDS: [StageKey, RegExp][] = [
  ['selfcheck', /自查|自评|摸排/],
  ['rectify', /整改/],
  ['inspect', /督查|督导|检查/],
  ['improve', /完善|提升/],
];

export function stageKey(title: string): StageKey | null {
  return STAGE_WORDS.find(([, re]) => re.test(title))?.[0] ?? null;
}

/**
 * The creation steps of the plan: the work points of the plan documents (the list's document and
 * its parent) in the section that holds a self-check step, in order. Each step with a stage role
 * keeps the date of its deadline.
 */
export function planStages(points: PointRecord[], planDocs: string[]): PlanStage[] {
  const own = points.filter((p) => planDocs.includes(p.document.id)).sort((a, b) => a.order - b.order);
  const anchor = own.find((p) => stageKey(p.title) === 'selfcheck');
  if (!anchor) return [];
  const seen = new Set<StageKey>();
  return own
    .filter((p) => p.document.id === anchor.document.id && p.section === anchor.section)
    .map((p) => {
      let key = stageKey(p.title);
      if (key && seen.has(key)) key = null;
      if (key) seen.add(key);
      const d = p.deadlines.find((x) => x.date) ?? p.deadlines[0];
      return { key, title: p.title, date: d?.date ?? null, ...(d?.start ? { start: d.start } : {}), timing: p.timing ?? d?.text ?? '', id: p.id };
    });
}

export interface PlanTarget {
  /** 0…1 */
  value: number;
  /** the sentence the figure was read from */
  text: string;
  point: string;
  title: string;
  source: { file: string; lines: [number, number] };
  /** every 完成度 figure found in the plan (e.g. the 90% the third-party assessment requires) */
  all: { value: number; title: string }[];
}

/** 完成度达95％以上 / 完成率不低于 90% — a percentage that a 完成度/完成率 must reach. */
const TARGET = /完成(?:度|率)[^，。；]{0,8}?(?:达到?|不低于|在)?\s*(\d{1,3}(?:\.\d+)?)\s*[%％]\s*(?:以上|及以上)?/g;

/**
 * The 完成度 target of the plan, read from its work points' text (no record carries it as a field):
 * every “完成度达 n% 以上” of the plan documents; the highest one is the target the county works
 * to (the plan's own step, stricter than the figure the assessment itself requires).
 */
export function planTarget(points: PointRecord[], planDocs: string[]): PlanTarget | null {
  const found: { value: number; text: string; p: PointRecord }[] = [];
  for (const p of points.filter((x) => planDocs.includes(x.document.id))) {
    for (const m of p.body.matchAll(TARGET)) {
      const v = Number(m[1]) / 100;
      if (v > 0 && v <= 1) {
        const sentence = p.body.slice(0, m.index! + m[0].length).split(/[。；]/).pop()! + p.body.slice(m.index! + m[0].length).split(/[。；]/)[0]!;
        found.push({ value: v, text: sentence.trim(), p });
      }
    }
  }
  if (!found.length) return null;
  const best = found.reduce((a, b) => (b.value > a.value ? b : a));
  return {
    value: best.value,
    text: best.text,
    point: best.p.id,
    title: best.p.title,
    source: best.p.source,
    all: found.map((f) => ({ value: f.value, title: f.p.title })),
  };
}

/** The plan documents of a list: the document holding the table and the document it belongs to. */
export function planDocuments(indicators: { document: string }[], documents: { id: string; parent?: string | null }[]): string[] {
  const ids = [...new Set(indicators.map((i) => i.document))];
  const out = new Set(ids);
  for (const id of ids) {
    const parent = documents.find((d) => d.id === id)?.parent;
    if (parent) out.add(parent);
  }
  return [...out];
}
