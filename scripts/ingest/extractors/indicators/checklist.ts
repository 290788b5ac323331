/**
 * The 填报材料责任清单 table (序号 / 三级指标 / 填报材料 / 责任单位) regrouped from its cells.
 *
 * Rows are found from the table itself: a row starts at a cell holding only its seq number,
 * which must be the previous seq + 1, or 1 (the numbering restarts for the 加分项 and again
 * for the 否决项). The kind of each section after the first is read from its wording.
 */
import type { Piece } from './cells';
import {
  cellText,
  findLimits,
  splitMaterials,
  splitUnits,
  squash,
  statusOf,
  type IndicatorStatus,
  type Limits,
} from './fields';

export type IndicatorKind = 'indicator' | 'bonus' | 'veto';

export interface ChecklistRow {
  seq: number;
  kind: IndicatorKind;
  /** 0-based section index: 0 = 三级指标, then one per restart of the numbering. */
  section: number;
  text: string;
  materialsCell: string;
  unitCell: string;
  /** Every non-empty content cell after the seq, verbatim (trimmed), so nothing is dropped. */
  cells: string[];
  start: number;
  end: number;
}

export interface ParsedIndicator {
  seq: number;
  kind: IndicatorKind;
  text: string;
  materials: string[];
  materialsIntro: string | null;
  materialsRaw: string;
  units: string[];
  unitNote: string | null;
  unitsRaw: string;
  status: IndicatorStatus;
  statusRaw: string | null;
  limits: Limits;
  lines: [number, number];
}

export interface ChecklistIssue {
  line: number;
  message: string;
}

const SEQ = /^\d{1,3}$/;

/** Wording of the sections that follow the 三级指标 (加分项: praise/promotion; 否决项: violations/fraud). */
const VETO_WORDS = /严重违法|乱作为|不作为|编造|虚构|隐瞒|弄虚作假|造成恶劣/;
const BONUS_WORDS = /表彰|奖励|推广|创新/;

export function kindOfSection(texts: string[], index: number): IndicatorKind {
  if (index === 0) return 'indicator';
  const all = texts.join('');
  const veto = VETO_WORDS.test(all);
  const bonus = BONUS_WORDS.test(all);
  if (veto && !bonus) return 'veto';
  if (bonus && !veto) return 'bonus';
  // Ambiguous wording: fall back on the order used by the provincial tables (加分项 before 否决项).
  return index === 1 ? 'bonus' : 'veto';
}

export function regroupChecklist(pieces: Piece[]): { rows: ChecklistRow[]; issues: ChecklistIssue[] } {
  const issues: ChecklistIssue[] = [];
  type Open = { seq: number; section: number; cells: Piece[]; start: number; end: number };
  const open: Open[] = [];
  let section = 0;
  let leading: Piece[] = [];
  for (const p of pieces) {
    const t = squash(p.text);
    const last = open[open.length - 1];
    if (SEQ.test(t)) {
      const n = Number(t);
      if (!last && n === 1) {
        open.push({ seq: 1, section: 0, cells: [], start: p.start, end: p.end });
        continue;
      }
      if (last && n === last.seq + 1) {
        open.push({ seq: n, section, cells: [], start: p.start, end: p.end });
        continue;
      }
      if (last && n === 1 && last.cells.length > 0) {
        section += 1;
        open.push({ seq: 1, section, cells: [], start: p.start, end: p.end });
        continue;
      }
      // A number that is not the next seq: content of the current row.
    }
    if (!last) {
      if (t) leading.push(p);
      continue;
    }
    last.cells.push(p);
    last.end = Math.max(last.end, p.end);
  }
  for (const p of leading) {
    issues.push({ line: p.start, message: `text before the first row (序号 1) of the table: "${squash(p.text).slice(0, 40)}"` });
  }
  leading = [];

  // Section kinds from the wording of each section's 指标 text.
  const sectionTexts = new Map<number, string[]>();
  for (const o of open) {
    const first = o.cells.find((c) => cellText(c.text) !== '');
    sectionTexts.set(o.section, [...(sectionTexts.get(o.section) ?? []), first ? cellText(first.text) : '']);
  }
  const kinds = new Map<number, IndicatorKind>();
  for (const [s, texts] of sectionTexts) kinds.set(s, kindOfSection(texts, s));

  const rows: ChecklistRow[] = open.map((o) => {
    const content = o.cells.map((c) => cellText(c.text)).filter((t) => t !== '');
    if (content.length < 2) {
      issues.push({ line: o.start, message: `row ${o.seq}: expected 三级指标 and 填报材料 cells after the seq, found ${content.length}` });
    }
    if (content.length > 3) {
      issues.push({
        line: o.start,
        message: `row ${o.seq}: ${content.length} cells where 3 were expected (三级指标/填报材料/责任单位); the extra cells were joined into 责任单位`,
      });
    }
    return {
      seq: o.seq,
      kind: kinds.get(o.section)!,
      section: o.section,
      text: content[0] ?? '',
      materialsCell: content[1] ?? '',
      unitCell: content.slice(2).join('\n'),
      cells: content,
      start: o.start,
      end: o.end,
    };
  });
  return { rows, issues };
}

/** One regrouped row → the indicator fields (without area/ids, which the extractor adds). */
export function toIndicator(row: ChecklistRow): ParsedIndicator {
  const { intro, items } = splitMaterials(row.materialsCell);
  const { status, statusRaw } = statusOf(row.materialsCell, row.unitCell);
  const { units, unitNote } = splitUnits(row.unitCell);
  return {
    seq: row.seq,
    kind: row.kind,
    text: row.text.replace(/\n(?=[；，。、])/g, '').replace(/\n/g, ''),
    materials: status === 'not-required' && /^不需提供(申报)?材料。?$|^无。?$/.test(squash(row.materialsCell)) ? [] : items,
    materialsIntro: intro,
    materialsRaw: row.materialsCell,
    units,
    unitNote,
    unitsRaw: row.unitCell,
    status,
    statusRaw,
    limits: status === 'not-required' ? findLimits(row.materialsCell, null) : findLimits(row.materialsCell),
    lines: [row.start, row.end],
  };
}

/** The 说明 notes above the table: "说明：" then numbered lines 1.–n. */
export function parseNotes(texts: { text: string; line: number; end: number }[]): { n: number; text: string; lines: [number, number] }[] {
  const out: { n: number; text: string; lines: [number, number] }[] = [];
  for (const t of texts) {
    const s = cellText(t.text).replace(/\n/g, '');
    const m = /^(\d{1,2})[.．、]\s*(.*)$/.exec(s);
    if (m) out.push({ n: Number(m[1]), text: m[2]!, lines: [t.line, t.end] });
    else if (out.length && s && !/^说明[:：]?$/.test(s)) {
      out[out.length - 1]!.text += s;
      out[out.length - 1]!.lines[1] = t.end;
    }
  }
  return out;
}
