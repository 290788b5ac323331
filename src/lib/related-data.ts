/**
 * Adapter from the content collections to src/lib/related.ts (not pure: reads astro:content).
 * Computed once per build and shared by every page that renders <Related>.
 *
 * Title and note per collection are taken from the frontmatter by the rules in LINK_FIELDS;
 * a record type whose pages live elsewhere than /<collection>/<id>/ changes its entry here.
 */
import { getCollection } from 'astro:content';
import { buildRelated, type Linkable, type RelatedGroups, type ThemeRef } from './related';
import { url } from './url';
import { KIND_LABEL } from './indicators-core';

type Data = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const clip = (s: string, n = 60) => (s.length > n ? s.slice(0, n) + '…' : s);

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined);

export const LINK_FIELDS: Record<string, { title: (d: Data, id: string) => string; note?: (d: Data) => string | undefined; facets?: (d: Data) => string[]; order?: (d: Data) => number | undefined }> = {
  cases: {
    order: (d) => num(d.seq),
    title: (d, id) => str(d.unit) ?? id,
    note: (d) => [str(d.county) ?? str(d.city), str(d.department)].filter(Boolean).join(' · ') || undefined,
    facets: (d) => (str(d.department) ? [`department:${d.department}`] : []),
  },
  indicators: {
    order: (d) => num(d.seq),
    title: (d, id) => clip([d.seq != null ? String(d.seq) : '', str(d.title) ?? str(d.text) ?? id].filter(Boolean).join(' ')),
    note: (d) => str(d.area) ?? KIND_LABEL[d.kind as keyof typeof KIND_LABEL] ?? str(d.kind),
  },
  workpoints: {
    title: (d, id) => clip(str(d.title) ?? str(d.body) ?? id),
    // its document (many documents share item titles such as 认真做好行政应诉工作), else its section
    note: (d) => {
      const doc = str((d.document as { title?: unknown } | undefined)?.title);
      return doc ? clip(doc, 24) : str(d.section);
    },
  },
};

export const RELATED_COLLECTIONS = Object.keys(LINK_FIELDS);

let cache: Promise<{ records: Linkable[]; related: Map<string, RelatedGroups> }> | undefined;

async function collect(): Promise<Linkable[]> {
  const out: Linkable[] = [];
  for (const c of RELATED_COLLECTIONS) {
    let entries: Array<{ id: string; data: Data }> = [];
    try {
      entries = (await getCollection(c as never)) as unknown as Array<{ id: string; data: Data }>;
    } catch {
      entries = []; // collection not declared yet
    }
    const f = LINK_FIELDS[c];
    for (const e of entries) {
      const id = str(e.data.id) ?? e.id;
      out.push({
        collection: c,
        id,
        title: f.title(e.data, id),
        href: url(`${c}/${id}/`),
        themes: (Array.isArray(e.data.themes) ? e.data.themes : []) as Array<ThemeRef | string>,
        facets: f.facets?.(e.data) ?? [],
        note: f.note?.(e.data),
        order: f.order?.(e.data),
      });
    }
  }
  return out;
}

/** All linkable records of every collection (for theme pages). */
export async function loadLinkables(): Promise<Linkable[]> {
  return (await load()).records;
}

/** Related links for every record, keyed by `collection/id`. */
export async function loadRelated(): Promise<Map<string, RelatedGroups>> {
  return (await load()).related;
}

function load() {
  cache ??= collect().then((records) => ({ records, related: buildRelated(records, { limit: 6 }) }));
  return cache;
}
