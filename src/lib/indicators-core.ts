/**
 * Indicator list logic shared by the pages (build time) and the list page's script (browser):
 * labels, keyword/facet filtering, highlight segments, URL state, CSV. Pure; its one import
 * (the source-line label every record page shares) is pure and import-free too.
 */
import { sourceRange } from './source-lines';

export type IndicatorStatus = 'done' | 'not-required' | 'pending';
export type IndicatorKind = 'indicator' | 'bonus' | 'veto';

/** The fields of an indicator record this module needs (a subset of src/schemas/indicator.ts). */
export interface IndicatorLike {
  id: string;
  order: number;
  seq: number;
  kind: IndicatorKind;
  text: string;
  materials: string[];
  materialsIntro: string | null;
  units: string[];
  unitNote: string | null;
  status: IndicatorStatus;
  limits: { timeWindow: string[]; words: string | null; wordsFromNote: boolean; count: string[]; seal: boolean };
  area: string | null;
  areaNo: number | null;
  source: { file: string; lines: [number, number] };
}

export const STATUS_LABEL: Record<IndicatorStatus, string> = {
  done: '已完成',
  'not-required': '无需提供材料',
  pending: '待提供',
};
export const KIND_LABEL: Record<IndicatorKind, string> = { indicator: '三级指标', bonus: '加分项', veto: '否决项' };

/** "第 23 项" / "加分项 1" / "否决项 2" */
export function seqLabel(r: Pick<IndicatorLike, 'kind' | 'seq'>): string {
  return r.kind === 'indicator' ? `第 ${r.seq} 项` : `${KIND_LABEL[r.kind]} ${r.seq}`;
}

/** Group key for the area grouping: "a1"…"a9", "bonus", "veto". */
export function groupKey(r: Pick<IndicatorLike, 'kind' | 'areaNo'>): string {
  return r.kind === 'indicator' ? `a${r.areaNo ?? 0}` : r.kind;
}

export interface FilterState {
  q: string;
  unit: string;
  status: '' | IndicatorStatus;
  area: string;
}
export const EMPTY_STATE: FilterState = { q: '', unit: '', status: '', area: '' };

/** Text the keyword box searches: 指标内容, 填报材料, 责任单位 (and the unit note). */
export function haystack(r: Pick<IndicatorLike, 'text' | 'materials' | 'materialsIntro' | 'units' | 'unitNote'>): string {
  return [r.text, r.materialsIntro ?? '', ...r.materials, ...r.units, r.unitNote ?? ''].join('\n');
}

/** Keyword normalisation: NFKC (full-width → half-width), whitespace removed. */
export function normQuery(q: string): string {
  return q.normalize('NFKC').replace(/\s+/g, '');
}

export function matches(r: IndicatorLike, s: FilterState): boolean {
  if (s.status && r.status !== s.status) return false;
  if (s.unit && !r.units.includes(s.unit)) return false;
  if (s.area && groupKey(r) !== s.area) return false;
  const q = normQuery(s.q);
  if (q && !normQuery(haystack(r)).includes(q)) return false;
  return true;
}

export function filterIndicators<T extends IndicatorLike>(list: T[], s: FilterState): T[] {
  return list.filter((r) => matches(r, s));
}

/**
 * Splits `text` into plain and marked segments for a keyword (case-insensitive, NFKC-equal
 * characters; whitespace inside the query is ignored).
 */
export function highlight(text: string, q: string): { text: string; mark: boolean }[] {
  const needle = normQuery(q).toLowerCase();
  if (!needle) return [{ text, mark: false }];
  // Map every character of the normalised text back to its index in the original.
  const chars: string[] = [];
  const origin: number[] = [];
  Array.from(text).reduce((pos, ch) => {
    const n = ch.normalize('NFKC').toLowerCase();
    if (!/\s/.test(n)) for (const c of n) (chars.push(c), origin.push(pos));
    return pos + ch.length;
  }, 0);
  const hay = chars.join('');
  const out: { text: string; mark: boolean }[] = [];
  let last = 0;
  for (let i = hay.indexOf(needle); i !== -1; i = hay.indexOf(needle, i + needle.length)) {
    const start = origin[i]!;
    const endIdx = i + needle.length - 1;
    const endChar = origin[endIdx]!;
    const end = endChar + (text.codePointAt(endChar)! > 0xffff ? 2 : 1);
    if (start > last) out.push({ text: text.slice(last, start), mark: false });
    out.push({ text: text.slice(start, end), mark: true });
    last = end;
  }
  if (last < text.length) out.push({ text: text.slice(last), mark: false });
  return out.length ? out : [{ text, mark: false }];
}

const STATUSES: IndicatorStatus[] = ['done', 'not-required', 'pending'];

