/**
 * emit — records → MDX files and open-data JSON, through mdast serialisers only.
 *
 * Body: mdast (paragraph/heading/table/text) serialised by mdast-util-to-markdown with the
 * MDX and GFM extensions, so `{`, `<`, `import`, `export`, backticks… in source text come out
 * escaped and are never JSX, expressions, ESM or HTML. Frontmatter: the `yaml` package.
 * Output is deterministic: keys sorted, files sorted, no timestamps.
 */
import type { Heading, Paragraph, PhrasingContent, RootContent, Root, Table, TableCell as MdTableCell, TableRow as MdTableRow } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { mdxToMarkdown } from 'mdast-util-mdx';
import { toMarkdown, type Options as ToMarkdownOptions, type Unsafe } from 'mdast-util-to-markdown';
import { stringify } from 'yaml';
import type { BlockNode, DocumentMeta, DocumentNode, HeadingNode, RecordOut, TableNode, TableRow } from './types';

/** Headings longer than this are emitted as a numbered paragraph (a whole sentence is not a heading). */
export const MAX_HEADING_CHARS = 40;

/**
 * Extra escapes on top of what the MDX extension already escapes (`{`, `<`):
 * a paragraph starting with `import`/`export` would be ESM in MDX.
 */
const EXTRA_UNSAFE: Unsafe[] = [
  { atBreak: true, character: 'i', after: 'mport\\b' },
  { atBreak: true, character: 'e', after: 'xport\\b' },
  { atBreak: true, character: 'I', after: 'MPORT\\b' },
  { atBreak: true, character: 'E', after: 'XPORT\\b' },
];

const toMarkdownOptions: ToMarkdownOptions = {
  extensions: [mdxToMarkdown(), gfmToMarkdown({ tablePipeAlign: false })],
  unsafe: EXTRA_UNSAFE,
  bullet: '-',
  emphasis: '_',
  strong: '*',
  fences: true,
  rule: '-',
  tightDefinitions: true,
};

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const paragraph = (value: string): Paragraph => ({ type: 'paragraph', children: [text(value)] });

/** A table cell's text on one line: its source lines joined with a space. */
export function cellText(s: string): string {
  return s
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean)
    .join(' ');
}

export function tableToMdast(t: TableNode): Table {
  const rows: TableRow[] = [...(t.head ? [t.head] : []), ...t.rows];
  const width = Math.max(1, ...rows.map((r) => r.cells.length));
  const mdRow = (r: TableRow | undefined): MdTableRow => ({
    type: 'tableRow',
    children: Array.from({ length: width }, (_, i): MdTableCell => {
      const v = r?.cells[i] ? cellText(r.cells[i]!.text) : '';
      return { type: 'tableCell', children: v ? [text(v)] : [] };
    }),
  });
  return { type: 'table', align: Array.from({ length: width }, () => null), children: rows.map(mdRow) };
}

/**
 * The lines of a closing block, one paragraph each. In an 附件： list an entry whose title wrapped
 * onto the next line ("1.已制定…规章" / "梳理结果一览表") is one line: a line that does not start a
 * numbered entry continues the one above it.
 */
export function closingLines(b: { role: string; text: string }): string[] {
  const lines = b.text.split('\n').filter((l) => l.trim());
  if (b.role !== 'attachments') return lines;
  const out: string[] = [];
  for (const l of lines) {
    const startsEntry = /^\s*\d{1,2}\s*[.．、]/.test(l) || /^附\s*件/.test(l);
    const prev = out[out.length - 1];
    if (prev !== undefined && !startsEntry && !/^附\s*件\s*[:：]$/.test(prev.trim())) {
      out[out.length - 1] = /[A-Za-z0-9]$/.test(prev) && /^[A-Za-z0-9]/.test(l.trim()) ? `${prev} ${l.trim()}` : prev + l.trim();
    } else out.push(l);
  }
  return out;
}

