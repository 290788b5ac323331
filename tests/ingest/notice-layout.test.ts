/**
 * Review pass: a 公文's header and closing lines were printed like body paragraphs (indented, the
 * signature and date at the left). The ingest now records which body blocks they are
 * (`blockRoles` in the frontmatter) and rehypeNoticeLayout gives them a class the page lays out
 * as printed: banner and 文号 centred, 主送 flush left, signature and date on the right, 版记 small.
 */
import { describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseText } from '../../scripts/ingest/index';
import { bodyLayout, blockToMdast, documentRecord } from '../../scripts/ingest/emit';
import { applyNoticeLayout } from '../../src/integrations/rehype-notice-layout';
import type { DocumentNode } from '../../scripts/ingest/types';

const seed = (f: string) => parseText(f, readFileSync(`content/sources/${f}`, 'utf8'), { encoding: 'UTF-8' }).root.children as DocumentNode[];

describe('blockRoles: header and closing lines of the body', () => {
  it('index = position among the top-level body blocks (the title block emits nothing; a closing block may emit several)', () => {
    const [notice] = seed('004_68eba3d49fe9447e.txt');
    const roles = bodyLayout(notice!.children.map((block) => ({ block, mdast: blockToMdast(block) })));
    expect(roles).toEqual([
      { at: 0, role: 'banner' },
      { at: 1, role: 'docNumber' },
      { at: 2, role: 'recipients' },
      { at: 8, role: 'contact' },
      { at: 9, role: 'contact' },
      { at: 10, role: 'attachments' },
      { at: 11, role: 'attachments' },
      { at: 12, role: 'attachments' },
      { at: 13, role: 'date' },
    ]);
    expect(documentRecord(notice!).body).toHaveLength(14);
  });

  it('a document without header/closing lines gets none (the 典型经验 article)', () => {
    const [article] = seed('000_f1c3323b8e7f9c89.txt');
    const roles = bodyLayout(article!.children.map((block) => ({ block, mdast: blockToMdast(block) })));
    expect(roles.map((r) => r.role)).toEqual(['subtitle']);
  });
});

describe('rehypeNoticeLayout', () => {
  const el = (tag: string, text: string) => ({ type: 'element', tagName: tag, properties: {}, children: [{ type: 'text', value: text }] });

  it('adds notice-line and notice-<role> (kebab case) to the named top-level elements, skipping whitespace text nodes', () => {
    const tree = { type: 'root', children: [el('p', 'A文件'), { type: 'text', value: '\n' }, el('p', 'A〔2024〕1号'), { type: 'text', value: '\n' }, el('p', '正文'), el('p', '2024年1月1日')] };
    expect(applyNoticeLayout(tree, [{ at: 0, role: 'banner' }, { at: 1, role: 'docNumber' }, { at: 3, role: 'date' }, { at: 9, role: 'date' }, { at: 2, role: 'x y' }])).toBe(3);
    const classes = tree.children.filter((n) => n.type === 'element').map((n) => (n as { properties: { className?: string[] } }).properties.className ?? []);
    expect(classes).toEqual([['notice-line', 'notice-banner'], ['notice-line', 'notice-doc-number'], [], ['notice-line', 'notice-date']]);
    // text untouched
    expect(JSON.stringify(tree)).toContain('"value":"A〔2024〕1号"');
  });

  it('the built page of 郑法政办〔2019〕7号 carries the classes on its header and closing lines', () => {
    const dist = inject('distDir');
    expect(dist, 'needs the site build (tests/setup/build.ts)').toBeTruthy();
    const html = readFileSync(join(dist, 'documents/zfzb-2019-7/index.html'), 'utf8');
    expect(html).toMatch(/<p class="notice-line notice-banner"[^>]*>郑州市法治政府建设领导小组办公室文件<\/p>/);
    expect(html).toMatch(/<p class="notice-line notice-doc-number"[^>]*>郑法政办〔2019〕7号<\/p>/);
    expect(html).toMatch(/<p class="notice-line notice-date"[^>]*>2019年7月23日<\/p>/);
    // the 文号 the body prints is not repeated under the title
    expect(html.match(/<p class="[^"]*doc-number[^"]*"[^>]*>郑法政办〔2019〕7号<\/p>/g)).toHaveLength(1);
    // body paragraphs get no class
    expect(html).toMatch(/<p>现将《河南省法治政府建设领导小组办公室/);
    const page = readFileSync(join(dist, 'documents/2016-hjqntjyfxzjsfzzf/index.html'), 'utf8');
    expect(page).toMatch(/<p class="notice-line notice-printed"[^>]*>2016年5月15日印发<\/p>/);
  });
});
