import { describe, expect, it } from 'vitest';
import {
  childrenOf, deadlineLine, facets, filterKeys, filterPoints, formatDeadlineDate, groupByDocument, matches, parseFilterState, prevNext, sourceLine, toQuery,
} from '../../src/lib/workpoints';
import { points } from './sample-points';

describe('src/lib/workpoints', () => {
  it('groups by document (source order) and by section (reading order)', () => {
    const g = groupByDocument(points);
    expect(g.map((d) => [d.document.id, d.count])).toEqual([['xy-fa', 5], ['yfzb-12', 1]]);
    expect(g[0]!.sections.map((s) => [s.section, s.items.map((i) => i.id)])).toEqual([
      ['二、创建主体和目标', ['xy-fa-2-2']],
      ['四、创建步骤', ['xy-fa-4-1', 'xy-fa-4-2', 'xy-fa-4-6']],
      ['三、主要任务', ['xy-fa-3-4']],
    ]);
    expect(new Set(g.flatMap((d) => [d.anchor, ...d.sections.map((s) => s.anchor)])).size).toBe(6);
  });
  it('facets: years newest first, themes by use', () => {
    const f = facets(points);
    expect(f.years).toEqual([{ value: '2023', label: '2023年', count: 5 }, { value: '2019', label: '2019年', count: 1 }]);
    expect(f.themes.map((t) => t.value)).toEqual(['shifan', 'tiaojie']);
  });
  it('filters by keyword (all words, NFKC, spaces ignored), theme and year', () => {
    const ids = (q: string, theme = '', year = '') => filterPoints(points, { q, theme, year }).map((p) => p.id);
    expect(ids('行政 调解')).toEqual(['xy-fa-3-4']);
    expect(ids('豫法政办〔2019〕12号')).toEqual(['yfzb-12-t1-2']);
    expect(ids('', 'shifan')).toEqual(['xy-fa-4-1']);
    expect(ids('', '', '2019')).toEqual(['yfzb-12-t1-2']);
    expect(ids('自查', '', '2019')).toEqual([]);
    expect(ids('').length).toBe(points.length);
    expect(matches(filterKeys(points[2]!), { q: '各单位', theme: '', year: '2023' })).toBe(true);
  });
  it('filter state round-trips through the URL', () => {
    const s = { q: '自查 整改', theme: 'tiaojie', year: '2023' };
    expect(parseFilterState(toQuery(s))).toEqual(s);
    expect(toQuery({ q: '', theme: '', year: '' })).toBe('');
  });
  it('prev/next follow reading order; children of an item', () => {
    expect(prevNext(points, 'xy-fa-4-1').prev?.id).toBe('xy-fa-2-2');
    expect(prevNext(points, 'xy-fa-4-1').next?.id).toBe('xy-fa-4-2');
    expect(prevNext(points, 'yfzb-12-t1-2').next).toBeUndefined();
    expect(childrenOf([...points, { ...points[0]!, id: 'c', parent: 'xy-fa-4-1' }], 'xy-fa-4-1').map((p) => p.id)).toEqual(['c']);
  });
  it('formats deadlines by precision and keeps the original wording', () => {
    expect(formatDeadlineDate(points[1]!.deadlines[0]!)).toBe('2023年9月1日—10日');
    expect(formatDeadlineDate(points[0]!.deadlines[0]!)).toBe('2024年4月1日—6月30日');
    expect(formatDeadlineDate(points[5]!.deadlines[0]!)).toBe('2019年9月');
    expect(deadlineLine(points[2]!.deadlines[0]!)).toBe('2023年9月底前（2023年9月30日）');
    expect(deadlineLine(points[3]!.deadlines[0]!)).toBe('按照市部署时间（无具体日期：按上级部署的时间进行）');
    expect(deadlineLine(points[5]!.deadlines[1]!)).toBe('组织培训：10 月（2019年10月）');
    expect(sourceLine({ file: 'a.txt', lines: [3, 3] })).toBe('来源：a.txt 第 3 行');
  });
});

describe('sameSource', () => {
  it('links records read from the same source lines (a 工作任务细则 row)', async () => {
    const { sameSource } = await import('../../src/lib/workpoints');
    const rows = [
      { id: 'task-detail-1-2', source: { file: '004.txt', lines: [296, 296] as [number, number] } },
      { id: 'task-detail-1-3', source: { file: '004.txt', lines: [297, 297] as [number, number] } },
    ];
    expect(sameSource(points[5]!, rows).map((r) => r.id)).toEqual(['task-detail-1-2']);
    expect(sameSource(points[0]!, rows)).toEqual([]);
  });
});
