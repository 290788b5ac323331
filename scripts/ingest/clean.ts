/**
 * clean — remove scan/page artefacts and normalise whitespace, keeping a map from every
 * cleaned line back to its ORIGINAL line numbers.
 *
 * Every removal is named in ARTEFACTS (kind, pattern, description) and counted per kind.
 * Then sentences split by a page break (a long line without terminal punctuation, blank
 * line(s), a continuation) are re-joined.
 */
import type { ArtefactCounts } from './types';
import { CJK_CHAR, META_LINE, TERMINAL, TITLE_END, isStructuralStart, matchMarker } from './patterns';

export type ArtefactScope =
  | 'line' // the whole line is removed
  | 'inline' // the matched span is removed from the line
  | 'unwrap' // the match is replaced by its first group (markup around text)
  | 'prefix' // a leading mark is removed
  | 'table'; // markdown pipe-table markup: rows become tab-separated cells, the |---| rule goes

export interface Artefact {
  kind: string;
  scope: ArtefactScope;
  pattern: RegExp;
  description: string;
}

const SITE_LABEL = '(?:信息来源|来源|发布时间|发布日期|日期|时间|作者|浏览次数|浏览量|点击数|点击量|阅读次数|阅读数|访问量|字号|责任编辑|编辑)';
const SITE_STRONG = '(?:信息来源|发布时间|浏览次数|浏览量|点击数|点击量|阅读次数|阅读数|访问量|字号|责任编辑)';
/**
 * A line made only of a portal page's info fields (label：value …), short, with a label only pages
 * print (信息来源, 发布时间, 浏览次数 …) or two fields ("来源：… 日期：…").
 */
const SITE_INFO = new RegExp(
  `^(?=.{0,120}$)(?=.*${SITE_STRONG}\\s*[:：]|.*${SITE_LABEL}\\s*[:：][^：]*${SITE_LABEL}\\s*[:：])(?:\\s*${SITE_LABEL}\\s*[:：][^：]*?)+$`,
);
const SITE_BUTTON = '(?:打印(?:本页|此页|文章)?|关闭(?:窗口|本页)?|返回顶部|返回|收藏(?:本页)?|保存(?:本页)?|字体[:：]?[大中小\\s]*|字号[:：]?[大中小\\s]*|我要纠错|纠错|分享)';
/** A line of page buttons only: 【打印】【关闭】, [打印本页] [关闭窗口], 【字体：大 中 小】. */
const SITE_BUTTONS = new RegExp(`^(?:\\s*[【\\[［]?\\s*${SITE_BUTTON}\\s*[】\\]］]?)+$`);

/**
 * THE list of artefacts clean removes. Nothing else is ever dropped from a source.
 * Whole-line patterns are tested on the line trimmed of whitespace.
 */
export const ARTEFACTS: readonly Artefact[] = [
  { kind: 'page-number-dash', scope: 'line', pattern: /^[—–\-－]+\s*\d{1,4}\s*[—–\-－]+$/, description: 'printed page number like "— 1 —" or "- 2 -"' },
  { kind: 'page-number-of', scope: 'line', pattern: /^第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?$/, description: 'printed page number like "第 1 页 共 5 页"' },
  { kind: 'page-number', scope: 'line', pattern: /^\d{1,3}$/, description: 'a lone page-number line such as "1" (never a tab-prefixed table cell, never a number inside a table)' },
  { kind: 'scan-watermark', scope: 'line', pattern: /^(?:CS)?扫描全能王\s*创建$/, description: 'scanner-app watermark "扫描全能王 创建"' },
  { kind: 'rule', scope: 'line', pattern: /^(?:-{3,}|\*{3,}|_{3,}|={3,})$/, description: 'a horizontal rule "---" left by the markdown export' },
  { kind: 'word-bookmark', scope: 'inline', pattern: /\[bookmark:\s*[^\]]*\]/g, description: 'Word bookmark marker "[bookmark: _GoBack]"' },
  { kind: 'markdown-heading', scope: 'prefix', pattern: /^#{1,6}\s+/, description: 'markdown heading marks "#", "##", "####" (OCR noise; heading level comes from the numbering)' },
  { kind: 'markdown-list', scope: 'prefix', pattern: /^[-*+]\s+(?=\S)/, description: 'markdown list bullet "- " (OCR noise)' },
  { kind: 'markdown-bold', scope: 'unwrap', pattern: /\*\*([^*\n]+?)\*\*/g, description: 'markdown bold "**…**" around text (the text is kept)' },
  // Site lines at the top or foot of a page copied from a portal (never the notice's own text).
  { kind: 'site-info', scope: 'line', pattern: SITE_INFO, description: 'a portal page\'s info line: "信息来源：… 日期：…", "发布时间：…", "浏览次数：…" (fields of the page, not of the notice; 发布日期 alone is the metadata block\'s)' },
  { kind: 'site-buttons', scope: 'line', pattern: SITE_BUTTONS, description: 'a portal page\'s buttons: "【打印】【关闭】", "[打印本页] [关闭窗口]", "【字体：大 中 小】", "返回顶部"' },
  { kind: 'site-share', scope: 'line', pattern: /^分享到\s*[:：]?.{0,40}$/, description: 'a portal page\'s share line "分享到：微信 微博 …"' },
  {
    kind: 'markdown-table',
    scope: 'table',
    pattern: /^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?$/,
    description: 'markdown pipe-table markup: the "| --- | --- |" rule line is removed and the pipes of each row become cell breaks (the cells are kept as a table)',
  },
];

