/**
 * Numbered work items from the headings of one document.
 *
 * The blocks of a document are folded into an outline by heading depth (一、 > （一） > 1. > （1）).
 * Paragraphs (and tables) belong to the heading before them. Then:
 *  - a heading is a WORK ITEM when it has text of its own (a `rest` on its line, or paragraphs
 *    before its first sub-heading) or when it has no sub-headings;
 *  - otherwise it is a SECTION (一、着力提升执法水平) that only groups items;
 *  - an item under an item (组织验收 › 1、听取汇报) is an item with `parent`;
 *  - top-level numbered items (1. 2. … or （一）（二）… under no heading) are work items when the
 *    document has no higher-level sections (a notice that lists its tasks as 1. 2. 3.); a
 *    numbered heading that stands outside the sections of a document that has them is skipped;
 *  - not work items, and listed in `skipped` with the reason: headings named in NOT_TASKS
 *    (指导思想, 参评范围 — statements of purpose/scope) and every numbered heading under them,
 *    numbered headings outside the sections of a sectioned document, and numbered notes
 *    (paragraphs of role `note` under 说明：/注：, e.g. the 说明 1.–5. of a form) that are not
 *    part of a work item's own text.
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
  /**
   * The same path made unique in the tree, for ids: each step is the ordinal, or `<ordinal>r<k>` for
   * the k-th heading with that ordinal under the same parent (numbering that restarts, 1. after 一、
   * at the top, a 第三条 （一） and a 第六条 （一） the segmenter did not nest) — ['1', '2r2'].
   */
  key: string[];
  /** Last source line that belongs to the item (without its sub-items). */
  endLine: number;
}

export interface Skipped {
  line: number;
  text: string;
  reason: string;
  /** Set when the numbering could not be placed (a warning of the ingest report): what to check. */
  action?: string;
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

const short = (t: string, max = 40) => (t.length > max ? t.slice(0, max) + '…' : t);

const isNote = (b: BlockNode): b is ParagraphNode => b.type === 'paragraph' && b.role === 'note';

/** Work item drafts of one document, in reading order. */
export function itemsOf(doc: DocumentNode): { items: ItemDraft[]; skipped: Skipped[] } {
  const items: ItemDraft[] = [];
  const skipped: Skipped[] = [];
  const { roots, preamble } = outline(doc);
  // The highest level of numbering the document uses (1 = 一、). A top-level heading below it
  // stands outside the document's sections; at it, it is one of the document's items or sections.
  const topDepth = Math.min(5, ...doc.children.filter((b): b is HeadingNode => b.type === 'heading').map((b) => b.depth));
  const noteSkipped = (b: ParagraphNode) =>
    skipped.push({ line: b.position.start.line, text: short(cleanText(b.text)), reason: '“说明/注”下的编号说明条目，不是工作任务' });
  const skipTree = (n: OutlineNode, reason: string, action?: string) => {
    const label = cleanText(n.heading.text).replace(/[。：:]+$/u, '');
    skipped.push({ line: n.heading.position.start.line, text: short(n.heading.marker + label), reason, ...(action ? { action } : {}) });
    for (const b of n.own) if (isNote(b)) noteSkipped(b);
    for (const c of n.children) skipTree(c, reason, action);
  };
  for (const b of preamble) if (isNote(b)) noteSkipped(b);

  // A step of the id path per outline node, unique among its siblings (see ItemDraft.key). Headings
  // that never give items (outside the sections, 指导思想 …) take no step, so they shift no id.
  const step = new Map<OutlineNode, string>();
  const skippedNode = (n: OutlineNode, top: boolean) => (top && n.heading.depth > topDepth) || NOT_TASKS.test(cleanText(n.heading.text).replace(/[。：:]+$/u, ''));
  const number = (siblings: OutlineNode[], top = false) => {
    const seen = new Map<number, number>();
    for (const c of siblings) {
      if (skippedNode(c, top)) continue;
      const k = (seen.get(c.heading.ordinal) ?? 0) + 1;
      seen.set(c.heading.ordinal, k);
      step.set(c, k === 1 ? String(c.heading.ordinal) : `${c.heading.ordinal}r${k}`);
      number(c.children);
    }
  };
  number(roots, true);

  const walk = (n: OutlineNode, ancestors: OutlineNode[], parentIndex: number | undefined) => {
    const h = n.heading;
    const label = cleanText(h.text).replace(/[。：:]+$/u, '');
    if (ancestors.length === 0 && h.depth > topDepth) {
      skipTree(
        n,
        '编号条目不在任何章节之下（本文件另有更高一级的章节），不作为工作要点（原文照常收录在文件中）',
        'if it is a work task, check the section heading above it (its numbering, e.g. 一、) in the source; otherwise nothing to do',
      );
      return;
    }
    if (NOT_TASKS.test(label)) {
      skipTree(n, `属于“${label}”：说明性章节，不是工作任务`);
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
        key: [...ancestors, n].map((a) => step.get(a)!),
        endLine,
      });
      myIndex = items.length - 1;
    } else {
      // A section's own notes (a 说明 under 一、…) are not part of any item.
      for (const b of n.own) if (isNote(b)) noteSkipped(b);
    }
    for (const c of n.children) walk(c, [...ancestors, n], myIndex);
  };
  for (const r of roots) walk(r, [], undefined);
  skipped.sort((a, b) => a.line - b.line);
  return { items, skipped };
}
