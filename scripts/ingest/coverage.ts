/**
 * coverage — the "nothing lost" invariant, measured on the EMITTED MDX.
 *
 * Every non-blank line of a source (after the clean stage's named artefact removals and
 * whitespace normalisation, and after errata) must be found, whitespace-normalised, in the
 * text of the MDX files emitted for that source (parsed back with micromark mdxjs + gfm,
 * frontmatter title included).
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { gfm } from 'micromark-extension-gfm';
import { mdxjs } from 'micromark-extension-mdxjs';
import { parse as parseYaml } from 'yaml';
import type { Nodes } from 'mdast';
import type { CleanResult } from './clean';
import { isPlainLines, isPlainStrong, isPlainText, plainWithAt } from './emit';
import { portalLineText, type PortalField } from './portal';

export interface Coverage {
  file: string;
  /** Non-blank source lines that are not removed artefacts. */
  total: number;
  found: number;
  /** Lines removed as named artefacts. */
  artefactLines: number;
  missing: { line: number; text: string }[];
  ratio: number;
}

const squash = (s: string) => s.replace(/[\s\u3000\u00a0]+/g, '');

/**
 * Split an MDX file into frontmatter data and body, parse the body back, return all its text.
 * `known`: the data the frontmatter was written from, when the caller has it (the ingest does) —
 * then the YAML is not parsed back (a third of the time of this check on a large corpus).
 */
export function mdxText(content: string, known?: Record<string, unknown>): { data: Record<string, unknown>; text: string; tree: Nodes } {
  const m = /^---\n([\s\S]*?)\n?---\n/.exec(content);
  const data = known ?? (m ? ((parseYaml(m[1]!) as Record<string, unknown>) ?? {}) : {});
  const body = m ? content.slice(m[0].length) : content;
  const tree = parseBody(body);
  return { data, text: treeText(tree, []).join(''), tree };
}

const parseBody = (body: string) => fromMarkdown(body, { extensions: [mdxjs(), gfm()], mdastExtensions: [mdxFromMarkdown(), gfmFromMarkdown()] });

/** Text, inline code and code values of a tree, in document order (what coverage searches). */
function treeText(tree: Nodes, parts: string[]): string[] {
  const walk = (n: Nodes) => {
    if ('value' in n && typeof n.value === 'string' && (n.type === 'text' || n.type === 'inlineCode' || n.type === 'code')) parts.push(n.value);
    if ('children' in n) for (const c of n.children as Nodes[]) walk(c);
  };
  walk(tree);
  return parts;
}

/** Plain text as written (emit.ts plainWithAt: `\@` in e-mail addresses) → the text micromark reads, or undefined. */
function readPlain(s: string): string | undefined {
  if (isPlainText(s)) return s;
  const u = s.replace(/\\@/g, '@');
  return plainWithAt(u) === s ? u : undefined;
}

/** The text of one block of plain text (emit.ts isPlainText) as micromark reads it, or undefined. */
function plainBlockText(b: string, parts: string[]): boolean {
  if (b[0] === '|') {
    const lines = b.split('\n');
    const width = lines[0]!.split('|').length - 2;
    if (width < 1 || lines.length < 2 || lines[1] !== `|${' - |'.repeat(width)}`) return false;
    const texts: string[] = [];
    for (let i = 0; i < lines.length; i++) {
      if (i === 1) continue;
      const line = lines[i]!;
      if (line[line.length - 1] !== '|') return false;
      const cells = line.slice(1, -1).split('|');
      if (cells.length !== width) return false;
      for (const c of cells) {
        if (c === ' ') continue;
        const t = c[0] === ' ' && c[c.length - 1] === ' ' ? readPlain(c.slice(1, -1)) : undefined;
        if (t === undefined) return false;
        texts.push(t);
      }
    }
    parts.push(...texts);
    return true;
  }
  if (b[0] === '#') {
    const m = /^#{1,6} ([^\n]*)$/.exec(b);
    const t = m ? readPlain(m[1]!) : undefined;
    if (t === undefined) return false;
    parts.push(t);
    return true;
  }
  if (b.startsWith('- ')) {
    // a tight bullet list (task list) of plain one-line items
    const texts: string[] = [];
    for (const line of b.split('\n')) {
      const m = /^- (?:\[[ x]\] )?(.*)$/.exec(line);
      const t = m ? readPlain(m[1]!) : undefined;
      if (t === undefined) return false;
      texts.push(t);
    }
    parts.push(...texts);
    return true;
  }
  if (b.includes('**') && !b.includes('\n')) {
    // plain text with bold spans: text **bold** text …, each bold span with letters at its edges
    const seg = b.split('**');
    if (seg.length % 2 === 0) return false;
    for (const [i, t] of seg.entries()) {
      if (i % 2 ? !isPlainText(t) || !isPlainStrong(t) : t ? !isPlainText(t) : i !== 0 && i !== seg.length - 1) return false;
    }
    parts.push(seg.join(''));
    return true;
  }
  const t = b.includes('\n') ? (isPlainLines(b) ? b : undefined) : readPlain(b);
  if (t === undefined) return false;
  parts.push(t);
  return true;
}

