/**
 * A flat stream of table cells ("pieces"), the input of the table-specific regrouping.
 *
 * The source tables are tab-separated text whose cells can span lines, and whose row
 * boundaries are not always where the segmenter can see them (a seq number alone on a
 * line after blank lines, a `——` left without its tab …). Instead of trusting the row
 * grouping, the indicator and scoring parsers read the cells in order and regroup them
 * from the table's own content (seq numbers, restarts, wording).
 */
import type { BlockNode, TableNode, TableRow } from '../../types';

export interface Piece {
  /** Cell text; lines of a multi-line cell joined by '\n'. Not trimmed. */
  text: string;
  /** 1-based original source lines. */
  start: number;
  end: number;
}

/** Every cell of a table's body rows, in reading order (the recognised head row is left out). */
export function piecesFromTable(table: TableNode): Piece[] {
  const out: Piece[] = [];
  for (const row of table.rows) out.push(...piecesFromRow(row));
  return out;
}

export function piecesFromRow(row: TableRow): Piece[] {
  return row.cells.map((c) => ({ text: c.text, start: c.position.start.line, end: c.position.end.line }));
}

/** Head rows of the other tables a notice may print right after a 责任清单 (a scoring table, a task table, another 责任清单). */
const OTHER_HEADS = [
  ['总体要求', '工作要求', '创建要求', '创建标准', '验收方法', '评分细则'],
  ['序号', '内容', '细则', '完成期限'],
  ['序号', '三级指标', '填报材料', '责任单位'],
];
const squashCell = (s: string) => s.replace(/[\s\u3000]+/g, '');

/** A table that starts with the head row of another table: not a fragment of the one being read. */
function startsOtherTable(t: TableNode): boolean {
  const first = (t.head ?? t.rows[0])?.cells.map((c) => squashCell(c.text)) ?? [];
  return OTHER_HEADS.some((h) => h.every((x, i) => first[i] === x));
}

/**
 * Pieces of the table plus any paragraph-like blocks that the segmenter left between or after
 * table fragments (e.g. a lone "23" or "——" line split off the table). Stops at the first
 * heading/closing block after the table, and at the next table that has a head row of its own
 * (a scoring table, another list), leaving out the caption printed above it.
 */
export function piecesFromBlocks(blocks: BlockNode[]): Piece[] {
  const out: Piece[] = [];
  const captions: number[] = [];
  for (const [i, b] of blocks.entries()) {
    if (b.type === 'table' && i > 0 && startsOtherTable(b)) {
      out.length = captions.length ? captions[0]! : out.length;
      break;
    }
    if (b.type === 'paragraph' && b.role === 'caption') captions.push(out.length);
    else captions.length = 0;
    if (b.type === 'table') {
      if (b.head && !isHeadLike(b.head)) out.push(...piecesFromRow(b.head));
      out.push(...piecesFromTable(b));
    } else if (b.type === 'paragraph') {
      // A stray paragraph inside the table range continues the previous cell.
      out.push({ text: b.text, start: b.position.start.line, end: b.position.end.line });
    } else break;
  }
  return out;
}

function isHeadLike(row: TableRow): boolean {
  return row.cells.some((c) => /^\s*序\s*号\s*$/.test(c.text));
}

/**
 * Splits raw tab-separated source lines into pieces, the way the source tables are written:
 * a line starting with a tab opens a new cell (one per tab-separated field), a line without
 * a leading tab continues the current cell, blank lines are kept inside nothing. Used for
 * fixtures and to cross-check the segmenter's cells.
 *
 * @param lines the lines of the table range
 * @param firstLine the 1-based original line number of lines[0]
 */
export function piecesFromTabbedLines(lines: string[], firstLine: number): Piece[] {
  const out: Piece[] = [];
  let current: Piece | undefined;
  lines.forEach((raw, i) => {
    const line = firstLine + i;
    if (raw.startsWith('\t')) {
      const fields = raw.slice(1).split('\t');
      fields.forEach((f) => {
        current = { text: f, start: line, end: line };
        out.push(current);
      });
    } else if (raw.trim() === '') {
      return;
    } else if (current) {
      current.text = current.text === '' ? raw : current.text + '\n' + raw;
      current.end = line;
    } else {
      current = { text: raw, start: line, end: line };
      out.push(current);
    }
  });
  return out;
}

/** Pieces of lines whose fields are separated by tabs, one row per line (the 004 tables). */
export function rowsFromTabbedLines(lines: string[], firstLine: number): { cells: string[]; line: number }[] {
  const out: { cells: string[]; line: number }[] = [];
  lines.forEach((raw, i) => {
    if (raw.trim() === '') return;
    out.push({ cells: raw.split('\t'), line: firstLine + i });
  });
  return out;
}