const PIPE_ROW = /^\s*\|.*\|\s*$/;

/** "| a | b \\| c |" → ['a', 'b | c'] */
export function splitPipeRow(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.replace(/\\\|/g, '|').trim());
}

/**
 * Markdown pipe tables (a header row, a rule row, body rows) → tab-separated rows, counted as
 * 'markdown-table' per rule line. Returns the lines to clean next, with the rule lines blanked.
 */
function convertPipeTables(raw: string[], count: (kind: string, line: number, text: string) => void, rules: Set<number>): string[] {
  const out = [...raw];
  const rule = ARTEFACTS.find((a) => a.kind === 'markdown-table')!.pattern;
  for (let i = 1; i < raw.length; i++) {
    if (!rule.test(raw[i]!.trim()) || !PIPE_ROW.test(raw[i - 1]!)) continue;
    count('markdown-table', i + 1, raw[i]!);
    out[i] = '';
    rules.add(i);
    out[i - 1] = splitPipeRow(raw[i - 1]!).join('\t');
    for (let k = i + 1; k < raw.length && PIPE_ROW.test(raw[k]!); k++) out[k] = splitPipeRow(raw[k]!).join('\t');
  }
  return out;
}

/** Whitespace normalisations, counted but not artefacts. */
export const NORMALISATIONS = {
  'full-width-space': 'U+3000 ideographic spaces and no-break spaces removed or turned into ASCII spaces',
  'cjk-space': 'stray spaces next to Chinese characters or punctuation removed (spaces between Latin words/numbers stay)',
  'page-break-join': 'a sentence split by a page break re-joined',
} as const;

export interface CleanLine {
  /** The cleaned text ('' for blank lines). Table lines keep their tabs. */
  text: string;
  /** ORIGINAL 1-based line numbers this line was made from (ascending). */
  lines: number[];
}

export interface Removal {
  kind: string;
  line: number;
  text: string;
}

export interface CleanResult {
  lines: CleanLine[];
  /** Counts by artefact kind (only kinds that occurred). */
  artefacts: ArtefactCounts;
  /** Counts of whitespace normalisations and joins. */
  normalisations: Record<string, number>;
  /** Every removal, for the report and the coverage check. */
  removed: Removal[];
  /**
   * Per ORIGINAL line (index = line − 1): the text of that line after cleaning and before
   * joins ('' when blank or removed). Coverage searches for these in the output.
   */
  perLine: string[];
}

const SPACE_CLASS = '[ \\u00a0\\u3000\\u2002-\\u200a\\u202f\\u205f]';
const SPACE_RUN = new RegExp(`${SPACE_CLASS}+`, 'g');

/** A date left blank on a form, to be filled in by hand: "年 月 日" (no digits before 年). */
const BLANK_DATE = new RegExp(`(?<![0-9０-９〇零一二三四五六七八九十])年${SPACE_CLASS}+月${SPACE_CLASS}+日`, 'g');
/** An empty form field followed by the next one's label: "联系人： 电话：", "（印章） 联系人：". */
const NEXT_FIELD_LABEL = /^[\u4e00-\u9fff]{1,8}[：:]/;

/**
 * The spaces that separate the blanks of a form: inside and before a blank date ("盖 章 年 月 日" →
 * "盖章 年 月 日", not "盖章年月日") and between empty fields ("推荐单位：（印章） 联系人： 电话："); and
 * the spaces between the dates of a list ("9 月 10 月 11 月" → "9月 10月 11月", not "9月10月11月").
 * They are kept as one space; every other space touching Chinese text is a layout artefact.
 */