/**
 * The text micromark (mdxjs + gfm) reads from a body (what follows the frontmatter) as the ingest
 * writes it — blocks separated by one blank line — without running micromark over all of it, or
 * undefined when that cannot be shown (the caller then parses the whole body). A block of plain
 * text (emit.ts isPlainText: a `# text` heading, a paragraph of plain lines, text with `**bold**` spans, a GFM
 * table of plain cells under the delimiter row `| - | … |`, a tight `- [ ] item` list of plain lines) holds no character that opens a construct (emphasis, links,
 * autolinks, character references, escapes, HTML/JSX, expressions, list or quote markers), so it
 * reads as its text. Any other block is read by micromark alone, and must read as one paragraph,
 * heading or table: those end at the blank line, and every block before it is closed, so the block
 * reads the same alone as in the body (anything else — code, JSX, an expression, a list, a
 * definition that could change another block — sends the whole body to micromark).
 * tests/ingest/coverage-fast.test.ts checks it against micromark over the whole body on fast-check
 * bodies full of markdown/MDX syntax and on every record of the seeds.
 */
export function bodyText(body: string): string | undefined {
  if (body === '') return '';
  if (body.length < 2 || body[0] !== '\n' || body[body.length - 1] !== '\n') return undefined;
  const parts: string[] = [];
  for (const b of body.slice(1, -1).split('\n\n')) {
    if (plainBlockText(b, parts)) continue;
    if (!b || b[0] === '\n' || /^[ \t]|\n[ \t]*\n|\n$/.test(b)) return undefined;
    let tree: ReturnType<typeof parseBody>;
    try {
      tree = parseBody(b);
    } catch {
      return undefined; // (an MDX error alone may be no error in the whole body: let the whole body decide)
    }
    const only = tree.children.length === 1 ? tree.children[0]! : undefined;
    if (!only || !['paragraph', 'heading', 'table'].includes(only.type)) return undefined;
    treeText(only, parts);
  }
  return parts.join('');
}

/** mdxText's data and text, reading the body with bodyText (micromark over the whole body only when it must). */
function recordText(content: string, known: Record<string, unknown>): { data: Record<string, unknown>; text: string } {
  const m = /^---\n([\s\S]*?)\n?---\n/.exec(content);
  const text = m ? bodyText(content.slice(m[0].length)) : undefined;
  return text === undefined ? mdxText(content, known) : { data: known, text };
}

/**
 * `emitted`: the MDX of every record made from this file (with the record's data when the caller
 * has it, so the frontmatter need not be parsed back). A line counts as found only in the
 * records whose source range holds it (read from their frontmatter `source.lines`), so text
 * that merely repeats elsewhere (a title quoted in a forwarding notice) does not hide a loss.
 */
export function coverage(file: string, cleaned: CleanResult, emitted: (string | { content: string; data: Record<string, unknown> })[]): Coverage {
  const records = emitted.map((e) => {
    const { data, text } = typeof e === 'string' ? mdxText(e) : recordText(e.content, e.data);
    const src = data.source as { lines?: [number, number] } | undefined;
    const hay = squash(String(data.title ?? '')) + '\u0000' + squash(String(data.subtitle ?? '')) + '\u0000' + squash(text);
    const portal = Array.isArray(data.portal) ? (data.portal as PortalField[]) : [];
    return { hay, lines: src?.lines, portal };
  });
  // A row of a portal page's metadata block is found when the record's `portal` fields of that line
  // hold its labels and values in order (cell separators — tabs, |, colons — aside).
  const unsep = (s: string) => s.replace(/[|｜:：	]/g, '');
  const inPortal = (r: (typeof records)[number], line: number, s: string) => {
    const held = unsep(squash(portalLineText(r.portal, line)));
    return !!held && held === unsep(s);
  };
  const foundIn = (line: number, s: string) =>
    records.some((r) => (!r.lines || (line >= r.lines[0] && line <= r.lines[1])) && (r.hay.includes(s) || inPortal(r, line, s)));
  const removedLines = new Set<number>();
  for (const r of cleaned.removed) {
    if (!cleaned.perLine[r.line - 1]) removedLines.add(r.line);
  }
  let total = 0;
  let found = 0;
  const missing: { line: number; text: string }[] = [];
  cleaned.perLine.forEach((t, i) => {
    const s = squash(t);
    if (!s) return;
    total++;
    if (foundIn(i + 1, s)) found++;
    else missing.push({ line: i + 1, text: t });
  });
  return { file, total, found, artefactLines: removedLines.size, missing, ratio: total ? found / total : 1 };
}
