/**
 * Field parsers for one row of the 填报材料责任清单: materials, units, status, limits.
 * Pure functions over cell text; every rule is named here so it can be reviewed.
 */

export type IndicatorStatus = 'done' | 'not-required' | 'pending';

export interface Limits {
  /** Time windows named in the materials: 2021年以来, 2022年, 2021、2022年 … */
  timeWindow: string[];
  /** 字数 requirement as written (1000字以内, 不限字数), or 600字左右 from 说明 2 for a 情况说明 without one. */
  words: string | null;
  /** True when `words` comes from 说明 2 (the default for a 情况说明), not from the row itself. */
  wordsFromNote: boolean;
  /** 件数 limits as written: 不超过5件, 不超过3件, 数量不超过10个 … */
  count: string[];
  /** 盖章提供: the material must carry the issuing body's seal. */
  seal: boolean;
}

const WS = /[\s\u3000]+/g;

export function squash(s: string): string {
  return s.replace(WS, ' ').trim();
}

/** A cell reduced to its meaningful text: trimmed, inner line breaks kept, blank lines removed. */
export function cellText(s: string): string {
  return s
    .split('\n')
    .map((l) => l.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''))
    .filter((l) => l !== '')
    .join('\n');
}

/** Lines that are the continuation of the previous line (a line break inside a sentence). */
function joinSoftBreaks(lines: string[]): string[] {
  const out: string[] = [];
  for (const l of lines) {
    if (out.length && /^[；，。、）)]/.test(l)) out[out.length - 1] += l;
    else out.push(l);
  }
  return out;
}

const ITEM = /^(\d{1,2})[.．、]\s*/;

/**
 * 填报材料 → list. Numbered sub-items `1.… 2.…` become separate entries; an unnumbered lead line
 * before them (请提供2021年以来，本级政府的下列材料：) is returned as `intro`.
 */
export function splitMaterials(cell: string): { intro: string | null; items: string[] } {
  const lines = joinSoftBreaks(cellText(cell).split('\n'));
  if (lines.length === 0) return { intro: null, items: [] };
  // A line opens item n only when n is the next number (so "2.2022年…" is item 2, and a
  // line starting with a year or a figure never opens an item).
  let next = 1;
  const numbered = lines.map((l) => {
    const m = ITEM.exec(l);
    if (m && Number(m[1]) === next) {
      next += 1;
      return m;
    }
    return null;
  });
  if (!numbered.some(Boolean)) return { intro: null, items: [lines.join('')] };
  let intro: string | null = null;
  const items: string[] = [];
  lines.forEach((l, i) => {
    const m = numbered[i];
    if (m) items.push(l.slice(m[0].length));
    else if (items.length === 0) intro = intro ? intro + l : l;
    else items[items.length - 1] += l;
  });
  return { intro, items };
}

/** The cell says no material is needed. */
export function isNotRequired(materials: string, unitCell: string): boolean {
  const m = squash(materials);
  const u = squash(unitCell);
  return /^不需提供(申报)?材料。?$/.test(m) || /^[—－-]{1,4}$/.test(u) || /^无。?$/.test(m);
}

export function statusOf(materials: string, unitCell: string): { status: IndicatorStatus; statusRaw: string | null } {
  const u = squash(unitCell);
  if (/^已完成。?$/.test(u)) return { status: 'done', statusRaw: u };
  if (isNotRequired(materials, unitCell)) {
    return { status: 'not-required', statusRaw: /^[—－-]{1,4}$/.test(u) ? u : squash(materials) };
  }
  return { status: 'pending', statusRaw: null };
}

/**
 * Declared aliases: a name as written in the 责任单位 column (or a 领域 named instead of a unit,
 * as in row 43) → the normalised unit name. Reviewed by hand against the table.
 */
export const UNIT_ALIASES: Record<string, string> = {
  // 领域 names listed in place of units (row 43): the county department that owns the field.
  市场监管: '市场监管局',
  自然资源: '自然资源局',
  生态环境: '生态环境局',
  应急管理: '应急管理局',
  劳动保障: '人力资源社会保障局',
  城市管理: '城市管理局',
  交通运输: '交通运输局',
  教育培训: '教体局',
  卫生健康: '卫生健康委',
  // Same unit written two ways.
  生态环境分局: '生态环境局',
};

const NOTE_PAREN = /[（(]([^（）()]*)[）)]/g;

/**
 * 责任单位 cell → normalised unit names (one entry per unit) and the bracketed note
 * （其他部门已提供） / （各部门配合提供…）. Units are separated by line breaks or 、.
 */
export function splitUnits(cell: string): { units: string[]; unitNote: string | null } {
  let text = cellText(cell);
  const notes: string[] = [];
  text = text.replace(NOTE_PAREN, (m) => {
    notes.push(m.trim());
    return '\n';
  });
  const units: string[] = [];
  let trailingVerb: string | null = null;
  for (let part of text.split(/[\n、，,；;]+/)) {
    part = part.trim();
    if (!part || /^[—－-]+$/.test(part) || /^已完成。?$/.test(part)) continue;
    // "本级政府、县直单位、各乡镇梳理": the trailing verb belongs to the whole list.
    const verb = /(梳理|提供|负责)$/.exec(part);
    if (verb && part.length > verb[0].length) {
      trailingVerb = verb[0];
      part = part.slice(0, -verb[0].length);
    }
    const name = UNIT_ALIASES[part] ?? part;
    if (!units.includes(name)) units.push(name);
  }
  // The verb applies to the whole list: keep the phrase as written as the note.
  if (trailingVerb) notes.push(squash(cellText(cell)).replace(/\s+/g, ''));
  return { units, unitNote: notes.length ? notes.join('') : null };
}

const TIME = /(?:\d{4}年?[、，,和至-])*\d{4}年(?:以来|度)?|上年度/g;
const WORDS = /\d+字(?:左右|以内|以上)|不限字数/;
const COUNT = /(?:数量)?不超过\d+[件个份家]/g;

/** Limits named in the materials text (and 说明 2's 600字左右 for a 情况说明 without a 字数). */
export function findLimits(materials: string, defaultWords: string | null = '600字左右'): Limits {
  const t = squash(materials);
  const timeWindow = [...new Set(t.match(TIME) ?? [])];
  const w = WORDS.exec(t);
  const count = [...new Set(t.match(COUNT) ?? [])];
  const seal = /盖章提供/.test(t);
  let words: string | null = w ? w[0] : null;
  let wordsFromNote = false;
  if (!words && defaultWords && /情况说明/.test(t)) {
    words = defaultWords;
    wordsFromNote = true;
  }
  return { timeWindow, words, wordsFromNote, count, seal };
}
