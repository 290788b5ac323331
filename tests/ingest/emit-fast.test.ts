/**
 * The fast paths of emit and coverage against the libraries they stand in for:
 * - bodyToMarkdown (plain blocks written directly, scripts/ingest/emit.ts) writes what
 *   mdast-util-to-markdown writes (libraryMarkdown) for every body;
 * - bodyText (coverage.ts: plain blocks read directly, other blocks by micromark alone) reads what
 *   micromark reads from the whole body, or declines (undefined: the whole body is parsed).
 * On fast-check bodies (seed fixed) whose text is full of markdown/MDX/GFM syntax, on raw markdown
 * that the writer would never produce, and on every record of the seeds.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { PhrasingContent, RootContent, TableRow } from 'mdast';
import { bodyText, mdxText } from '../../scripts/ingest/coverage';
import { bodyToMarkdown, isPlainText, libraryMarkdown } from '../../scripts/ingest/emit';
import { loadErrata } from '../../scripts/ingest/errata';
import { runIngest } from '../../scripts/ingest/run';

/** Pieces of text as notices and hostile sources hold them. */
const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('法治政府', '建设', '示范', '（一）', '一、', '第一条', '，', '。', '、', '：', '；', '“', '”', '《', '》', '〔2019〕', '　', '2019', '年', '10', '号', '%', '附件', '1.', '2)', '3．') },
  { weight: 4, arbitrary: fc.constantFrom(' ', '  ', '\t', '\n', '\r', '\n\n', '.', ',', ':', ';', '!', '?', '"', "'", '(', ')', '[', ']', '{', '}', '<', '>', '=', '+', '-', '*', '_', '`', '~', '#', '|', '\\', '&', '@', '^', '$', '/') },
  { weight: 3, arbitrary: fc.constantFrom('www.', 'w.', 'W.x', 'http://a.cn', 'https:', 'p:/', 's:/', 'a@b.cn', '&amp;', '&#x20;', '&copy', '<b>', '</main>', '<X />', '{x}', '{', '}', '$', 'import', 'export', 'Import x', 'EXPORT', '---', '***', '===', '> ', '- ', '+ ', '1. ', '1) ', '# ', '| a |', '[x]', '![y]', '[^1]', '~~s~~', '``', '```', '\\*', '\\\\') },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
);
const text = fc.array(piece, { minLength: 0, maxLength: 8 }).map((a) => a.join(''));
const t = (value: string): PhrasingContent => ({ type: 'text', value });
const block: fc.Arbitrary<RootContent> = fc.oneof(
  { weight: 4, arbitrary: text.map((v): RootContent => ({ type: 'paragraph', children: [t(v)] })) },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: 6 }), text).map(([d, v]): RootContent => ({ type: 'heading', depth: d as 1, children: [t(v)] })) },
  { weight: 1, arbitrary: text.map((v): RootContent => ({ type: 'paragraph', children: [{ type: 'strong', children: [t(v)] }] })) },
  { weight: 1, arbitrary: fc.constantFrom('表1 统计', '附件说明', '（一）说明', 'a', '一') .map((v): RootContent => ({ type: 'paragraph', children: [{ type: 'strong', children: [t(v)] }] })) },
  // text with bold figures (the cases' paragraphs)
  {
    weight: 2,
    arbitrary: fc.array(fc.oneof(fc.constantFrom('建立了', '，', '。', '%', '前', ' ', '', 'w', '.x', '1.'), text).map((v): PhrasingContent => t(v)).chain((x) => fc.oneof(fc.constant(x), fc.constantFrom('4类', '706家', '100%', '（一）', 'w', ' a', 'ab', '一').map((v): PhrasingContent => ({ type: 'strong', children: [t(v)] })))), { minLength: 1, maxLength: 6 }).map(
      (children): RootContent => ({ type: 'paragraph', children }),
    ),
  },
  // task lists and lists (the indicators' bodies), adjacent ones included
  {
    weight: 1,
    arbitrary: fc.tuple(fc.boolean(), fc.array(fc.tuple(fc.constantFrom(null, true, false), text), { minLength: 1, maxLength: 3 })).map(
      ([ordered, items]): RootContent => ({
        type: 'list',
        ordered,
        spread: false,
        children: items.map(([checked, v]) => ({ type: 'listItem', checked, spread: false, children: [{ type: 'paragraph', children: [t(v)] }] })),
      }),
    ),
  },
  {
    weight: 2,
    arbitrary: fc.integer({ min: 1, max: 4 }).chain((w) =>
      fc.array(fc.array(fc.oneof(fc.constant(''), text), { minLength: w, maxLength: w }), { minLength: 1, maxLength: 4 }).map(
        (rows): RootContent => ({
          type: 'table',
          align: Array.from({ length: w }, () => null),
          children: rows.map((r): TableRow => ({ type: 'tableRow', children: r.map((v) => ({ type: 'tableCell', children: v ? [t(v)] : [] })) })),
        }),
      ),
    ),
  },
);
const body = fc.array(block, { maxLength: 6 });

/** What micromark reads from the whole body (the reference). */
const wholeText = (md: string): string | Error => {
  try {
    return mdxText(`---\nid: x\n---\n${md}`, {}).text;
  } catch (e) {
    return e as Error;
  }
};

