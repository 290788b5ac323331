/**
 * rehypeNoticeLayout — lays out the header and closing lines of a 公文 as printed.
 *
 * The ingest records, in a document's frontmatter, which top-level blocks of the body are header or
 * closing lines: `blockRoles: [{ at, role }]` (scripts/ingest/emit.ts bodyLayout). This plugin gives the
 * `at`-th top-level element the class `notice-<role>` (kebab case: `notice-doc-number`), which the
 * document page styles (red-header banner and 文号 centred, 主送 flush left, signature and date on
 * the right, 版记 small). Only a class is added; the text is untouched.
 */
interface HNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HNode[];
}

export interface LayoutEntry {
  at: number;
  role: string;
}

const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Add `notice-<role>` to the top-level elements named in `layout`. Returns how many were marked. */
export function applyNoticeLayout(tree: HNode, layout: readonly LayoutEntry[]): number {
  const blocks = (tree.children ?? []).filter((n) => n.type === 'element');
  let n = 0;
  for (const { at, role } of layout) {
    const el = blocks[at];
    if (!el || !/^[a-zA-Z]+$/.test(role)) continue;
    const props = (el.properties ??= {});
    const cls = Array.isArray(props.className) ? (props.className as string[]) : [];
    props.className = [...cls, 'notice-line', `notice-${kebab(role)}`];
    n++;
  }
  return n;
}

export function rehypeNoticeLayout() {
  return (tree: HNode, file: { data?: { astro?: { frontmatter?: { blockRoles?: LayoutEntry[] } } } }) => {
    const layout = file.data?.astro?.frontmatter?.blockRoles;
    if (Array.isArray(layout)) applyNoticeLayout(tree, layout);
  };
}