/** One block of the notice tree → mdast blocks. The document title is in the frontmatter, not the body. */
export function blockToMdast(b: BlockNode): RootContent[] {
  switch (b.type) {
    case 'header':
      // The title is in the frontmatter; a portal page's metadata block is metadata (frontmatter `portal`), not body.
      return b.role === 'title' || b.role === 'portal' ? [] : [paragraph(b.text)];
    case 'heading': {
      // 第一章　总则 / 1.1　编制目的: the number and the name apart, as printed (a full-width space).
      const head = `${b.marker}${b.scheme && b.text ? '\u3000' : ''}${b.text}`;
      if ([...b.text].length > MAX_HEADING_CHARS) return [paragraph(`${head}${b.rest ?? ''}`)];
      const h: Heading = { type: 'heading', depth: Math.min(6, b.depth + 1) as Heading['depth'], children: [text(head)] };
      return b.rest ? [h, paragraph(b.rest)] : [h];
    }
    case 'paragraph':
      // (a title printed over two lines keeps them apart with '\n' in the tree; one line in the heading)
      if (b.role === 'attachmentTitle' || b.role === 'sectionTitle') return [{ type: 'heading', depth: 2, children: [text(b.text.split('\n').join(' '))] }];
      if (b.role === 'caption') return [{ type: 'paragraph', children: [{ type: 'strong', children: [text(b.text)] }] }];
      return [paragraph(b.text)];
    case 'table':
      return [tableToMdast(b)];
    case 'closing':
      return closingLines(b).map((l) => paragraph(l));
  }
}

export function documentBody(doc: DocumentNode): RootContent[] {
  return doc.children.flatMap(blockToMdast);
}

/** Recursively sort object keys; drop undefined. Arrays keep their order. */
export function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value as object).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = canonical(v);
    }
    return out;
  }
  return value;
}

/** The library's serialisation of a body (the reference fastBodyMarkdown is checked against). */
export function libraryMarkdown(body: RootContent[]): string {
  const root: Root = { type: 'root', children: body };
  return toMarkdown(root, toMarkdownOptions);
}

/**
 * Text that mdast-util-to-markdown writes exactly as it is, wherever the ingest puts text (alone in a
 * paragraph, a heading or a table cell), and that micromark (mdxjs + gfm) reads back as exactly that
 * text. From the escape rules of the library with the MDX, GFM and EXTRA_UNSAFE extensions: no
 * control character or line break; none of # & * < [ \\ ] _ ` { | } ~ @ (always escaped, or special
 * in a cell); no `w.`/`W.` (www autolink) and no `p:/`/`s:/` (http(s) autolink); first character
 * not a space, + - : = > (the rules that apply at the start of a line, with # * < [ _ ` ~ { | above),
 * no ordered-list marker at the start (`1. `, `1.` alone, `1)`: the other start rules need digits
 * before . or ), and ( is escaped only after ]) and no import/export there; last character not a space. Everything else — Chinese text, digits, letters, spaces between words and
 * ! " $ % ' ( ) + , - . / : ; = > ? ^ inside the text — is written and read as it is. Most notice
 * text is such text; shared with coverage.ts (the parse-back).
 */
const PLAIN_CHARS = /^[^\x00-\x20\x7f#&*<[\\\]_`{|}~@+\-:=>][^\x00-\x1f\x7f#&*<[\\\]_`{|}~@]*$/;
const NOT_PLAIN = /[Ww]\.|[PpSs]:\/| $|^(?:import|export|\d+(?:\)|\.(?: |$)))/i;

export function isPlainText(s: string): boolean {
  return PLAIN_CHARS.test(s) && !NOT_PLAIN.test(s);
}

/**
 * Plain text in `**…**` whose first and last characters are neither whitespace nor punctuation or
 * symbols (micromark's classes): the serialiser then encodes neither edge, and the marks read as strong.
 */
export function isPlainStrong(s: string): boolean {
  return /^[^\p{P}\p{S}\s][^]*$/u.test(s) && /[^\p{P}\p{S}\s]$/u.test(s);
}

/** A paragraph's text over several lines: every line plain (each line start obeys the same rules). */
export function isPlainLines(s: string): boolean {
  return s.split('\n').every(isPlainText);
}

/**
 * Plain text but for `@` (e-mail addresses in contact lines): the serialiser escapes an `@` between
 * [+\-.\w] and [\-.\w] (the e-mail autolink rule of GFM) and no other; micromark reads `\@` as `@`.
 */
