import { describe, expect, it } from 'vitest';
import {
  counts,
  filterIndicators,
  groupByArea,
  highlight,
  prevNext,
  scoringRows,
  stateFromSearch,
  stateToSearch,
  toCsv,
  unitIndex,
  unitSlugBase,
  unitSlugs,
  EMPTY_STATE,
} from '../../src/lib/indicators';
import { seedIndicators } from './seed';
import fc from 'fast-check';
import { keepCsvRecords } from '../../src/lib/indicators-core';

const { records, meta } = seedIndicators();

describe('src/lib/indicators', () => {
  it('groups by the nine areas then 加分项 and 否决项, every record once', () => {
    const groups = groupByArea(records, meta.areas);
    expect(groups.map((g) => g.key)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'a9', 'bonus', 'veto']);
    expect(groups.reduce((a, g) => a + g.items.length, 0)).toBe(104);
    expect(groups[0]!.label).toBe('（一）依法全面履行政府职能');
    expect(groups[0]!.derived).toBe(true);
    expect(groups.find((g) => g.key === 'bonus')!.derived).toBe(false);
    // （一） holds 1–18, 81, 85–86 in table order
    expect(groups[0]!.items.map((r) => r.seq)).toEqual([...Array.from({ length: 18 }, (_, i) => i + 1), 81, 85, 86]);
  });
  it('filters by keyword over 指标内容/填报材料/责任单位, and by unit, status, area', () => {
    const q = filterIndicators(records, { ...EMPTY_STATE, q: '法律顾问' });
    expect(q.map((r) => r.seq)).toEqual([33, 97]);
    expect(filterIndicators(records, { ...EMPTY_STATE, q: '法律 顾问' })).toHaveLength(2);
    expect(filterIndicators(records, { ...EMPTY_STATE, q: '府院联席办' }).map((r) => r.seq)).toEqual([82, 83, 84]);
    const sifa = filterIndicators(records, { ...EMPTY_STATE, unit: '司法局', status: 'pending' });
    expect(sifa.length).toBe(17);
    expect(sifa.every((r) => r.units.includes('司法局') && r.status === 'pending')).toBe(true);
    expect(filterIndicators(records, { ...EMPTY_STATE, area: 'veto' }).map((r) => r.id)).toEqual(['veto-1', 'veto-2']);
  });
  it('highlights every occurrence, keeping the text intact', () => {
    const segs = highlight('全面推行法律顾问、公职律师制度，注重发挥法律顾问作用', '法律顾问');
    expect(segs.filter((s) => s.mark).map((s) => s.text)).toEqual(['法律顾问', '法律顾问']);
    expect(segs.map((s) => s.text).join('')).toBe('全面推行法律顾问、公职律师制度，注重发挥法律顾问作用');
    expect(highlight('互联网＋监管', '互联网+').filter((s) => s.mark).map((s) => s.text)).toEqual(['互联网＋']);
    expect(highlight('abc', '')).toEqual([{ text: 'abc', mark: false }]);
  });
  it('round-trips the URL state and drops unknown statuses', () => {
    const s = { q: '法律顾问', unit: '司法局', status: 'pending' as const, area: 'a3' };
    expect(stateFromSearch(stateToSearch(s))).toEqual(s);
    expect(stateFromSearch('?status=bogus').status).toBe('');
    expect(stateToSearch(EMPTY_STATE)).toBe('');
  });
  it('unit index: ASCII slugs, counts and materials', () => {
    const units = unitIndex(records);
    const sifa = units.find((u) => u.name === '司法局')!;
    expect(sifa.slug).toBe('si-fa-ju');
    expect(units[0]!.name).toBe('司法局');
    expect(sifa.indicators.map((r) => r.seq)).toContain(33);
    expect(units.every((u) => /^[a-z0-9-]+$/.test(u.slug))).toBe(true);
    expect(new Set(units.map((u) => u.slug)).size).toBe(units.length);
    expect(unitSlugBase('卫生健康委')).toBe('wei-sheng-jian-kang-wei');
    expect([...unitSlugs(['甲', '甲 ']).values()]).toEqual(['jia', 'jia-2']);
  });
  it('prev/next in table order across the restart', () => {
    expect(prevNext(records, '100').next?.id).toBe('bonus-1');
    expect(prevNext(records, 'bonus-1').prev?.id).toBe('100');
    expect(prevNext(records, '001').prev).toBeUndefined();
  });
  it('counts', () => {
    const c = counts(records);
    expect(c.total).toBe(104);
    expect(c.kind).toEqual({ indicator: 100, bonus: 2, veto: 2 });
  });
  it('CSV: BOM, header, one line per record, quotes and formula guard', () => {
    const csv = toCsv(records);
    expect(csv.startsWith('\uFEFF编号,类别,序号,')).toBe(true);
    const one = toCsv([{ ...records[0]!, text: '=1+1 "x"' }]);
    expect(one).toContain(`"'=1+1 ""x"""`);
    // count records: each row starts with its id after a CRLF (quoted cells may hold LF only)
    expect(csv.split('\r\n').filter((l) => /^(\d{3}|bonus-\d|veto-\d),/.test(l))).toHaveLength(104);
  });
  it('the filtered CSV cut from a list\'s CSV is the CSV of the kept records (cells with quotes, commas and line breaks)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', '法', ',', '"', '\r\n', '\n', '\r', '=', ' '), maxLength: 12 });
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell, fc.boolean()), { minLength: 1, maxLength: 12 }), (rows) => {
        const list = rows.map(([text, intro], i) => ({ ...records[i]!, text, materialsIntro: intro || null }));
        const keep = new Set(list.filter((_, i) => rows[i]![2]).map((r) => r.id));
        expect(keepCsvRecords(toCsv(list), keep)).toBe(toCsv(list.filter((r) => keep.has(r.id))));
        // as the page gets it: fetch's text() drops the BOM, the download keeps it
        expect(keepCsvRecords(toCsv(list).slice(1), keep)).toBe(toCsv(list.filter((r) => keep.has(r.id))));
      }),
      { seed: 13, numRuns: 300 },
    );
  });
  it('scoring rows: path cells span their group', () => {
    const mk = (order: number, group: [number, number, number]) => ({
      id: `c${order}`, order, overall: '', work: '', requirement: '', standard: null, method: null, rule: null,
      baseline: false, veto: false, bonus: false, alignment: 'as-printed' as const, group, source: { file: 'f', lines: [1, 1] as [number, number] },
    });
    const rows = scoringRows([mk(1, [1, 1, 1]), mk(2, [1, 1, 2]), mk(3, [1, 2, 3]), mk(4, [2, 3, 4])]);
    expect(rows.map((r) => r.spans)).toEqual([[3, 2, 1], [0, 0, 1], [0, 1, 1], [1, 1, 1]]);
  });
});
