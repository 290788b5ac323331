/**
 * portal — the metadata block of a government portal's policy page (政府信息公开 / 政策文件库),
 * read as metadata, never as body or title.
 *
 * A page copied from a portal starts with a table of label/value cells:
 *
 *   索引号：000014349/2019-00006        (one field a line: how the .html reader renders the table)
 *   索引号\t000014349/2019-00006\t主题分类\t财政、金融、审计   (two-column rows split by tabs)
 *   索引号|000014349/2019-00006|主题分类|财政               (split by | or ｜)
 *   索引号：000014349/2019-00006 主题分类：财政              (two fields on one line)
 *   索引号|主题分类  /  000014349/2019-00006|财政            (a row of labels over a row of values)
 *
 * Cells may be misaligned (a label with an empty cell after it, a value in the next cell but one)
 * or empty. `takePortalBlock` finds such a block at the top of a file or under the page's title
 * (within its first few lines; blank lines between rows allowed) and returns its fields with their source lines; the segment stage turns them into
 * `portal` header nodes, `describe` uses 标题 / 发文字号 / 成文日期 / 发文机关 / 发布日期, and the
 * document page shows every field in its metadata table.
 */
import type { CleanLine } from './clean';

/** Labels of the portal's metadata table (spaces inside a label are ignored: 标　　题 = 标题). */
export const PORTAL_LABELS = [
  '索引号',
  '主题分类',
  '发文机关',
  '发布机构',
  '成文日期',
  '生成日期',
  '标题',
  '名称',
  '发文字号',
  '文号',
  '发布日期',
  '生效日期',
  '废止日期',
  '有效性',
  '时效性',
  '主题词',
  '公开方式',
  '公开范围',
  '信息分类',
  '体裁分类',
  '组配分类',
  '服务对象分类',
] as const;

/** The fields that, alone or together, make a block the portal's metadata (not a 签发人/密级 line of a 公文 header). */
/** How many lines (a title printed over a few lines, site lines) may come before the block. */
const MAX_LINES_BEFORE = 6;

const CORE = new Set(['索引号', '主题分类', '发文机关', '成文日期', '发文字号', '发布日期', '标题']);

export interface PortalField {
  label: string;
  value: string;
  /** Source line of the label. */
  line: number;
  /** Source line of the value when it is printed on another line (a row of values under a row of labels). */
  valueLine?: number;
}

const LABEL_ALT = PORTAL_LABELS.map((l) => [...l].join('[ \\u3000]*')).join('|');
const LABEL_ONLY = new RegExp(`^(?:${LABEL_ALT})[ \\u3000]*[:：]?$`);
const LABEL_COLON = new RegExp(`(${LABEL_ALT})[ \\u3000]*[:：]`, 'g');
const squashLabel = (s: string) => s.replace(/[\s\u3000:：]+/g, '');

type Token = { kind: 'label'; label: string } | { kind: 'value'; value: string };

/** A line → label and value tokens in order (cells split by tab, | or ｜; "标签：值" pairs split inside a cell). */
export function portalTokens(text: string): Token[] {
  const tokens: Token[] = [];
  for (const raw of text.split(/\t|[|｜]/)) {
    const cell = raw.trim();
    if (LABEL_ONLY.test(cell)) {
      tokens.push({ kind: 'label', label: squashLabel(cell) });
      continue;
    }
    const matches = [...cell.matchAll(LABEL_COLON)];
    if (!matches.length || matches[0]!.index !== 0) {
      tokens.push({ kind: 'value', value: cell });
      continue;
    }
    matches.forEach((m, k) => {
      tokens.push({ kind: 'label', label: squashLabel(m[1]!) });
      const end = k + 1 < matches.length ? matches[k + 1]!.index : cell.length;
      tokens.push({ kind: 'value', value: cell.slice(m.index! + m[0].length, end).trim() });
    });
  }
  return tokens;
}

interface Row {
  fields: { label: string; value: string }[];
  /** Non-empty values not after a label (a row of values under a row of labels). */
  orphans: string[];
}

function parseRow(text: string): Row {
  const tokens = portalTokens(text);
  const fields: Row['fields'] = [];
  const orphans: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'label') {
      // The value: the next value token; empty cells between a label and its value are skipped
      // (a misaligned copy), unless another label comes first (then the field is empty).
      let k = i + 1;
      while (k < tokens.length && tokens[k]!.kind === 'value' && !(tokens[k] as { value: string }).value && k + 1 < tokens.length && tokens[k + 1]!.kind === 'value') k++;
      const v = tokens[k];
      if (v?.kind === 'value') {
        fields.push({ label: t.label, value: v.value });
        i = k;
      } else fields.push({ label: t.label, value: '' });
    } else if (t.value) orphans.push(t.value);
  }
  return { fields, orphans };
}

/**
 * The portal metadata block at the top of the cleaned lines, if any: its fields, and the lines
 * with the block's rows blanked (their text now lives in the fields).
 */
export function takePortalBlock(lines: CleanLine[]): { fields: PortalField[]; lines: CleanLine[]; used: number[] } {
  const fields: PortalField[] = [];
  const used: number[] = [];
  // The block starts at the top, or under the page's title: within the first few non-blank lines,
  // at the first row that holds a core field and nothing else.
  let i = 0;
  let found = false;
  for (let seen = 0; i < lines.length && seen <= MAX_LINES_BEFORE; i++) {
    if (!lines[i]!.text) continue;
    const row = parseRow(lines[i]!.text);
    if (row.fields.some((f) => CORE.has(f.label)) && !row.orphans.length) {
      found = true;
      break;
    }
    seen++;
  }
  if (!found) return { fields: [], lines, used: [] };
  for (; i < lines.length; i++) {
    const l = lines[i]!;
    if (!l.text) continue;
    const row = parseRow(l.text);
    if (!row.fields.length) break;
    const line = l.lines[0]!;
    if (row.orphans.length) break;
    const labelsOnly = row.fields.every((f) => !f.value);
    if (labelsOnly && row.fields.length >= 2) {
      // A row of labels over a row of values.
      let k = i + 1;
      while (k < lines.length && !lines[k]!.text) k++;
      const next = k < lines.length ? parseRow(lines[k]!.text) : undefined;
      if (next && !next.fields.length && next.orphans.length && next.orphans.length <= row.fields.length) {
        const values = lines[k]!.text.split(/\t|[|｜]/).map((c) => c.trim());
        row.fields.forEach((f, n) => fields.push({ label: f.label, value: values[n] ?? '', line, valueLine: lines[k]!.lines[0]! }));
        used.push(i, k);
        i = k;
        continue;
      }
    }
    for (const f of row.fields) fields.push({ ...f, line });
    used.push(i);
  }
  const core = fields.filter((f) => CORE.has(f.label));
  if (!(core.length >= 2 || core.some((f) => f.label === '索引号'))) return { fields: [], lines, used: [] };
  const usedSet = new Set(used);
  return { fields, lines: lines.map((l, n) => (usedSet.has(n) ? { text: '', lines: l.lines } : l)), used };
}

/** For the coverage check: the text of source line `line` as held by the portal fields (label and value in order). */
export function portalLineText(fields: readonly PortalField[], line: number): string {
  return fields.map((f) => `${f.line === line ? f.label : ''}${(f.valueLine ?? f.line) === line ? f.value : ''}`).join('');
}