const AT_ESCAPED = /(?<=[+\-.\w])@(?=[\-.\w])/g;
export function plainWithAt(s: string): string | undefined {
  if (isPlainText(s)) return s;
  if (!s.includes('@') || s.includes('@@') || !isPlainText(s.replace(/@/g, 'a'))) return undefined;
  return s.replace(AT_ESCAPED, '\\@');
}

const plainText = (c: readonly PhrasingContent[]): string | undefined => (c.length === 1 && c[0]!.type === 'text' ? plainWithAt(c[0]!.value) : undefined);

/** One top-level block as the library writes it when its text is plain; undefined for anything else. */
function plainBlock(b: RootContent): string | undefined {
  if (b.type === 'paragraph') {
    const c = b.children;
    if (c.length === 1 && c[0]!.type === 'text') {
      const v = c[0]!.value;
      return v.includes('\n') ? (isPlainLines(v) ? v : undefined) : plainWithAt(v);
    }
    // Text with bold spans (a caption, the figures of a case): `**text**` when no character reference is
    // needed at its edges, never two bold spans side by side (the library then changes the marks).
    let out = '';
    for (const [i, x] of c.entries()) {
      if (x.type === 'text') {
        // (two text nodes side by side are checked by the library as one text: leave that to it)
        if (!x.value || !isPlainText(x.value) || c[i - 1]?.type === 'text') return undefined;
        out += x.value;
        continue;
      }
      const inner = x.type === 'strong' && x.children.length === 1 ? x.children[0]! : undefined;
      if (c[i - 1]?.type === 'strong' || inner?.type !== 'text' || !isPlainText(inner.value) || !isPlainStrong(inner.value)) return undefined;
      out += `**${inner.value}**`;
    }
    if (out) return out;
    return undefined;
  }
  // A tight bullet list (task list) of one plain line an item, as the indicators' 材料 lists are.
  if (b.type === 'list') {
    if (b.ordered || b.spread !== false || !b.children.length) return undefined;
    const lines: string[] = [];
    for (const item of b.children) {
      const p = item.children[0];
      if (item.spread !== false || item.children.length !== 1 || p?.type !== 'paragraph') return undefined;
      const t = plainText(p.children);
      if (t === undefined) return undefined;
      lines.push(`- ${item.checked === true ? '[x] ' : item.checked === false ? '[ ] ' : ''}${t}`);
    }
    return lines.join('\n');
  }
  if (b.type === 'heading') {
    const t = plainText(b.children);
    return t === undefined ? undefined : `${'#'.repeat(b.depth)} ${t}`;
  }
  if (b.type === 'table') {
    const width = b.children[0]?.children.length ?? 0;
    if (!width || b.align?.length !== width || b.align.some((a) => a !== null)) return undefined;
    const lines: string[] = [];
    for (const row of b.children) {
      if (row.children.length !== width) return undefined;
      let line = '|';
      for (const c of row.children) {
        if (!c.children.length) line += ' |';
        else {
          const t = plainText(c.children);
          if (t === undefined) return undefined;
          line += ` ${t} |`;
        }
      }
      lines.push(line);
      // GFM's delimiter row (tablePipeAlign: false writes one dash a column) after the head row.
      if (lines.length === 1) lines.push(`|${' - |'.repeat(width)}`);
    }
    return lines.join('\n');
  }
  return undefined;
}

/**
 * The body as mdast-util-to-markdown writes it, block by block: a block whose text is plain
 * (isPlainText) is written directly, runs of other blocks through the library (the library writes
 * each top-level block of a root with the same context — a line break before and after — and joins
 * blocks with one blank line unless a join rule says otherwise, which only lists and code use, and
 * a plain block between two runs is neither, so a body is the join of its parts). tests/ingest/emit-fast.test.ts
 * checks it against the library (fast-check bodies full of markdown/MDX syntax, and every record
 * of the seeds); several times faster than the library on Chinese notices.
 */
