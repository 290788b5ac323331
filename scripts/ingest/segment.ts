/**
 * segment — cleaned lines → notice tree (NoticeRoot > DocumentNode > blocks).
 *
 * 1. blockify: tables (two source styles), attachment lists, and text items (consecutive
 *    lines of one sentence merged).
 * 2. split into documents: red-header banners, 文号 lines, 附件 labels, and titles that
 *    follow a closing block start a new document; a forwarding/印发 notice is the parent
 *    of what it embeds, a document is the parent of its 附件 (except that a 公文 with a
 *    文号 keeps its 附件 inside: they are part of that 文号).
 * 3. classify blocks: header (banner, 文号, title, recipients…), numbered headings
 *    (depth from the numbering only), paragraphs, tables, closing (signature, date,
 *    contacts, 附件 list, 抄送, 印发).
 *
 * Exposed as a unified parser plugin (`noticeParse`).
 */
import type { Plugin, Processor } from 'unified';
import type { VFile } from 'vfile';
import { clean, type CleanLine, type CleanResult } from './clean';
import { takePortalBlock, type PortalField } from './portal';
import {
  CELL_BREAK,
  META_LINE,
  NOTE_LABEL,
  ATTACHMENT_LABEL_RE,
  ATTACHMENT_LIST_RE,
  CC_RE,
  CONTACT_RE,
  TERMINAL,
  TITLE_END,
  isBanner,
  isOrderBanner,
  leadingDocNumber,
  ORDER_NUMBER_ALONE,
  COPY_NUMBER,
  matchArticle,
  matchDecimal,
  isDateLine,
  isPrintedLine,
  isStructuralStart,
  matchMarker,
  parseDocNumber,
} from './patterns';
import type {
  BlockNode,
  ClosingNode,
  ClosingRole,
  DocumentMeta,
  DocumentNode,
  HeaderNode,
  HeaderRole,
  HeadingNode,
  NoticeRoot,
  ParagraphNode,
  Position,
  TableCell,
  TableNode,
  TableRow,
} from './types';

// ---------------------------------------------------------------- items

export interface TextItem {
  kind: 'text';
  text: string;
  lines: number[];
}
export interface TableItem {
  kind: 'table';
  node: TableNode;
  lines: number[];
}
export interface AttachmentsItem {
  kind: 'attachments';
  text: string;
  lines: number[];
  entries: { seq: number; title: string }[];
}
/** The metadata block of a portal page at the top of the file (portal.ts). */
export interface PortalItem {
  kind: 'portal';
  fields: PortalField[];
  lines: number[];
}
export type Item = TextItem | TableItem | AttachmentsItem | PortalItem;

const pos = (lines: number[]): Position => ({
  start: { line: Math.min(...lines) },
  end: { line: Math.max(...lines) },
});

const isCellLine = (t: string) => t.startsWith('\t') && t.indexOf('\t', 1) < 0;
const isRowLine = (t: string) => t.includes('\t') && !isCellLine(t);
const isDash = (t: string) => /^[—\-－–]+$/.test(t);

