/**
 * .html / .htm — a page saved from a government portal, read with the unified ecosystem
 * (rehype-parse → hast; hast-util-to-text for the text of table cells).
 *
 * Output (the contract with segment/documents):
 *   - the portal's metadata table (索引号, 主题分类, 发文机关, 成文日期, 标题, 发文字号, 发布日期, …; label and
 *     value in two cells or in one "标签：值" cell, or a list of "标签：值" items), when the page has one, as lines "标签：值" (one per field, page order, label without its
 *     padding spaces), then a blank line;
 *   - then the article: one paragraph per line, blank lines between paragraphs, data tables as
 *     tab-separated rows (a cell's paragraphs joined with U+2028, as the .docx reader does) with a
 *     blank line before and after.
 * Page chrome — navigation and breadcrumbs, share bars and QR codes, print/close/font-size tools,
 * footers, the site masthead, scripts and styles, the <head> — is dropped and counted by kind (html-nav,
 * html-share, html-toolbar, html-footer, html-header, html-script, html-head, html-hidden), each element
 * that held text once.
 * Tables used for page layout (a table holding a table, or one cell a row) are read as blocks.
 *
 * Encoding: strict UTF-8 first (a saved page is usually UTF-8 even when its <meta> still says
 * gb2312); otherwise the charset the page declares (<meta charset> / http-equiv), decoded with
 * iconv-lite (GB2312/GBK as GB18030); otherwise decode.ts detection.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toText } from 'hast-util-to-text';
import iconv from 'iconv-lite';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { decode } from '../decode';
import { IngestError } from '../errors';
import { CELL_BREAK } from '../patterns';
import { count, type Reader } from './types';

/** Labels of the metadata table national and provincial portals print above a document. */
export const PORTAL_METADATA_LABELS = [
  '索引号', '主题分类', '发文机关', '成文日期', '标题', '发文字号', '发布日期', '主题词',
  '发布机构', '发布机关', '生成日期', '名称', '文号', '信息分类', '组配分类', '体裁分类', '有效性',
  '公开方式', '公开范围', '公开时限', '信息来源', '关键词', '所属机构', '统一编号', '实施日期', '废止日期',
  '发文日期', '印发日期', '责任部门', '内容概述',
] as const;
const LABELS = new Set<string>(PORTAL_METADATA_LABELS);

/** "索 引 号：" → "索引号" when it is a known label. */
function metadataLabel(text: string): string | undefined {
  const t = text.replace(/[\s\u00a0\u3000]+/g, '').replace(/[：:]$/, '');
  return LABELS.has(t) ? t : undefined;
}

const SILENT_BLOCK = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'canvas', 'svg', 'button', 'select', 'option', 'textarea', 'input', 'map', 'audio', 'video']);
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section',
  'summary', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'caption', 'ul', 'body', 'html', 'menu',
]);

/** Chrome recognised by class/id tokens. Each regex is tested on every class token and on the id. */
const CHROME_NAMES: readonly { kind: string; pattern: RegExp }[] = [
  { kind: 'html-nav', pattern: /^(?:nav|navbar|navigation|menu|breadcrumbs?|crumbs?|bread|topbar|sidebar|location|curr?ent-?position)(?:[-_]|$)|(?:^|[-_])(?:nav|navbar|navigation|menu|breadcrumbs?|crumbs?|topbar|sidebar|location|position)$/i },
  { kind: 'html-share', pattern: /(?:^|[-_])(?:share|bdshare|fenxiang|jiathis|qr|qrcode|ewm|erweima|weixin|wechat|weibo|social)(?:[-_]|$)/i },
  { kind: 'html-toolbar', pattern: /(?:^|[-_])(?:print|toolbar|tools|fontsize|font-size|article-tools)(?:[-_]|$)/i },
  { kind: 'html-footer', pattern: /(?:^|[-_])(?:footer|foot|copyright)(?:[-_]|$)/i },
];