export function bodyToMarkdown(body: RootContent[]): string {
  if (!body.length) return libraryMarkdown(body);
  const parts: string[] = [];
  // Blocks the library writes go to it together, as a run of neighbours (state carried from one block
  // to the next, such as the bullet of two adjacent lists, stays within the run).
  let run: RootContent[] = [];
  const flush = (): boolean => {
    if (!run.length) return true;
    const lib = libraryMarkdown(run).replace(/\n$/, '');
    run = [];
    // (an empty run or one ending in a line break would change the library's join or final newline)
    if (!lib || /[\r\n]$/.test(lib)) return false;
    parts.push(lib);
    return true;
  };
  for (const [i, b] of body.entries()) {
    // (a list next to a list: the second takes the other bullet, so the library writes both)
    const fast = b.type === 'list' && (body[i - 1]?.type === 'list' || body[i + 1]?.type === 'list') ? undefined : plainBlock(b);
    if (fast === undefined) {
      run.push(b);
      continue;
    }
    if (!flush()) return libraryMarkdown(body);
    parts.push(fast);
  }
  if (!flush()) return libraryMarkdown(body);
  return `${parts.join('\n\n')}\n`;
}

const YAML_OPTIONS = { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' } as const;
const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
// (keys the YAML 1.2 core schema would read as a boolean or null are quoted by the library: left to it)
const RESERVED_KEY = /^(?:true|false|null)$/i;

const YAML_NAMED_ESCAPES: Record<string, string> = { '0000': '0', '0007': 'a', '000b': 'v', '001b': 'e', '0085': 'N', '00a0': '_', '2028': 'L', '2029': 'P' };

/**
 * A double-quoted YAML string as `yaml` (2.x, stringifyString.js doubleQuotedString, ISC licence)
 * writes it with lineWidth 0 for a value in a block collection: the JSON string with YAML's spelling
 * of the escapes (\u0000 → \0, \u00XX → \xXX, …), a space before \n escaped, and — in a string of
 * 40 characters or more (doubleQuotedMinMultiLineLength) — each \n but a final one written as a
 * line break (a blank line, and one more per further \n) continuing at `indent`.
 */
function doubleQuoted(value: string, indent: string): string {
  const json = JSON.stringify(value);
  if (!json.includes('\\')) return json;
  let str = '';
  let start = 0;
  for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
    if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
      str += json.slice(start, i) + '\\ ';
      i += 1;
      start = i;
      ch = '\\';
    }
    if (ch !== '\\') continue;
    if (json[i + 1] === 'u') {
      str += json.slice(start, i);
      const code = json.substr(i + 2, 4);
      const named = YAML_NAMED_ESCAPES[code];
      str += named !== undefined ? `\\${named}` : code.startsWith('00') ? `\\x${code.slice(2)}` : json.substr(i, 6);
      i += 5;
      start = i + 1;
    } else if (json[i + 1] === 'n' && json[i + 2] !== '"' && json.length >= 40) {
      str += json.slice(start, i) + '\n\n';
      while (json[i + 2] === '\\' && json[i + 3] === 'n' && json[i + 4] !== '"') {
        str += '\n';
        i += 2;
      }
      str += indent;
      if (json[i + 2] === ' ') str += '\\';
      i += 1;
      start = i + 1;
    } else i += 1;
  }
  return start ? str + json.slice(start) : json;
}

/**
 * The frontmatter exactly as `yaml`'s stringify(value, YAML_OPTIONS) writes it, for the common case
 * only — maps with plain identifier keys, sequences, finite numbers, booleans, null and strings
 * (doubleQuoted) — and undefined for anything else, which then goes through `yaml` itself. About
 * ten times faster than the library on the ingest's records; tests/ingest/emit-yaml.test.ts checks
 * it against the library on generated values (fast-check) and on every record of the seeds.
 */
