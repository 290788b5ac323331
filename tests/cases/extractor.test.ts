import { describe, expect, it } from 'vitest';
import { casesOfDocument, extractCases, bodyMdast, batchOf, type CaseData, type CaseSetData } from '../../scripts/ingest/extractors/cases';
import { loadThemes } from '../../scripts/ingest/themes';
import { loadDepartments } from '../../scripts/ingest/extractors/cases/departments';
import { tree, caseSpecs, UNITS, INTRO, type Spec } from './fixture-tree';

const themes = loadThemes();
const departments = loadDepartments();
const run = (specs: Spec[]) => {
  const root = tree(specs);
  return casesOfDocument(root, root.children[0], { themes, departments });
};
const cases = (specs: Spec[]) => run(specs)!.cases.map((c) => c.data as CaseData);

describe('cases extractor on a fixture tree', () => {
  const got = run(caseSpecs())!;
  const cs = got.cases.map((c) => c.data as CaseData);
  const set = got.set.data as CaseSetData;

  it('finds one case per unit line, in order, with the set record', () => {
    expect(cs.map((c) => c.unit)).toEqual(UNITS.map(([u]) => u));
    expect(cs.map((c) => c.seq)).toEqual([1, 2, 3, 4]);
    expect(set.count).toBe(4);
    expect(set.expectedCount).toBe(4);
    expect(set.intro).toBe(INTRO);
    expect(set.batch).toBe('第二批河南省依法行政示范单位');
    expect(set.batchYear).toBe(2020);
    expect(set.warnings).toEqual([]);
    expect(got.set.collection).toBe('casesets');
  });

  it('resolves regions and records how', () => {
    expect(cs.map((c) => [c.city, c.county ?? null, c.regionResolution.method])).toEqual([
      ['郑州市', '二七区', 'exact'],
      ['焦作市', '沁阳市', 'historical'],
      ['济源示范区', null, 'prefix'],
      ['焦作市', null, 'exact'],
    ]);
    expect(cs[1].regionResolution).toMatchObject({ printed: '沁阳县', official: '沁阳市', code: '410882' });
  });

  it('classifies departments through the declared mapping', () => {
    expect(cs.map((c) => c.department)).toEqual(['城市管理', '烟草专卖', '黄河河务', '公安']);
    expect(cs[0].departmentSlug).toMatch(/^[a-z0-9-]+$/);
  });

  it('gives stable ASCII ids from pinyin', () => {
    expect(cs.map((c) => c.id)).toEqual(['zhengzhoushi-erqiqu-chengshiguanliju', 'qinyangxian-yancaoju', 'jiyuan-huanghehewuju', 'jiaozuoshi-gonganjugaoxinfenju']);
  });

  it('keeps the body as printed, finds figures and themes, and lines', () => {
    expect(cs[1].body).toBe(UNITS[1][1]); // truncated source text stays as printed
    expect(cs[1].figures.map((f) => f.text)).toEqual(['106次', '12起', '96%']);
    expect(cs[2].themes.map((t) => t.id)).toEqual(expect.arrayContaining(['xingzheng-zhidao', 'liangfa-xianjie']));
    expect(cs[2].themes.find((t) => t.id === 'xingzheng-zhidao')!.terms).toEqual(['行政指导', '事前指导']);
    // title, subtitle, intro (3 lines) → first unit on line 9, its body on line 11
    expect(cs[0].source).toEqual({ file: 'fixture.txt', lines: [9, 11] });
  });

  it('moves the closing （…整理） from the last body to the article', () => {
    expect(cs[3].body.endsWith('300余处。')).toBe(true);
    expect(cs[3].attribution).toBe('河南省法治政府建设领导小组办公室整理');
    expect(set.attribution).toBe('河南省法治政府建设领导小组办公室整理');
  });

  it('writes figures as strong text in the mdast body, never HTML', () => {
    const md = got.cases[0].body;
    expect(md).toHaveLength(1);
    const p = md[0] as { type: string; children: Array<{ type: string; value?: string; children?: Array<{ value: string }> }> };
    expect(p.children.map((c) => c.type)).toEqual(['text', 'strong', 'text']);
    expect(p.children[1].children![0].value).toBe('10分钟');
    expect(JSON.stringify(md)).not.toContain('"html"');
  });
});