/** Chrome recognised by its whole text (a small element only). */
const CHROME_TEXT: readonly { kind: string; pattern: RegExp }[] = [
  { kind: 'html-nav', pattern: /^(?:当前位置|您的位置|您现在的位置|你的位置|您当前的位置)\s*[:：]/ },
  { kind: 'html-share', pattern: /^(?:分享到|分享至|扫一扫)/ },
  { kind: 'html-toolbar', pattern: /^(?:[【[]\s*(?:打印|关闭|关闭窗口|打印本页|收藏|加入收藏|返回顶部|字体|大|中|小)[^】\]]{0,6}[】\]]\s*)+$/ },
  { kind: 'html-footer', pattern: /^(?:主办单位|版权所有|网站标识码|Copyright|©)/i },
];

const TAG_CHROME: Record<string, string> = { nav: 'html-nav', footer: 'html-footer', head: 'html-head' };

/** Class/id of a site masthead (whole names only: "article-header" is not one). */
const SITE_HEADER = /^(?:header|head|top|logo|site-?logo|banner|site-?header|site-?name|masthead|top-?bar|head-?box|head-?wrap|top-?box)$/i;

function hasHeading(el: Element): boolean {
  return el.children.some((c) => c.type === 'element' && (/^h[1-3]$/.test(c.tagName) || hasHeading(c)));
}

function collapse(s: string): string {
  return s.replace(/[ \t\n\r\f]+/g, ' ');
}

/** The raw text inside el, or undefined as soon as it is longer than limit (keeps the walk linear). */
function shortText(el: Element, limit: number): string | undefined {
  let out = '';
  const walk = (n: Element): boolean => {
    for (const c of n.children) {
      if (c.type === 'text') out += c.value;
      else if (c.type === 'element' && !walk(c)) return false;
      if (out.length > limit) return false;
    }
    return true;
  };
  return walk(el) ? out : undefined;
}

/** Any non-blank text inside (script and style included, which toText leaves out). */
function hasText(node: Element | Root): boolean {
  return node.children.some((c) => (c.type === 'text' ? /\S/.test(c.value) : c.type === 'element' && hasText(c)));
}

function chromeKind(el: Element, insideArticle: boolean): string | undefined {
  if (SILENT_BLOCK.has(el.tagName)) return 'html-script';
  if (TAG_CHROME[el.tagName] && !(el.tagName === 'footer' && insideArticle)) return TAG_CHROME[el.tagName];
  const p = el.properties ?? {};
  if (p.hidden !== undefined && p.hidden !== false) return 'html-hidden';
  if (typeof p.style === 'string' && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(p.style)) return 'html-hidden';
  const names = [...(Array.isArray(p.className) ? p.className.map(String) : []), ...(typeof p.id === 'string' ? [p.id] : [])];
  for (const { kind, pattern } of CHROME_NAMES) if (names.some((n) => pattern.test(n))) return kind;
  // The site's masthead (logo, site name) — but never a header that holds the article's heading.
  if ((el.tagName === 'header' && !insideArticle) || names.some((n) => SITE_HEADER.test(n))) {
    if (names.some((n) => /logo/i.test(n)) || !hasHeading(el)) return 'html-header';
  }
  if (el.tagName !== 'body' && el.tagName !== 'html') {
    const text = shortText(el, 160);
    if (text !== undefined) {
      const t = collapse(text).trim();
      if (t && t.length <= 80) for (const { kind, pattern } of CHROME_TEXT) if (pattern.test(t)) return kind;
    }
  }
  return undefined;
}

/** Removes chrome in place, counting each removed element that held text. */
function dropChrome(parent: Root | Element, artefacts: Record<string, number>, insideArticle = false): void {
  const kept: (RootContent | ElementContent)[] = [];
  for (const child of parent.children) {
    if (child.type === 'comment' || child.type === 'doctype') continue;
    if (child.type !== 'element') {
      kept.push(child);
      continue;
    }
    const kind = chromeKind(child, insideArticle);
    if (kind) {
      if (hasText(child)) count(artefacts, kind);
      continue;
    }
    dropChrome(child, artefacts, insideArticle || child.tagName === 'article' || child.tagName === 'main');
    kept.push(child);
  }
  parent.children = kept as typeof parent.children;
}

