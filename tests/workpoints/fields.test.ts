import { describe, expect, it } from 'vitest';
import { documentYear, findQuotas, findUnits, isBodyName, shortTitle, splitLead, asciiId } from '../../scripts/ingest/extractors/workpoints/fields';
import type { DocumentMeta } from '../../scripts/ingest/types';

describe('workpoint fields', () => {
  it('lead phrase: bold marks and the closing 。 go; a (date) parenthesis becomes the timing', () => {
    expect(splitLead('**完善行政调解告知引导制度。**')).toEqual({ title: '完善行政调解告知引导制度', timing: undefined });
    expect(splitLead('加压部署（2023年9月初）')).toEqual({ title: '加压部署', timing: '2023年9月初' });
    expect(splitLead('集中申报（按照市部署时间）')).toEqual({ title: '集中申报', timing: '按照市部署时间' });
    // a parenthesis that is not a time stays in the title
    expect(splitLead('推进乡镇（街道）')).toEqual({ title: '推进乡镇（街道）', timing: undefined });
  });
  it('a whole-sentence lead is cut at its first clause', () => {
    expect(shortTitle('各单位要按照创建通知评选流程要求，对照《河南省行政执法责任制示范点创建标准》，积极做好推荐工作')).toBe('各单位要按照创建通知评选流程要求');
    expect(shortTitle('营造“以赛促学”浓厚氛围')).toBe('营造“以赛促学”浓厚氛围');
  });
  it('quotas: qualifier, value, range, unit and clause; not durations or sizes', () => {
    const q = findQuotas('各省辖市培育授课员不少于 5 名，省直单位选择 1 至 3 个基层单位作为试点；本单位行政执法人员10人左右。');
    expect(q.map((x) => [x.text, x.value, x.max ?? null, x.unit, x.qualifier ?? null])).toEqual([
      ['不少于 5 名', 5, null, '名', '不少于'],
      ['1 至 3 个', 1, 3, '个', null],
      ['10人左右', 10, null, '人', '左右'],
    ]);
    expect(q[0]!.clause).toBe('各省辖市培育授课员不少于 5 名');
    expect(findQuotas('3个月内完成，5个工作日，提交3000字以内总结，2016年，第1期')).toEqual([]);
  });
  it('units: the subject of a sentence that names a body, lists split at 、, bodies after 会同', () => {
    expect(findUnits('各地各部门要结合实际。省法治政府建设领导小组办公室将组织开展比武活动。')).toEqual(['各地各部门', '省法治政府建设领导小组办公室']);
    expect(findUnits('会同省委宣传部、省委网信办、省广播电视台组织征集活动')).toEqual(['省委宣传部', '省委网信办', '省广播电视台']);
    expect(findUnits('县级以上司法行政部门要按照办法的要求审验。')).toEqual(['县级以上司法行政部门']);
    // an action phrase is not a body
    expect(findUnits('严格落实行政机关负责人依法出庭应诉制度。')).toEqual([]);
    expect(findUnits('深化“放管服效”改革，进一步加大简政放权力度。')).toEqual([]);
    // the subject of a clause after a comma, and 请 …
    expect(findUnits('年度工作多、任务重、要求高，各地各部门要高度重视')).toEqual(['各地各部门']);
    expect(findUnits('请各地各部门按照推荐方案要求，于10月31日之前推荐')).toEqual(['各地各部门']);
    // 原则上 / 在 / 于 / 每季度 after the body; 、 inside brackets is part of the name
    expect(findUnits('各县（市、区）人民政府原则上推荐1个')).toEqual(['各县（市、区）人民政府']);
    expect(findUnits('各省辖市、省直管县（市）政府在本地区选取培育对象')).toEqual(['各省辖市', '省直管县（市）政府']);
    expect(findUnits('请各县区于2024年6月30日前报送')).toEqual(['各县区']);
    expect(findUnits('市政府督查室每季度通报一次')).toEqual(['市政府督查室']);
    expect(findUnits('党政主要负责人要履行第一责任人职责')).toEqual(['党政主要负责人']);
    // verbs and self-references are not bodies
    expect(findUnits('引导行政机关在日常监管中实施行政指导')).toEqual([]);
    expect(findUnits('体现近年来，本单位在推进服务型行政执法建设中的情况')).toEqual([]);
    expect(findUnits('会同省法治政府建设领导小组办公室统一发布')).toEqual(['省法治政府建设领导小组办公室']);
  });
  it('isBodyName: a heading that is only a body name', () => {
    expect(isBodyName('济源示范区、各省直单位')).toBe(true);
    expect(isBodyName('各省辖市')).toBe(true);
    expect(isBodyName('推荐范围')).toBe(false);
    expect(isBodyName('加强组织领导')).toBe(false);
  });
  it('document year: dates, then 文号, then title, then the parent', () => {
    const base = { issuers: [], kind: '通知', children: [], attachments: [], contacts: [], cites: [], source: { file: 'f', lines: [1, 1] as [number, number] } };
    const parent: DocumentMeta = { ...base, id: 'p', title: '通知', signedDate: '2023-08-31' };
    const child: DocumentMeta = { ...base, id: 'c', title: '方案', parent: 'p' };
    const docs = new Map([['p', parent], ['c', child]]);
    expect(documentYear(child, docs)).toBe(2023);
    expect(documentYear({ ...base, id: 'x', title: 't', docNumber: '豫法政办〔2019〕12号' }, docs)).toBe(2019);
    expect(documentYear({ ...base, id: 'y', title: '2022 年度全省推进服务型行政执法建设工作要点' }, docs)).toBe(2022);
    expect(documentYear({ ...base, id: 'z', title: '无年份' }, docs)).toBeUndefined();
  });
  it('ids are ASCII; a document id without ASCII fails clearly', () => {
    expect(asciiId('yfzb-2019-10')).toBe('yfzb-2019-10');
    expect(() => asciiId('夏邑')).toThrow(/no ASCII characters/);
  });
});
