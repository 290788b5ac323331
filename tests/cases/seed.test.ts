/** The cases extractor on the real seed content/sources/000_… (through parseSources). */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseSources } from '../../scripts/ingest/index';
import { extractCases, type CaseData, type CaseSetData } from '../../scripts/ingest/extractors/cases';
import type { RecordOut } from '../../scripts/ingest/types';

let recs: RecordOut[] = [];
let cases: CaseData[] = [];
let set: CaseSetData;

beforeAll(async () => {
  const { roots, documents } = await parseSources('content/sources');
  const docs = new Map(documents.map((d) => [d.id, d]));
  recs = extractCases({ roots, documents: docs });
  cases = recs.filter((r) => r.collection === 'cases').map((r) => r.data as CaseData);
  set = recs.find((r) => r.collection === 'casesets')!.data as CaseSetData;
});

describe('典型经验 from 000_f1c3323b8e7f9c89.txt', () => {
  it('finds the 35 units the introduction announces, in one article, without warnings', () => {
    expect(cases).toHaveLength(35);
    expect(set.expectedCount).toBe(35);
    expect(set.count).toBe(35);
    expect(set.warnings).toEqual([]);
    expect(new Set(cases.map((c) => c.id)).size).toBe(35);
    expect(cases.every((c) => c.source.file === '000_f1c3323b8e7f9c89.txt')).toBe(true);
    expect(set.batch).toBe('第二批河南省依法行政示范单位');
    expect(set.batchYear).toBe(2020);
    expect(set.intro.startsWith('省委、省政府高度重视法治政府建设')).toBe(true);
    expect(set.intro).toContain('依法有效化解社会矛盾纠纷'); // re-joined across the page break
  });

  it('gives a sample of units with their cities, counties and departments', () => {
    const by = (u: string) => cases.find((c) => c.unit === u)!;
    expect([by('郑州市二七区城市管理局').city, by('郑州市二七区城市管理局').county, by('郑州市二七区城市管理局').department]).toEqual(['郑州市', '二七区', '城市管理']);
    expect([by('新密市卫生健康委').city, by('新密市卫生健康委').county, by('新密市卫生健康委').department]).toEqual(['郑州市', '新密市', '卫生健康']);
    expect([by('沁阳县烟草局').city, by('沁阳县烟草局').county, by('沁阳县烟草局').regionResolution.method]).toEqual(['焦作市', '沁阳市', 'historical']);
    expect([by('济源黄河河务局').city, by('济源黄河河务局').department]).toEqual(['济源示范区', '黄河河务']);
    expect(by('济源市税务局').city).toBe(by('济源示范区财政金融局').city);
    expect([by('柘城县城乡综合行政执法局').city, by('柘城县城乡综合行政执法局').department]).toEqual(['商丘市', '城市管理']);
    expect([by('固始县烟草局').city, by('固始县烟草局').department]).toEqual(['信阳市', '烟草专卖']);
    expect(by('焦作市公安局高新分局').department).toBe('公安');
  });

  it('resolves every unit to a city and a known department', () => {
    expect(cases.filter((c) => !c.city).map((c) => c.unit)).toEqual([]);
    expect(cases.filter((c) => c.department === '其他').map((c) => c.unit)).toEqual([]);
  });

  it('keeps every body line: the source ranges cover the article body', () => {
    const first = cases[0].source.lines[0];
    expect(first).toBe(11);
    for (let i = 1; i < cases.length; i++) expect(cases[i].source.lines[0]).toBeGreaterThan(cases[i - 1].source.lines[1]);
    expect(cases[34].source.lines[1]).toBe(157);
    expect(cases[34].attribution).toBe('河南省法治政府建设领导小组办公室整理');
  });

  it('finds the figures the issue names', () => {
    const all = cases.flatMap((c) => c.figures.map((f) => f.text));
    for (const f of ['559条', '16.1亿元', '100%', '10分钟']) expect(all).toContain(f);
    for (const c of cases) for (const f of c.figures) expect(c.body.slice(f.start, f.end)).toBe(f.text);
  });

  it('links 行政指导 to the cases that practise it', () => {
    const zd = cases.filter((c) => c.themes.some((t) => t.id === 'xingzheng-zhidao')).map((c) => c.unit);
    expect(zd).toEqual(expect.arrayContaining(['鹤壁市市场监管局', '济源黄河河务局', '西平县烟草局', '固始县烟草局', '洛阳市应急局']));
  });
});
