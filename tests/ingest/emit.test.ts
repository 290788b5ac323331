import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Nodes, RootContent } from 'mdast';
import { bodyToMarkdown, canonical, cellText, emitAll, emitRecord, serializeMdx, tableToMdast } from '../../scripts/ingest/emit';
import { documentRecord } from '../../scripts/ingest/emit';
import { mdxText, coverage } from '../../scripts/ingest/coverage';
import { parseText } from '../../scripts/ingest/index';
import { assignIds } from '../../scripts/ingest/documents';
import type { RecordOut, TableNode } from '../../scripts/ingest/types';

const DANGEROUS_TYPES = new Set(['mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxFlowExpression', 'mdxTextExpression', 'mdxjsEsm', 'html']);

function dangerous(tree: Nodes): string[] {
  const out: string[] = [];
  const walk = (n: Nodes) => {
    if (DANGEROUS_TYPES.has(n.type)) out.push(n.type);
    if ('children' in n) for (const c of n.children as Nodes[]) walk(c);
  };
  walk(tree);
  return out;
}

const para = (value: string): RootContent => ({ type: 'paragraph', children: [{ type: 'text', value }] });

/** Text fragments that are code in MDX/HTML/JS. */
const SYNTAX = [
  '{', '}', '{x}', '{{a.b}}', '{/* c */}', '<script>alert(1)</script>', '<Component />', '<Foo bar="1">', '</main>', '<!-- c -->',
  'import x from "y"', 'export const a = 1', 'export default {}', '`code`', '```', '${x}', 'javascript:alert(1)', '[a](javascript:alert(1))',
  '<https://example.com>', '&amp;', '&#123;', '\\', '*', '_', '#', '> ', '- ', '1. ', '|', '~~', '<', '>', '![i](x.png)', '[^1]', '$$', ':::',
];
const cjk = fc.constantFrom('通知', '法治政府', '，', '。', '：', '“', '”', '《', '》', '（', '）', '一、', '（一）', '1.', '2022年');
const fragment = fc.oneof(fc.constantFrom(...SYNTAX), cjk, fc.string({ maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 6 }));
const line = fc.array(fragment, { minLength: 1, maxLength: 8 }).map((xs) => xs.join('').replace(/[\r\n\u2028\u2029]/g, ' ').replace(/\t/g, ' '));