function formSpaces(text: string): Set<number> {
  const keep = new Set<number>();
  const mark = (from: number, to: number) => {
    for (const m of text.slice(from, to).matchAll(SPACE_RUN)) keep.add(from + m.index!);
  };
  for (const m of text.matchAll(BLANK_DATE)) {
    mark(m.index!, m.index! + m[0].length);
    const lead = new RegExp(`${SPACE_CLASS}+$`).exec(text.slice(0, m.index!));
    if (lead && lead.index > 0) keep.add(lead.index);
  }
  for (const m of text.matchAll(SPACE_RUN)) {
    const i = m.index!;
    // a list of dates of the same unit: "8月 9月 10月", "9月 12月" (not "2019 年 7 月": 年 then 月)
    const unit = text[i - 1];
    if (unit && /[年月日]/.test(unit) && new RegExp(`^\\d{1,4}${SPACE_CLASS}*${unit}`).test(text.slice(i + m[0].length))) {
      keep.add(i);
      continue;
    }
    if (/[：:]/.test(text.slice(0, i)) && /[：:）)]$/.test(text.slice(0, i)) && NEXT_FIELD_LABEL.test(text.slice(i + m[0].length))) keep.add(i);
  }
  return keep;
}

/** Remove spaces that touch a CJK character or CJK punctuation; collapse other runs to one space. */
export function normaliseSpaces(text: string, counts?: Record<string, number>): string {
  let out = '';
  let last = 0;
  const keep = formSpaces(text);
  for (const m of text.matchAll(SPACE_RUN)) {
    const i = m.index!;
    const before = text[i - 1] ?? '';
    const after = text[i + m[0].length] ?? '';
    out += text.slice(last, i);
    last = i + m[0].length;
    if (!before || !after) continue; // leading/trailing
    if (keep.has(i)) {
      out += ' ';
      continue;
    }
    if (CJK_CHAR.test(before) || CJK_CHAR.test(after)) {
      if (counts) counts['cjk-space'] = (counts['cjk-space'] ?? 0) + 1;
      continue;
    }
    out += ' ';
  }
  return out + text.slice(last);
}

/** Contact lines keep the single spaces that separate names and numbers ("夏新军 赵 睿"). */
function isContactLine(text: string): boolean {
  return /^(?:联\s*系\s*人|联系电话|联系方式|电\s*话)\s*[:：]/.test(text);
}

function cleanCell(text: string, counts: Record<string, number>): string {
  return normaliseSpaces(text, counts).trim();
}

export interface CleanOptions {
  /** Minimum length of a line (in characters) that may be re-joined with the next one. */
  joinMinLength?: number;
}