/** Join two pieces of one sentence: no space between CJK, one space between Latin words. */
export function joinText(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  return /[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b;
}

/** A line that stands on its own and is never continued by the next line. */
function isStandalone(t: string): boolean {
  return (
    !!parseDocNumber(t) ||
    leadingDocNumber(t)?.rest === '' ||
    ORDER_NUMBER_ALONE.test(t) ||
    isBanner(t) ||
    isDateLine(t) ||
    isPrintedLine(t) ||
    CONTACT_RE.test(t) ||
    CC_RE.test(t) ||
    ATTACHMENT_LABEL_RE.test(t) ||
    META_LINE.test(t)
  );
}

function tableFromCells(lines: CleanLine[]): TableNode {
  // One cell per tab-prefixed line; untabbed lines continue the current cell.
  interface Cell {
    parts: string[];
    lines: number[];
  }
  const cells: Cell[] = [];
  for (const l of lines) {
    if (!l.text) continue;
    if (isCellLine(l.text)) cells.push({ parts: [l.text.slice(1)], lines: [...l.lines] });
    else if (cells.length) {
      const c = cells[cells.length - 1]!;
      c.parts.push(l.text);
      c.lines.push(...l.lines);
    }
  }
  const toCell = (c: Cell): TableCell => ({ text: c.parts.filter((p) => p.trim()).join('\n'), position: pos(c.lines) });
  const all = cells.map(toCell);
  const isSeq = (c: TableCell) => /^\d{1,4}$/.test(c.text.trim());
  const rows: TableRow[] = [];
  let head: TableRow | undefined;
  let current: TableCell[] = [];
  const flush = () => {
    if (!current.length) return;
    const row: TableRow = { cells: current, position: { start: current[0]!.position.start, end: current[current.length - 1]!.position.end } };
    if (!rows.length && !head && !isSeq(current[0]!)) head = row;
    else rows.push(row);
    current = [];
  };
  for (const c of all) {
    if (isSeq(c) && current.length) flush();
    current.push(c);
  }
  flush();
  // A row cut short by the end of the file gets empty cells up to the header's width.
  const width = head?.cells.length ?? 0;
  for (const r of rows) while (r.cells.length < width) r.cells.push({ text: '', position: { start: r.position.end, end: r.position.end } });
  const allLines = lines.filter((l) => l.text).flatMap((l) => l.lines);
  return { type: 'table', style: 'cells', head, rows, position: pos(allLines) };
}

const HEAD_WORDS = /^(?:序号|顺序|编号|名称|内容|项目|指标|要求|标准|方法|细则|单位|时限|期限|时间|备注|姓名|职务|职级|总体要求|工作要求|创建要求|创建标准|验收方法|评分细则|分值|三级指标|填报材料|责任单位|完成期限|完成时限|实施日期)/;

function tableFromRows(lines: CleanLine[]): TableNode {
  const rows: TableRow[] = lines.map((l) => {
    const parts = l.text.split('\t');
    const cells = parts.map((p) => ({ text: p.split(CELL_BREAK).map((x) => x.trim()).filter(Boolean).join('\n'), position: pos(l.lines) }));
    return { cells, position: pos(l.lines) };
  });
  const first = rows[0]!;
  const looksHead =
    first.cells.filter((c) => c.text).length >= 2 &&
    first.cells.every((c) => !c.text || [...c.text].length <= 16) &&
    first.cells.some((c) => HEAD_WORDS.test(c.text.replace(/\s+/g, '')));
  const head = looksHead ? rows.shift() : undefined;
  // Trailing empty cells beyond the widest header are tab noise.
  const width = head ? head.cells.length : Math.max(...rows.map((r) => r.cells.length));
  for (const r of rows) while (r.cells.length > width && !r.cells[r.cells.length - 1]!.text) r.cells.pop();
  return { type: 'table', style: 'rows', head, rows, position: pos(lines.flatMap((l) => l.lines)) };
}

const sameRow = (a: TableRow | undefined, b: TableRow | undefined) =>
  !!a && !!b && a.cells.map((c) => c.text.replace(/\s+/g, '')).join('\t') === b.cells.map((c) => c.text.replace(/\s+/g, '')).join('\t');

/** Group cleaned lines into items: tables, attachment lists and text items. */
export function blockify(lines: CleanLine[]): Item[] {
  const items: Item[] = [];
  let i = 0;
  const nextNonBlank = (k: number) => {
    while (k < lines.length && !lines[k]!.text) k++;
    return k;
  };
  while (i < lines.length) {
    const l = lines[i]!;
    if (!l.text) {
      i++;
      continue;
    }
    if (isCellLine(l.text)) {
      // Style 'cells': extend while tab-cells follow; untabbed lines continue a cell when
      // directly attached, or when (after blanks) another tab-cell follows them.
      let end = i;
      let k = i + 1;
      while (k < lines.length) {
        const t = lines[k]!.text;
        if (!t) {
          k++;
          continue;
        }
        if (isCellLine(t)) {
          end = k;
          k++;
          continue;
        }
        if (isRowLine(t)) break;
        const attached = k === end + 1; // directly below the previous cell line, no blank between
        const nn = nextNonBlank(k + 1);
        const followedByCell = nn < lines.length && isCellLine(lines[nn]!.text);
        const structural = !isDash(t) && !/^\d{1,4}$/.test(t) && isStructuralStart(t) && !/^\d{1,3}[.、．]/.test(t);
        if ((attached || followedByCell) && !structural && !isBanner(t)) {
          end = k;
          k++;
          continue;
        }
        break;
      }
      const slice = lines.slice(i, end + 1);
      const node = tableFromCells(slice);
      items.push({ kind: 'table', node, lines: slice.flatMap((x) => (x.text ? x.lines : [])) });
      i = end + 1;
      continue;
    }
    if (isRowLine(l.text)) {
      let k = i;
      while (k < lines.length && lines[k]!.text && lines[k]!.text.includes('\t')) k++;
      const slice = lines.slice(i, k);
      const node = tableFromRows(slice);
      const prev = items[items.length - 1];
      // A page break that repeats the header row continues the previous table.
      if (prev?.kind === 'table' && prev.node.style === 'rows' && prev.node.head && sameRow(prev.node.head, node.head)) {
        prev.node.rows.push(...node.rows);
        prev.node.repeatedHead = [...(prev.node.repeatedHead ?? []), node.head!.position.start.line];
        prev.node.position.end = node.position.end;
        prev.lines.push(...slice.flatMap((x) => x.lines));
      } else {
        items.push({ kind: 'table', node, lines: slice.flatMap((x) => x.lines) });
      }
      i = k;
      continue;
    }
    const labelOnly = ATTACHMENT_LABEL_RE.test(l.text) && !!lines[i + 1]?.text && !/^\d{1,2}\s*[.．、]/.test(lines[i + 1]!.text);
    if (ATTACHMENT_LIST_RE.test(l.text) && !labelOnly) {
      // 附件：1. … / 2. … — the list runs over the following non-blank lines, up to a signature (a body
      // line over a date line). ("附件：" directly over an unnumbered title is the label of the attachment.)
      const parts: CleanLine[] = [l];
      let k = i + 1;
      const entrySeq = (t: string) => Number(/^(\d{1,2})\s*[.．、]/.exec(t)?.[1] ?? NaN);
      let last = entrySeq(l.text.replace(ATTACHMENT_LIST_RE, '').trim());
      for (;;) {
        while (k < lines.length && lines[k]!.text && !lines[k]!.text.includes('\t') && !isStandalone(lines[k]!.text)) {
          if (isOrgLine(lines[k]!.text) && !!lines[k + 1]?.text && (isDateLine(lines[k + 1]!.text) || isOrgLine(lines[k + 1]!.text))) break;
          parts.push(lines[k]!);
          if (!Number.isNaN(entrySeq(lines[k]!.text))) last = entrySeq(lines[k]!.text);
          k++;
        }
        // Entries printed one a paragraph (blank lines between): the list goes on while the numbering does.
        const n = nextNonBlank(k);
        if (n > k && n < lines.length && !Number.isNaN(last) && entrySeq(lines[n]!.text) === last + 1 && !lines[n]!.text.includes('\t')) {
          k = n;
          continue;
        }
        break;
      }
      items.push(attachmentsItem(parts));
      i = k;
      continue;
    }
    // Text: merge following lines of the same sentence (no blank line between).
    let text = l.text;
    const ls = [...l.lines];
    let k = i + 1;
    while (k < lines.length) {
      const n = lines[k]!.text;
      if (!n || n.includes('\t')) break;
      if (TERMINAL.test(text) || isStandalone(text) || isStructuralStart(n) || ATTACHMENT_LIST_RE.test(n) || isRecipients(n)) break;
      const m = matchMarker(text);
      if (m && [...text].length < 20) break; // a short numbered heading is complete
      if (/^——/.test(text)) break;
      text = joinText(text, n);
      ls.push(...lines[k]!.lines);
      k++;
    }
    items.push({ kind: 'text', text, lines: ls });
    i = k;
  }
  return items;
}

/** A title ends in a 文种 word, possibly followed by a bracketed qualifier: …办法（试行） / …规划（2018—2035年）. */
export function endsTitle(t: string): boolean {
  const bare = t.replace(/[》”"]+$/, '');
  return TITLE_END.test(bare) || new RegExp(`(?:${TITLE_END.source.replace(/\$$/, '')})[》”"]?[（(][^（()）]{1,16}[）)]$`).test(t);
}

/** A line that may be one line of a title printed over several lines. */
function isTitleFragment(t: string): boolean {
  const len = [...t].length;
  return (
    len >= 1 &&
    len <= 80 &&
    !TERMINAL.test(t) &&
    !/[。；！？]/.test(t) &&
    !matchMarker(t) &&
    // "国务院关于印发" (a title line cut before its object) is not a 版记 "…印发" line
    (!isStructuralStart(t) || /关于印发$/.test(t)) &&
    !isRecipients(t) &&
    !leadingDocNumber(t) &&
    !ORDER_NUMBER_ALONE.test(t) &&
    !/^[（(][^（()）]*[）)]$/.test(t) &&
    !/^(?:第[一二三四五六七八九十百零〇\d]+[章节条编部分])/.test(t)
  );
}

/** Where a document's title may begin: the start of the file, or after a banner, 文号, date, 附件 label, metadata or note line. */
function atDocumentTop(prev: Item | undefined): boolean {
  if (!prev || prev.kind === 'portal') return true;
  if (prev.kind !== 'text') return false;
  const t = prev.text;
  return (
    isDateLine(t) ||
    isPrintedLine(t) ||
    isBanner(t) ||
    !!parseDocNumber(t) ||
    !!leadingDocNumber(t) ||
    ORDER_NUMBER_ALONE.test(t) ||
    ATTACHMENT_LABEL_RE.test(t) ||
    META_LINE.test(t) ||
    /^[（(][^（()）]*[）)]$/.test(t)
  );
}

/** Longest run of lines a title is printed over. */
const MAX_TITLE_LINES = 5;

/**
 * A title printed over several lines — with blank lines between them (how 公文 titles arrive from Word
 * and web pages) or without — is ONE title. At the top of a document (see atDocumentTop), a run of
 * short lines without sentence punctuation, numbering or a recipients colon that ends in a 文种 word
 * (通知 / 意见 / 批复 / 函 / 答复 / 条例 …, TITLE_END) is joined into one text item; the run ends at
 * its last line ending in a 文种 word, so "…意见报告" / "的通知" stays one title. Its source lines are kept.
 */
export function joinTitleRuns(items: Item[]): Item[] {
  const out: Item[] = [];
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    if (it.kind === 'text' && isTitleFragment(it.text) && atDocumentTop(out[out.length - 1])) {
      let end = -1;
      let length = 0;
      for (let k = i; k < items.length && k < i + MAX_TITLE_LINES; k++) {
        const x = items[k]!;
        if (x.kind !== 'text' || !isTitleFragment(x.text)) break;
        // A second title ("关于…") after a complete one starts another document.
        if (end >= 0 && /^关于/.test(x.text)) break;
        length += [...x.text].length;
        if (length > 150) break;
        if (endsTitle(x.text)) end = k;
      }
      if (end > i) {
        const run = items.slice(i, end + 1) as TextItem[];
        out.push({ kind: 'text', text: run.map((x) => x.text).reduce(joinText), lines: run.flatMap((x) => x.lines) });
        i = end;
        continue;
      }
    }
    out.push(it);
  }
  return out;
}

function attachmentsItem(parts: CleanLine[]): AttachmentsItem {
  const text = parts.map((p) => p.text).join('\n');
  const lines = parts.flatMap((p) => p.lines);
  const entries: { seq: number; title: string }[] = [];
  const first = parts[0]!.text.replace(ATTACHMENT_LIST_RE, '').trim();
  const pieces = [first, ...parts.slice(1).map((p) => p.text)].filter(Boolean);
  for (const piece of pieces) {
    // One line may hold several numbered entries ("1.… 2.…") only when separated by spaces; keep it simple: a
    // numbered piece starts an entry, an unnumbered one continues the previous entry.
    const m = /^(\d{1,2})\s*[.．、]\s*(.*)$/.exec(piece);
    if (m) entries.push({ seq: Number(m[1]), title: m[2]!.trim() });
    else if (entries.length) entries[entries.length - 1]!.title = joinText(entries[entries.length - 1]!.title, piece.trim());
    else entries.push({ seq: 1, title: piece.trim() });
  }
  return { kind: 'attachments', text, lines, entries };
}

// ---------------------------------------------------------------- documents

/** Normalise a title for comparison: no spaces, no book-title marks or punctuation. */
export function titleKey(t: string): string {
  return t.replace(/[\s《》〈〉“”"'‘’（）()【】\[\]〔〕：:，,。.、—-]/g, '');
}

const ORG_END = /(?:办公室|人民政府|政府|委员会|领导小组|小组|厅|局|院|中心|委|部|处|科|会|所|站|队|办|司法所|党组)$/;

function isOrgLine(t: string): boolean {
  return [...t].length <= 40 && ORG_END.test(t) && !/[，。；：《》]/.test(t);
}

function looksLikeTitle(t: string): boolean {
  const len = [...t].length;
  if (len < 4 || len > 120) return false;
  if (TERMINAL.test(t) || matchMarker(t) || isStructuralStart(t)) return false;
  if (/[。；！？]/.test(t)) return false;
  return TITLE_END.test(t) || /^关于/.test(t);
}

interface DocDraft {
  items: Item[];
  parent?: number;
  relation?: '转发' | '印发' | '附件';
  label?: string;
  hasDocNumber: boolean;
  attachmentTitles: string[];
  title?: string;
  /** The document is an order (令): a 令 banner over 第N号; what follows its signature is what it promulgates. */
  order?: boolean;
}

/** Items i, i+1 … are up to three issuing-body lines followed by a date line (a joint signature). */
function signatureRun(items: Item[], i: number): boolean {
  for (let k = i + 1; k < items.length && k <= i + 3; k++) {
    const x = items[k]!;
    if (x.kind !== 'text') return false;
    if (isDateLine(x.text)) return k > i + 1;
    if (!isOrgLine(x.text)) return false;
  }
  return false;
}

/** Words a recipients line ends with before its colon: the bodies addressed (…人民政府： / 国务院： / 民航总局：). */
const ADDRESSEE_END = /(?:人民政府|政府|办公厅|办公室|委员会|部门|单位|机构|局|厅|委|部|院|署|办|处|党委|党组|公司|学校|医院|委员|代表|同志|们)[:：]$/;

/**
 * The recipients line (主送): 各省、自治区、直辖市人民政府，国务院各部委、各直属机构： / 北京、天津…省（自治区、直辖市）人民政府： /
 * 国务院： — never a title.
 */
function isRecipients(t: string): boolean {
  if (!/[:：]$/.test(t) || [...t].length > 150 || /[《》。]/.test(t) || matchMarker(t)) return false;
  return /^(?:各|主送|省|市|县|区|乡|镇|中央|国务院)/.test(t) || ADDRESSEE_END.test(t);
}

function textOf(it: Item): string {
  return it.kind === 'table' || it.kind === 'portal' ? '' : it.text;
}

/** Split the items of one file into document drafts. */
export function splitDocuments(items: Item[]): DocDraft[] {
  const docs: DocDraft[] = [];
  let cur: DocDraft | undefined;
  let state: 'header' | 'body' | 'closing' = 'header';
  const owner = (d: DocDraft): number => {
    const idx = docs.indexOf(d);
    return d.relation === '附件' && d.parent !== undefined ? d.parent : idx;
  };
  const embedRelation = (): { parent?: number; relation?: '转发' | '印发' } => {
    const f = docs[0];
    if (f?.order) return { parent: 0, relation: '印发' };
    if (!f?.title) return {};
    if (/转发/.test(f.title)) return { parent: 0, relation: '转发' };
    if (/印发/.test(f.title)) return { parent: 0, relation: '印发' };
    return {};
  };
  const start = (d: Omit<DocDraft, 'items' | 'hasDocNumber' | 'attachmentTitles'>) => {
    cur = { items: [], hasDocNumber: false, attachmentTitles: [], ...d };
    docs.push(cur);
    state = 'header';
  };
  const hasBody = (d: DocDraft | undefined) => !!d && state !== 'header';

  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    const t = textOf(it);
    const next = items[i + 1];
    const nextText = next ? textOf(next) : '';
    if (!cur) start({});
    else if (it.kind === 'text' && isBanner(t) && hasBody(cur)) {
      start(embedRelation());
    } else if (it.kind === 'text' && parseDocNumber(t) && hasBody(cur)) {
      start(embedRelation());
    } else if (it.kind === 'text' && ATTACHMENT_LABEL_RE.test(t) && next && next.kind === 'text' && (looksLikeTitle(nextText) || isTitleStart(nextText))) {
      const o = docs[owner(cur!)]!;
      if (!o.hasDocNumber) {
        start({ parent: owner(cur!), relation: '附件', label: t.replace(/\s+/g, ' ').replace(/(\D)(\d)/, '$1 $2').replace(/\s*[:：]$/, '') });
      } else {
        state = 'body';
      }
    } else if (it.kind === 'text' && state === 'closing' && (looksLikeTitle(t) || isTitleStart(t)) && (!next || next.kind !== 'text' || !isPrintedLine(nextText))) {
      const o = docs[owner(cur!)]!;
      const key = titleKey(joinTitleAhead(items, i));
      const isAttachment = o.attachmentTitles.some((a) => a && (key.includes(a) || a.includes(key)));
      if (isAttachment && !o.hasDocNumber) start({ parent: owner(cur!), relation: '附件' });
      else start(embedRelation());
    }
    const d = cur!;
    d.items.push(it);
    // Track state for the boundary rules.
    if (it.kind === 'text') {
      if (state === 'header') {
        if (isOrderBanner(t)) d.order = true;
        if (parseDocNumber(t) || leadingDocNumber(t) || (d.order && ORDER_NUMBER_ALONE.test(t))) d.hasDocNumber = true;
        if (/^发文字号\s*[:：]/.test(t) && parseDocNumber(t.replace(/^发文字号\s*[:：]\s*/, ''))) d.hasDocNumber = true;
        if (!d.title && (looksLikeTitle(t) || isTitleStart(t))) d.title = t;
        if (!isHeaderLike(t, d)) state = 'body';
      }
      if (isDateLine(t) || isPrintedLine(t) || CONTACT_RE.test(t) || CC_RE.test(t)) state = 'closing';
      else if (state === 'closing') {
        // A signature/printing office (before its date) or an 附件 label keeps the closing open;
        // other text after a closing that did not start a document is body again (a trailing note).
        const keepsClosing = isOrgLine(t) || isDateLine(nextText) || isPrintedLine(nextText) || ATTACHMENT_LABEL_RE.test(t) || isClosingNote(t);
        if (!keepsClosing) state = 'body';
      }
    } else if (it.kind === 'attachments') {
      d.attachmentTitles.push(...it.entries.map((e) => titleKey(e.title)));
      state = 'closing';
    } else if (it.kind === 'portal') {
      if (it.fields.some((f) => f.label === '发文字号' && parseDocNumber(f.value))) d.hasDocNumber = true;
    } else if (state === 'header') state = 'body';
  }
  // Forwarding at every level (县转发市转发省…): an embedded document hangs under the nearest
  // forwarding/印发 notice above it whose title names it — not always under the file's first notice.
  docs.forEach((d, i) => {
    if ((d.relation !== '转发' && d.relation !== '印发') || !d.title) return;
    const key = titleKey(d.title);
    for (let k = i - 1; k > (d.parent ?? 0); k--) {
      const p = docs[k]!;
      if (p.relation === '附件' || !p.title || !/转发|印发/.test(p.title)) continue;
      if (titleKey(p.title).includes(key)) {
        d.parent = k;
        d.relation = /转发/.test(p.title) ? '转发' : '印发';
        break;
      }
    }
  });
  return docs;
}

/** A note in brackets under the signature: （此件公开发布） / （本文有删减） / （此件有删减）. */
export function isClosingNote(t: string): boolean {
  return /^[（(][^（()）]{2,20}[）)]$/.test(t) && /(?:此件|本文|此文|公开|删减|发布|发至|保留)/.test(t);
}

/** "关于…" or an issuer line followed by "关于…" starts a title. */
function isTitleStart(t: string): boolean {
  return /^关于/.test(t) && !/[。；]/.test(t) && [...t].length <= 120;
}

function joinTitleAhead(items: Item[], i: number): string {
  const a = items[i];
  return a && a.kind === 'text' ? a.text : '';
}

function isHeaderLike(t: string, d: DocDraft): boolean {
  return (
    (!d.title && COPY_NUMBER.test(t)) ||
    (!!d.order && ORDER_NUMBER_ALONE.test(t)) ||
    !!leadingDocNumber(t) ||
    isBanner(t) ||
    !!parseDocNumber(t) ||
    ATTACHMENT_LABEL_RE.test(t) ||
    META_LINE.test(t) ||
    (!d.title && isOrgLine(t)) ||
    looksLikeTitle(t) ||
    isTitleStart(t) ||
    /^——/.test(t) ||
    (!!d.title && isRecipients(t))
  );
}

// ---------------------------------------------------------------- blocks

function header(role: HeaderRole, text: string, lines: number[]): HeaderNode {
  return { type: 'header', role, text, position: pos(lines) };
}
function closing(role: ClosingRole, text: string, lines: number[]): ClosingNode {
  return { type: 'closing', role, text, position: pos(lines) };
}

/** Turn the items of one document into blocks. */
export function buildBlocks(d: DocDraft): BlockNode[] {
  const out: BlockNode[] = [];
  const items = d.items;
  let inHeader = true;
  let titleSeen = false;
  // Notes after a 说明：/注： label: the depth of their numbering (once seen) and the ordinal expected next.
  let notes: { depth?: number; next: number } | undefined;
  // Titles named in this document's 附件： list (titleKey), to recognise an attachment printed without its 附件 N label.
  const listed: string[] = [];
  // Decimal numbering (1.1 / 7.2) used at least twice: then "1 总则" lines are its top level.
  const decimalDoc = items.filter((x) => x.kind === 'text' && matchDecimal(x.text)).length >= 2;
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    const inNotes = notes;
    notes = undefined;
    if (it.kind === 'table') {
      inHeader = false;
      out.push(it.node);
      continue;
    }
    if (it.kind === 'portal') {
      for (const f of it.fields) out.push(header('portal', `${f.label}：${f.value}`, f.valueLine ? [f.line, f.valueLine] : [f.line]));
      continue;
    }
    if (it.kind === 'attachments') {
      inHeader = false;
      listed.push(...it.entries.map((e) => titleKey(e.title)));
      out.push(closing('attachments', it.text, it.lines));
      continue;
    }
    const t = it.text;
    const next = items[i + 1];
    const nextText = next && next.kind === 'text' ? next.text : '';
    if (inHeader) {
      if (isBanner(t)) {
        out.push(header('banner', t, it.lines));
        continue;
      }
      if (parseDocNumber(t) || (ORDER_NUMBER_ALONE.test(t) && out.some((b) => b.type === 'header' && b.role === 'banner' && isOrderBanner(b.text)))) {
        out.push(header('docNumber', t, it.lines));
        continue;
      }
      if (titleSeen && leadingDocNumber(t)?.rest === '') {
        // （豫政发〔2009〕25号）: the 文号 in brackets on the line under the title.
        out.push(header('docNumber', t, it.lines));
        continue;
      }
      if (!titleSeen && leadingDocNumber(t)?.rest && endsTitle(leadingDocNumber(t)!.rest)) {
        // 豫政办〔2019〕12号 关于…的通知: the 文号 in front of the title on one line (kept as printed; describe reads both).
        out.push(header('docNumber', t, it.lines));
        continue;
      }
      if (ATTACHMENT_LABEL_RE.test(t)) {
        out.push(header('label', t, it.lines));
        continue;
      }
      if (META_LINE.test(t) || (!titleSeen && COPY_NUMBER.test(t))) {
        // (份号 000123 at the very top is header metadata like 密级 and 紧急程度)
        out.push(header('meta', t, it.lines));
        continue;
      }
      if (!titleSeen && isOrgLine(t) && next?.kind === 'text' && isTitleStart(nextText)) {
        // Issuer line + "关于…的通知": one title printed over two lines.
        out.push(header('title', joinText(t, nextText), [...it.lines, ...next.lines]));
        titleSeen = true;
        i++;
        continue;
      }
      if (!titleSeen && isOrgLine(t) && !looksLikeTitle(t)) {
        out.push(header('issuer', t, it.lines));
        continue;
      }
      if (!titleSeen && (looksLikeTitle(t) || isTitleStart(t) || (!TERMINAL.test(t) && [...t].length <= 60 && !matchMarker(t) && !isStructuralStart(t)))) {
        out.push(header('title', t, it.lines));
        titleSeen = true;
        continue;
      }
      if (titleSeen && /^——/.test(t)) {
        out.push(header('subtitle', t, it.lines));
        continue;
      }
      if (isRecipients(t)) {
        // (also without a title: a notice copied from its recipients line on — the recipients are never the title)
        out.push(header('recipients', t, it.lines));
        inHeader = false;
        continue;
      }
      inHeader = false;
    }
    // Body and closing.
    if (isPrintedLine(t)) {
      out.push(closing('printed', t, it.lines));
      continue;
    }
    if (isDateLine(t)) {
      out.push(closing('date', t, it.lines));
      continue;
    }
    if (CONTACT_RE.test(t)) {
      out.push(closing('contact', t, it.lines));
      continue;
    }
    if (CC_RE.test(t)) {
      out.push(closing('cc', t, it.lines));
      continue;
    }
    const prev = out[out.length - 1];
    if (prev?.type === 'closing' && prev.role === 'cc' && !matchMarker(t) && [...t].length <= 100 && /[，、]/.test(t) && /。?$/.test(t) && !/[要应]/.test(t)) {
      out.push(closing('cc', t, it.lines));
      continue;
    }
    if (isOrgLine(t) && !isDateLine(nextText) && !isPrintedLine(nextText) && signatureRun(items, i)) {
      // Two (or three) issuing bodies signed one under the other, then the date: each is a signature.
      out.push(closing('signature', t, it.lines));
      continue;
    }
    if (isOrgLine(t) && (isDateLine(nextText) || isPrintedLine(nextText))) {
      out.push(closing(isPrintedLine(nextText) ? 'printed' : 'signature', t, it.lines));
      continue;
    }
    const part = matchArticle(t);
    const dec = part ? undefined : matchDecimal(t, decimalDoc);
    if (part || dec) {
      // 第一章 总则 / 第一节 … : a heading with its name; 第一条 …: the article's number heads its text.
      const marker = part ? part.marker : dec!.marker;
      const rest = part ? part.rest : dec!.rest;
      const article = part?.kind === '条';
      out.push({
        type: 'heading',
        depth: 1,
        scheme: part ? part.kind : 'decimal',
        marker,
        ordinal: part ? part.ordinal : dec!.ordinal,
        text: article ? '' : rest,
        ...(article && rest ? { rest } : {}),
        position: pos(it.lines),
      });
      continue;
    }
    const m = matchMarker(t);
    if (NOTE_LABEL.test(t)) {
      // 说明： / 注：1. … — the label (and a first note on its line) opens a run of numbered notes.
      const first = matchMarker(t.replace(NOTE_LABEL, '').trim());
      notes = first ? { depth: first.depth, next: first.ordinal + 1 } : { next: 1 };
      out.push({ type: 'paragraph', text: t, position: pos(it.lines), ...(first ? { role: 'note' as const } : {}) });
      continue;
    }
    if (m && inNotes && (inNotes.depth === undefined || inNotes.depth === m.depth) && m.ordinal === inNotes.next) {
      // The next note of the run: a numbered paragraph as printed, not a heading.
      notes = { depth: m.depth, next: m.ordinal + 1 };
      out.push({ type: 'paragraph', text: t, role: 'note', position: pos(it.lines) });
      continue;
    }
    if (m && m.rest) {
      const body = m.rest;
      // Lead phrase: up to the first 。 (or a half-width '.' that ends a Chinese phrase).
      const stopMatch = /。|(?<=[\u4e00-\u9fff）)”》])\.(?=[\u4e00-\u9fff（(“《])/.exec(body);
      const stop = stopMatch ? stopMatch.index : -1;
      const lead = stop >= 0 && stop < body.length - 1 ? body.slice(0, stop + 1) : body;
      const rest = stop >= 0 && stop < body.length - 1 ? body.slice(stop + 1) : undefined;
      out.push({ type: 'heading', depth: m.depth, marker: m.marker, ordinal: m.ordinal, text: lead, ...(rest ? { rest } : {}), position: pos(it.lines) });
      continue;
    }
    const para: ParagraphNode = { type: 'paragraph', text: t, position: pos(it.lines) };
    const prevPara = prev?.type === 'paragraph' ? prev : undefined;
    if (ATTACHMENT_LABEL_RE.test(t)) para.role = 'attachmentLabel';
    else if (prevPara?.role === 'attachmentLabel' && isCaptionLike(t)) para.role = 'attachmentTitle';
    else if (listed.length && isCaptionLike(t) && listed.includes(titleKey(t))) para.role = 'attachmentTitle';
    else if (listed.length && isCaptionLike(t) && next?.kind === 'text' && isCaptionLike(next.text) && listed.includes(titleKey(t + next.text))) {
      // An attachment printed without its 附件 N label, its title over two lines ("工作任务细则" /
      // "(省辖市、省直管县市政府)" = 附件 3 in the 附件： list): one title, its lines kept apart by '\n'.
      para.text = `${t}\n${next.text}`;
      para.position = pos([...it.lines, ...next.lines]);
      para.role = 'attachmentTitle';
      i++;
    } else if (isCaptionLike(t) && tableFollows(items, i)) para.role = 'caption';
    else if (isOrgLine(t) && next?.kind === 'text' && [...next.text].length > 40 && !matchMarker(next.text) && !isStructuralStart(next.text)) para.role = 'sectionTitle';
    out.push(para);
  }
  rankHeadings(out);
  return out;
}

/** The order of heading kinds, outermost first (HeadingNode.depth). */
const HEADING_ORDER = ['编', '部分', '章', '节', '条', 'd1', 'd2', 'd3', 'd4', 'm1', 'm2', 'm3', 'm4'];

/**
 * In a document with the parts of a regulation or decimal numbering, depth is the rank of each
 * heading's kind among the kinds the document uses (章 > 条 > （一） …; 章 > 一、 in a 工作规则),
 * so the levels are the document's own. Other documents keep the fixed depths of the numbering.
 */
function rankHeadings(blocks: BlockNode[]): void {
  const headings = blocks.filter((b): b is HeadingNode => b.type === 'heading');
  if (!headings.some((h) => h.scheme)) return;
  const kindOf = (h: HeadingNode) => (h.scheme === 'decimal' ? `d${Math.min(4, h.marker.split(/[.．]/).length)}` : h.scheme ?? `m${h.depth}`);
  const used = HEADING_ORDER.filter((k) => headings.some((h) => kindOf(h) === k));
  const kinds = headings.map(kindOf);
  headings.forEach((h, i) => {
    h.depth = Math.min(6, used.indexOf(kinds[i]!) + 1) as HeadingNode['depth'];
  });
}

/** A short title-like line (no sentence punctuation, not numbered). */
function isCaptionLike(t: string): boolean {
  return [...t].length <= 60 && !TERMINAL.test(t) && !/[。；，,]/.test(t) && !matchMarker(t) && !isStructuralStart(t);
}

/** A table follows item i, possibly after one more caption-like line ("工作任务细则" / "(省直行政执法部门)"). */
function tableFollows(items: Item[], i: number): boolean {
  const a = items[i + 1];
  if (a?.kind === 'table') return true;
  const b = items[i + 2];
  return a?.kind === 'text' && isCaptionLike(a.text) && b?.kind === 'table';
}

function emptyMeta(file: string, lines: [number, number]): DocumentMeta {
  return { id: '', title: '', issuers: [], kind: '', children: [], attachments: [], contacts: [], cites: [], source: { file, lines } };
}

export interface SegmentOptions {
  file: string;
  encoding: string;
  lineEnding?: string;
}

/** Cleaned lines → NoticeRoot. DocumentMeta is filled by the extract stage; segment sets source, parent index and relation. */
export function segment(cleaned: CleanResult, options: SegmentOptions): NoticeRoot {
  // A portal page's metadata block at the top is metadata (one item), the rest is read as usual.
  const portal = takePortalBlock(cleaned.lines);
  const blocks = blockify(portal.lines);
  if (portal.fields.length) {
    // In line order: after the page's title when the copy printed it above the block.
    const lines = portal.used.flatMap((n) => cleaned.lines[n]!.lines);
    const at = blocks.findIndex((it) => Math.min(...it.lines) > lines[0]!);
    blocks.splice(at < 0 ? blocks.length : at, 0, { kind: 'portal', fields: portal.fields, lines });
  }
  const items = joinTitleRuns(blocks);
  const drafts = splitDocuments(items);
  const docs: DocumentNode[] = drafts.map((d) => {
    const children = buildBlocks(d);
    const lines = d.items.flatMap((it) => it.lines);
    const range: [number, number] = lines.length ? [Math.min(...lines), Math.max(...lines)] : [1, 1];
    const data = emptyMeta(options.file, range);
    if (d.relation) data.relation = d.relation;
    if (d.label) data.label = d.label;
    return { type: 'document', data, children, position: { start: { line: range[0] }, end: { line: range[1] } } };
  });
  // Parent links by index for now (extract turns them into ids).
  drafts.forEach((d, i) => {
    if (d.parent !== undefined && d.parent !== i) (docs[i]!.data as DocumentMeta & { parentIndex?: number }).parentIndex = d.parent;
  });
  const lineCount = cleaned.perLine.length;
  return {
    type: 'root',
    data: {
      file: options.file,
      encoding: options.encoding,
      artefacts: cleaned.artefacts,
      normalisations: cleaned.normalisations,
      ...(options.lineEnding ? { lineEnding: options.lineEnding } : {}),
      lineCount,
    },
    children: docs,
    position: { start: { line: 1 }, end: { line: Math.max(1, lineCount) } },
  };
}

export interface NoticeFileData {
  encoding?: string;
  lineEnding?: string;
  clean?: CleanResult;
}

/**
 * unified parser plugin: text → NoticeRoot (runs clean, then segment).
 * (NoticeRoot positions carry lines only, so the unist `Node` type is cast at this boundary.)
 */
export const noticeParse: Plugin<[]> = function (this: Processor) {
  (this as unknown as { parser: (doc: string, file: VFile) => NoticeRoot }).parser = (doc: string, file: VFile) => {
    const data = file.data as NoticeFileData;
    const cleaned = clean(doc);
    data.clean = cleaned;
    return segment(cleaned, { file: file.basename ?? file.path ?? 'input', encoding: data.encoding ?? 'UTF-8', lineEnding: data.lineEnding });
  };
};