function rowsOf(table: Element): Element[][] {
  const rows: Element[][] = [];
  const walk = (n: Element) => {
    for (const c of n.children) {
      if (c.type !== 'element') continue;
      if (c.tagName === 'tr') rows.push(c.children.filter((x): x is Element => x.type === 'element' && (x.tagName === 'td' || x.tagName === 'th')));
      else if (c.tagName !== 'table') walk(c);
    }
  };
  walk(table);
  return rows;
}

function containsTable(el: Element): boolean {
  return el.children.some((c) => c.type === 'element' && (c.tagName === 'table' || containsTable(c)));
}

/** A table used for page layout: it holds another table, or no row has two cells. */
function isLayoutTable(table: Element): boolean {
  return containsTable(table) || rowsOf(table).every((r) => r.length <= 1);
}

function cellText(cell: Element): string {
  return toText(cell)
    .split('\n')
    .map((l) => collapse(l).trim())
    .filter((l) => l)
    .join(CELL_BREAK);
}

/** Rows of a portal metadata table as label/value pairs, or undefined when the table is not one. */
function metadataPairs(table: Element): { label: string; value: string }[] | undefined {
  if (containsTable(table)) return undefined;
  const rows = rowsOf(table);
  const pairs: { label: string; value: string }[] = [];
  let labels = 0;
  for (const row of rows) {
    const texts = row.map((c) => collapse(toText(c)).trim());
    for (let i = 0; i < texts.length; i++) {
      const label = metadataLabel(texts[i]!);
      if (label) {
        labels++;
        const next = texts[i + 1];
        if (next !== undefined && !metadataLabel(next)) {
          if (next) pairs.push({ label, value: next });
          i++;
        }
      } else {
        const f = inlineField(texts[i]!);
        if (f) {
          labels++;
          if (f.value) pairs.push(f);
        } else if (texts[i]) return undefined; // a cell that is neither a label nor a label's value
      }
    }
  }
  return labels ? pairs : undefined;
}

/** "索 引 号：11410…" (label and value in one cell or item) → the field, when the label is known. */
function inlineField(text: string): { label: string; value: string } | undefined {
  const m = /^([^：:]{1,12})[：:]\s*(.*)$/.exec(text);
  const label = m && metadataLabel(m[1]!);
  return label ? { label, value: m[2]!.trim() } : undefined;
}

/**
 * A metadata block written as a list (<ul><li>索引号：…</li>…, <div><p>发布机构：…</p>…, <dl><dt>文号</dt><dd>…):
 * every item with text is a known field, three at least.
 */
function metadataList(el: Element): { label: string; value: string }[] | undefined {
  if (!['ul', 'ol', 'div', 'dl', 'section'].includes(el.tagName)) return undefined;
  const items = el.children.filter((c): c is Element => c.type === 'element');
  if (items.length < 3 || items.length > 40) return undefined;
  const pairs: { label: string; value: string }[] = [];
  let fields = 0;
  for (let i = 0; i < items.length; i++) {
    const text = collapse(toText(items[i]!)).trim();
    if (!text) continue;
    const label = metadataLabel(text);
    if (label && items[i + 1]?.tagName === 'dd') {
      const value = collapse(toText(items[++i]!)).trim();
      fields++;
      if (value) pairs.push({ label, value });
      continue;
    }
    const f = inlineField(text);
    if (!f) return undefined;
    fields++;
    if (f.value) pairs.push(f);
  }
  return fields >= 3 ? pairs : undefined;
}

/** Finds portal metadata tables (and blocks written as lists), removes them from the tree and returns their fields in page order. */
function takeMetadata(parent: Root | Element, out: { label: string; value: string }[]): void {
  const kept: (RootContent | ElementContent)[] = [];
  for (const child of parent.children) {
    if (child.type === 'element') {
      const pairs = child.tagName === 'table' ? metadataPairs(child) : metadataList(child);
      if (pairs) {
        out.push(...pairs);
        continue;
      }
    }
    if (child.type === 'element') takeMetadata(child, out);
    kept.push(child);
  }
  parent.children = kept as typeof parent.children;
}

