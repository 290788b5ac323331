/**
 * buildRelated at scale (issue 13): candidates come from theme/facet postings, not from all pairs.
 * Below the caps the result is exactly the all-pairs ranking (checked against a brute-force oracle
 * written from the documented rules); above them it stays symmetric, capped and ranked, and a
 * record sharing a theme with others still gets links.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildRelated, keyOf, type Linkable, type RelatedGroups } from '../../src/lib/related';

const rec = (collection: string, id: string, themes: string[], facets: string[] = []): Linkable => ({
  collection, id, title: id, href: `/${collection}/${id}/`, themes, facets,
});

/** The documented rules over every pair: score, global order (score, then keys), symmetric greedy with `limit`. */
function oracle(records: Linkable[], limit: number): Map<string, string[]> {
  const n = records.length;
  const ids = records.map((r) => (r.themes as string[]).filter((t, i, a) => a.indexOf(t) === i));
  const df = new Map<string, number>();
  for (const l of ids) for (const t of l) df.set(t, (df.get(t) ?? 0) + 1);
  const w = (t: string) => 1 + Math.log((n + 1) / ((df.get(t) ?? 0) + 1));
  const pairs: { a: number; b: number; score: number }[] = [];
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      const shared = ids[b].filter((t) => ids[a].includes(t));
      const same = records[a].collection === records[b].collection;
      const facets = same ? (records[a].facets ?? []).filter((f) => (records[b].facets ?? []).includes(f)) : [];
      if (shared.length + facets.length === 0) continue;
      pairs.push({ a, b, score: shared.length * 100 + shared.reduce((s, t) => s + w(t), 0) + facets.length * 150 });
    }
  }
  const key = records.map(keyOf);
  const c = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  pairs.sort((x, y) => y.score - x.score || c(key[x.a], key[y.a]) || c(key[x.b], key[y.b]));
  const count = new Map<string, number>();
  const out = new Map<string, string[]>(key.map((k) => [k, []]));
  for (const { a, b } of pairs) {
    const ka = `${a}>${records[b].collection}`;
    const kb = `${b}>${records[a].collection}`;
    if ((count.get(ka) ?? 0) >= limit || (count.get(kb) ?? 0) >= limit) continue;
    count.set(ka, (count.get(ka) ?? 0) + 1);
    count.set(kb, (count.get(kb) ?? 0) + 1);
    out.get(key[a])!.push(key[b]);
    out.get(key[b])!.push(key[a]);
  }
  return out;
}

const linked = (g: RelatedGroups) => Object.values(g).flat().map(keyOf).sort();

describe('buildRelated through postings', () => {
  it('equals the all-pairs ranking below the caps (random corpora)', () => {
    const arb = fc.array(
      fc.record({
        collection: fc.constantFrom('cases', 'indicators', 'workpoints'),
        themes: fc.uniqueArray(fc.constantFrom('t1', 't2', 't3', 't4', 't5', 't6'), { maxLength: 4 }),
        facets: fc.uniqueArray(fc.constantFrom('d:1', 'd:2', 'd:3'), { maxLength: 1 }),
      }),
      { maxLength: 60 },
    );
    fc.assert(
      fc.property(arb, fc.integer({ min: 1, max: 5 }), (raw, limit) => {
        const recs = raw.map((r, i) => rec(r.collection, `r${String(i).padStart(2, '0')}`, r.themes, r.facets));
        const got = buildRelated(recs, { limit });
        const want = oracle(recs, limit);
        for (const r of recs) expect(linked(got.get(keyOf(r))!)).toEqual([...want.get(keyOf(r))!].sort());
      }),
      { numRuns: 150 },
    );
  });

  it('stays symmetric, capped and non-empty when one theme is carried by thousands of records', () => {
    const themes = ['common', 'a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const recs: Linkable[] = [];
    for (let i = 0; i < 6000; i++) {
      const coll = ['cases', 'indicators', 'workpoints'][i % 3]!;
      recs.push(rec(coll, `x${i}`, ['common', themes[1 + (i % 7)]!, themes[1 + ((i * 5) % 7)]!].filter((t, k, a) => a.indexOf(t) === k)));
    }
    const out = buildRelated(recs, { limit: 6 });
    for (const r of recs) {
      const g = out.get(keyOf(r))!;
      for (const [coll, list] of Object.entries(g)) {
        expect(list.length).toBeLessThanOrEqual(6);
        for (const l of list) {
          expect(l.collection).toBe(coll);
          expect(out.get(keyOf(l))![r.collection]!.map(keyOf)).toContain(keyOf(r));
        }
        for (let i = 1; i < list.length; i++) expect(list[i]!.score).toBeLessThanOrEqual(list[i - 1]!.score);
      }
      expect(linked(g).length).toBeGreaterThan(0);
    }
  });
});