describe('cases extractor when upstream stages glue lines', () => {
  it('splits a unit line glued to the start of its practice', () => {
    const specs = caseSpecs();
    // join unit 1 with its body
    specs.splice(3, 2, { p: UNITS[0][0] + UNITS[0][1] });
    const got = run(specs)!;
    expect(got.cases.map((c) => (c.data as CaseData).unit)).toEqual(UNITS.map(([u]) => u));
    expect((got.cases[0].data as CaseData).body).toBe(UNITS[0][1]);
    expect(got.report.warnings.join('\n')).toMatch(/joined to its practice text/);
  });

  it('splits a unit line glued to the end of the previous paragraph', () => {
    const specs = caseSpecs();
    // body of unit 2 (ends without punctuation) + unit 3 line
    specs.splice(6, 2, { p: UNITS[1][1] + UNITS[2][0], lines: 3 });
    const got = run(specs)!;
    const cs = got.cases.map((c) => c.data as CaseData);
    expect(cs.map((c) => c.unit)).toEqual(UNITS.map(([u]) => u));
    expect(cs[1].body).toBe(UNITS[1][1]);
    expect(got.report.warnings.join('\n')).toMatch(/joined to the end of the previous paragraph/);
  });

  it('joins a body split by a page break and reports a count mismatch', () => {
    const specs: Spec[] = [
      { header: 'subtitle', text: '——第二批河南省依法行政示范单位展示' },
      { p: INTRO.replace('对4个', '对5个') },
      { p: '平顶山市税务局' },
      { p: '增设税务12366纳税热线，增' },
      { p: '加语音坐席，受理各类事项40483件。' },
      { p: '许昌市审计局' },
      { p: '组建“智慧审计”团队，形成180万字的研究成果。' },
      { p: '安阳市水利局' },
      { p: '专设水利与公安联动执法办公室。' },
    ];
    const got = run(specs)!;
    const cs = got.cases.map((c) => c.data as CaseData);
    expect(cs[0].body).toBe('增设税务12366纳税热线，增加语音坐席，受理各类事项40483件。');
    expect(cs[0].source.lines).toEqual([5, 9]);
    expect(got.report.warnings.join('\n')).toMatch(/announces 5 units, 3 unit lines/);
  });

  it('accepts a unit line the segmenter took for an issuer header', () => {
    const specs = caseSpecs();
    specs[3] = { header: 'issuer', text: UNITS[0][0] };
    expect(cases(specs).map((c) => c.unit)).toEqual(UNITS.map(([u]) => u));
  });
});

describe('documents that are not case articles', () => {
  it('yields nothing for a work-point notice even with unit-like signatures', () => {
    const specs: Spec[] = [
      { header: 'title', text: '关于印发工作要点的通知' },
      { p: '各乡（镇）人民政府，县直各单位：' },
      { p: '现将工作要点印发给你们，请认真贯彻执行。' },
      { closing: 'signature', text: '夏邑县法治政府建设领导小组办公室' },
    ];
    expect(run(specs)).toBeUndefined();
    const root = tree(specs);
    expect(extractCases({ roots: [root], documents: new Map() }, { themes, departments })).toEqual([]);
  });

  it('needs the article to speak of 示范单位 or 典型经验', () => {
    const specs = caseSpecs().filter((s) => !('header' in s));
    specs[0] = { p: '以下为各单位工作情况。' };
    expect(run(specs)).toBeUndefined();
  });
});

describe('helpers', () => {
  it('batchOf reads the batch from the subtitle', () => {
    expect(batchOf('——第二批河南省依法行政示范单位展示')).toBe('第二批河南省依法行政示范单位');
    expect(batchOf('第三批法治政府建设示范点')).toBe('第三批法治政府建设示范点');
    expect(batchOf('法治政府建设')).toBeUndefined();
  });
  it('bodyMdast keeps one paragraph per line and the whole text', () => {
    const md = bodyMdast('甲10家。\n乙', [{ text: '10家', number: 10, unit: '家', approx: false, start: 1, end: 4 }]);
    expect(md).toHaveLength(2);
    const flat = JSON.stringify(md);
    expect(flat).toContain('"10家"');
    expect(flat).toContain('"乙"');
  });
});
