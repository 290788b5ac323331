/**
 * Numbered work items from the headings of one document.
 *
 * The blocks of a document are folded into an outline by heading depth (一、 > （一） > 1. > （1）).
 * Paragraphs (and tables) belong to the heading before them. Then:
 *  - a heading is a WORK ITEM when it has text of its own (a `rest` on its line, or paragraphs
 *    before its first sub-heading) or when it has no sub-headings;
 *  - otherwise it is a SECTION (一、着力提升执法水平) that only groups items;
 *  - an item under an item (组织验收 › 1、听取汇报) is an item with `parent`;
 *  - not work items, and listed in `skipped` with the reason: headings named in NOT_TASKS
 *    (指导思想, 参评范围 — statements of purpose/scope), and numbered notes that stand under no
 *    heading at all (the 说明 1.–5. of a form, 注 2.–3. of a blank table).
 */
import type { BlockNode, DocumentNode, HeadingNode, ParagraphNode, TableNode } from '../../types';
import { cleanText } from './fields';

export const NOT_TASKS = /^(指导思想|总体要求|基本原则|参评范围)$/u;

export interface OutlineNode {
  heading: HeadingNode;
  own: (ParagraphNode | TableNode)[];
  children: OutlineNode[];
  parent?: OutlineNode;
}

export interface ItemDraft {
  heading: HeadingNode;
  /** Ancestor headings that are sections or items, outermost first. */
  ancestors: HeadingNode[];
  /** Index into the drafts of the nearest ancestor that is itself an item. */
  parentIndex?: number;
  /** The item's own text: `rest` of its line, then its own paragraphs. */
  paragraphs: { text: string; line: number; endLine: number }[];
  tables: TableNode[];
  /** Ordinals from the outermost ancestor to the item (一 › 3 → [1, 3]). */
  path: number[];
  /** Last source line that belongs to the item (without its sub-items). */
  endLine: number;
}

export interface Skipped {
  line: number;
  text: string;
  reason: string;
}

/** Fold a document's blocks into an outline. Blocks before the first heading are returned as `preamble`. */
export function outline(doc: DocumentNode): { roots: OutlineNode[]; preamble: BlockNode[] } {
  const roots: OutlineNode[] = [];
  const preamble: BlockNode[] = [];
  const stack: OutlineNode[] = [];
  for (const b of doc.children) {
    if (b.type === 'heading') {
      while (stack.length && stack[stack.length - 1]!.heading.depth >= b.depth) stack.pop();
      const node: OutlineNode = { heading: b, own: [], children: [], parent: stack[stack.length - 1] };
      (node.parent ? node.parent.children : roots).push(node);
      stack.push(node);
    } else if (b.type === 'paragraph' || b.type === 'table') {
      const top = stack[stack.length - 1];
      if (top) top.own.push(b);
      else preamble.push(b);
    } else if (b.type === 'closing') {
      // Closing lines (signature, contacts, 附件 list) end the outline.
      stack.length = 0;
    }
  }
  return { roots, preamble };
}

function hasOwnText(n: OutlineNode): boolean {
  return Boolean(n.heading.rest && cleanText(n.heading.rest)) || n.own.some((b) => b.type === 'paragraph' && cleanText(b.text));
}

/** Work item drafts of one document, in reading order. */
export function itemsOf(doc: DocumentNode): { items: ItemDraft[]; skipped: Skipped[] } {
  const items: ItemDraft[] = [];
  const skipped: Skipped[] = [];
  const { roots } = outline(doc);

  const walk = (n: OutlineNode, ancestors: OutlineNode[], parentIndex: number | undefined) => {
    const h = n.heading;
    const label = cleanText(h.text).replace(/[。：:]+$/u, '');
    if (ancestors.length === 0 && h.depth >= 3) {
      skipped.push({ line: h.position.start.line, text: h.marker + label, reason: '编号说明条目不在任何标题之下（表格说明/注），不作为工作要点' });
      return;
    }
    if (NOT_TASKS.test(label)) {
      skipped.push({ line: h.position.start.line, text: h.marker + label, reason: `“${label}”是说明性章节，不是工作任务` });
      return;
    }
    const isItem = hasOwnText(n) || n.children.length === 0;
    let myIndex = parentIndex;
    if (isItem) {
      const paragraphs: ItemDraft['paragraphs'] = [];
      if (h.rest && cleanText(h.rest)) paragraphs.push({ text: cleanText(h.rest), line: h.position.start.line, endLine: h.position.end.line });
      for (const b of n.own) if (b.type === 'paragraph' && cleanText(b.text)) paragraphs.push({ text: cleanText(b.text), line: b.position.start.line, endLine: b.position.end.line });
      const tables = n.own.filter((b): b is TableNode => b.type === 'table');
      const endLine = Math.max(h.position.end.line, ...n.own.map((b) => b.position.end.line));
      items.push({
        heading: h,
        ancestors: ancestors.map((a) => a.heading),
        parentIndex,
        paragraphs,
        tables,
        path: [...ancestors.map((a) => a.heading.ordinal), h.ordinal],
        endLine,
      });
      myIndex = items.length - 1;
    }
    for (const c of n.children) walk(c, [...ancestors, n], myIndex);
  };
  for (const r of roots) walk(r, [], undefined);
  return { items, skipped };
}