describe('emit: mdast → MDX', () => {
  it('writes GFM tables with one line per cell (a cell\'s lines joined with a space), no raw HTML', () => {
    const t: TableNode = {
      type: 'table',
      head: { cells: [{ text: '序号', position: { start: { line: 1 }, end: { line: 1 } } }, { text: '材料', position: { start: { line: 1 }, end: { line: 1 } } }], position: { start: { line: 1 }, end: { line: 1 } } },
      rows: [{ cells: [{ text: '1', position: { start: { line: 2 }, end: { line: 2 } } }, { text: '1.清单|文本\n2.网址', position: { start: { line: 2 }, end: { line: 3 } } }], position: { start: { line: 2 }, end: { line: 3 } } }],
      position: { start: { line: 1 }, end: { line: 3 } },
    };
    const md = bodyToMarkdown([tableToMdast(t)]);
    expect(md).toBe('| 序号 | 材料 |\n| - | - |\n| 1 | 1.清单\\|文本 2.网址 |\n');
    expect(md).not.toMatch(/<br|<\/?[a-z]/i);
  });

  it('headings keep their numbering as printed and take depth from it (h2 = 一、 … h5 = （1）)', () => {
    const p = parseText('t.txt', '测试方案\n\n一、总体要求\n\n（一）指导思想\n\n1.营造氛围。各单位要宣传。\n\n（1）细化措施\n', { encoding: 'UTF-8' });
    assignIds([p.root]);
    const rec = documentRecord(p.root.children[0]!);
    const md = emitRecord(rec).content;
    expect(md).toContain('\n## 一、总体要求\n');
    expect(md).toContain('\n### （一）指导思想\n');
    expect(md).toContain('\n#### 1.营造氛围。\n\n各单位要宣传。\n');
    expect(md).toContain('\n##### （1）细化措施\n');
  });

  it('frontmatter is YAML with sorted keys; output is deterministic', () => {
    const rec: RecordOut = { collection: 'things', id: 'a-1', data: { z: 1, id: 'a-1', source: { file: 'f.txt', lines: [1, 2] }, a: { y: 2, b: 'x: {y}' } }, body: [para('正文')] };
    const a = emitRecord(rec).content;
    expect(a).toBe('---\na:\n  b: "x: {y}"\n  y: 2\nid: "a-1"\nsource:\n  file: "f.txt"\n  lines:\n    - 1\n    - 2\nz: 1\n---\n\n正文\n');
    expect(emitRecord(structuredClone(rec)).content).toBe(a);
    const files = emitAll([rec, { ...rec, id: 'a-0', data: { ...rec.data, id: 'a-0' } }]);
    expect(files.map((f) => f.path)).toEqual(['content/data/things.json', 'content/things/a-0.mdx', 'content/things/a-1.mdx']);
    expect(JSON.parse(files[0]!.content).map((r: { id: string }) => r.id)).toEqual(['a-0', 'a-1']);
    expect(canonical({ b: 1, a: undefined, c: [{ y: 1, x: 2 }] })).toEqual({ b: 1, c: [{ x: 2, y: 1 }] });
  });

  it('emitRecord refuses ids that are not lower-case ASCII or differ from data.id', () => {
    const base = { collection: 'cases', body: [], data: { id: 'x', source: { file: 'f', lines: [1, 1] as [number, number] } } };
    expect(() => emitRecord({ ...base, id: '../x' })).toThrow(/lower-case ASCII/);
    expect(() => emitRecord({ ...base, id: 'y' })).toThrow(/equal data.id/);
  });

  it('every syntax fragment in a paragraph round-trips as literal text, never as code', () => {
    for (const s of SYNTAX.map((x) => `前${x}后`).concat(SYNTAX.filter((x) => x.trim() === x && x.length > 1))) {
      const md = serializeMdx({ id: 'x' }, [para(s)]);
      const { tree, text } = mdxText(md);
      expect(dangerous(tree), `${JSON.stringify(s)} → ${md}`).toEqual([]);
      expect(text, JSON.stringify(s)).toBe(s);
    }
  });

  it('property: any one-line text in a paragraph or a table cell parses back to the same text, with no JSX/expression/ESM/HTML node', () => {
    fc.assert(
      fc.property(line, line, (a, b) => {
        const s = a.trim();
        const c = b.trim();
        fc.pre(s.length > 0 && c.length > 0);
        const md = serializeMdx({ id: 'p' }, [para(s), tableToMdast({ type: 'table', rows: [{ cells: [{ text: c, position: { start: { line: 1 }, end: { line: 1 } } }], position: { start: { line: 1 }, end: { line: 1 } } }], position: { start: { line: 1 }, end: { line: 1 } } })]);
        const { tree } = mdxText(md);
        expect(dangerous(tree)).toEqual([]);
        const root = tree as { children: Nodes[] };
        const texts = root.children.map((n) => collect(n));
        expect(texts[0]).toBe(s);
        expect(texts[1]).toBe(cellText(c));
      }),
      { numRuns: 300, seed: 20240601 },
    );
  });

  it('property: random notice text through the whole ingest → MDX has no code nodes and keeps every line (coverage 100%)', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), (lines) => {
        const input = lines.join('\n\n');
        fc.pre(input.trim().length > 0);
        const parsed = parseText('random.txt', input, { encoding: 'UTF-8' });
        assignIds([parsed.root]);
        const emitted = parsed.root.children.map((d) => emitRecord(documentRecord(d)).content);
        for (const m of emitted) expect(dangerous(mdxText(m).tree)).toEqual([]);
        const cov = coverage('random.txt', parsed.clean, emitted);
        expect(cov.missing, JSON.stringify(input)).toEqual([]);
      }),
      { numRuns: 200, seed: 424242 },
    );
  });
});

function collect(n: Nodes): string {
  if ('value' in n && typeof n.value === 'string') return n.value;
  if ('children' in n) return (n.children as Nodes[]).map(collect).join('');
  return '';
}

// ---- Compile and run the emitted MDX with @mdx-js/mdx (the compiler behind @astrojs/mdx) ----
import { evaluateSync } from '@mdx-js/mdx';
import remarkGfm from 'remark-gfm';

interface El {
  type: unknown;
  props: { children?: unknown; [k: string]: unknown };
}
const Fragment = Symbol('Fragment');
const jsx = (type: unknown, props: El['props']): El => ({ type, props });
const MARKDOWN_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'strong', 'em', 'code', 'br', 'ul', 'ol', 'li', 'a', 'blockquote', 'hr', 'del', 'pre', 'img', 'sup', 'section', 'input']);

/** Run the MDX program; return its rendered text per block and every element type it produced. */
function render(mdx: string): { blocks: string[]; tags: Set<string>; props: string[]; hrefs: string[] } {
  const body = mdx.replace(/^---\n[\s\S]*?\n---\n/, '');
  const mod = evaluateSync(body, { Fragment, jsx, jsxs: jsx, remarkPlugins: [remarkGfm] } as unknown as Parameters<typeof evaluateSync>[1]);
  const tree = (mod.default as (p: object) => El)({});
  const tags = new Set<string>();
  const props: string[] = [];
  const hrefs: string[] = [];
  const text = (n: unknown): string => {
    if (n == null || typeof n === 'boolean') return '';
    if (typeof n === 'string' || typeof n === 'number') return String(n);
    if (Array.isArray(n)) return n.map(text).join('');
    const el = n as El;
    if (typeof el.type === 'string') tags.add(el.type);
    else if (el.type !== Fragment) tags.add(`component:${String(el.type)}`);
    for (const k of Object.keys(el.props)) if (k !== 'children') props.push(`${String(el.type)}.${k}`);
    if (el.type === 'a') hrefs.push(String(el.props.href));
    return text(el.props.children);
  };
  const kids = tree.props.children;
  const blocks = (Array.isArray(kids) ? kids : [kids]).filter((k) => typeof k !== 'string' || k.trim()).map(text);
  return { blocks, tags, props, hrefs };
}

