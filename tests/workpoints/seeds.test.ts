/**
 * The work point extractor on the real seeds (content/sources through parseSources).
 * Counts per document, titles of a sample, every dated item, ids stable and unique.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseSources } from '../../scripts/ingest/index';
import { createWorkpointsExtractor, type WorkPointData, type WorkpointsReport } from '../../scripts/ingest/extractors/workpoints';
import { workpointSchema } from '../../src/schemas/workpoint';

let data: WorkPointData[] = [];
let report: WorkpointsReport;
const byTitle = (t: string) => data.filter((d) => d.document.title.includes(t));

beforeAll(async () => {
  const { roots, documents } = await parseSources('content/sources');
  const recs = createWorkpointsExtractor({ report: (r) => (report = r) }).extract({ roots, documents: new Map(documents.map((d) => [d.id, d])) });
  data = recs.map((r) => r.data as WorkPointData);
});

describe('work points from the seeds', () => {
  it('002 工作要点: 12 points in 4 sections, titles are the lead phrases (bold or not)', () => {
    const wp = data.filter((d) => d.document.title === '2022年度全省推进服务型行政执法建设工作要点');
    expect(wp.length).toBe(12);
    expect([...new Set(wp.map((d) => d.section))]).toEqual(['一、着力提升执法水平', '二、持续创新执法方式', '三、广泛开展宣传活动', '四、注重检验工作实效']);
    expect(wp.map((d) => d.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(wp[0]!.title).toBe('营造“以赛促学”浓厚氛围');
    expect(wp[4]!.title).toBe('完善行政调解告知引导制度'); // **bold** in the source
    expect(wp[9]!.title).toBe('高度重视'); // "10. **高度重视。**"
    expect(wp[0]!.quotas.map((q) => q.text)).toContain('不少于5名');
  });
  it('002 附件 1–2: 比武活动 环节 and 推荐要求/标准/名额 as items', () => {
    const fj1 = byTitle('比武活动实施方案');
    expect(fj1.map((d) => d.title)).toEqual(['参赛单位', '理论测试', '模拟执法', '结果运用']);
    expect(fj1[1]!.quotas.map((q) => q.text)).toEqual(['60人', '100人', '100人', '60人', '60人', '10人左右']);
    const fj2 = byTitle('单位和个人推荐方案');
    expect([...new Set(fj2.map((d) => d.sectionPath[0]))]).toEqual(['一、推荐要求', '二、推荐标准', '三、推荐名额']);
    expect(fj2.filter((d) => d.sectionPath[0] === '三、推荐名额').map((d) => d.quotas.map((q) => q.text))).toEqual([['4个', '10名'], ['2个', '3名']]);
  });
  it('003 惠济区工作要点: 30 points in 9 sections', () => {
    const wp = byTitle('惠济区2016年推进依法行政建设法治政府工作要点');
    expect(wp.length).toBe(30);
    expect(new Set(wp.map((d) => d.section)).size).toBe(9);
    expect(wp.map((d) => d.title).slice(0, 3)).toEqual(['规范行政权力运行', '深化行政审批制度改革', '加强行政执法体制改革']);
    expect(wp[29]!.title).toBe('加强政府法制机构建设');
    expect(wp.every((d) => d.year === 2016)).toBe(true);
  });
  it('001 夏邑县方案: 9 主要任务, 7 创建步骤 with dates, 5 工作机制, and the 创建目标 milestone', () => {
    const fa = byTitle('夏邑县创建全省法治政府建设示范县工作推进方案');
    const sec = (s: string) => fa.filter((d) => d.section === s);
    expect(sec('三、主要任务').length).toBe(9);
    expect(sec('五、工作机制').map((d) => d.title)).toEqual(['组织领导机制', '责任落实机制', '督导推进机制', '舆论宣传机制', '支持保障机制']);
    const steps = sec('四、创建步骤');
    expect(steps.map((d) => [d.title, d.timing, d.deadlines[0]!.date])).toEqual([
      ['加压部署', '2023年9月初', '2023-09-10'],
      ['全面自查', '2023年9月底前', '2023-09-30'],
      ['限期整改', '2023年10月初', '2023-10-10'],
      ['督查督导', '2023年10月底前', '2023-10-31'],
      ['完善提升', '2023年11月底前', '2023-11-30'],
      ['集中申报', '按照市部署时间', null],
      ['迎接考评', '按照市部署时间', null],
    ]);
    expect(steps[5]!.deadlines[0]!.note).toMatch(/无具体日期/);
    const target = fa.find((d) => d.title === '创建目标')!;
    expect(target.deadlines).toEqual([{ date: '2024-06-30', precision: 'period', text: '2024年第二季度前', start: '2024-04-01' }]);
    expect(fa.some((d) => d.title === '指导思想')).toBe(false);
    expect(report.skipped.some((s) => s.text === '一、指导思想')).toBe(true);
  });
  it('004: the four tasks of 豫法政办〔2019〕12号 and its 工作任务细则 rows with 完成期限', () => {
    const n12 = data.filter((d) => d.document.docNumber === '豫法政办〔2019〕12号');
    expect(n12.filter((d) => d.kind === 'item' && !d.parent).map((d) => d.title)).toEqual([
      '全面梳理行政执法权责事项', '全面审定行政执法资格', '全面推进行政裁量权基准制度', '全面抓好工作落实',
    ]);
    const rows = n12.filter((d) => d.kind === 'row');
    expect(rows.length).toBe(6);
    expect(rows.map((r) => r.units[0])).toEqual([...Array(3).fill('省辖市、省直管县市政府'), ...Array(3).fill('省直行政执法部门')]);
    expect(rows.map((r) => r.deadlines.map((d) => d.date))).toEqual([
      ['2019-09-30', '2019-12-31'],
      ['2019-09-30', '2019-10-31', '2019-11-30'],
      ['2019-12-31'],
      ['2019-09-30', '2019-11-30'],
      ['2019-08-31', '2019-09-30', '2019-10-31'],
      ['2019-09-30', '2019-12-31'],
    ]);
    expect(rows[0]!.deadlines.map((d) => d.label)).toEqual(['公布行政执法权责清单', '公布岗位职责体系和行政执法流程图']);
    expect(rows.every((r) => r.deadlines.every((d) => d.precision === 'month'))).toBe(true);
  });
  it('004: the 创建 procedure of 豫法政办〔2019〕10号 — 培育指导, 推荐上报, 组织验收 and its five 验收方式', () => {
    const n10 = data.filter((d) => d.document.docNumber === '豫法政办〔2019〕10号');
    const flow = n10.filter((d) => d.sectionPath[0] === '二、评选流程');
    expect(flow.filter((d) => !d.parent).map((d) => d.title)).toEqual(['培育指导', '推荐上报', '组织验收']);
    const acceptance = flow.find((d) => d.title === '组织验收')!;
    expect(flow.filter((d) => d.parent === acceptance.id).map((d) => d.title)).toEqual(['听取汇报', '查阅资料', '评查案卷', '现场测试', '实地察看']);
    expect(n10.find((d) => d.title === '精心组织')!.deadlines[0]).toMatchObject({ date: '2019-09-30', precision: 'day' });
  });
  it('the dated items of the corpus', () => {
    const dated = data.filter((d) => d.deadlines.some((x) => x.date)).map((d) => `${d.title}@${d.deadlines.filter((x) => x.date).map((x) => x.date).join(',')}`);
    expect(dated).toContain('规范行政相对人法律风险防控制度@2022-07-10');
    expect(dated).toContain('开展一系列主题宣传@2022-11-30');
    expect(dated).toContain('表扬一批表现突出的单位和个人@2022-10-31');
    expect(dated).toContain('加强组织领导@2017-03-31'); // 003: 每年第一季度, first after 2016-05-15
    expect(data.find((d) => d.title === '加强组织领导')!.deadlines[0]!.recurring).toBe('yearly');
    expect(dated.some((s) => s.endsWith('@2019-08-20'))).toBe(true); // 郑法政办〔2019〕7号
    // 001 督导推进机制: 每月由县领导主持…推进会, 每季度…观摩点评 (方案 signed 2023-08-31)
    expect(data.find((d) => d.title === '督导推进机制')!.deadlines.map((d) => [d.text, d.date, d.recurring])).toEqual([
      ['每月', '2023-08-31', 'monthly'],
      ['每季度', '2023-09-30', 'quarterly'],
    ]);
    expect(dated.length).toBe(20);
  });
  it('units: the responsible parties the text names (clause subjects, 请…, a body named as the title, a sub-item under its parent)', () => {
    const units = (id: string) => data.find((d) => d.id === id)!.units;
    // 请各地各部门按照…；…，省法治政府建设领导小组办公室将…
    expect(units('2022-ndqstjfwxxzzfjsg-3-9')).toEqual(['各地各部门', '省法治政府建设领导小组办公室']);
    // 年度服务型行政执法工作多、任务重、要求高，各地各部门要高度重视
    expect(units('2022-ndqstjfwxxzzfjsg-4-10')).toEqual(['各地各部门']);
    // siblings keep theirs
    expect(units('2022-ndqstjfwxxzzfjsg-1-1')).toContain('各地各部门');
    expect(units('2022-ndqstjfwxxzzfjsg-3-7')).toEqual(['省法治政府建设领导小组办公室', '各地各部门']);
    // 各县（市、区）人民政府原则上向…推荐 — the 、 inside the brackets does not split the name
    expect(units('zfzb-2019-7-2')).toEqual(['各县（市、区）人民政府', '市人民政府各部门']);
    expect(units('xyxcjqsfzzfjssfx-2-1')).toEqual(['各乡（镇）人民政府', '相关县直单位']);
    // 3.可以推荐名额：1.各省辖市。可以推荐4个单位 — the body is the title
    expect(units('2022-ndqstjfwxxzzfjsg-fj2-3-2')).toEqual(['济源示范区', '各省直单位']);
    // 组织验收: 省法治政府建设领导小组办公室统一…检查验收; its five 验收方式 are done by the same body
    expect(units('yfzb-2019-10-2-3')).toEqual(['省法治政府建设领导小组办公室']);
    expect(units('yfzb-2019-10-2-3-1')).toEqual(['省法治政府建设领导小组办公室']);
    expect(units('2016-hjqntjyfxzjsfzzf-9-28')).toEqual(['区政府']);
    // nothing invented: a task that names no body has none; 本单位 in a description is not a party
    expect(units('xyxcjqsfzzfjssfx-3-1')).toEqual([]);
    expect(units('2022-ndqstjfwxxzzfjsg-fj2-1-1-2')).toEqual([]);
    expect(units('2022-ndqstjfwxxzzfjsg-2-4')).toEqual(['各试点单位']);
  });
  it('themes: the creation steps and 督查 tasks have themes from the shared vocabulary', () => {
    const themes = (id: string) => data.find((d) => d.id === id)!.themes;
    expect(themes('xyxcjqsfzzfjssfx-4-2').map((t) => t.id)).toEqual(['shifan-chuangjian']);
    expect(themes('xyxcjqsfzzfjssfx-4-2')[0]!.terms).toEqual(['示范县', '创建活动', '自查自评']);
    expect(themes('xyxcjqsfzzfjssfx-4-4').map((t) => t.id)).toEqual(['shifan-chuangjian', 'ducha-kaohe']);
    expect(themes('2016-hjqntjyfxzjsfzzf-9-30').map((t) => t.id)).toEqual(['fazhi-duiwu']);
    // a 推荐名额 line names no practice: no theme is forced on it
    expect(themes('2022-ndqstjfwxxzzfjsg-fj2-3-1')).toEqual([]);
    expect(data.filter((d) => d.themes.length === 0).length).toBeLessThan(10);
  });
  it('ids are unique ASCII, every record validates against the schema and names its source lines', () => {
    expect(new Set(data.map((d) => d.id)).size).toBe(data.length);
    for (const d of data) {
      expect(d.id).toMatch(/^[a-z0-9-]+$/);
      expect(() => workpointSchema.parse(d)).not.toThrow();
      expect(d.source.lines[0]).toBeGreaterThan(0);
      expect(d.source.lines[1]).toBeGreaterThanOrEqual(d.source.lines[0]);
    }
    expect(data.length).toBe(105);
  });
});