export function clean(text: string, options: CleanOptions = {}): CleanResult {
  const joinMinLength = options.joinMinLength ?? 20;
  const lines0 = text.split('\n');
  const artefacts: ArtefactCounts = {};
  const normalisations: Record<string, number> = {};
  const removed: Removal[] = [];
  const count = (kind: string, line: number, t: string) => {
    artefacts[kind] = (artefacts[kind] ?? 0) + 1;
    removed.push({ kind, line, text: t });
  };
  const ruleLines = new Set<number>();
  const raw = convertPipeTables(lines0, count, ruleLines);
  const isTabLine = (s: string | undefined) => !!s && s.includes('\t');
  const prevNonBlank = (i: number) => {
    for (let k = i - 1; k >= 0; k--) if (raw[k]!.trim()) return raw[k];
    return undefined;
  };
  const nextNonBlank = (i: number) => {
    for (let k = i + 1; k < raw.length; k++) if (raw[k]!.trim()) return raw[k];
    return undefined;
  };

  const out: CleanLine[] = [];
  const perLine: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const lineNo = i + 1;
    if (ruleLines.has(i)) {
      // The |---| rule of a pipe table: gone, and the table runs on across it.
      perLine.push('');
      continue;
    }
    let t = raw[i]!;
    const wide = (t.match(/[\u3000\u00a0]+/g) ?? []).length;
    if (wide) normalisations['full-width-space'] = (normalisations['full-width-space'] ?? 0) + wide;
    // Inline removals and unwraps.
    for (const a of ARTEFACTS) {
      if (a.scope === 'inline') {
        t = t.replace(a.pattern, (m) => {
          count(a.kind, lineNo, m);
          return '';
        });
      } else if (a.scope === 'unwrap') {
        t = t.replace(a.pattern, (m, inner: string) => {
          count(a.kind, lineNo, m);
          return inner;
        });
      }
    }
    const trimmed = t.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, '');
    // Whole-line artefacts (page numbers never inside a table: a number next to table cells is a cell).
    const lineArtefact = ARTEFACTS.find((a) => a.scope === 'line' && a.pattern.test(trimmed));
    if (trimmed && lineArtefact) {
      const inTable = lineArtefact.kind === 'page-number' && (raw[i]!.startsWith('\t') || isTabLine(prevNonBlank(i)) || isTabLine(nextNonBlank(i)));
      if (!inTable) {
        count(lineArtefact.kind, lineNo, raw[i]!);
        out.push({ text: '', lines: [lineNo] });
        perLine.push('');
        continue;
      }
    }
    if (t.includes('\t')) {
      // Table line: keep the tab structure, clean each cell.
      const cells = t.replace(/[\s\u3000\u00a0]+$/g, (m) => m.replace(/[^\t]/g, '')).split('\t');
      t = cells.map((c) => cleanCell(c, normalisations)).join('\t');
      if (!t.replace(/\t/g, '').trim() && !raw[i]!.startsWith('\t')) t = '';
    } else {
      let s = trimmed;
      for (const a of ARTEFACTS) {
        if (a.scope === 'prefix') {
          const m = a.pattern.exec(s);
          if (m) {
            count(a.kind, lineNo, m[0].trim());
            s = s.slice(m[0].length);
          }
        }
      }
      t = isContactLine(s) ? s.replace(SPACE_RUN, ' ').replace(/\s*([：:])\s*/g, '$1') : normaliseSpaces(s, normalisations);
      t = t.trim();
    }
    out.push({ text: t, lines: [lineNo] });
    perLine.push(t.replace(/\t/g, ' ').trim());
  }

  // Re-join sentences split by a page break.
  const joined: CleanLine[] = [];
  for (let i = 0; i < out.length; i++) {
    const cur = out[i]!;
    joined.push(cur);
    if (!canEndBeforeBreak(cur.text, joinMinLength)) continue;
    let j = i + 1;
    while (j < out.length && !out[j]!.text) j++;
    if (j === i + 1 || j >= out.length) continue; // no blank gap, or end of file
    const next = out[j]!;
    if (!canContinue(next.text)) continue;
    // Blank lines between become part of the joined line's span (they were the page break).
    const gap = out.slice(i + 1, j).flatMap((l) => l.lines);
    cur.text = cur.text + next.text;
    cur.lines = [...cur.lines, ...gap, ...next.lines];
    normalisations['page-break-join'] = (normalisations['page-break-join'] ?? 0) + 1;
    // The merged line may itself continue over another break: re-examine it.
    out.splice(i + 1, j - i);
    joined.pop();
    i--;
  }
  return { lines: joined, artefacts, normalisations, removed, perLine };
}

/** A name of a body on its own: no sentence punctuation, ending in an organisation word. */
const UNIT_NAME_LINE = /^[^，,。；;：:、！？!?“”"]+(?:局|分局|厅|委员会|委|办公室|办|中心|院|大队|支队|所|站|公司|政府|小组|协会|学会|法庭|检察院|法院)$/u;

function canEndBeforeBreak(text: string, min: number): boolean {
  if (!text || text.includes('\t')) return false;
  if ([...text].length < min) return false;
  if (TERMINAL.test(text)) return false;
  if (TITLE_END.test(text)) return false;
  // A metadata field (索引号：… / 发布日期：…) or a row of cells split by | is complete.
  if (META_LINE.test(text) || /[|｜]/.test(text)) return false;
  // A numbered heading without a sentence in it ("（三）加强组织领导和队伍建设工作") is complete.
  if (matchMarker(text) && !/[，。；]/.test(text) && [...text].length <= 40) return false;
  if (/[》」』]$/.test(text) && !/[，。；、]/.test(text)) return false;
  // A line that is the name of a body (a unit line of a case article, a signature: 河南省…局…办公室)
  // is complete, however long: the paragraph after it is not its continuation.
  if (UNIT_NAME_LINE.test(text) && [...text].length <= 40) return false;
  return true;
}

function canContinue(text: string): boolean {
  if (!text || text.includes('\t')) return false;
  if (isStructuralStart(text)) return false;
  if (/^[#*>]/.test(text)) return false;
  if ([...text].length < 8 && /[:：]$/.test(text)) return false;
  // A short line without punctuation is a name or a heading (a unit in a list of cases), not a continuation.
  if ([...text].length < 16 && !/[，。；、！？]/.test(text)) return false;
  return true;
}
