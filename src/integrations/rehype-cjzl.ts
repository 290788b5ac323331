/**
 * Small rehype plugins for record bodies (MDX), wired in astro.config.mjs on the unified processor.
 * - rehypeTableScroll: wraps every <table> in a focusable, labelled scroll region so wide tables
 *   scroll horizontally inside the wrapper, never the page (WCAG: keyboard can scroll it).
 *   Whitespace-only text between table parts (<table>, <thead>, <tbody>, <tr>) is dropped: it is never
 *   displayed, and the bodies read as Markdown (src/lib/records-loader.ts) print the same bytes as
 *   the MDX rendering did.
 * - rehypeMaskMobile: masks personal mobile numbers in text (config maskMobile) — 138****1234.
 * No dependencies: a plain walk over the hast tree.
 */
import { maskMobile } from '../lib/documents.ts';

interface HNode {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HNode[];
}

function walk(node: HNode, fn: (n: HNode, parent: HNode | undefined, index: number) => void, parent?: HNode, index = 0) {
  fn(node, parent, index);
  node.children?.forEach((c, i) => walk(c, fn, node, i));
}

const TABLE_PARTS = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr']);

export function rehypeTableScroll() {
  return (tree: HNode) => {
    let n = 0;
    const wrap = (node: HNode) => {
      if (!node.children) return;
      if (node.type === 'element' && TABLE_PARTS.has(node.tagName ?? '')) {
        node.children = node.children.filter((c) => !(c.type === 'text' && /^\s*$/.test(c.value ?? '')));
      }
      node.children = node.children.map((c) => {
        wrap(c);
        if (c.type === 'element' && c.tagName === 'table') {
          n++;
          return {
            type: 'element',
            tagName: 'div',
            properties: { className: ['table-scroll'], tabIndex: 0, role: 'region', ariaLabel: `表格 ${n}（可左右滚动）` },
            children: [c],
          };
        }
        return c;
      });
    };
    wrap(tree);
  };
}

export function rehypeMaskMobile(options: { enabled?: boolean } = {}) {
  const enabled = options.enabled ?? true;
  return (tree: HNode) => {
    if (!enabled) return;
    walk(tree, (n) => {
      if (n.type === 'text' && typeof n.value === 'string') n.value = maskMobile(n.value);
    });
  };
}
