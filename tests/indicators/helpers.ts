/**
 * Hand-built notice trees for the indicator/scoring extractor tests: TableNodes shaped like the
 * segmenter's contract (scripts/ingest/types.ts) — rows of cells, a cell spanning lines keeps '\n',
 * 1-based original line positions.
 */
import type { BlockNode, DocumentNode, NoticeRoot, TableCell, TableNode, TableRow } from '../../scripts/ingest/types';

const pos = (a: number, b = a) => ({ start: { line: a }, end: { line: b } });

export function cell(text: string, start: number, end = start): TableCell {
  return { text, position: pos(start, end) };
}
export function row(cells: TableCell[]): TableRow {
  return { cells, position: pos(cells[0]!.position.start.line, Math.max(...cells.map((c) => c.position.end.line))) };
}

/**
 * A table from tab-separated source lines, the way the contract describes it: a line starting with
 * a tab opens a cell, a line without one continues the current cell; a blank line ends a row.
 * With `oneRowPerLine`, every non-blank line is a row of tab-separated cells (the 004 tables).
 */
export function tableFromLines(lines: string[], firstLine: number, opts: { head?: boolean; oneRowPerLine?: boolean } = {}): TableNode {
  const rows: TableRow[] = [];
  if (opts.oneRowPerLine) {
    lines.forEach((l, i) => {
      if (!l.trim()) return;
      rows.push(row(l.split('\t').map((t) => cell(t, firstLine + i))));
    });
  } else {
    let cells: TableCell[] = [];
    const flush = () => {
      if (cells.length) rows.push(row(cells));
      cells = [];
    };
    lines.forEach((l, i) => {
      const n = firstLine + i;
      if (l.startsWith('\t')) {
        for (const f of l.slice(1).split('\t')) cells.push(cell(f, n));
      } else if (!l.trim()) {
        // A blank line after a complete row ends it; inside a row (a cell still open) it is skipped.
        if (cells.length >= 4) flush();
      } else if (cells.length) {
        const c = cells[cells.length - 1]!;
        c.text = c.text ? c.text + '\n' + l : l;
        c.position.end.line = n;
      } else {
        cells.push(cell(l, n));
      }
    });
    flush();
  }
  const [head, ...body]: (TableRow | undefined)[] = opts.head ? rows : [undefined, ...rows];
  const all = [head, ...body].filter(Boolean) as TableRow[];
  return {
    type: 'table',
    head,
    rows: body as TableRow[],
    position: pos(all[0]!.position.start.line, Math.max(...all.map((r) => r.position.end.line))),
  };
}

export function para(text: string, line: number, end = line): BlockNode {
  return { type: 'paragraph', text, position: pos(line, end) };
}

export function heading(depth: 1 | 2 | 3 | 4, marker: string, ordinal: number, text: string, line: number, rest?: string): BlockNode {
  return { type: 'heading', depth, marker, ordinal, text, ...(rest ? { rest } : {}), position: pos(line) };
}

export function doc(id: string, children: BlockNode[], title = id): DocumentNode {
  const lines = children.flatMap((c) => [c.position.start.line, c.position.end.line]);
  return {
    type: 'document',
    data: { id, title, issuers: [], kind: '附件', children: [], attachments: [], contacts: [], cites: [], source: { file: 'x.txt', lines: [Math.min(...lines), Math.max(...lines)] } },
    children,
    position: pos(Math.min(...lines), Math.max(...lines)),
  };
}

export function root(file: string, docs: DocumentNode[]): NoticeRoot {
  const lines = docs.flatMap((d) => [d.position.start.line, d.position.end.line]);
  return { type: 'root', data: { file, encoding: 'utf-8', artefacts: {} }, children: docs, position: pos(Math.min(...lines), Math.max(...lines)) };
}