export function fastFrontmatter(value: unknown): string | undefined {
  const out: string[] = [];
  const scalar = (v: unknown, indent: string): string | undefined => {
    if (v === null) return 'null';
    if (typeof v === 'boolean') return String(v);
    // (numbers as yaml's stringifyNumber writes them: JSON's spelling, -0 as -0)
    if (typeof v === 'number') return Number.isFinite(v) ? (Object.is(v, -0) ? '-0' : JSON.stringify(v)) : undefined;
    // (a line break in a string of 40 characters or more continues on the next line, at the indent of its collection + 2)
    if (typeof v === 'string') return doubleQuoted(v, `${indent}  `);
    return undefined;
  };
  const isMap = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
  // Each writer pushes whole lines at `indent`; false when the value needs the library.
  const map = (m: Record<string, unknown>, indent: string): boolean => {
    for (const [k, v] of Object.entries(m)) {
      if (!PLAIN_KEY.test(k) || RESERVED_KEY.test(k)) return false;
      if (Array.isArray(v) ? v.length : isMap(v) ? Object.keys(v).length : false) {
        out.push(`${indent}${k}:`);
        if (!(Array.isArray(v) ? seq(v, indent + '  ') : map(v as Record<string, unknown>, indent + '  '))) return false;
      } else {
        const s = Array.isArray(v) ? '[]' : isMap(v) ? '{}' : scalar(v, indent);
        if (s === undefined) return false;
        out.push(`${indent}${k}: ${s}`);
      }
    }
    return true;
  };
  const seq = (a: unknown[], indent: string): boolean => {
    for (const v of a) {
      if (Array.isArray(v) ? v.length : isMap(v) ? Object.keys(v).length : false) {
        const at = out.length;
        if (!(Array.isArray(v) ? seq(v, indent + '  ') : map(v as Record<string, unknown>, indent + '  '))) return false;
        out[at] = `${indent}- ${out[at]!.slice(indent.length + 2)}`;
      } else {
        const s = Array.isArray(v) ? '[]' : isMap(v) ? '{}' : scalar(v, indent);
        if (s === undefined) return false;
        out.push(`${indent}- ${s}`);
      }
    }
    return true;
  };
  if (!isMap(value) || !Object.keys(value).length || !map(value, '')) return undefined;
  return out.join('\n') + '\n';
}

/** Frontmatter (yaml) + body (mdast → markdown). */
export function serializeMdx(data: Record<string, unknown>, body: RootContent[]): string {
  const c = canonicalData(data);
  const yaml = fastFrontmatter(c) ?? stringify(c, YAML_OPTIONS);
  const md = body.length ? bodyToMarkdown(body) : '';
  return `---\n${yaml}---\n${md ? `\n${md}` : ''}`;
}

export interface EmittedFile {
  /** Path relative to the project root, e.g. content/documents/zfzb-2019-7.mdx */
  path: string;
  content: string;
}

const ID_RE = /^[a-z0-9][a-z0-9-]*$/;

/** Any extractor's record → its MDX file. */
export function emitRecord(record: RecordOut): EmittedFile {
  if (!ID_RE.test(record.id) || record.id !== record.data.id) {
    throw new Error(`record id "${record.id}" of collection ${record.collection} must be lower-case ASCII (a-z, 0-9, -) and equal data.id`);
  }
  if (!/^[a-z][a-z0-9-]*$/.test(record.collection)) throw new Error(`collection name "${record.collection}" must be lower-case ASCII`);
  return { path: `content/${record.collection}/${record.id}.mdx`, content: serializeMdx(record.data, record.body) };
}

/**
 * Outline of a document (its numbered headings), for a table of contents on the page: the headings
 * the page shows — a numbered item whose lead phrase is a whole long sentence (> MAX_HEADING_CHARS)
 * is printed as a paragraph, so it is not in the outline either.
 */
export function outline(doc: DocumentNode): { depth: number; marker: string; text: string; lines: [number, number] }[] {
  return doc.children
    .filter((b): b is HeadingNode => b.type === 'heading' && [...b.text].length <= MAX_HEADING_CHARS)
    .map((h) => ({ depth: h.depth, marker: h.marker, text: h.text, lines: [h.position.start.line, h.position.end.line] as [number, number] }));
}

/** A document of the tree → its record. */
export function documentRecord(doc: DocumentNode): RecordOut {
  const meta: DocumentMeta = doc.data;
  const perBlock = doc.children.map((b) => ({ block: b, mdast: blockToMdast(b) }));
  const errata = meta.errata?.length ? locateErrata(meta.errata, perBlock) : undefined;
  const layout = bodyLayout(perBlock);
  return {
    collection: 'documents',
    id: meta.id,
    data: { ...(meta as unknown as Record<string, unknown>), id: meta.id, source: meta.source, outline: outline(doc), ...(errata ? { errata } : {}), ...(layout.length ? { blockRoles: layout } : {}) },
    body: perBlock.flatMap((x) => x.mdast),
  };
}

