/**
 * rehypeErrataMarks — marks OCR corrections in a document body.
 *
 * The ingest applies content/errata.yaml and records each correction in the document's
 * frontmatter: `errata: [{ line, original, corrected, reason, occurrence }]`, where `occurrence`
 * is the 0-based index of the corrected span among the occurrences of `corrected` in the body text.
 * This plugin wraps exactly that span:
 *
 *   <span class="erratum" title="原文：就民式执法（…reason…）">扰民式执法<sup class="erratum-mark" data-pagefind-ignore>校</sup></span>
 *
 * Nodes are built as hast objects (never from HTML strings), so source text stays text.
 */
interface HNode {
  type: string;
  value?: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HNode[];
}

export interface Erratum {
  original: string;
  corrected: string;
  reason: string;
  occurrence?: number;
  /** Set on extracted records for a span in a frontmatter field (src/components/Corrected.astro marks those); absent = the MDX body. */
  field?: string;
}

function mark(e: Erratum): HNode {
  return {
    type: 'element',
    tagName: 'span',
    properties: { className: ['erratum'], title: `原文：${e.original}（${e.reason}）`, dataOriginal: e.original },
    children: [
      { type: 'text', value: e.corrected },
      // the string, not a boolean: the Markdown path prints a boolean as data-pagefind-ignore="" (the MDX path printed "true")
      { type: 'element', tagName: 'sup', properties: { className: ['erratum-mark'], dataPagefindIgnore: 'true' }, children: [{ type: 'text', value: '校' }] },
    ],
  };
}

/** Wrap occurrence `e.occurrence` of `e.corrected` (text order) in the tree. Returns true when found. */
export function markErratum(tree: HNode, e: Erratum): boolean {
  if (e.occurrence === undefined || !e.corrected) return false;
  let seen = 0;
  let done = false;
  const visit = (parent: HNode) => {
    const kids = parent.children;
    if (!kids || done) return;
    for (let i = 0; i < kids.length && !done; i++) {
      const n = kids[i]!;
      if (n.type === 'element' && (n.properties?.className as string[] | undefined)?.includes('erratum')) {
        // An already marked span counts as one occurrence of its own text.
        const t = n.children?.[0]?.value ?? '';
        if (t.includes(e.corrected)) seen += t.split(e.corrected).length - 1;
        continue;
      }
      if (n.type === 'text' && typeof n.value === 'string') {
        const v = n.value;
        let from = 0;
        for (let at = v.indexOf(e.corrected, from); at >= 0; at = v.indexOf(e.corrected, from)) {
          if (seen === e.occurrence) {
            const parts: HNode[] = [];
            if (at > 0) parts.push({ type: 'text', value: v.slice(0, at) });
            parts.push(mark(e));
            const rest = v.slice(at + e.corrected.length);
            if (rest) parts.push({ type: 'text', value: rest });
            kids.splice(i, 1, ...parts);
            done = true;
            return;
          }
          seen++;
          from = at + e.corrected.length;
        }
      } else visit(n);
    }
  };
  visit(tree);
  return done;
}

export function rehypeErrataMarks() {
  return (tree: HNode, file: { data?: { astro?: { frontmatter?: { errata?: Erratum[] } } } }) => {
    const errata = file.data?.astro?.frontmatter?.errata;
    if (!Array.isArray(errata)) return;
    // Later occurrences first, so earlier indices are not shifted by marks already placed.
    for (const e of errata.filter((x) => x.field === undefined).sort((a, b) => (b.occurrence ?? -1) - (a.occurrence ?? -1))) markErratum(tree, e);
  };
}
