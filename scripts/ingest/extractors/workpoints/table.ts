/**
 * Task tables with a 完成期限 column (工作任务细则 of 豫法政办〔2019〕12号): one work item per row.
 *
 * Columns are found by their header text (序号 / 内容 / 细则 / 完成期限, spaces ignored).
 * Deadlines come from the 完成期限 cell; when a cell names several (9 月 10 月 11 月), each gets
 * the label of what falls due then: the text after the date in the cell (9 月公布行政执法权责清单),
 * else the numbered sub-item of 细则 with the same position (1、… 2、… 3、…), else its sentence.
 */
import type { BlockNode, DocumentNode, TableNode, TableRow } from '../../types';
import { findDeadlines, type Deadline, type DateOptions } from '../../dates';

export interface RowDraft {
  table: TableNode;
  tableIndex: number;
  row: TableRow;
  ordinal: number;
  marker: string;
  /** Heading text of the table (工作任务细则（省辖市、省直管县市政府）). */
  caption: string;
  /** Who the table is for: the parenthesis under its title (省辖市、省直管县市政府). */
  audience?: string;
  title: string;
  details: string[];
  deadlineText: string;
  deadlines: Deadline[];
}

const norm = (s: string) => s.replace(/[\s\u3000]+/gu, '');
const CN: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

export function ordinalOf(s: string): number | undefined {
  const t = norm(s).replace(/[、.．]$/u, '');
  if (/^\d+$/.test(t)) return Number(t);
  if (t.length === 1 && t in CN) return CN[t];
  if (/^十[一二三四五六七八九]$/u.test(t)) return 10 + CN[t[1]!]!;
  return undefined;
}

function columnIndex(head: string[], ...names: string[]): number {
  const exact = head.findIndex((h) => names.includes(norm(h)));
  return exact >= 0 ? exact : head.findIndex((h) => names.some((n) => norm(h).includes(n)));
}

/** A task table: a column headed exactly 完成期限 / 完成时限 (not 本次修订裁量标准完成时限 of a blank form). */
function deadlineColumn(head: string[]): number {
  return head.findIndex((h) => ['完成期限', '完成时限', '时间节点', '完成时间'].includes(norm(h)));
}

/** The header row: `head`, or the first row when it carries the column names. */
function headerOf(t: TableNode): { head: string[]; rows: TableRow[] } | undefined {
  if (t.head) return { head: t.head.cells.map((c) => c.text), rows: t.rows };
  const first = t.rows[0];
  if (first && first.cells.some((c) => norm(c.text) === '完成期限')) return { head: first.cells.map((c) => c.text), rows: t.rows.slice(1) };
  return undefined;
}

/** Split 细则 into its numbered sub-items "1、… 2、… 3、…" (or returns the whole text). */
export function subItems(text: string): string[] {
  const t = text.replace(/\n/g, ' ').trim();
  const parts = t.split(/\s*(?:^|(?<=[。；;\s]))\d+[、.．]\s*/u).map((p) => p.trim()).filter(Boolean);
  return parts.length > 1 ? parts : [t];
}

function sentences(text: string): string[] {
  return text.replace(/\n/g, ' ').split(/(?<=。)\s*/u).map((s) => s.trim()).filter(Boolean);
}

function shortLabel(s: string): string {
  const c = /^[^，,；;。]+/u.exec(s)?.[0] ?? s;
  return c.length > 40 ? c.slice(0, 40) + '…' : c;
}

/** Label each deadline of a row with what falls due then. */
export function labelDeadlines(deadlineText: string, details: string, deadlines: Deadline[]): Deadline[] {
  if (deadlines.length < 2) return deadlines;
  // 1) text after each date inside the cell: "9 月公布行政执法权责清单; 12 月公布…"
  const afterDates: string[] = [];
  let rest = deadlineText;
  for (const d of deadlines) {
    const i = rest.indexOf(d.text);
    rest = rest.slice(i + d.text.length);
    afterDates.push((/^[^;；。\d０-９]*/u.exec(rest)?.[0] ?? '').trim());
  }
  if (afterDates.every((a) => a.length >= 2)) return deadlines.map((d, i) => ({ ...d, label: afterDates[i]!.replace(/[，,]$/u, '') }));
  // 2) numbered sub-items of 细则, 3) its sentences — when the counts agree.
  for (const parts of [subItems(details), sentences(details)]) {
    if (parts.length === deadlines.length) return deadlines.map((d, i) => ({ ...d, label: shortLabel(parts[i]!) }));
  }
  return deadlines;
}

/** Short blocks just before the table: its title and the (audience) line. */
function captionBefore(blocks: BlockNode[], idx: number, docTitle: string): { caption: string; audience?: string } {
  const lines: string[] = [];
  for (let i = idx - 1; i >= 0 && lines.length < 3; i--) {
    const b = blocks[i]!;
    // a table, a heading or a numbered note (注：1.… of the form above) ends the caption
    if (b.type === 'table' || b.type === 'heading' || (b.type === 'paragraph' && b.role === 'note')) break;
    const text = 'text' in b ? b.text.trim() : '';
    if (!text || text.length > 40) break;
    // a title printed over two lines is one block with its lines kept apart by '\n'
    lines.unshift(...text.split('\n').map((l) => l.trim()).filter(Boolean));
  }
  const audienceLine = lines.find((l) => /^[（(].+[）)]$/u.test(l));
  const audience = audienceLine?.replace(/^[（(]|[）)]$/gu, '');
  const title = lines.filter((l) => l !== audienceLine).join(' ') || docTitle;
  return { caption: audience ? `${title}（${audience}）` : title, audience };
}

export function rowsOf(doc: DocumentNode, opts: DateOptions): RowDraft[] {
  const out: RowDraft[] = [];
  let tableIndex = 0;
  doc.children.forEach((b, idx) => {
    if (b.type !== 'table') return;
    const h = headerOf(b);
    if (!h) return;
    const iDeadline = deadlineColumn(h.head);
    if (iDeadline < 0) return;
    tableIndex++;
    const iSeq = columnIndex(h.head, '序号');
    const iContent = columnIndex(h.head, '内容', '任务');
    const iDetail = columnIndex(h.head, '细则', '措施', '要求');
    const { caption, audience } = captionBefore(doc.children, idx, doc.data.title);
    h.rows.forEach((row, r) => {
      const cell = (i: number) => (i >= 0 ? (row.cells[i]?.text ?? '') : '').trim();
      const title = cell(iContent);
      if (!title && !cell(iDetail)) return;
      const marker = cell(iSeq);
      const deadlineText = cell(iDeadline);
      const details = cell(iDetail);
      out.push({
        table: b,
        tableIndex,
        row,
        ordinal: ordinalOf(marker) ?? r + 1,
        marker,
        caption,
        audience,
        title,
        details: subItems(details),
        deadlineText,
        deadlines: labelDeadlines(deadlineText, details, findDeadlines(deadlineText, opts)),
      });
    });
  });
  return out;
}