/** Lines shaped like the genre: 文号, banners, titles, numbering, tables of both styles, closings, artefacts. */
const genreLine = fc.oneof(
  line,
  fc.constantFrom('郑法政办〔2019〕7号', '河南省法治政府建设领导小组办公室文件', '关于印发《方案》的通知', '各有关单位：', '附件：1.清单', '附件 1', '联系人：张三 联系电话：13800138000', '2019年7月23日', '2019年7月1日印发', '抄送：各局。', '— 3 —', '扫描全能王 创建', '---', '1', '23', '——'),
  line.map((x) => `一、${x}`),
  line.map((x) => `（二）${x}`),
  line.map((x) => `3.${x}`),
  line.map((x) => `（4）${x}`),
  line.map((x) => `## ${x}`),
  line.map((x) => `**${x}**`),
  line.map((x) => `\t${x}`),
  fc.integer({ min: 1, max: 120 }).map((n) => `\t${n}`),
  fc.array(line, { minLength: 2, maxLength: 5 }).map((xs) => xs.join('\t')),
);

describe('ingest never crashes and never loses text on notice-shaped random input', () => {
  it('property: any mix of genre lines (tables, numbering, closings, artefacts, markup) → documents, no code nodes, coverage 100%', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(genreLine, fc.constantFrom('\n', '\n\n', '\n\n\n')), { minLength: 1, maxLength: 30 }), (parts) => {
        const input = parts.map(([l, sep]) => l + sep).join('');
        const parsed = parseText('genre.txt', input, { encoding: 'UTF-8' });
        assignIds([parsed.root]);
        const emitted = parsed.root.children.map((d) => emitRecord(documentRecord(d)).content);
        for (const m of emitted) expect(dangerous(mdxText(m).tree)).toEqual([]);
        const cov = coverage('genre.txt', parsed.clean, emitted);
        expect(cov.missing, JSON.stringify(input)).toEqual([]);
        for (const d of parsed.root.children) {
          expect(d.position.start.line).toBeLessThanOrEqual(d.position.end.line);
          for (const b of d.children) {
            expect(b.position.start.line).toBeGreaterThanOrEqual(d.position.start.line);
            expect(b.position.end.line).toBeLessThanOrEqual(d.position.end.line);
          }
        }
      }),
      { numRuns: 300, seed: 9001 },
    );
  });
});

describe('emit: the MDX compiles and runs as plain markdown (text is never code)', () => {
  it('a source full of MDX/HTML/JS syntax renders as the same literal text', () => {
    const s = '前{x}{{a}}<script>alert(1)</script><Component />import x from "y" export const a=1 `b` <!-- c --> </main> javascript:alert(1) ${x}后';
    const md = serializeMdx({ id: 'x' }, [para(s), para('import x from "y"'), para('export const a = 1')]);
    const r = render(md);
    expect(r.blocks).toEqual([s, 'import x from "y"', 'export const a = 1']);
    expect([...r.tags].sort()).toEqual(['p']);
  });

  it('property: random text in paragraphs and table cells renders back to the same text, only markdown elements, links only to http(s)/mailto', () => {
    fc.assert(
      fc.property(line, line, (a, b) => {
        const s = a.trim();
        const c = b.trim();
        fc.pre(s.length > 0 && c.length > 0);
        const cell = (text: string) => ({ text, position: { start: { line: 1 }, end: { line: 1 } } });
        const md = serializeMdx({ id: 'p' }, [
          para(s),
          tableToMdast({ type: 'table', head: { cells: [cell('序号'), cell('内容')], position: { start: { line: 1 }, end: { line: 1 } } }, rows: [{ cells: [cell('1'), cell(c)], position: { start: { line: 1 }, end: { line: 1 } } }], position: { start: { line: 1 }, end: { line: 1 } } }),
        ]);
        const r = render(md);
        expect(r.blocks[0]).toBe(s);
        expect(r.blocks[1]).toBe(`序号内容1${cellText(c)}`);
        for (const t of r.tags) expect(MARKDOWN_TAGS.has(t), t).toBe(true);
        // GFM autolinks bare web/e-mail addresses; nothing else becomes a link, never javascript:.
        for (const h of r.hrefs) expect(h).toMatch(/^(https?:\/\/|mailto:)/);
        expect(r.props.filter((p) => !/^(th|td)\.(style|align)$/.test(p) && p !== 'a.href')).toEqual([]);
      }),
      { numRuns: 150, seed: 777 },
    );
  });
});
