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
  const tree = fromMarkdown(body, { extensions: [mdxjs(), gfm()], mdastExtensions: [mdxFromMarkdown(), gfmFromMarkdown()] });
  const parts: string[] = [];
  const walk = (n: Nodes) => {
    if ('value' in n && typeof n.value === 'string' && (n.type === 'text' || n.type === 'inlineCode' || n.type === 'code')) parts.push(n.value);
    if ('children' in n) for (const c of n.children as Nodes[]) walk(c);
  };
  walk(tree);
  return { data, text: parts.join(''), tree };
}

/**
 * `emitted`: the MDX of every record made from this file (with the record's data when the caller
 * has it, so the frontmatter need not be parsed back). A line counts as found only in the
 * records whose source range holds it (read from their frontmatter `source.lines`), so text
 * that merely repeats elsewhere (a title quoted in a forwarding notice) does not hide a loss.
 */
export function coverage(file: string, cleaned: CleanResult, emitted: (string | { content: string; data: Record<string, unknown> })[]): Coverage {
  const records = emitted.map((e) => {
    const { data, text } = typeof e === 'string' ? mdxText(e) : mdxText(e.content, e.data);
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
