import { describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { markErratum, rehypeErrataMarks } from '../../src/integrations/rehype-errata';

const t = (value: string) => ({ type: 'text', value });
const el = (tagName: string, ...children: object[]) => ({ type: 'element', tagName, properties: {}, children });

describe('rehypeErrataMarks', () => {
  it('wraps exactly the recorded occurrence of the corrected text, with the original in the title', () => {
    const tree = { type: 'root', children: [el('h2', t('三、全面推进行政裁量权基准制度')), el('p', t('甲全面推进行政裁量权基准制度乙'))] };
    expect(markErratum(tree as never, { original: '全面推进行政执法量权基准制度', corrected: '全面推进行政裁量权基准制度', reason: 'OCR', occurrence: 1 })).toBe(true);
    const h2 = tree.children[0] as { children: { type: string }[] };
    expect(h2.children).toEqual([t('三、全面推进行政裁量权基准制度')]);
    const p = tree.children[1] as { children: { type: string; tagName?: string; properties?: Record<string, unknown>; children?: unknown[] }[] };
    expect(p.children.map((c) => c.type)).toEqual(['text', 'element', 'text']);
    expect(p.children[1]).toMatchObject({ tagName: 'span', properties: { className: ['erratum'], title: '原文：全面推进行政执法量权基准制度（OCR）' } });
    expect(p.children[1]!.children).toEqual([t('全面推进行政裁量权基准制度'), { type: 'element', tagName: 'sup', properties: { className: ['erratum-mark'], dataPagefindIgnore: 'true' }, children: [t('校')] }]);
  });

  it('reads the errata from the frontmatter Astro hands to rehype plugins; text with markup stays text', () => {
    const tree = { type: 'root', children: [el('p', t('<b>{x}</b> 扰民 扰民'))] };
    rehypeErrataMarks()(tree as never, { data: { astro: { frontmatter: { errata: [{ original: '<i>', corrected: '扰民', reason: 'r', occurrence: 1 }] } } } });
    const p = tree.children[0] as { children: { type: string; value?: string; properties?: Record<string, unknown> }[] };
    expect(p.children[0]).toEqual(t('<b>{x}</b> 扰民 '));
    expect(p.children[1]!.properties!.title).toBe('原文：<i>（r）');
  });

  it('the built page of 豫法政办〔2019〕12号 marks the two corrected task names and not the heading that was right', () => {
    const dist = inject('distDir');
    expect(dist, 'needs the site build (tests/setup/build.ts)').toBeTruthy();
    const html = readFileSync(join(dist, 'documents/yfzb-2019-12/index.html'), 'utf8');
    const marks = html.match(/<span class="erratum"[^>]*>全面推进行政裁量权基准制度<sup[^>]*>校<\/sup><\/span>/g) ?? [];
    expect(marks).toHaveLength(2);
    expect(marks[0]).toContain('title="原文：全面推进行政执法量权基准制度');
    expect(html).toMatch(/三、全面推进行政裁量权基准制度<\/h2>/);
    const page000 = readFileSync(join(dist, 'documents/yfxzqhzyxflt/index.html'), 'utf8');
    expect(page000).toMatch(/<span class="erratum" title="原文：避免就民式执法[^"]*"[^>]*>避免扰民式执法<sup/);
  });
});
