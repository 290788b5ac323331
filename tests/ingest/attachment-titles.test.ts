/**
 * Review pass: an attachment kept inside a 文号 document but printed without its 附件 N label
 * (附件 3 and 4 of 豫法政办〔2019〕12号, "工作任务细则" / "(省辖市、省直管县市政府)") is recognised by
 * its title in the document's 附件： list, and heads its part of the page (h2, in the 目录) like
 * 附件 1 and 2 — it used to be two bold caption lines missing from the page outline.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseText } from '../../scripts/ingest/index';
import { bodyToMarkdown, closingLines, documentBody } from '../../scripts/ingest/emit';
import type { DocumentNode } from '../../scripts/ingest/types';

const parse = (file: string, path: string) => parseText(file, readFileSync(path, 'utf8'), { encoding: 'UTF-8' }).root.children as DocumentNode[];

describe('attachment titles without a 附件 N label', () => {
  const docs = parse('fixture.txt', 'tests/fixtures/ingest/review/unlabelled-attachment.txt');

  it('stay inside the 文号 document (one document)', () => {
    expect(docs).toHaveLength(1);
  });

  it('a two-line title that matches the 附件： list is one attachmentTitle paragraph, lines kept apart', () => {
    const roles = docs[0]!.children.filter((b) => b.type === 'paragraph' && b.role).map((b) => (b.type === 'paragraph' ? [b.role, b.text, b.position.start.line, b.position.end.line] : []));
    expect(roles).toEqual([
      ['attachmentLabel', '附件1', 12, 12],
      ['attachmentTitle', '行政执法人员名单', 14, 14],
      ['attachmentTitle', '工作任务细则\n(县直部门)', 19, 21],
    ]);
  });

  it('emits an h2 for each attachment title, the two lines on one heading line', () => {
    const md = bodyToMarkdown(documentBody(docs[0]!));
    expect(md).toContain('## 行政执法人员名单\n');
    expect(md).toContain('## 工作任务细则 (县直部门)\n');
  });

  it('short lines above a table that are not in the 附件： list stay captions', () => {
    const text = readFileSync('tests/fixtures/ingest/review/unlabelled-attachment.txt', 'utf8').replace('2.工作任务细则（县直部门）', '2.其他材料');
    const d = parseText('fixture.txt', text, { encoding: 'UTF-8' }).root.children[0]!;
    const roles = d.children.filter((b) => b.type === 'paragraph' && b.role).map((b) => (b.type === 'paragraph' ? [b.role, b.text] : []));
    expect(roles.slice(2)).toEqual([
      ['caption', '工作任务细则'],
      ['caption', '(县直部门)'],
    ]);
  });
});

describe('on the seed: 豫法政办〔2019〕12号', () => {
  it('its four attachments each head a part of the page', () => {
    const d = parse('004_68eba3d49fe9447e.txt', 'content/sources/004_68eba3d49fe9447e.txt')[3]!;
    const h2 = documentBody(d).filter((n) => n.type === 'heading' && n.depth === 2).map((n) => (n.type === 'heading' && n.children[0]?.type === 'text' ? n.children[0].value : ''));
    expect(h2).toEqual([
      '一、全面梳理行政执法权责事项',
      '二、全面审定行政执法资格',
      '三、全面推进行政裁量权基准制度',
      '四、全面抓好工作落实',
      '已制定行政处罚裁量标准的法律、法规、规章梳理结果一览表',
      '未制定行政处罚裁量标准的法律、法规、规章梳理结果一览表',
      '工作任务细则 (省辖市、省直管县市政府)',
      '工作任务细则 (省直行政执法部门)',
    ]);
  });
});

describe('附件： list: a title wrapped onto the next line is one line', () => {
  it('closingLines joins a line that does not start an entry to the entry above', () => {
    const text = '附件：1.已制定行政处罚裁量标准的法律、法规、规章\n梳理结果一览表\n2.未制定行政处罚裁量标准的法律、法规、规章\n梳理结果一览表\n3.工作任务细则（省辖市、省直管县市政府）';
    expect(closingLines({ role: 'attachments', text })).toEqual([
      '附件：1.已制定行政处罚裁量标准的法律、法规、规章梳理结果一览表',
      '2.未制定行政处罚裁量标准的法律、法规、规章梳理结果一览表',
      '3.工作任务细则（省辖市、省直管县市政府）',
    ]);
  });

  it('a bare 附件： label keeps its own line; other closing blocks are line by line', () => {
    expect(closingLines({ role: 'attachments', text: '附件：\n1.甲方案\n2.乙方案' })).toEqual(['附件：', '1.甲方案', '2.乙方案']);
    expect(closingLines({ role: 'cc', text: '抄送：区委各部门。\n人大常委会办公室' })).toEqual(['抄送：区委各部门。', '人大常委会办公室']);
  });

  it('004 豫法政办〔2019〕12号: four entries, four lines', () => {
    const d = parse('004_68eba3d49fe9447e.txt', 'content/sources/004_68eba3d49fe9447e.txt')[3]!;
    const list = d.children.find((b) => b.type === 'closing' && b.role === 'attachments')!;
    expect(closingLines(list as { role: string; text: string })).toEqual([
      '附件：1.已制定行政处罚裁量标准的法律、法规、规章梳理结果一览表',
      '2.未制定行政处罚裁量标准的法律、法规、规章梳理结果一览表',
      '3.工作任务细则（省辖市、省直管县市政府）',
      '4.工作任务细则（省直行政执法部门）',
    ]);
  });
});
