/**
 * Unseen notices of the same genre (tests/fixtures/workpoints/*.txt, built from the patterns of
 * the seeds) through the real parser and the work point extractor, and through runIngest to see
 * that every numbered item that is not a work point is listed in the ingest report.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseSources } from '../../scripts/ingest/index';
import { runIngest, type IngestReport } from '../../scripts/ingest/run';
import { createWorkpointsExtractor, type WorkPointData, type WorkpointsReport } from '../../scripts/ingest/extractors/workpoints';
import { workpointSchema } from '../../src/schemas/workpoint';

const dir = 'tests/fixtures/workpoints';
let data: WorkPointData[] = [];
let report: WorkpointsReport;
const ofFile = (f: string) => data.filter((d) => d.source.file === f);

beforeAll(async () => {
  const { roots, documents } = await parseSources(dir, { errata: [] });
  const recs = createWorkpointsExtractor({ report: (r) => (report = r) }).extract({ roots, documents: new Map(documents.map((d) => [d.id, d])) });
  data = recs.map((r) => r.data as WorkPointData);
});

describe('work points of unseen notices', () => {
  it('only 1. 2. items at the top level (濮政办〔2024〕3号): every item is a work point', () => {
    const wp = ofFile('flat-items.txt');
    expect(wp.map((d) => [d.id, d.title, d.section, d.marker])).toEqual([
      ['pzb-2024-3-1', '加强组织领导', '正文', '1.'],
      ['pzb-2024-3-2', '强化督促检查', '正文', '2.'],
      ['pzb-2024-3-3', '做好材料报送', '正文', '3.'],
      ['pzb-2024-3-4', '注重宣传引导', '正文', '4.'],
    ]);
    expect(wp[0]!.document).toEqual({ id: 'pzb-2024-3', docNumber: '濮政办〔2024〕3号', title: '濮阳市人民政府办公室关于做好2024年度法治政府建设示范创建工作的通知' });
    expect(wp[0]!.source).toEqual({ file: 'flat-items.txt', lines: [10, 10] });
    // 2024年4月底前 → end of April; 6月30日前 → that day
    expect(wp[0]!.deadlines).toEqual([{ date: '2024-04-30', precision: 'day', text: '2024年4月底前' }]);
    expect(wp[2]!.deadlines).toEqual([{ date: '2024-06-30', precision: 'day', text: '2024年6月30日前' }]);
    // 每季度通报一次: repeats, first on the last day of the quarter of the notice (2024-03-15)
    expect(wp[1]!.deadlines).toEqual([{ date: '2024-03-31', precision: 'period', text: '每季度', start: '2024-01-01', recurring: 'quarterly', note: '每季度重复；此处为发文后的第一次' }]);
    expect(wp[3]!.deadlines.map((d) => [d.text, d.date, d.recurring])).toEqual([['每半年', '2024-06-30', 'half-yearly']]);
    expect(wp.map((d) => d.units)).toEqual([['各县区'], ['市政府督查室'], ['各县区'], ['市直各单位']]);
    expect(wp[3]!.quotas.map((q) => q.text)).toEqual(['不少于2个']);
    expect(wp.map((d) => d.themes.map((t) => t.id))).toContainEqual(expect.arrayContaining(['ducha-kaohe']));
    expect(report.skipped.filter((s) => s.file === 'flat-items.txt')).toEqual([]);
  });

  it('一、 sections with 1. items and no （一）: items keep their section; a year-less 12月上旬前 takes the document year', () => {
    const wp = ofFile('sections-items.txt');
    expect(wp.map((d) => [d.id, d.section, d.title])).toEqual([
      ['2024-mxnfzzfjsgzap-1-1', '一、健全依法决策机制', '严格落实重大行政决策程序'],
      ['2024-mxnfzzfjsgzap-1-2', '一、健全依法决策机制', '推行合法性审查全覆盖'],
      ['2024-mxnfzzfjsgzap-2-1', '二、加强督察考核', '开展法治督察'],
      ['2024-mxnfzzfjsgzap-2-2', '二、加强督察考核', '落实考核评价'],
    ]);
    expect(wp[0]!.deadlines).toEqual([{ date: '2024-09-30', precision: 'day', text: '2024年9月底前' }]);
    expect(wp[3]!.deadlines).toEqual([{ date: '2024-12-10', precision: 'period', text: '12月上旬前', start: '2024-12-01', note: '原文未写年份，取文件年份' }]);
    expect(wp.map((d) => d.units)).toEqual([['县司法局'], ['县直各单位'], ['县委依法治县办'], ['各乡（镇）人民政府']]);
  });

  it('（一）（二） items at the top level are work points; 按照市部署时间 has no date and says so', () => {
    const wp = ofFile('paren-items.txt');
    expect(wp.map((d) => [d.title, d.marker, d.section])).toEqual([
      ['开展示范创建自查', '（一）', '正文'],
      ['整改短板弱项', '（二）', '正文'],
      ['迎接评估验收', '（三）', '正文'],
    ]);
    expect(wp[0]!.deadlines.map((d) => d.date)).toEqual(['2024-05-31']);
    expect(wp[2]!.deadlines).toEqual([{ date: null, text: '按照市部署时间', note: '无具体日期：按上级部署的时间进行' }]);
    expect(wp[1]!.units).toEqual(['各街道（镇）']);
    expect(wp[0]!.themes.map((t) => t.id)).toContain('shifan-chuangjian');
  });

  it('a 1. before the first 一、 is skipped and reported; 说明： notes are never work points', () => {
    const wp = ofFile('notes-and-stray.txt');
    expect(wp.map((d) => [d.section, d.title])).toEqual([
      ['一、报送内容', '自查报告'],
      ['一、报送内容', '佐证材料'],
      ['正文', '工作要求'],
    ]);
    expect(wp.some((d) => /材料一式两份/u.test(d.title))).toBe(false);
    expect(report.skipped.filter((s) => s.file === 'notes-and-stray.txt')).toEqual([
      { file: 'notes-and-stray.txt', document: wp[0]!.document.id, line: 5, text: '1.本通知所称材料，包括纸质材料和电子材料', reason: expect.stringContaining('不在任何章节之下'), action: expect.stringContaining('section heading above it') },
    ]);
  });

  it('every record is valid against the collection schema', () => {
    expect(data.length).toBe(14);
    for (const d of data) expect(() => workpointSchema.parse(d), d.id).not.toThrow();
  });
});

describe('the ingest report lists every skipped numbered item with file:line and why', () => {
  let ingest: IngestReport;
  const progress: string[] = [];
  beforeAll(async () => {
    ingest = await runIngest({ sources: dir, errata: [], onProgress: (m) => progress.push(m) });
  });

  it('report.notes and the printed progress name the file, line, text and reason', () => {
    const wpNotes = ingest.notes.filter((n) => n.extractor === 'workpoints');
    expect(wpNotes.map((n) => `${n.file}:${n.line}`)).toEqual(['notes-and-stray.txt:5']);
    expect(progress.some((m) => m.includes('workpoints: skipped notes-and-stray.txt:5 1.本通知所称材料') && m.includes('不在任何章节之下'))).toBe(true);
    expect(ingest.collections.workpoints).toBe(14);
    // Numbering it cannot place is also a warning (what to check); a 说明 note is not.
    expect(ingest.warnings.map((w) => [w.code, w.extractor, `${w.file}:${w.line}`])).toEqual([['skipped', 'workpoints', 'notes-and-stray.txt:5']]);
  });
});
