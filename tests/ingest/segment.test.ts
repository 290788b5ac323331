import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { unified } from 'unified';
import { noticeParse, blockify } from '../../scripts/ingest/segment';
import { clean } from '../../scripts/ingest/clean';
import { parseText } from '../../scripts/ingest/index';
import type { DocumentNode, HeadingNode, NoticeRoot, TableNode } from '../../scripts/ingest/types';

const fixture = readFileSync('tests/fixtures/ingest/segment/input.txt', 'utf8');
const seed = (name: string) => readFileSync(`content/sources/${name}`, 'utf8');
const at = (a: number, b = a) => ({ start: { line: a }, end: { line: b } });

describe('segment: fixture → notice tree', () => {
  const tree = unified().use(noticeParse).parse(fixture) as unknown as NoticeRoot;
  const [notice, plan, annex] = tree.children as [DocumentNode, DocumentNode, DocumentNode];

  it('is a unified parser: root > documents with original line positions', () => {
    expect(tree.type).toBe('root');
    expect(tree.children.map((d) => d.position)).toEqual([at(1, 10), at(12, 33), at(35, 49)]);
    expect(plan.data.relation).toBe('印发');
    expect(annex.data.relation).toBe('附件');
  });

  it('header: 文号, title joined from issuer line + two title lines, recipients', () => {
    expect(notice.children.slice(0, 3)).toEqual([
      { type: 'header', role: 'docNumber', text: '测法政办〔2024〕3号', position: at(1) },
      { type: 'header', role: 'title', text: '测试县法治政府建设领导小组办公室关于印发《测试县2024年法治政府建设工作方案》的通知', position: at(2, 4) },
      { type: 'header', role: 'recipients', text: '各乡镇人民政府，县直各单位：', position: at(6) },
    ]);
  });

  it('closing: signature and date', () => {
    expect(notice.children.slice(-2)).toEqual([
      { type: 'closing', role: 'signature', text: '测试县法治政府建设领导小组办公室', position: at(9) },
      { type: 'closing', role: 'date', text: '2024年3月5日', position: at(10) },
    ]);
  });

  it('headings: depth from the numbering only, never from #, ## or **', () => {
    const hs = plan.children.filter((b): b is HeadingNode => b.type === 'heading');
    expect(hs.map((h) => [h.depth, h.marker, h.ordinal, h.text, h.rest ?? null, h.position.start.line])).toEqual([
      [1, '一、', 1, '总体要求', null, 14],
      [2, '（一）', 1, '指导思想。', '坚持依法行政。', 16],
      [3, '1.', 1, '营造氛围。', '各单位要广泛宣传。', 18],
      [4, '（1）', 1, '细化措施', null, 20],
      [4, '(2)', 2, '明确分工。', '按要求落实。', 22],
      [1, '二、', 2, '工作任务', null, 24],
    ]);
  });

  it('a tab-separated row table (one row per line) with a recognised header', () => {
    const t = plan.children.find((b): b is TableNode => b.type === 'table')!;
    expect(t.style).toBe('rows');
    expect(t.head?.cells.map((c) => c.text)).toEqual(['序号', '任务', '责任单位']);
    expect(t.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['1', '梳理权责清单', '司法局'],
      ['2', '公布清单', '各单位'],
    ]);
    expect(t.rows.map((r) => r.position)).toEqual([at(27), at(28)]);
  });

  it('a cell-per-line table: rows start at "\\t<seq>", a cell spanning lines keeps its newline', () => {
    const t = annex.children.find((b): b is TableNode => b.type === 'table')!;
    expect(t.style).toBe('cells');
    expect(t.head?.cells.map((c) => c.text)).toEqual(['序号', '任务', '材料']);
    expect(t.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['1', '编制清单', '1.清单文本\n2.公布网址'],
      ['2', '公开清单', '网址'],
    ]);
    expect(t.rows[0]!.cells[2]!.position).toEqual(at(44, 45));
    expect(t.rows[0]!.position).toEqual(at(42, 45));
    expect(t.position).toEqual(at(38, 49));
  });

  it('the attachment label and title head the attachment document', () => {
    expect(annex.children.slice(0, 2)).toEqual([
      { type: 'header', role: 'label', text: '附件', position: at(35) },
      { type: 'header', role: 'title', text: '测试县任务清单', position: at(37) },
    ]);
  });
});