/** ?q=法律顾问&unit=司法局&status=pending&area=a3 → state (unknown values dropped). */
export function stateFromSearch(search: string): FilterState {
  const p = new URLSearchParams(search);
  const status = p.get('status') ?? '';
  return {
    q: p.get('q') ?? '',
    unit: p.get('unit') ?? '',
    status: (STATUSES as string[]).includes(status) ? (status as IndicatorStatus) : '',
    area: p.get('area') ?? '',
  };
}

/** State → "?q=…&unit=…" (empty fields left out; "" when nothing is set). */
export function stateToSearch(s: FilterState): string {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  if (s.unit) p.set('unit', s.unit);
  if (s.status) p.set('status', s.status);
  if (s.area) p.set('area', s.area);
  const out = p.toString();
  return out ? '?' + out : '';
}

/** "来源：001_….txt 第 71–74 行" */
export function sourceLabel(src: { file: string; lines: [number, number] }): string {
  return `来源：${sourceRange(src)}`;
}

/** Limits as short Chinese phrases for display and export. */
export function limitPhrases(l: IndicatorLike['limits']): string[] {
  const out: string[] = [];
  if (l.timeWindow.length) out.push(`时间范围：${l.timeWindow.join('、')}`);
  if (l.words) out.push(`字数：${l.words}${l.wordsFromNote ? '（依说明第2条）' : ''}`);
  if (l.count.length) out.push(`件数：${l.count.join('、')}`);
  if (l.seal) out.push('盖章提供');
  return out;
}

export const EXPORT_COLUMNS = [
  { key: 'id', header: '编号', width: 9 },
  { key: 'kind', header: '类别', width: 9 },
  { key: 'seq', header: '序号', width: 6 },
  { key: 'area', header: '领域（派生分组）', width: 22 },
  { key: 'text', header: '指标内容', width: 60 },
  { key: 'materials', header: '填报材料', width: 60 },
  { key: 'units', header: '责任单位', width: 24 },
  { key: 'unitNote', header: '责任单位备注', width: 20 },
  { key: 'status', header: '状态', width: 12 },
  { key: 'limits', header: '要求', width: 28 },
  { key: 'source', header: '来源', width: 30 },
] as const;

export type ExportRow = Record<(typeof EXPORT_COLUMNS)[number]['key'], string | number>;

/** One record as export cells (Chinese labels; lists joined by line breaks / 、). */
export function exportRow(r: IndicatorLike): ExportRow {
  const mats = r.materials.length > 1 ? r.materials.map((m, i) => `${i + 1}. ${m}`) : r.materials;
  return {
    id: r.id,
    kind: KIND_LABEL[r.kind],
    seq: r.seq,
    area: r.area ?? KIND_LABEL[r.kind],
    text: r.text,
    materials: [r.materialsIntro ?? '', ...mats].filter(Boolean).join('\n'),
    units: r.units.join('、'),
    unitNote: r.unitNote ?? '',
    status: STATUS_LABEL[r.status],
    limits: limitPhrases(r.limits).join('；'),
    source: sourceRange(r.source),
  };
}

function csvCell(v: string | number): string {
  const s = String(v);
  // A cell starting with = + - @ would be a formula in Excel: prefix it with an apostrophe.
  const safe = /^[=+\-@\t\r]/.test(s) ? "'" + s : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The records of a toCsv text whose first cell (the id; ids are never quoted) is in `ids`, as a CSV
 * of its own (BOM and header kept). A record ends at a CRLF outside quotes (cells may hold line
 * breaks). The filtered CSV of a list page is cut from the list's own CSV file this way. The result
 * starts with the BOM whether or not `csv` does.
 */
export function keepCsvRecords(csv: string, ids: ReadonlySet<string>): string {
  const records: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '\r' && csv[i + 1] === '\n') {
      records.push(csv.slice(start, i));
      start = i + 2;
      i++;
    }
  }
  if (start < csv.length) records.push(csv.slice(start));
  const [header = '', ...rows] = records;
  const kept = rows.filter((r) => ids.has(r.slice(0, r.indexOf(',') < 0 ? r.length : r.indexOf(','))));
  // with its BOM for Excel, whether or not the text kept it (fetch's text() drops a leading BOM)
  return '\uFEFF' + [header.replace(/^\uFEFF/, ''), ...kept].join('\r\n') + '\r\n';
}

/** CSV for Excel: UTF-8 with BOM, CRLF line ends, a header row of Chinese column names. */
export function toCsv(list: IndicatorLike[]): string {
  const lines = [EXPORT_COLUMNS.map((c) => csvCell(c.header)).join(',')];
  for (const r of list) {
    const row = exportRow(r);
    lines.push(EXPORT_COLUMNS.map((c) => csvCell(row[c.key])).join(','));
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
