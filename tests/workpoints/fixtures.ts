/** Hand-built notice trees (the scripts/ingest/types.ts contract) for extractor fixture tests. */
import type { BlockNode, DocumentMeta, DocumentNode, HeadingNode, NoticeRoot, ParagraphNode, TableNode } from '../../scripts/ingest/types';

const pos = (a: number, b = a) => ({ start: { line: a }, end: { line: b } });

export function h(depth: 1 | 2 | 3 | 4, marker: string, ordinal: number, text: string, line: number, rest?: string): HeadingNode {
  return { type: 'heading', depth, marker, ordinal, text, ...(rest ? { rest } : {}), position: pos(line) };
}
export function p(text: string, line: number, end = line): ParagraphNode {
  return { type: 'paragraph', text, position: pos(line, end) };
}
export function table(head: string[] | undefined, rows: string[][], line: number): TableNode {
  const row = (cells: string[], l: number) => ({ cells: cells.map((text) => ({ text, position: pos(l) })), position: pos(l) });
  return { type: 'table', ...(head ? { head: row(head, line) } : {}), rows: rows.map((r, i) => row(r, line + 1 + i)), position: pos(line, line + rows.length) };
}
export function doc(meta: Partial<DocumentMeta> & { id: string; title: string }, children: BlockNode[], file = 'fixture.txt'): DocumentNode {
  const data: DocumentMeta = { issuers: [], kind: '通知', children: [], attachments: [], contacts: [], cites: [], source: { file, lines: [1, 999] }, ...meta };
  return { type: 'document', data, children, position: pos(1, 999) };
}
export function root(file: string, docs: DocumentNode[]): NoticeRoot {
  return { type: 'root', data: { file, encoding: 'utf-8', artefacts: {} }, children: docs, position: pos(1, 999) };
}
export function ctx(roots: NoticeRoot[]) {
  const documents = new Map<string, DocumentMeta>();
  for (const r of roots) for (const d of r.children) documents.set(d.data.id, d.data);
  return { roots, documents };
}
