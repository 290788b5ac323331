/**
 * Search helpers (pure, unit-tested in tests/search/search-lib.test.ts):
 * - query normalisation before it goes to Pagefind,
 * - 发文字号 (文号) detection and normalisation to the canonical 〔year〕 form,
 * - the 文号 → document lookup table built at build time,
 * - the search state (query + filters) ↔ URL query string.
 *
 * Runs both at build time (Astro) and in the browser (the /search/ page script), so it
 * must not import anything from Node or Astro.
 */

/** Pagefind filter keys used on record pages (data-pagefind-filter="key:value") and their labels. */
export const FILTER_KEYS = ['type', 'year', 'issuer', 'document', 'city', 'department', 'area', 'unit', 'theme'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export const FILTER_LABELS: Record<FilterKey, string> = {
  type: '类型',
  year: '年份',
  issuer: '发文机关',
  document: '所属文件',
  city: '地市',
  department: '部门类别',
  area: '领域',
  unit: '责任单位',
  theme: '主题',
};

/** Record types, in the order they are listed in the type facet. */
export const RECORD_TYPES = ['文件', '指标', '典型经验', '工作要点'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** Where each record type's list page lives (for the no-JS fallback and empty-result hints). */
export const TYPE_LIST_PATHS: Record<RecordType, string> = {
  文件: 'documents/',
  指标: 'indicators/',
  典型经验: 'cases/',
  工作要点: 'workpoints/',
};

export type Filters = Partial<Record<FilterKey, string[]>>;

export interface SearchState {
  q: string;
  filters: Filters;
}

// ---------------------------------------------------------------------------
// Query normalisation
// ---------------------------------------------------------------------------

/**
 * Full-width ASCII (Ａ-Ｚ, ０-９, （）［］ …) → half-width, ideographic space → space.
 * Deliberately not NFKC: NFKC also folds CJK compatibility ideographs, which we keep.
 */
export function toHalfWidth(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

/**
 * Cleans what a user typed before it is handed to Pagefind:
 * trims, folds full-width letters/digits/spaces, drops quotes and book-title marks
 * (“…” ‘…’ 《…》 「…」 — people paste titles with them, Pagefind would only treat them as noise),
 * collapses runs of whitespace. A 文号 is NOT rewritten here (see normaliseDocNumber).
 */
export function normaliseQuery(raw: string): string {
  return toHalfWidth(raw ?? '')
    .replace(/[“”‘’"'《》〈〉「」『』]/g, ' ')
    .replace(/[\s\u00A0]+/g, ' ')
    .trim();
}

/**
 * Short names staff use for departments → the names the notices use. Only whole query words
 * are replaced (a word inside a longer one, e.g. 城管执法, is left alone), because Pagefind
 * requires every query word to match.
 */
export const UNIT_ABBREVIATIONS: Record<string, string> = {
  城管局: '城市管理局',
  人社局: '人力资源社会保障局',
  卫健委: '卫生健康委',
  卫健局: '卫生健康委',
  市监局: '市场监管局',
  住建局: '住房城乡建设局',
  发改委: '发展改革委',
  交通局: '交通运输局',
  农业局: '农业农村局',
  环保局: '生态环境局',
  医保局: '医疗保障局',
  自规局: '自然资源局',
  资规局: '自然资源局',
};

/** Replaces whole-word abbreviations (UNIT_ABBREVIATIONS) in an already normalised query. */
export function expandAbbreviations(query: string, table: Record<string, string> = UNIT_ABBREVIATIONS): string {
  return query
    .split(' ')
    .map((w) => table[w] ?? w)
    .join(' ');
}

/** What the page and the benchmark hand to Pagefind: normalised, abbreviations expanded. */
export function prepareQuery(raw: string): string {
  return expandAbbreviations(normaliseQuery(raw));
}

// ---------------------------------------------------------------------------
// 文号 (发文字号)
// ---------------------------------------------------------------------------

/** Every bracket pair people (and OCR) use around the year of a 文号. */
const OPEN = '〔［\\[【（(﹝〈<｛{';
const CLOSE = '〕］\\]】）)﹞〉>｝}';

/**
 * A 文号: an issuer code of CJK characters (豫法政办, 郑法政办, 惠政文, 中发 …), the year in one
 * of the bracket variants (or bare, or followed by 年), the serial number, 号 (optional when the
 * year is bracketed). Spaces anywhere are tolerated ("豫法政办〔2019〕10 号").
 */
const DOC_NUMBER_RE = new RegExp(
  `([\\u4e00-\\u9fff]{1,12})\\s*(?:[${OPEN}]\\s*((?:19|20)\\d{2})\\s*[${CLOSE}]|((?:19|20)\\d{2})\\s*年?)\\s*第?\\s*(\\d{1,4})\\s*(号)?`,
  'u',
);

export interface DocNumber {
  /** Issuer code, e.g. 豫法政办 */
  code: string;
  year: number;
  serial: number;
  /** Canonical spelling, e.g. 豫法政办〔2018〕15号 */
  canonical: string;
}

/**
 * Parses a 文号 written in any of the usual variants:
 * 豫法政办〔2018〕15号, 豫法政办[2018]15号, 豫法政办(2018)15号, 豫法政办（2018）15号, 豫法政办【2018】15号,
 * full-width digits, spaces, 豫法政办2018年15号. Returns null when `text` is not (only) a 文号.
 */
export function parseDocNumber(text: string): DocNumber | null {
  const s = toHalfWidth(text ?? '').replace(/\s+/g, ' ').trim();
  if (!s) return null;
  const m = DOC_NUMBER_RE.exec(s);
  if (!m || m.index !== 0 || m[0].trim().length !== s.length) return null;
  const [, code, bracketYear, bareYear, serialText, hao] = m;
  // A bare year without 号 ("行政执法2019 10") is too ambiguous to be a 文号.
  if (!bracketYear && !hao) return null;
  const year = Number(bracketYear ?? bareYear);
  const serial = Number(serialText);
  if (!code || !serial) return null;
  return { code, year, serial, canonical: `${code}〔${year}〕${serial}号` };
}

/** Canonical 文号 (豫法政办〔2018〕15号) or null when the text is not a 文号. */
export function normaliseDocNumber(text: string): string | null {
  return parseDocNumber(text)?.canonical ?? null;
}

/** True when the whole query is a 文号 in any bracket variant. */
export function looksLikeDocNumber(query: string): boolean {
  return parseDocNumber(query) !== null;
}

export interface DocNumberTarget {
  /** Canonical 文号 */
  docNumber: string;
  /** Path of the document page relative to the site base, e.g. "documents/yufazhengban-2018-15/" */
  path: string;
  title: string;
}

/** 文号 (canonical) → document, built at build time from the documents collection. */
export type DocNumberTable = Record<string, DocNumberTarget>;

/**
 * Builds the lookup table. Entries without a parseable 文号 are skipped; two documents with
 * the same 文号 are an error (it would make the direct jump ambiguous).
 */
export function buildDocNumberTable(docs: { docNumber?: string | null; path: string; title: string }[]): DocNumberTable {
  const table: DocNumberTable = {};
  for (const d of docs) {
    if (!d.docNumber) continue;
    const canonical = normaliseDocNumber(d.docNumber);
    if (!canonical) continue;
    const prev = table[canonical];
    if (prev && prev.path !== d.path) {
      throw new Error(`文号 ${canonical} is carried by two documents: ${prev.path} and ${d.path}. Fix the docNumber in one of them.`);
    }
    table[canonical] = { docNumber: canonical, path: d.path, title: d.title };
  }
  return Object.fromEntries(Object.entries(table).sort(([a], [b]) => a.localeCompare(b)));
}

/** The document a 文号 query should jump to, or null (not a 文号, or not in the corpus). */
export function lookupDocNumber(query: string, table: DocNumberTable): DocNumberTarget | null {
  const canonical = normaliseDocNumber(query);
  if (!canonical) return null;
  return table[canonical] ?? null;
}

// ---------------------------------------------------------------------------
// Search state ↔ URL
// ---------------------------------------------------------------------------

/** Reads ?q=…&type=指标&year=2023 (repeated keys = several values of one facet). */
export function parseSearchParams(search: string | URLSearchParams): SearchState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const filters: Filters = {};
  for (const key of FILTER_KEYS) {
    const values = [...new Set(params.getAll(key).map((v) => v.trim()).filter(Boolean))];
    if (values.length) filters[key] = values;
  }
  return { q: params.get('q') ?? '', filters };
}

/** Writes the state back as a query string (stable key order, no empty values); '' when empty. */
export function stateToSearchParams(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const key of FILTER_KEYS) {
    for (const v of state.filters[key] ?? []) params.append(key, v);
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** Pagefind's filter object: one value → string, several values of one facet → any-of. */
export function toPagefindFilters(filters: Filters): Record<string, string | { any: string[] }> {
  const out: Record<string, string | { any: string[] }> = {};
  for (const key of FILTER_KEYS) {
    const values = filters[key];
    if (!values?.length) continue;
    out[key] = values.length === 1 ? values[0]! : { any: values };
  }
  return out;
}

/** Adds or removes one facet value (toggle), returning a new state. */
export function toggleFilter(state: SearchState, key: FilterKey, value: string): SearchState {
  const current = state.filters[key] ?? [];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  const filters: Filters = { ...state.filters };
  if (next.length) filters[key] = next;
  else delete filters[key];
  return { q: state.q, filters };
}

/** Number of active facet values. */
export function activeFilterCount(filters: Filters): number {
  return FILTER_KEYS.reduce((n, k) => n + (filters[k]?.length ?? 0), 0);
}

/**
 * Sorts the values of one facet for display: type in the fixed record order, year newest first,
 * everything else by count (desc) then by Chinese collation.
 */
export function sortFacetValues(key: FilterKey, counts: Record<string, number>): [string, number][] {
  const entries = Object.entries(counts);
  if (key === 'type') {
    const rank = (v: string) => {
      const i = (RECORD_TYPES as readonly string[]).indexOf(v);
      return i === -1 ? RECORD_TYPES.length : i;
    };
    return entries.sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b, 'zh-CN'));
  }
  if (key === 'year') return entries.sort(([a], [b]) => b.localeCompare(a));
  return entries.sort(([a, x], [b, y]) => y - x || a.localeCompare(b, 'zh-CN'));
}

// ---------------------------------------------------------------------------
// Themes (related-topic suggestions on empty results)
// ---------------------------------------------------------------------------

export interface ThemeLike {
  id: string;
  label: string;
  synonyms?: string[];
}

/**
 * Themes related to a query: a theme whose label or synonym shares at least two characters
 * in a row with the query (or contains it / is contained in it). Best overlap first.
 */
export function relatedThemes(query: string, themes: ThemeLike[], limit = 5): ThemeLike[] {
  const q = normaliseQuery(query).replace(/\s+/g, '');
  if (q.length < 2) return [];
  const bigrams = new Set<string>();
  for (let i = 0; i < q.length - 1; i++) bigrams.add(q.slice(i, i + 2));
  const score = (t: ThemeLike) => {
    let best = 0;
    for (const term of [t.label, ...(t.synonyms ?? [])]) {
      if (!term) continue;
      if (term.includes(q) || q.includes(term)) best = Math.max(best, 100 + term.length);
      let n = 0;
      for (let i = 0; i < term.length - 1; i++) if (bigrams.has(term.slice(i, i + 2))) n++;
      best = Math.max(best, n);
    }
    return best;
  };
  return themes
    .map((t) => [t, score(t)] as const)
    .filter(([, s]) => s > 0)
    .sort((a, b) => b[1] - a[1] || a[0].label.localeCompare(b[0].label, 'zh-CN'))
    .slice(0, limit)
    .map(([t]) => t);
}

// ---------------------------------------------------------------------------
// Result presentation
// ---------------------------------------------------------------------------

/**
 * Meta keys record pages may carry (data-pagefind-meta) to say where a result sits.
 * All optional; `title` is the record title (Pagefind's default is the first h1).
 */
export const PLACE_META_KEYS = ['document', 'section', 'unit', 'region', 'deadline'] as const;

/**
 * The type badge of a Pagefind result from its type filter: one of the four record types, or
 * another page kind that is indexed on purpose (责任单位 task lists, 评分细则); null when untyped.
 */
export function resultType(filters: Record<string, string[]> | undefined): string | null {
  const t = filters?.type?.[0]?.trim();
  return t ? t : null;
}

/** A result title that says what the record is: "第 1 项：三级指标" alone does not, so a summary follows. */
export function resultTitle(meta: Record<string, string | undefined>, fallback: string, max = 48): string {
  const title = (meta.title ?? '').trim() || fallback;
  const summary = (meta.summary ?? '').trim();
  if (!summary || title.includes(summary)) return title;
  const short = summary.length > max ? summary.slice(0, max) + '…' : summary;
  return `${title} ${short}`;
}

/**
 * One line saying where a result sits: 《文件》 › 章节 · 单位 · 地区. Parts equal to the title are
 * dropped (a document result need not repeat its own title), and so are duplicates.
 * `section` may come from the best-matching sub-result heading when the page has no meta.
 */
export function describePlace(meta: Record<string, string | undefined>, title = '', section?: string): string {
  const parts: string[] = [];
  const seen = new Set<string>([title.trim()]);
  const add = (s: string | undefined, fmt: (x: string) => string = (x) => x) => {
    const v = s?.trim();
    if (!v || seen.has(v)) return;
    seen.add(v);
    parts.push(fmt(v));
  };
  add(meta.document, (x) => `《${x.replace(/^《|》$/g, '')}》`);
  add(meta.section ?? section);
  const head = parts.splice(0).join(' › ');
  add(meta.unit);
  add(meta.region);
  add(meta.deadline, (x) => `时间节点：${x}`);
  return [head, ...parts].filter(Boolean).join(' · ');
}

// ---------------------------------------------------------------------------
// Excerpts
// ---------------------------------------------------------------------------

/** A piece of a Pagefind excerpt: plain text, or a matched word (rendered in <mark>). */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

/** What the page asks Pagefind to put where an excerpt is cut (`excerptEllipsis`). */
export const EXCERPT_ELLIPSIS = '…';

/**
 * Characters an excerpt must not start with: closing brackets and quotes, sentence and clause
 * punctuation, dashes. Pagefind cuts a window of words out of the page text, so an excerpt
 * can start just after "（一" (")培育指导") or "4" (".探索…"). Opening brackets and quotes stay.
 */
const LEADING_JUNK = /^[\s.,;:!?'"`\-–—·、，。；：！？）)\]】〕》〉」』”’]+/u;
/** Pagefind joins a heading or other block without final punctuation to what follows with ". ". */
const CJK_BEFORE = /[\p{Script=Han}）)】〕》」』”]/u;
const CJK_AFTER = /[\p{Script=Han}（(【〔《「『“\d]/u;

/**
 * Tidy a Pagefind excerpt for Chinese readers, keeping every <mark> where it was:
 * - a leading fragment of punctuation (the rest of a numbering marker such as "4." or "（一）", a
 *   comma of the sentence before) is dropped;
 * - the ". " Pagefind puts between a heading and the next block, between Chinese text, becomes "。";
 * - a space Pagefind leaves after a Chinese full stop / semicolon is dropped;
 * - adjacent marks (Pagefind marks each segment: 行政|指导) become one, so a phrase is one highlight.
 * The ellipsis Pagefind adds where it cut the text (EXCERPT_ELLIPSIS) stays in front.
 */
export function tidyExcerpt(parts: readonly ExcerptPart[]): ExcerptPart[] {
  const out = parts.filter((p) => p.text.length > 0).map((p) => ({ ...p }));
  let lead = '';
  if (out[0] && !out[0].mark && out[0].text.startsWith(EXCERPT_ELLIPSIS)) {
    lead = EXCERPT_ELLIPSIS;
    out[0].text = out[0].text.slice(EXCERPT_ELLIPSIS.length);
  }
  // Leading junk may span several parts (e.g. "" then ". "): strip until real text.
  while (out.length) {
    out[0]!.text = out[0]!.text.replace(LEADING_JUNK, '');
    if (out[0]!.text) break;
    out.shift();
  }
  // ". " separators and spaces after Chinese punctuation, looking across part boundaries.
  for (let i = 0; i < out.length; i++) {
    const part = out[i]!;
    if (part.mark) continue;
    const before = out[i - 1]?.text.slice(-1) ?? '';
    const after = out[i + 1]?.text.charAt(0) ?? '';
    const t = part.text;
    let next = '';
    for (let j = 0; j < t.length; j++) {
      const c = t[j]!;
      const prev = j > 0 ? t[j - 1]! : before;
      if (c === '.' && CJK_BEFORE.test(prev)) {
        // ". X" (a separator) or "." at the very end of the excerpt / before the cut
        const rest = t.slice(j + 1);
        const following = rest.replace(/^ /, '').charAt(0) || (rest.trim() === '' ? after : '');
        if (rest.startsWith(' ') || rest === '') {
          if (!following || following === EXCERPT_ELLIPSIS || CJK_AFTER.test(following)) {
            next += '。';
            if (rest.startsWith(' ')) j++;
            continue;
          }
        }
      }
      if (c === ' ' && /[。；！？：]/u.test(prev)) continue;
      next += c;
    }
    part.text = next;
  }
  // Adjacent matches (Pagefind marks 行政 and 指导 of 行政指导 apart) become one <mark>.
  const tidy: ExcerptPart[] = [];
  for (const p of out) {
    if (!p.text) continue;
    const last = tidy[tidy.length - 1];
    if (last && last.mark && p.mark) last.text += p.text;
    else tidy.push(p);
  }
  if (lead) {
    if (tidy[0] && !tidy[0].mark) tidy[0].text = lead + tidy[0].text;
    else tidy.unshift({ text: lead, mark: false });
  }
  return tidy;
}

/** A Pagefind sub-result: one heading-delimited section of a page. */
export interface SubResultLike {
  title: string;
  url: string;
  excerpt: string;
  locations?: number[];
  weighted_locations?: { weight: number; balanced_score?: number }[];
}

/**
 * The section of a long page to link to and quote: the sub-result holding the most (weighted)
 * matches — not simply the first section with a heading — or null when the best one is the page
 * itself (the text before the first heading) or has no title of its own.
 */
export function bestSubResult<T extends SubResultLike>(subs: readonly T[] | undefined, pageUrl: string, pageTitle: string): T | null {
  let best: T | null = null;
  let bestScore = -1;
  for (const s of subs ?? []) {
    const score = s.weighted_locations?.length ? s.weighted_locations.reduce((a, w) => a + (w.balanced_score ?? w.weight), 0) : (s.locations?.length ?? 0);
    if (score > bestScore) {
      best = s;
      bestScore = score;
    }
  }
  if (!best || best.url === pageUrl || !best.title || best.title === pageTitle) return null;
  return best;
}

// ---------------------------------------------------------------------------
// Container documents
// ---------------------------------------------------------------------------

/**
 * Pagefind weight for the body of a document whose content is also published as records
 * (the 典型经验 showcase, the 填报材料责任清单, 工作要点 documents): the records about a practice,
 * indicator or task should come before the long document that merely contains them. The
 * document still ranks by its title, 文号 and the text that is in no record. Measured with
 * `npm run bench:search`.
 */
export const CONTAINER_BODY_WEIGHT = 0.5;

/** Ids of the documents that records were extracted from (record.document is an id or { id }). */
export function documentsSplitIntoRecords(records: { document?: string | { id: string } | null }[]): Set<string> {
  const ids = new Set<string>();
  for (const r of records) {
    const d = r.document;
    if (typeof d === 'string' && d) ids.add(d);
    else if (d && typeof d === 'object' && d.id) ids.add(d.id);
  }
  return ids;
}

/**
 * Rewrites the highlight terms Pagefind put on a result URL (?highlight=应急&highlight=预&highlight=案):
 * the words of the query as typed come first (so a phrase like 应急预案 is marked whole), then
 * Pagefind's segments of two characters or more; single characters (预, 案) are dropped —
 * marking every 预 on the page is noise. Works on relative and absolute URLs.
 */
export function refineHighlightUrl(href: string, query: string, param = 'highlight'): string {
  const u = new URL(href, 'http://x.invalid');
  const segments = u.searchParams.getAll(param);
  if (!segments.length) return href;
  const words = normaliseQuery(query).split(' ').filter(Boolean);
  const terms = [...new Set([...words, ...segments.filter((t) => [...t].length > 1)])];
  u.searchParams.delete(param);
  for (const t of terms) u.searchParams.append(param, t);
  const out = u.pathname + u.search + u.hash;
  return /^[a-z]+:\/\//i.test(href) ? u.origin + out : out;
}

/** File in pagefind/ listing the other Pagefind indexes of a sharded site (written by src/integrations/pagefind.ts). */
export const SHARDS_FILE = 'shards.json';

/**
 * The shard folders of pagefind/shards.json (`{ "shards": ["shard-2/", …] }`) as URLs under the
 * pagefind/ folder URL `dir`; anything else in the file is ignored (only plain relative folder names).
 */
export function shardUrls(dir: string, json: unknown): string[] {
  const list = (json as { shards?: unknown } | null)?.shards;
  if (!Array.isArray(list)) return [];
  return list.filter((s): s is string => typeof s === 'string' && /^[\w-]+\/$/.test(s)).map((s) => dir + s);
}
