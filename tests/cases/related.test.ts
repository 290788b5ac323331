import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildRelated, indexByTheme, keyOf, toThemeRefs, type Linkable } from '../../src/lib/related';

const t = (id: string, ...terms: string[]) => ({ id, label: id.toUpperCase(), terms });
const rec = (collection: string, id: string, themes: Linkable['themes'], facets?: string[]): Linkable => ({
  collection, id, title: `${collection}-${id}`, href: `/${collection}/${id}/`, themes, facets,
});

describe('buildRelated', () => {
  const records = [
    rec('cases', 'a', [t('zhidao', '行政指导'), t('tiaojie', '行政调解')], ['department:烟草专卖']),
    rec('cases', 'b', [t('zhidao', '事前指导')], ['department:黄河河务']),
    rec('cases', 'c', [t('shenpi', '放管服')], ['department:烟草专卖']),
    rec('indicators', 'i1', [t('zhidao', '行政指导'), t('tiaojie', '调解')]),
    rec('indicators', 'i2', [t('shenpi', '证照分离')]),
    rec('workpoints', 'w1', ['zhidao']),
  ];
  const rel = buildRelated(records, { limit: 6 });

  it('links records sharing a theme, with the terms on both sides', () => {
    const a = rel.get('cases/a')!;
    expect(a.indicators.map((l) => l.id)).toEqual(['i1']);
    expect(a.indicators[0].shared).toEqual([
      { id: 'zhidao', label: 'ZHIDAO', termsHere: ['行政指导'], termsThere: ['行政指导'] },
      { id: 'tiaojie', label: 'TIAOJIE', termsHere: ['行政调解'], termsThere: ['调解'] },
    ]);
    expect(a.workpoints.map((l) => l.id)).toEqual(['w1']);
    expect(rel.get('indicators/i2')!.cases.map((l) => l.id)).toEqual(['c']);
  });

  it('ranks by overlap: two shared themes before one', () => {
    const i1 = rel.get('indicators/i1')!;
    expect(i1.cases.map((l) => l.id)).toEqual(['a', 'b']);
  });

  it('links same-collection records through a shared facet, never across collections', () => {
    const a = rel.get('cases/a')!;
    // c shares the department (ranks first by default), b one theme
    expect(a.cases.map((l) => [l.id, l.sharedFacets])).toEqual([['c', ['department:烟草专卖']], ['b', []]]);
    // with a small facet weight the shared theme wins
    expect(buildRelated(records, { facetWeight: 10 }).get('cases/a')!.cases.map((l) => l.id)).toEqual(['b', 'c']);
    expect(rel.get('indicators/i2')!.cases.find((l) => l.id === 'a')).toBeUndefined();
  });

  it('never links a record to itself and gives every record every collection key', () => {
    for (const [k, groups] of rel) {
      expect(Object.keys(groups).sort()).toEqual(['cases', 'indicators', 'workpoints']);
      for (const list of Object.values(groups)) expect(list.map(keyOf)).not.toContain(k);
    }
  });

  it('is symmetric and respects the cap for random inputs', () => {
    const arb = fc.array(
      fc.record({
        collection: fc.constantFrom('cases', 'indicators', 'workpoints'),
        themes: fc.uniqueArray(fc.constantFrom('t1', 't2', 't3', 't4', 't5'), { maxLength: 3 }),
        facets: fc.uniqueArray(fc.constantFrom('d:1', 'd:2'), { maxLength: 1 }),
      }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(arb, fc.integer({ min: 1, max: 4 }), (raw, limit) => {
        const recs = raw.map((r, i) => rec(r.collection, `r${i}`, r.themes, r.facets));
        const out = buildRelated(recs, { limit });
        for (const r of recs) {
          for (const [coll, list] of Object.entries(out.get(keyOf(r))!)) {
            expect(list.length).toBeLessThanOrEqual(limit);
            for (const l of list) {
              expect(l.collection).toBe(coll);
              const back = out.get(keyOf(l))![r.collection];
              expect(back.map(keyOf)).toContain(keyOf(r));
            }
            // ranked: scores never increase along a list
            for (let i = 1; i < list.length; i++) expect(list[i].score).toBeLessThanOrEqual(list[i - 1].score);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('is deterministic regardless of input order', () => {
    const a = buildRelated(records);
    const b = buildRelated([...records].reverse());
    for (const k of a.keys()) expect(b.get(k)).toEqual(a.get(k));
  });
});

describe('indexByTheme and toThemeRefs', () => {
  it('lists everything carrying a theme, grouped by collection', () => {
    const idx = indexByTheme(
      [rec('indicators', 'i1', [t('zhidao', '行政指导')]), rec('cases', 'a', [t('zhidao', '事前指导')])],
      [{ id: 'zhidao', label: '行政指导' }, { id: 'unused', label: '未用' }],
    );
    expect(idx.map((e) => [e.id, e.total])).toEqual([['zhidao', 2], ['unused', 0]]);
    expect(idx[0].records.cases![0]).toMatchObject({ id: 'a', terms: ['事前指导'] });
  });
  it('lists records in reading order when given', () => {
    const idx = indexByTheme([
      { ...rec('cases', 'z', ['t']), order: 1 },
      { ...rec('cases', 'a', ['t']), order: 2 },
      rec('cases', 'b', ['t']),
    ]);
    expect(idx[0].records.cases!.map((r) => r.id)).toEqual(['z', 'a', 'b']);
  });
  it('accepts bare ids and removes duplicates', () => {
    expect(toThemeRefs(['a', 'a', t('b', 'x')], { a: '甲' })).toEqual([{ id: 'a', label: '甲', terms: [] }, { id: 'b', label: 'B', terms: ['x'] }]);
  });
});
