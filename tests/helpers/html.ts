/**
 * Static helpers over a built site folder (no browser): list pages, parse HTML with parse5,
 * query elements, and collect every URL a page references.
 *
 * How to use:
 *   import { htmlFiles, loadPage, pageUrlOf } from '../helpers/html';
 *   const dist = inject('distDir');
 *   for (const f of htmlFiles(dist)) { const p = loadPage(dist, f); p.all('a').map((a) => p.attr(a, 'href')) … }
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';

export type El = DefaultTreeAdapterMap['element'];
type Node = DefaultTreeAdapterMap['node'];

/** Every file under dir (relative paths with '/'), sorted — the same listing the release package uses. */
import { listFiles } from '../../scripts/package';
export const allFiles = listFiles;

export function htmlFiles(dir: string): string[] {
  return allFiles(dir).filter((f) => f.endsWith('.html'));
}

/** 'documents/x/index.html' → 'documents/x/' (URL path relative to the base). */
export function pageUrlOf(file: string): string {
  return file.replace(/(^|\/)index\.html$/, '$1');
}

export interface Page {
  file: string;
  html: string;
  doc: DefaultTreeAdapterMap['document'];
  all(tag: string, root?: Node): El[];
  attr(el: El, name: string): string | undefined;
  text(el: Node): string;
  /** Nearest ancestors (including el) */
  ancestors(el: El): El[];
}

export function loadPage(dir: string, file: string): Page {
  const html = readFileSync(join(dir, file), 'utf8');
  const doc = parse(html, { sourceCodeLocationInfo: false });
  const parents = new Map<Node, El>();
  const index = (n: Node) => {
    const kids = (n as { childNodes?: Node[] }).childNodes ?? [];
    for (const c of kids) {
      if ('tagName' in n) parents.set(c, n as El);
      index(c);
    }
    const content = (n as { content?: Node }).content;
    if (content) index(content);
  };
  index(doc as unknown as Node);
  const all = (tag: string, root: Node = doc as unknown as Node): El[] => {
    const out: El[] = [];
    const walk = (n: Node) => {
      if ('tagName' in n && (tag === '*' || n.tagName === tag)) out.push(n as El);
      for (const c of (n as { childNodes?: Node[] }).childNodes ?? []) walk(c);
    };
    walk(root);
    return out;
  };
  const attr = (el: El, name: string) => el.attrs.find((a) => a.name === name)?.value;
  const text = (n: Node): string => {
    if (n.nodeName === '#text') return (n as { value: string }).value;
    return ((n as { childNodes?: Node[] }).childNodes ?? []).map(text).join('');
  };
  const ancestors = (el: El) => {
    const out: El[] = [el];
    let p = parents.get(el);
    while (p) {
      out.push(p);
      p = parents.get(p);
    }
    return out;
  };
  return { file, html, doc, all, attr, text, ancestors };
}

export interface Ref {
  tag: string;
  attr: string;
  value: string;
  /** true for things the browser loads by itself (scripts, styles, images, frames, fonts) */
  resource: boolean;
}

/** Every URL a page references: links, resources, frames, form actions, srcset entries. */
export function refsOf(p: Page): Ref[] {
  const out: Ref[] = [];
  for (const el of p.all('*')) {
    const t = el.tagName;
    const push = (a: string, resource: boolean) => {
      const v = p.attr(el, a);
      if (v !== undefined) out.push({ tag: t, attr: a, value: v, resource });
    };
    if (t === 'a' || t === 'area') push('href', false);
    else if (t === 'link') {
      const rel = (p.attr(el, 'rel') ?? '').toLowerCase();
      push('href', /stylesheet|icon|preload|modulepreload|prefetch|manifest/.test(rel));
    } else if (t === 'script' || t === 'img' || t === 'iframe' || t === 'embed' || t === 'source' || t === 'audio' || t === 'video' || t === 'track') {
      push('src', true);
      if (p.attr(el, 'srcset')) for (const part of p.attr(el, 'srcset')!.split(',')) out.push({ tag: t, attr: 'srcset', value: part.trim().split(/\s+/)[0]!, resource: true });
    } else if (t === 'object') push('data', true);
    else if (t === 'form') push('action', false);
  }
  // url(...) inside inline styles and <style> blocks
  const css = [...p.all('style').map((s) => p.text(s)), ...p.all('*').map((e) => p.attr(e, 'style') ?? '')].join('\n');
  for (const m of css.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]/g)) out.push({ tag: 'style', attr: 'url', value: (m[1] ?? m[2])!, resource: true });
  return out;
}