describe('fast serialisation and parse-back', () => {
  it('bodyToMarkdown writes what mdast-util-to-markdown writes, for any body', () => {
    let plainBlocks = 0;
    fc.assert(
      fc.property(body, (b) => {
        plainBlocks += b.filter((x) => 'children' in x && x.children.length === 1 && x.children[0]!.type === 'text' && isPlainText(x.children[0]!.value)).length;
        expect(bodyToMarkdown(b)).toBe(libraryMarkdown(b));
      }),
      { seed: 132026, numRuns: 2500 },
    );
    // The fast path itself was exercised, not only the fallback.
    expect(plainBlocks).toBeGreaterThan(300);
  });

  it('bodyText reads what micromark reads from the whole body, or declines', () => {
    let answered = 0;
    fc.assert(
      fc.property(body, (b) => {
        const md = libraryMarkdown(b);
        const fast = bodyText(md ? `\n${md}` : '');
        if (fast === undefined) return;
        answered++;
        expect(fast).toBe(wholeText(md));
      }),
      { seed: 132027, numRuns: 2500 },
    );
    expect(answered).toBeGreaterThan(1000);
  });

  it('bodyText on raw markdown the writer never makes (unescaped syntax, blocks across blank lines) reads as micromark or declines', () => {
    const rawBlock = fc.array(fc.oneof(piece, fc.constantFrom('\n', '| a | b |\n| - | - |', '```js', '<div>', '</div>', '{\n', '\n}', '[x]: http://a', '[x]', '    code', '> q', '- item', '\n  - sub')), { maxLength: 6 }).map((a) => a.join(''));
    let answered = 0;
    fc.assert(
      fc.property(fc.array(rawBlock, { minLength: 1, maxLength: 5 }), (blocks) => {
        const md = `\n${blocks.join('\n\n')}\n`;
        const fast = bodyText(md);
        if (fast === undefined) return;
        const whole = wholeText(md.slice(1));
        answered++;
        expect(fast).toBe(whole);
      }),
      { seed: 132028, numRuns: 2500 },
    );
    expect(answered).toBeGreaterThan(200);
  });

  it('bodyText on each construct micromark would read differently from its characters reads as micromark or declines', () => {
    const samples = [
      '*强调*', '**加粗**', '_下划_', '~~删除~~', '`代码`', '<b>标签</b>', '<X />', '{表达式}', '&amp;与', '&#x4e00;', '\\*转义', '[链接](地址)', '![图](地址)', '[^1]',
      'http://a.cn/x', 'www.a.cn', 'a@b.cn', '1. 列表', '1) 列表', '- 列表', '+ 列表', '> 引用', '# 标题 #', '标题\n===', '标题\n---', '    缩进', '　全角空格开头', '结尾空格 ',
      '邮箱：a\\@b.cn', '邮箱：a@b.cn', 'x \\@ y', '\\@开头', 'a\\@\\@b', '前*强调*后', '前**加粗**后', '前~~删除~~后', '前`代码`后', '前<b>标签</b>后', '前{表达式}后', '前&amp;后', '前\\*后', '前[链接](地址)后', '前 http://a.cn 后', '前 www.a.cn 后', '前 a@b.cn 后', '前[^1]后',
      'import x from "y"', 'export const a = 1', '| a | b |\n| - | - |\n| *c* | d |', '| a |\n| - |\n| b | c |', '第一段\n第二行', '```\n代码\n```', '[x]: http://a\n\n[x]',
    ];
    for (const s of samples) {
      const md = `\n${s}\n`;
      const fast = bodyText(md);
      if (fast !== undefined) expect(fast, s).toBe(wholeText(md.slice(1)));
    }
    // and the plain cases are read without micromark, as they are written
    expect(bodyText('\n（一）总则\n\n## 第一条　目的\n\n| 序号 | 内容 |\n| - | - |\n| 1 | |\n')).toBe('（一）总则第一条　目的序号内容1');
  });

  it('on every record of the seeds: the same MDX as the library, the same text as micromark, and mostly without them', async () => {
    const report = await runIngest({ sources: 'content/sources', errata: loadErrata('content/errata.yaml') });
    let plain = 0;
    let blocks = 0;
    let answered = 0;
    for (const r of report.records) {
      const md = bodyToMarkdown(r.body);
      expect(md, `${r.collection}/${r.id}`).toBe(r.body.length ? libraryMarkdown(r.body) : '');
      const fast = bodyText(md ? `\n${md}` : '');
      if (fast !== undefined) {
        answered++;
        expect(fast, `${r.collection}/${r.id}`).toBe(wholeText(md));
      }
      for (const b of r.body) {
        blocks++;
        const texts = b.type === 'table' ? b.children.flatMap((row) => row.children.flatMap((c) => c.children)) : 'children' in b ? b.children : [];
        if (texts.every((x) => x.type === 'text' && isPlainText(x.value))) plain++;
      }
    }
    expect(blocks).toBeGreaterThan(500);
    expect(plain / blocks).toBeGreaterThan(0.8);
    // (the indicators' task lists are read by micromark over the whole body)
    expect(answered / report.records.length).toBeGreaterThan(0.5);
  }, 120_000);
});
