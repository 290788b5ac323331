/**
 * GFM turns bare web and e-mail addresses in notice text into links ("autolink literals"), and ends
 * such a link only at whitespace — which Chinese text does not have. `请登录网站（www.henan.gov.cn）查询。`
 * would link `www.henan.gov.cn）查询。`. This plugin, run after remark-gfm, ends every autolink literal
 * at the first CJK character or full-width punctuation and puts the rest back as text. Text is never
 * lost or changed: only where the link ends moves.
 */
import type { Root, Parent, Link, Text, RootContent } from 'mdast';

/** CJK ideographs, CJK punctuation, full-width forms, and the like. */
const CJK = /[\u2E80-\u2FFF\u3000-\u303F\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]/u;

/** The prefix GFM puts before a literal's text in its url ('' for http(s) literals). */
function literalPrefix(link: Link): string | undefined {
  if (link.children.length !== 1 || link.children[0]!.type !== 'text') return undefined;
  const text = (link.children[0] as Text).value;
  for (const p of ['', 'http://', 'mailto:']) if (link.url === p + text) return p;
  return undefined;
}

/** Splits one autolink literal at the first CJK character: [link?, text?]. */
export function splitLiteral(link: Link): RootContent[] {
  const prefix = literalPrefix(link);
  if (prefix === undefined) return [link];
  const text = (link.children[0] as Text).value;
  const cut = text.search(CJK);
  if (cut < 0) return [link];
  const head = text.slice(0, cut);
  const tail = text.slice(cut);
  // Nothing address-like left before the cut: the whole thing is plain text.
  if (!/[A-Za-z0-9]\.[A-Za-z]|@/.test(head)) return [{ type: 'text', value: text }];
  const linked: Link = { ...link, url: prefix + head, children: [{ type: 'text', value: head }] };
  return [linked, { type: 'text', value: tail }];
}

function walk(node: Parent): void {
  const out: RootContent[] = [];
  let changed = false;
  for (const child of node.children as RootContent[]) {
    if (child.type === 'link') {
      const parts = splitLiteral(child);
      if (parts.length !== 1 || parts[0] !== child) changed = true;
      out.push(...parts);
    } else {
      if ('children' in child) walk(child as Parent);
      out.push(child);
    }
  }
  if (!changed) return;
  // Merge neighbouring text nodes so the text reads as one run again.
  const merged: RootContent[] = [];
  for (const c of out) {
    const last = merged[merged.length - 1];
    if (c.type === 'text' && last?.type === 'text') merged[merged.length - 1] = { type: 'text', value: last.value + c.value };
    else merged.push(c);
  }
  (node as Parent).children = merged as Parent['children'];
}

export function remarkAutolinkCjk() {
  return (tree: Root) => walk(tree);
}