describe('segment: real seeds', () => {
  const parse = (f: string) => parseText(f, seed(f), { encoding: 'UTF-8' }).root;

  it('001: the 责任清单 table has the header, 100 三级指标 rows and the restarted 加分项/否决项 rows', () => {
    const doc = parse('001_35814a2464d1ba9f.txt').children[2]!;
    const t = doc.children.find((b): b is TableNode => b.type === 'table')!;
    expect(t.head?.cells.map((c) => c.text)).toEqual(['序号', '三级指标', '填报材料', '责任单位']);
    const seqs = t.rows.map((r) => Number(r.cells[0]!.text));
    expect(seqs).toEqual([...Array.from({ length: 100 }, (_, i) => i + 1), 1, 2, 1, 2]);
    // Row 23: the number sits on an untabbed line (187) after an empty tab cell (184).
    const r23 = t.rows[22]!;
    expect(r23.cells[0]!.text).toBe('23');
    expect(r23.position.start.line).toBe(184);
    expect(r23.cells[1]!.text.startsWith('严格落实国务院和我省制定行政规范性文件的规定')).toBe(true);
    // Row 5: materials span two lines.
    expect(t.rows[4]!.cells[2]!.text.split('\n')).toHaveLength(2);
    expect(t.rows[4]!.cells[2]!.position).toEqual(at(93, 94));
    // Row 39: two responsible units on two lines.
    expect(t.rows[38]!.cells[3]!.text).toBe('金融服务中心\n教体局');
    // Every row has 4 cells (the last row, cut short by the end of the file, is padded).
    expect(t.rows.every((r) => r.cells.length === 4)).toBe(true);
    expect(t.position).toEqual(at(66, 678));
  });

  it('004: the 创建标准 scoring table is one table across four page breaks (header repeated)', () => {
    const doc = parse('004_68eba3d49fe9447e.txt').children[2]!;
    const tables = doc.children.filter((b): b is TableNode => b.type === 'table');
    expect(tables).toHaveLength(1);
    const t = tables[0]!;
    expect(t.head?.cells.map((c) => c.text)).toEqual(['总体要求', '工作要求', '创建要求', '创建标准', '验收方法', '评分细则']);
    expect(t.repeatedHead).toEqual([152, 158, 171]);
    expect(t.rows).toHaveLength(19);
    expect(t.rows[0]!.cells[0]!.text).toBe('明确行政执法责任（10分）');
    expect(t.rows[1]!.cells.slice(0, 3).map((c) => c.text)).toEqual(['', '', '建立行政执法权责清单动态调整机制。（3分）']);
    expect(t.rows.map((r) => r.position.start.line)).toContain(173);
  });

  it('004: attachments kept inside a 文号 document get label/title roles, also when printed without the label', () => {
    const doc = parse('004_68eba3d49fe9447e.txt').children[3]!;
    const roles = doc.children.filter((b) => b.type === 'paragraph' && b.role && b.role !== 'note').map((b) => (b.type === 'paragraph' ? [b.position.start.line, b.role, b.text] : []));
    expect(roles).toEqual([
      [250, 'attachmentLabel', '附件1'],
      [252, 'attachmentTitle', '已制定行政处罚裁量标准的法律、法规、规章梳理结果一览表'],
      [270, 'attachmentLabel', '附件2'],
      [272, 'attachmentTitle', '未制定行政处罚裁量标准的法律、法规、规章梳理结果一览表'],
      // 附件 3 and 4 are printed without their 附件 N label: their titles (two lines each) match the 附件： list
      [290, 'attachmentTitle', '工作任务细则\n(省辖市、省直管县市政府)'],
      [301, 'attachmentTitle', '工作任务细则\n(省直行政执法部门)'],
    ]);
  });

  it('004: 工作任务细则 tables keep Chinese-numeral row numbers', () => {
    const doc = parse('004_68eba3d49fe9447e.txt').children[3]!;
    const t = doc.children.filter((b): b is TableNode => b.type === 'table').find((x) => x.head?.cells[1]?.text.replace(/\s/g, '') === '内容')!;
    expect(t.rows.map((r) => r.cells[0]!.text)).toEqual(['一', '二', '三']);
    expect(t.rows[1]!.cells[3]!.text).toMatch(/^9\s*月/);
  });

  it('002: markdown marks never decide depth — "### 三、" and "#### 四、" are depth 1 like "## 一、"', () => {
    const wp = parse('002_219e36a7a20b3a16.txt').children[1]!;
    const top = wp.children.filter((b): b is HeadingNode => b.type === 'heading' && b.depth === 1);
    expect(top.map((h) => h.marker + h.text)).toEqual(['一、着力提升执法水平', '二、持续创新执法方式', '三、广泛开展宣传活动', '四、注重检验工作实效']);
    const items = wp.children.filter((b): b is HeadingNode => b.type === 'heading' && b.depth === 3);
    expect(items.map((h) => h.ordinal)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(items[4]!.text).toBe('完善行政调解告知引导制度。');
    expect(items[1]!.position).toEqual(at(25, 27)); // re-joined across the page break
  });

  it('000: the 35 unit names heading the cases are paragraphs with role sectionTitle (rendered as h2)', () => {
    const doc = parse('000_f1c3323b8e7f9c89.txt').children[0]!;
    const titles = doc.children.filter((b) => b.type === 'paragraph' && b.role === 'sectionTitle').map((b) => (b.type === 'paragraph' ? b.text : ''));
    expect(titles).toHaveLength(35);
    expect(titles[0]).toBe('郑州市二七区城市管理局');
    expect(titles[34]).toBe('固始县烟草局');
    expect(doc.children.some((b) => b.type === 'heading')).toBe(false);
  });

  it('blockify keeps every non-blank cleaned line in exactly one item', () => {
    for (const f of ['001_35814a2464d1ba9f.txt', '004_68eba3d49fe9447e.txt']) {
      const c = clean(seed(f));
      const items = blockify(c.lines);
      const lines = items.flatMap((i) => i.lines).sort((a, b) => a - b);
      const expected = c.lines.filter((l) => l.text).flatMap((l) => l.lines.filter((n) => c.perLine[n - 1])).sort((a, b) => a - b);
      for (const n of expected) expect(lines, `${f}:${n}`).toContain(n);
      expect(new Set(lines).size).toBe(lines.length);
    }
  });
});
