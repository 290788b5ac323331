/**
 * Cross-links between records of every type (cases 典型经验, indicators 指标, work points 工作要点 …)
 * through the shared theme vocabulary (content/themes.yaml, matched by scripts/ingest/themes.ts).
 *
 * Record shape expected from every collection (frontmatter):
 *
 *   themes:                      # from matchThemes(text) at ingest time
 *     - id: xingzheng-zhidao     # theme id (ASCII, /themes/<id>/)
 *       label: 行政指导
 *       terms: [行政指导, 事前指导] # the synonyms found in THIS record's text
 *
 * (a bare list of theme ids is accepted too; terms are then empty.)
 *
 * buildRelated() links two records when they share at least one theme (or, optionally, a facet
 * such as the same department). The result is:
 *  - symmetric: if A lists B then B lists A (links are chosen as pairs);
 *  - ranked: a shared facet (same department) first, then more shared themes, rarer themes weigh more;
 *  - capped: at most `limit` links per record and per target collection;
 *  - explained: each link carries the shared themes with the terms found on both sides.
 * Pure and deterministic (ties broken by collection and id).
 */

export interface ThemeRef {
  id: string;
  label: string;
  terms: string[];
}

/** What a record contributes to linking. `collection` is 'cases' | 'indicators' | 'workpoints' | … */
export interface Linkable {
  collection: string;
  id: string;
  title: string;
  href: string;
  themes: ReadonlyArray<ThemeRef | string>;
  /** Optional facet values (e.g. 'department:城市管理'): sharing one also links records of the same collection. */
  facets?: readonly string[];
  /** A short line shown under the link (region, department, 序号 …). */
  note?: string;
  /** Reading order within the collection (case seq, indicator 序号); lists on theme pages follow it. */
  order?: number;
}

export interface SharedTheme {
  id: string;
  label: string;
  /** Terms found in the record the list belongs to. */
  termsHere: string[];
  /** Terms found in the linked record. */
  termsThere: string[];
}

export interface RelatedLink {
  collection: string;
  id: string;
  title: string;
  href: string;
  note?: string;
  shared: SharedTheme[];
  /** Facets shared with the linked record (e.g. 'department:城市管理'). */
  sharedFacets: string[];
  score: number;
}

/** For one record: related records grouped by collection, each list ranked and capped. */
export type RelatedGroups = Record<string, RelatedLink[]>;

export interface RelatedOptions {
  /** Max links per record per target collection (default 6). */
  limit?: number;
  /** Labels for bare theme ids. */
  labels?: Record<string, string>;
  /**
   * Facets count only between records of the same collection (same department links two cases,
   * never a case and an indicator). Default true.
   */
  facetsWithinCollection?: boolean;
  /**
   * Score of one shared facet. Default 150: more than one shared theme (100 + rarity), so records
   * of the same department come first among related cases, then those sharing several themes.
   */
  facetWeight?: number;
  /** Records scored per record, taken from its themes' postings, rarest theme first (default 400). */
  candidates?: number;
  /** Best edges kept per record and target collection before the symmetric pass (default 8 × limit). */
  keep?: number;
}

export const keyOf = (r: { collection: string; id: string }) => `${r.collection}/${r.id}`;

export function toThemeRefs(themes: ReadonlyArray<ThemeRef | string> | undefined, labels: Record<string, string> = {}): ThemeRef[] {
  const out: ThemeRef[] = [];
  for (const t of themes ?? []) {
    const ref = typeof t === 'string' ? { id: t, label: labels[t] ?? t, terms: [] } : { id: t.id, label: t.label ?? labels[t.id] ?? t.id, terms: [...(t.terms ?? [])] };
    if (!out.some((o) => o.id === ref.id)) out.push(ref);
  }
  return out;
}

interface Edge {
  a: number;
  b: number;
  score: number;
  shared: string[];
  facets: string[];
}

/**
 * Compute related links for every record. Returns a Map keyed by `collection/id`; every record
 * has an entry (possibly with empty lists). Collections present in the input all appear as keys
 * of every record's groups, so a page can render "暂无" for an empty list.
 */
