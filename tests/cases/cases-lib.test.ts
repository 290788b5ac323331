import { describe, expect, it } from 'vitest';
import {
  bars, contextualCounts, excerpt, facetCounts, filterCaption, filterCases, filterQuery, highlightSegments, parseFilterQuery,
  prevNextCase, regionLabel, toggleFilter, type CaseLike,
} from '../../src/lib/cases';

const mk = (seq: number, city: string, citySlug: string, department: string, departmentSlug: string, themes: string[], county?: string): CaseLike => ({
  id: `c${seq}`, seq, unit: `单位${seq}`, city, citySlug, county, department, departmentSlug, body: '正文。', figures: [],
  themes: themes.map((id) => ({ id, label: id.toUpperCase(), terms: [] })),
});
const cases = [
  mk(1, '洛阳市', 'luoyangshi', '应急管理', 'yingjiguanli', ['zhidao', 'fuyi']),
  mk(2, '洛阳市', 'luoyangshi', '城市管理', 'chengshiguanli', ['shenpi'], '栾川县'),
  mk(3, '济源示范区', 'jiyuanshifanqu', '黄河河务', 'huanghehewu', ['zhidao']),
  mk(4, '鹤壁市', 'hebishi', '市场监管', 'shichangjianguan', ['zhidao', 'shenpi']),
];

describe('facets', () => {
  it('counts cases per city, department and theme, largest first', () => {
    const f = facetCounts(cases);
    expect(f.city.map((v) => [v.slug, v.count])).toEqual([['luoyangshi', 2], ['hebishi', 1], ['jiyuanshifanqu', 1]]);
    expect(f.theme[0]).toMatchObject({ slug: 'zhidao', label: 'ZHIDAO', count: 3 });
    expect(f.department.reduce((s, v) => s + v.count, 0)).toBe(4);
  });
  it('can order equal theme counts by the vocabulary', () => {
    expect(facetCounts(cases, ['shenpi', 'fuyi', 'zhidao']).theme.map((v) => v.slug)).toEqual(['zhidao', 'shenpi', 'fuyi']);
  });
  it('filters by any combination of keys', () => {
    expect(filterCases(cases, { city: 'luoyangshi' }).map((c) => c.seq)).toEqual([1, 2]);
    expect(filterCases(cases, { city: 'luoyangshi', theme: 'zhidao' }).map((c) => c.seq)).toEqual([1]);
    expect(filterCases(cases, { theme: 'zhidao', department: 'huanghehewu' }).map((c) => c.seq)).toEqual([3]);
    expect(filterCases(cases, {})).toHaveLength(4);
  });
  it('gives contextual counts: other keys applied, own key replaced', () => {
    const n = contextualCounts(cases, { city: 'luoyangshi' });
    expect(n.city).toEqual({ luoyangshi: 2, jiyuanshifanqu: 1, hebishi: 1 });
    expect(n.theme).toEqual({ zhidao: 1, fuyi: 1, shenpi: 1 });
  });
  it('captions the active filters', () => {
    expect(filterCaption({ city: 'luoyangshi', theme: 'zhidao' }, facetCounts(cases))).toBe('洛阳市 · ZHIDAO');
  });
});

describe('URL state', () => {
  it('round-trips through the query string, ignoring junk', () => {
    const s = { city: 'luoyangshi', theme: 'xingzheng-zhidao' };
    expect(filterQuery(s)).toBe('?city=luoyangshi&theme=xingzheng-zhidao');
    expect(parseFilterQuery(filterQuery(s))).toEqual(s);
    expect(parseFilterQuery('?city=<script>&foo=bar&department=shuili')).toEqual({ department: 'shuili' });
    expect(filterQuery({})).toBe('');
  });
  it('toggles a value on and off', () => {
    expect(toggleFilter({}, 'city', 'a')).toEqual({ city: 'a' });
    expect(toggleFilter({ city: 'a' }, 'city', 'a')).toEqual({});
    expect(toggleFilter({ city: 'a' }, 'city', 'b')).toEqual({ city: 'b' });
  });
});

describe('presentation', () => {
  it('labels regions', () => {
    expect(regionLabel(cases[1])).toBe('洛阳市 · 栾川县');
    expect(regionLabel(cases[0])).toBe('洛阳市');
    expect(regionLabel({})).toBe('省直');
  });
  it('cuts the opening at a sentence end when it can', () => {
    const body = '第一句话说明了基本做法和主要成效。' + '第二句'.repeat(30);
    expect(excerpt(body, 30)).toBe('第一句话说明了基本做法和主要成效。');
    expect(excerpt(body, 60).endsWith('…')).toBe(true); // the sentence end is too early for a long card
    expect(excerpt('短。', 40)).toBe('短。');
    expect(excerpt('无标点'.repeat(30), 20).endsWith('…')).toBe(true);
  });
  it('splits the body into text and figure segments from offsets, per paragraph', () => {
    const body = '梳理事项559条，共40家。\n满意度100%';
    const figs = [
      { text: '559条', start: 4, end: 8 },
      { text: '40家', start: 10, end: 13 },
      { text: '100%', start: 18, end: 22 },
      { text: '不对', start: 0, end: 2 }, // offsets that do not match the text are ignored
    ];
    const segs = highlightSegments(body, figs);
    expect(segs).toEqual([
      [{ text: '梳理事项', figure: false }, { text: '559条', figure: true }, { text: '，共', figure: false }, { text: '40家', figure: true }, { text: '。', figure: false }],
      [{ text: '满意度', figure: false }, { text: '100%', figure: true }],
    ]);
    expect(segs.flat().map((s) => s.text).join('')).toBe(body.replace('\n', ''));
  });
  it('keeps markup-like text as text segments', () => {
    const body = '<script>alert(1)</script>{x}';
    expect(highlightSegments(body, [])).toEqual([[{ text: body, figure: false }]]);
  });
  it('scales bars to the largest value', () => {
    const b = bars(facetCounts(cases).city, (v) => `/cases/city/${v.slug}/`);
    expect(b.map((x) => [x.label, x.value, x.ratio])).toEqual([['洛阳市', 2, 1], ['鹤壁市', 1, 0.5], ['济源示范区', 1, 0.5]]);
    expect(b[0].href).toBe('/cases/city/luoyangshi/');
  });
  it('finds previous and next in reading order', () => {
    expect(prevNextCase([...cases].reverse(), 'c2')).toMatchObject({ prev: { id: 'c1' }, next: { id: 'c3' } });
    expect(prevNextCase(cases, 'c1').prev).toBeUndefined();
  });
});
