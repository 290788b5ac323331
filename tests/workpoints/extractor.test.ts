import { describe, expect, it } from 'vitest';
import { createWorkpointsExtractor, type WorkPointData } from '../../scripts/ingest/extractors/workpoints';
import type { WorkpointsReport } from '../../scripts/ingest/extractors/workpoints';
import { ctx, doc, h, p, root, table } from './fixtures';

const themes = [{ id: 'tiaojie', label: '行政调解', synonyms: ['行政调解'], exclude: [] }];
function run(roots: ReturnType<typeof root>[]) {
  let report: WorkpointsReport | undefined;
  const recs = createWorkpointsExtractor({ themes, report: (r) => (report = r) }).extract(ctx(roots));
  return { recs, data: recs.map((r) => r.data as WorkPointData), report: report! };
}

describe('workpoints extractor on hand-built trees', () => {
  it('工作要点: sections group numbered points; title = lead phrase, bold or not; year-less deadlines take the title year', () => {
    const d = doc({ id: 'gzyd-2022', title: '2022 年度全省推进服务型行政执法建设工作要点', kind: '工作要点' }, [
      p('为深入贯彻落实……现制定工作要点如下：', 19),
      h(1, '一、', 1, '着力提升执法水平', 21),
      h(3, '1.', 1, '营造“以赛促学”浓厚氛围', 23, '各省辖市培育授课员不少于 5 名，其他省直单位至少培育授课员 1 名。'),
      h(3, '2.', 2, '开展“微宣讲、走基层”活动', 25, '各地各部门要切实发挥服务型行政执法师资库作用。'),
      h(1, '二、', 2, '持续创新执法方式', 31),
      h(3, '5.', 5, '**完善行政调解告知引导制度。**', 37, '继续选取试点，完善行政调解告知引导制度。'),
      h(3, '6.', 6, '规范行政相对人法律风险防控制度', 39, '省直单位应当于 7 月上旬之前，梳理出一批违法风险点。'),
      p('细化防控措施，在广泛宣传的基础上，着重抓好防控措施的实施。', 41),
    ]);
    const { data } = run([root('002.txt', [d])]);
    expect(data.map((x) => x.title)).toEqual(['营造“以赛促学”浓厚氛围', '开展“微宣讲、走基层”活动', '完善行政调解告知引导制度', '规范行政相对人法律风险防控制度']);
    expect(data.map((x) => x.id)).toEqual(['gzyd-2022-1-1', 'gzyd-2022-1-2', 'gzyd-2022-2-5', 'gzyd-2022-2-6']);
    expect(data[0]!.section).toBe('一、着力提升执法水平');
    expect(data[0]!.quotas.map((q) => [q.text, q.value, q.unit, q.qualifier])).toEqual([
      ['不少于 5 名', 5, '名', '不少于'],
      ['至少培育授课员 1 名', 1, '名', '至少'],
    ]);
    expect(data[1]!.units).toEqual(['各地各部门']);
    expect(data[2]!.themes.map((t) => t.id)).toEqual(['tiaojie']);
    expect(data[3]!.deadlines).toEqual([
      { date: '2022-07-10', precision: 'period', text: '7 月上旬之前', start: '2022-07-01', note: '原文未写年份，取文件年份' },
    ]);
    // the continuation paragraph belongs to point 6, and its lines are in the source range
    expect(data[3]!.body).toContain('着重抓好防控措施的实施');
    expect(data[3]!.source).toEqual({ file: '002.txt', lines: [39, 41] });
    expect(data[0]!.document).toEqual({ id: 'gzyd-2022', title: '2022 年度全省推进服务型行政执法建设工作要点' });
    expect(data.every((x) => x.year === 2022)).toBe(true);
  });

  it('方案: 创建步骤 with timing in parentheses; 指导思想 is not a task; the target is a dated item', () => {
    const parent = doc({ id: 'xyfz-2023-12', title: '关于印发…的通知', docNumber: '夏法政办〔2023〕12号', signedDate: '2023-08-31', children: ['xy-fa'] }, []);
    const fa = doc({ id: 'xy-fa', title: '夏邑县创建全省法治政府建设示范县工作推进方案', kind: '方案', parent: 'xyfz-2023-12' }, [
      h(1, '一、', 1, '指导思想', 18),
      p('坚持以习近平新时代中国特色社会主义思想为指导……', 19),
      h(1, '二、', 2, '创建主体和目标', 20),
      h(2, '（二）', 2, '创建目标', 22, '经委托第三方机构评估认定，2024年第二季度前成功申创全省法治政府建设示范县。'),
      h(1, '四、', 4, '创建步骤', 33),
      h(2, '（一）', 1, '加压部署（2023年9月初）', 34, '召开全县法治政府建设示范县创建工作推进会议。'),
      h(2, '（二）', 2, '全面自查（2023年9月底前）', 35, '各乡（镇）、各单位要深刻认识……全面开展自查自评。'),
      h(2, '（六）', 6, '集中申报（按照市部署时间）', 39, '根据市法治政府建设领导小组办公室的统一部署和指导，按时开展申创上报工作。'),
    ]);
    const { data, report } = run([root('001.txt', [parent, fa])]);
    expect(data.map((x) => x.title)).toEqual(['创建目标', '加压部署', '全面自查', '集中申报']);
    expect(data[1]!.timing).toBe('2023年9月初');
    expect(data[1]!.deadlines[0]).toMatchObject({ date: '2023-09-10', precision: 'period', text: '2023年9月初' });
    expect(data[2]!.deadlines[0]).toMatchObject({ date: '2023-09-30', precision: 'day', text: '2023年9月底前' });
    expect(data[3]!.deadlines).toEqual([{ date: null, text: '按照市部署时间', note: '无具体日期：按上级部署的时间进行' }]);
    expect(data[0]!.deadlines[0]).toMatchObject({ date: '2024-06-30', text: '2024年第二季度前' });
    expect(data[2]!.units).toEqual(['各乡（镇）', '各单位']);
    expect(data.every((x) => x.year === 2023)).toBe(true); // from the parent notice's 成文日期
    expect(report.skipped.map((s) => s.text)).toEqual(['一、指导思想']);
  });

  it('a heading with its own text and sub-items is an item, and its sub-items point to it (组织验收 › 验收方式)', () => {
    const d = doc({ id: 'yfzb-2019-10', title: '关于开展第二批行政执法责任制示范点创建工作的通知', docNumber: '豫法政办〔2019〕10号', printedDate: '2019-07-01' }, [
      h(1, '二、', 2, '评选流程', 55),
      h(2, '（一）', 1, '培育指导', 57),
      p('各省辖市、省直管县（市）政府在本地区行政执法部门中选取培育对象进行指导。', 59),
      h(2, '（三）', 3, '组织验收', 65),
      p('省法治政府建设领导小组办公室统一对各地、各部门推荐的备选对象进行检查验收，具体验收方式如下：', 67),
      h(3, '1、', 1, '听取汇报', 71, '听取备选对象推行行政执法责任制情况汇报。'),
      h(3, '2、', 2, '查阅资料', 72, '查阅推行行政执法责任制工作方案。'),
    ]);
    const { data } = run([root('004.txt', [d])]);
    expect(data.map((x) => [x.id, x.title, x.parent ?? null])).toEqual([
      ['yfzb-2019-10-2-1', '培育指导', null],
      ['yfzb-2019-10-2-3', '组织验收', null],
      ['yfzb-2019-10-2-3-1', '听取汇报', 'yfzb-2019-10-2-3'],
      ['yfzb-2019-10-2-3-2', '查阅资料', 'yfzb-2019-10-2-3'],
    ]);
    expect(data[2]!.section).toBe('二、评选流程 › （三）组织验收');
    expect(data[1]!.source.lines).toEqual([65, 67]);
  });

  it('a whole-sentence numbered line gets its first clause as title and keeps the sentence in the body', () => {
    const d = doc({ id: 'zfzb-2019-7', title: '关于转发…的通知', signedDate: '2019-07-23' }, [
      h(1, '二、', 2, '各县（市、区）人民政府原则上推荐 1 个行政执法责任制示范点备选单位，并于 2019 年 8 月 20 日前将申报表报市法治政府建设领导小组办公室', 19),
    ]);
    const { data } = run([root('004.txt', [d])]);
    expect(data[0]!.title).toBe('各县（市、区）人民政府原则上推荐 1 个行政执法责任制示范点备选单位');
    expect(data[0]!.body).toContain('2019 年 8 月 20 日前');
    expect(data[0]!.deadlines.map((x) => x.date)).toEqual(['2019-08-20']);
    expect(data[0]!.quotas.map((q) => [q.text, q.qualifier])).toEqual([['原则上推荐 1 个', '原则上']]);
  });

  it('numbered notes of a 注：/说明： block (paragraph role note) are skipped and reported with their line', () => {
    const d = doc({ id: 'fj1', title: '梳理结果一览表', printedDate: '2019-07-11' }, [
      table(['序号', '法律、法规、规章名称', '备注'], [], 260),
      { ...p('注：1.设区的市行政执法部门只填写本市制定的地方性法规、规章相关内容；', 262), role: 'note' },
      { ...p('2.“本次修订裁量标准完成时限”一栏请填写日期，具体到年月；', 264), role: 'note' },
    ]);
    const { data, report } = run([root('004.txt', [d])]);
    expect(data).toEqual([]);
    expect(report.skipped.map((s) => [s.line, s.document, s.file])).toEqual([
      [262, 'fj1', '004.txt'],
      [264, 'fj1', '004.txt'],
    ]);
    expect(report.skipped[1]!.text).toBe('2.“本次修订裁量标准完成时限”一栏请填写日期，具体到年月；');
    expect(report.skipped[1]!.reason).toContain('说明/注');
  });

  it('top-level 1. items are work items when the document has no higher-level sections', () => {
    const d = doc({ id: 'pzb-2024-3', title: '关于做好示范创建工作的通知', docNumber: '濮政办〔2024〕3号', signedDate: '2024-03-15' }, [
      p('现就有关事项通知如下：', 9),
      h(3, '1.', 1, '加强组织领导。', 10, '各县区要在4月底前成立工作专班。'),
      h(3, '2.', 2, '强化督促检查。', 11, '市政府督查室每季度通报一次。'),
    ]);
    const { data, report } = run([root('puyang.txt', [d])]);
    expect(data.map((x) => [x.id, x.title, x.section, x.seq])).toEqual([
      ['pzb-2024-3-1', '加强组织领导', '正文', 1],
      ['pzb-2024-3-2', '强化督促检查', '正文', 2],
    ]);
    expect(data[0]!.deadlines).toMatchObject([{ date: '2024-04-30', text: '4月底前' }]);
    expect(data[0]!.units).toEqual(['各县区']);
    expect(data[1]!.units).toEqual(['市政府督查室']);
    expect(report.skipped).toEqual([]);
  });

  it('a numbered heading outside the sections of a sectioned document is skipped and reported, with its sub-items', () => {
    const d = doc({ id: 'x-2024', title: '2024年工作安排' }, [
      h(3, '1.', 1, '本安排适用于县直各单位。', 3),
      h(4, '（1）', 1, '含垂直管理部门。', 4),
      h(1, '一、', 1, '健全依法决策机制', 5),
      h(3, '1.', 1, '严格落实重大行政决策程序。', 6, '县司法局负责。'),
    ]);
    const { data, report } = run([root('x.txt', [d])]);
    expect(data.map((x) => x.id)).toEqual(['x-2024-1-1']);
    expect(report.skipped.map((s) => [s.file, s.line, s.text])).toEqual([
      ['x.txt', 3, '1.本安排适用于县直各单位'],
      ['x.txt', 4, '（1）含垂直管理部门'],
    ]);
    expect(report.skipped[0]!.reason).toContain('不在任何章节之下');
  });

  it('skipped items go to ctx.note (the ingest report) with file, line and reason', () => {
    const d = doc({ id: 'fa-2023', title: '创建方案' }, [
      h(1, '一、', 1, '指导思想', 18),
      h(3, '1.', 1, '坚持党的领导。', 19),
      h(1, '二、', 2, '主要任务', 20),
      h(3, '1.', 1, '依法全面履行政府职能。', 21, '深化改革。'),
    ]);
    const notes: unknown[] = [];
    const recs = createWorkpointsExtractor({ themes }).extract({ ...ctx([root('001.txt', [d])]), note: (n) => notes.push(n) });
    expect(recs.map((r) => r.id)).toEqual(['fa-2023-2-1']);
    expect(notes).toEqual([
      { file: '001.txt', line: 18, text: '一、指导思想', reason: '属于“指导思想”：说明性章节，不是工作任务', document: 'fa-2023' },
      { file: '001.txt', line: 19, text: '1.坚持党的领导', reason: '属于“指导思想”：说明性章节，不是工作任务', document: 'fa-2023' },
    ]);
  });

  it('task table rows with 完成期限: one item per row, deadlines labelled by what falls due', () => {
    const d = doc({ id: 'yfzb-2019-12', title: '关于做好2019年行政执法责任制有关工作的通知', printedDate: '2019-07-11' }, [
      p('工作任务细则', 290),
      p('(省辖市、省直管县市政府)', 292),
      table(['序号', '内 容', '细 则', '完成期限'], [
        ['一', '全面梳理行政执法权责事项', '组织所属行政执法部门重新制定、公布行政执法权责清单。', '9 月公布行政执法权责清单; 12 月公布岗位职责体系和行政执法流程图。'],
        ['二', '全面审定行政执法资格', '1、做好资格审定、清理工作。 2、组织本地区行政执法人员进行培训，并分别进行考试。 3、做好本地区行政执法证件年度审验工作。', '9 月 10 月 11 月'],
        ['三', '全面推进行政执法量权基准制度', '全面梳理本部门适用的法律、法规、规章。 对需要制定、修订行政处罚裁量标准的，及时进行制定、修订。', '9月 12月'],
      ], 294),
    ]);
    const { data } = run([root('004.txt', [d])]);
    expect(data.map((x) => [x.id, x.title, x.kind])).toEqual([
      ['yfzb-2019-12-t1-1', '全面梳理行政执法权责事项', 'row'],
      ['yfzb-2019-12-t1-2', '全面审定行政执法资格', 'row'],
      ['yfzb-2019-12-t1-3', '全面推进行政执法量权基准制度', 'row'],
    ]);
    expect(data[0]!.section).toBe('工作任务细则（省辖市、省直管县市政府）');
    expect(data[0]!.units).toEqual(['省辖市、省直管县市政府']);
    expect(data[0]!.deadlines.map((x) => [x.date, x.precision, x.label])).toEqual([
      ['2019-09-30', 'month', '公布行政执法权责清单'],
      ['2019-12-31', 'month', '公布岗位职责体系和行政执法流程图'],
    ]);
    expect(data[1]!.deadlines.map((x) => [x.date, x.label])).toEqual([
      ['2019-09-30', '做好资格审定、清理工作'],
      ['2019-10-31', '组织本地区行政执法人员进行培训'],
      ['2019-11-30', '做好本地区行政执法证件年度审验工作'],
    ]);
    expect(data[2]!.deadlines.map((x) => x.label)).toEqual(['全面梳理本部门适用的法律、法规、规章', '对需要制定、修订行政处罚裁量标准的']);
    expect(data[1]!.source).toEqual({ file: '004.txt', lines: [296, 296] });
  });

  it('numbering that repeats under one parent gives unique ids by construction (x-1, x-1r2), never a failure', () => {
    const d = doc({ id: 'x', title: 't 2020年' }, [h(1, '一、', 1, '甲', 1, '内容。'), h(3, '1.', 1, '子', 3, '内容。'), h(1, '一、', 1, '乙', 5, '内容。'), h(3, '1.', 1, '子', 7, '内容。')]);
    const { data } = run([root('f.txt', [d])]);
    expect(data.map((x) => [x.id, x.source.lines[0]])).toEqual([['x-1', 1], ['x-1-1', 3], ['x-1r2', 5], ['x-1r2-1', 7]]);
  });
});