/** hast (chrome removed) → article lines. */
function renderArticle(root: Root): string[] {
  const lines: string[] = [];
  let buf = '';
  const flush = () => {
    const parts = buf.split('\n').map((l) => l.replace(/^[ \t\r\f]+|[ \t\r\f]+$/g, ''));
    buf = '';
    const kept = parts.filter((l) => /\S/.test(l.replace(/[\u00a0\u3000]/g, ' ')));
    if (!kept.length) return;
    lines.push(...kept, '');
  };
  const walk = (node: Root | Element, pre: boolean) => {
    for (const c of node.children) {
      if (c.type === 'text') buf += pre ? c.value : collapse(c.value);
      else if (c.type === 'element') {
        const name = c.tagName;
        if (name === 'br') buf += '\n';
        else if (name === 'table' && !isLayoutTable(c)) {
          flush();
          const rows = rowsOf(c)
            .map((r) => r.map(cellText))
            .filter((r) => r.some((x) => x));
          if (rows.length) lines.push(...rows.map((r) => r.join('\t')), '');
        } else if (BLOCK.has(name)) {
          flush();
          walk(c, pre || name === 'pre');
          flush();
        } else walk(c, pre);
      }
    }
  };
  walk(root, false);
  flush();
  return lines;
}

function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return m?.[1]?.toLowerCase();
}

function decodeHtml(bytes: Uint8Array, file: string, maxBytes: number): { html: string; encoding: string } {
  const charset = declaredCharset(bytes);
  let utf8: string | undefined;
  try {
    utf8 = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    utf8 = undefined;
  }
  if (utf8 !== undefined) return { html: utf8, encoding: `UTF-8${charset && !/^utf-?8$/.test(charset) ? ` (the page declares ${charset})` : ''}` };
  if (charset && /^(?:gb2312|gbk|gb18030|x-gbk|cp936)$/.test(charset)) return { html: iconv.decode(Buffer.from(bytes), 'gb18030'), encoding: `GB18030 (meta charset ${charset})` };
  if (charset && !/^utf-?8$/.test(charset) && iconv.encodingExists(charset)) return { html: iconv.decode(Buffer.from(bytes), charset), encoding: `${charset} (meta charset)` };
  const d = decode(bytes, { file, maxBytes });
  return { html: d.text, encoding: d.encoding };
}

export interface HtmlNotice {
  metadata: { label: string; value: string }[];
  text: string;
  artefacts: Record<string, number>;
}

/** HTML source → metadata fields + notice text (exported for tests). */
export function htmlToNotice(html: string): HtmlNotice {
  const tree = unified().use(rehypeParse).parse(html) as Root;
  const artefacts: Record<string, number> = {};
  dropChrome(tree, artefacts);
  const metadata: { label: string; value: string }[] = [];
  takeMetadata(tree, metadata);
  const body = renderArticle(tree);
  const head = metadata.map((m) => `${m.label}：${m.value}`);
  const text = [...head, ...(head.length ? [''] : []), ...body].join('\n').replace(/\n{3,}/g, '\n\n').trim() + '\n';
  return { metadata, text, artefacts };
}

export const htmlReader: Reader = {
  format: 'html',
  label: 'web page (.html/.htm)',
  async read(bytes, { file, maxBytes }) {
    const { html, encoding } = decodeHtml(bytes, file, maxBytes);
    const { text, artefacts, metadata } = htmlToNotice(html);
    if (!text.trim() || (metadata.length && text.trim().split('\n').length <= metadata.length)) {
      throw new IngestError({
        code: 'empty',
        file,
        line: 1,
        detail: 'the web page holds no article text (only navigation, scripts or a metadata table)',
        expected: 'a page saved from the portal with the text of the notice',
        action: 'save the page again with "Save as… web page, complete" (or copy its text into a .txt file), or send the notice as .docx',
      });
    }
    return { text, encoding: `HTML (rehype-parse), ${encoding}`, artefacts };
  },
};
