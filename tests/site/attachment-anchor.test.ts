/**
 * Review pass: attachments printed inside their 文号 document have no record of their own; the
 * page's 附件 list called them 未收录 although they are right there in the body. It now links down
 * to the heading that is their title ("见正文").
 */
import { describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { attachmentHeading } from '../../src/lib/documents';

describe('attachmentHeading', () => {
  const headings = [
    { slug: 'a', text: '一、全面梳理行政执法权责事项' },
    { slug: 'b', text: '已制定行政处罚裁量标准的法律、法规、规章梳理结果一览表' },
    { slug: 'c', text: '工作任务细则 (省辖市、省直管县市政府)' },
  ];
  it('matches a title to the heading that prints it, ignoring spaces, brackets and punctuation', () => {
    expect(attachmentHeading('工作任务细则（省辖市、省直管县市政府）', headings)).toBe('c');
    expect(attachmentHeading('已制定行政处罚裁量标准的法律、法规、规章梳理结果一览表', headings)).toBe('b');
  });
  it('no heading, no link (the caller labels it 未收录)', () => {
    expect(attachmentHeading('工作任务细则（省直行政执法部门）', headings)).toBeUndefined();
    expect(attachmentHeading('', headings)).toBeUndefined();
  });
});

describe('built pages', () => {
  const page = (id: string) => {
    const dist = inject('distDir');
    expect(dist, 'needs the site build (tests/setup/build.ts)').toBeTruthy();
    return readFileSync(join(dist, `documents/${id}/index.html`), 'utf8');
  };
  const attachmentList = (html: string) => /<h3[^>]*>附件<\/h3>\s*<ol[^>]*>([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? '';

  it('豫法政办〔2019〕12号: its four attachments link to their headings in the body, none is 未收录', () => {
    const html = page('yfzb-2019-12');
    const list = attachmentList(html);
    const hrefs = [...list.matchAll(/href="#([^"]+)"/g)].map((m) => decodeURIComponent(m[1]!));
    expect(hrefs).toHaveLength(4);
    for (const h of hrefs) expect(html, h).toContain(`id="${h}"`);
    expect(list).not.toContain('未收录');
    expect(list.match(/见正文/g)).toHaveLength(4);
  });

  it('豫法政办〔2019〕10号: the 申报表 is in the body too', () => {
    const list = attachmentList(page('yfzb-2019-10'));
    expect(list).toMatch(/href="#[^"]+"[^>]*>河南省第二批行政执法责任制示范点申报表<\/a>/);
    expect(list).not.toContain('未收录');
  });
});