export function buildRelated(records: readonly Linkable[], opts: RelatedOptions = {}): Map<string, RelatedGroups> {
  const limit = opts.limit ?? 6;
  const within = opts.facetsWithinCollection ?? true;
  const facetWeight = opts.facetWeight ?? 150;
  const refs = records.map((r) => toThemeRefs(r.themes, opts.labels));
  const collections = [...new Set(records.map((r) => r.collection))].sort();

  // Rarer themes weigh more (inverse document frequency over all records).
  const df = new Map<string, number>();
  for (const list of refs) for (const t of list) df.set(t.id, (df.get(t.id) ?? 0) + 1);
  const n = records.length;
  const weight = (id: string) => 1 + Math.log((n + 1) / ((df.get(id) ?? 0) + 1));

  // Candidates through postings (theme → records, facet → records), never over all pairs: for each
  // record, the records sharing its rarest theme first, then the next theme…, at most `candidates`
  // of them (a posting is read from the record's own place in it, so neighbours in id order — the
  // same notice — come first and no record becomes a hub). Each record keeps its `keep` best edges
  // per target collection; the symmetric greedy pass below chooses among those. Below the caps the
  // result is exactly the all-pairs ranking (issue 13: the all-pairs loop was quadratic in records).
  const maxCandidates = opts.candidates ?? 400;
  const keep = opts.keep ?? limit * 8;
  const keys = records.map(keyOf);
  const byKey = records.map((_, i) => i).sort((x, y) => cmp(keys[x], keys[y]));
  const postings = new Map<string, { list: number[]; at: Map<number, number> }>();
  const post = (k: string, i: number) => {
    let p = postings.get(k);
    if (!p) postings.set(k, (p = { list: [], at: new Map() }));
    p.at.set(i, p.list.length);
    p.list.push(i);
  };
  const themeIds = refs.map((list) => list.map((t) => t.id));
  const themeSets = themeIds.map((ids) => new Set(ids));
  const facetKey = (r: Linkable, f: string) => `f\u0000${within ? r.collection + '\u0000' : ''}${f}`;
  for (const i of byKey) {
    for (const t of themeSets[i]) post(`t\u0000${t}`, i);
    for (const f of new Set(records[i].facets ?? [])) post(facetKey(records[i], f), i);
  }
  const sharedOf = (x: number, y: number) => themeIds[y].filter((id) => themeSets[x].has(id));
  const facetsOf = (x: number, y: number) => {
    const rx = records[x];
    const ry = records[y];
    return !within || rx.collection === ry.collection ? (rx.facets ?? []).filter((f) => (ry.facets ?? []).includes(f)) : [];
  };

  // Candidate edges as three parallel number arrays (ends and score), not one object per edge with its
  // shared themes: there are millions at 1,000 notices (up to `keep` per record and collection), and
  // the objects with their arrays were the build's largest transient heap (~0.5 GB). The shared themes
  // and facets are worked out only for the edges accepted below (the same values: pure functions of the ends).
  const edgeKeys = new Set<number>();
  const edgeA: number[] = [];
  const edgeB: number[] = [];
  const edgeScore: number[] = [];
  for (let a = 0; a < records.length; a++) {
    const ra = records[a];
    const lists = [
      ...[...new Set(ra.facets ?? [])].map((f) => facetKey(ra, f)),
      ...[...themeSets[a]].sort((x, y) => (df.get(x) ?? 0) - (df.get(y) ?? 0) || cmp(x, y)).map((t) => `t\u0000${t}`),
    ];
    const seen = new Set<number>([a]);
    const found: number[] = [];
    for (const k of lists) {
      const p = postings.get(k);
      if (!p) continue;
      const l = p.list;
      const start = p.at.get(a) ?? 0;
      for (let j = 1; j < l.length && found.length < maxCandidates; j++) {
        // alternate after and before the record's own place: start+1, start-1, start+2, …
        const off = j % 2 ? (j + 1) / 2 : -j / 2;
        const b = l[(start + off + l.length * 2) % l.length];
        if (!seen.has(b)) {
          seen.add(b);
          found.push(b);
        }
      }
      if (found.length >= maxCandidates) break;
    }
    const best = new Map<string, { b: number; score: number; at: number }[]>();
    const facetsA = ra.facets ?? [];
    for (let at = 0; at < found.length; at++) {
      const b = found[at]!;
      const rb = records[b];
      let n = 0;
      let w = 0;
      for (const id of themeIds[b]) if (themeSets[a].has(id)) (n++, (w += weight(id)));
      let nf = 0;
      if (facetsA.length && (!within || ra.collection === rb.collection)) for (const f of facetsA) if ((rb.facets ?? []).includes(f)) nf++;
      if (!n && !nf) continue;
      // a shared facet (same department), then overlap count, then rarity
      const score = n * 100 + w + nf * facetWeight;
      let list = best.get(rb.collection);
      if (!list) best.set(rb.collection, (list = []));
      list.push({ b, score, at });
    }
    for (const list of best.values()) {
      // Equal scores: the nearer candidate first (the order found in the postings), so records whose
      // best partners tie do not all keep the same few (lowest-key) records, which fill up at once.
      list.sort((x, y) => y.score - x.score || x.at - y.at);
      for (const { b, score } of list.slice(0, keep)) {
        const [l, h] = a < b ? [a, b] : [b, a];
        const k = l * records.length + h;
        if (edgeKeys.has(k)) continue;
        edgeKeys.add(k);
        edgeA.push(l);
        edgeB.push(h);
        edgeScore.push(score);
      }
    }
  }
  edgeKeys.clear();
  const order = edgeA.map((_, i) => i);
  order.sort((x, y) => edgeScore[y]! - edgeScore[x]! || cmp(keys[edgeA[x]!], keys[edgeA[y]!]) || cmp(keys[edgeB[x]!], keys[edgeB[y]!]));

  const count = records.map(() => new Map<string, number>());
  const out = new Map<string, RelatedGroups>();
  for (const k of keys) out.set(k, Object.fromEntries(collections.map((c) => [c, [] as RelatedLink[]])));

  const link = (from: number, to: number, e: Edge): RelatedLink => {
    const r = records[to];
    const here = refs[from];
    const there = refs[to];
    return {
      collection: r.collection,
      id: r.id,
      title: r.title,
      href: r.href,
      ...(r.note ? { note: r.note } : {}),
      shared: e.shared.map((id) => {
        const h = here.find((t) => t.id === id)!;
        const t = there.find((x) => x.id === id)!;
        return { id, label: h.label, termsHere: h.terms, termsThere: t.terms };
      }),
      sharedFacets: e.facets,
      score: Math.round(e.score * 1000) / 1000,
    };
  };

  for (const i of order) {
    const a = edgeA[i]!;
    const b = edgeB[i]!;
    const ca = records[a].collection;
    const cb = records[b].collection;
    const na = count[a].get(cb) ?? 0;
    const nb = count[b].get(ca) ?? 0;
    if (na >= limit || nb >= limit) continue; // accept a link only when both ends have room: keeps it symmetric
    // shared themes in the order of the later record's list, facets in the earlier one's (as the all-pairs loop gave them)
    const e: Edge = { a, b, score: edgeScore[i]!, shared: sharedOf(a, b), facets: facetsOf(a, b) };
    count[e.a].set(cb, na + 1);
    count[e.b].set(ca, nb + 1);
    out.get(keys[e.a])![cb].push(link(e.a, e.b, e));
    out.get(keys[e.b])![ca].push(link(e.b, e.a, e));
  }
  return out;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface ThemeIndexEntry {
  id: string;
  label: string;
  /** Every record carrying the theme, grouped by collection (uncapped), with its terms. */
  records: Record<string, Array<{ id: string; title: string; href: string; note?: string; terms: string[] }>>;
  total: number;
}

/** Everything that shares each theme (for /themes/<id>/). Themes in `vocabulary` order when given. */
export function indexByTheme(records: readonly Linkable[], vocabulary: ReadonlyArray<{ id: string; label: string }> = []): ThemeIndexEntry[] {
  const labels = Object.fromEntries(vocabulary.map((v) => [v.id, v.label]));
  const map = new Map<string, ThemeIndexEntry>();
  for (const v of vocabulary) map.set(v.id, { id: v.id, label: v.label, records: {}, total: 0 });
  const sorted = [...records].sort(
    (x, y) => cmp(x.collection, y.collection) || (x.order ?? Infinity) - (y.order ?? Infinity) || cmp(x.id, y.id),
  );
  for (const r of sorted) {
    for (const t of toThemeRefs(r.themes, labels)) {
      let e = map.get(t.id);
      if (!e) map.set(t.id, (e = { id: t.id, label: t.label, records: {}, total: 0 }));
      (e.records[r.collection] ??= []).push({ id: r.id, title: r.title, href: r.href, ...(r.note ? { note: r.note } : {}), terms: t.terms });
      e.total++;
    }
  }
  return [...map.values()];
}

/** Display names of the related lists, by collection. Other collections fall back to their name. */
export const RELATED_HEADINGS: Record<string, string> = {
  indicators: '相关指标',
  cases: '相关案例',
  workpoints: '相关要点',
  documents: '相关文件',
};