/**
 * Which top-level body blocks are a 公文's header or closing lines, for the page to lay them out as
 * printed (文号 centred, 主送 flush left, signature and date on the right, 版记 small): `at` is the
 * index of the block among the body's top-level blocks, `role` the header/closing role. Written to the
 * frontmatter as `blockRoles` (not `layout`: that name is Astro's MDX layout import). Presentation
 * only — the text is in the body like every other line (rehypeNoticeLayout adds a class).
 */
export function bodyLayout(perBlock: { block: BlockNode; mdast: RootContent[] }[]): { at: number; role: string }[] {
  const out: { at: number; role: string }[] = [];
  let at = 0;
  for (const { block, mdast } of perBlock) {
    for (let k = 0; k < mdast.length; k++) {
      if (block.type === 'header' || block.type === 'closing') out.push({ at: at + k, role: block.role });
    }
    at += mdast.length;
  }
  return out;
}

function textValues(nodes: RootContent[]): string[] {
  const out: string[] = [];
  const walk = (n: { type: string; value?: unknown; children?: unknown[] }) => {
    if (n.type === 'text' && typeof n.value === 'string') out.push(n.value);
    for (const c of (n.children ?? []) as { type: string }[]) walk(c);
  };
  for (const n of nodes) walk(n as never);
  return out;
}

function countIn(hay: string, needle: string): number {
  let n = 0;
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + needle.length)) n++;
  return n;
}

/**
 * For each applied erratum, which occurrence (0-based, in body text order) of its corrected text
 * is the corrected span: the site wraps exactly that one in a 校 mark (the same words elsewhere
 * in the document stay unmarked).
 */
export function locateErrata(
  errata: NonNullable<DocumentMeta['errata']>,
  perBlock: { block: BlockNode; mdast: RootContent[] }[],
): NonNullable<DocumentMeta['errata']> {
  const seenOnLine = new Map<string, number>();
  return errata.map((e) => {
    const key = `${e.line}\u0000${e.corrected}`;
    const k = seenOnLine.get(key) ?? 0;
    seenOnLine.set(key, k + 1);
    let before = 0;
    let found: number | undefined;
    let inLine = 0;
    for (const { block, mdast } of perBlock) {
      const covers = e.line >= block.position.start.line && e.line <= block.position.end.line;
      for (const t of textValues(mdast)) {
        const n = countIn(t, e.corrected);
        if (covers && found === undefined && inLine + n > k) found = before + (k - inLine);
        if (covers) inLine += n;
        before += n;
      }
    }
    return found === undefined ? e : { ...e, occurrence: found };
  });
}

/**
 * canonical(data), once per data object: the MDX frontmatter and content/data/<collection>.json are
 * written from the same record (a record's data is not changed once it is emitted).
 */
const canonicalOf = new WeakMap<object, unknown>();
function canonicalData(data: Record<string, unknown>): unknown {
  let c = canonicalOf.get(data);
  if (c === undefined) canonicalOf.set(data, (c = canonical(data)));
  return c;
}

/** content/data/<collection>.json: every record's frontmatter, sorted by id. */
export function collectionJson(records: RecordOut[]): string {
  const data = [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((r) => canonicalData(r.data));
  return `${JSON.stringify(data, null, 2)}\n`;
}

/** Every output file of a run, sorted by path. */
export function emitAll(records: RecordOut[], emitted?: ReadonlyMap<RecordOut, EmittedFile>): EmittedFile[] {
  // `emitted`: files the caller already made of some of these records (run.ts emits the documents for coverage).
  const files: EmittedFile[] = records.map((r) => emitted?.get(r) ?? emitRecord(r));
  const byCollection = new Map<string, RecordOut[]>();
  for (const r of records) {
    const list = byCollection.get(r.collection);
    if (list) list.push(r);
    else byCollection.set(r.collection, [r]);
  }
  for (const [c, rs] of byCollection) files.push({ path: `content/data/${c}.json`, content: collectionJson(rs) });
  const seen = new Set<string>();
  for (const f of files) {
    if (seen.has(f.path)) throw new Error(`two records write ${f.path}: ids must be unique within a collection`);
    seen.add(f.path);
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : 1));
}
