/**
 * Client controller of the /search/ page, on Pagefind's JS API (no Pagefind UI):
 * query + filters live in the URL, results are badged by record type, facets show counts,
 * the result count is announced in a live region, a 文号 query jumps to its document.
 *
 * The page passes its configuration through data attributes on #search-app:
 *   data-base          the site base (url()), e.g. "/" or "/zfjs/cjzl/"
 *   data-pagefind      url('pagefind/pagefind.js')
 *   data-docnumbers    url('data/docnumbers.json')
 * a JSON script #search-themes (themes for hints), and the 文号 table data/docnumbers.json (fetched for 文号-like queries).
 */
import {
  FILTER_KEYS,
  FILTER_LABELS,
  RECORD_TYPES,
  TYPE_LIST_PATHS,
  activeFilterCount,
  bestSubResult,
  describePlace,
  lookupDocNumber,
  looksLikeDocNumber,
  normaliseDocNumber,
  normaliseQuery,
  parseSearchParams,
  prepareQuery,
  refineHighlightUrl,
  relatedThemes,
  resultTitle,
  shardUrls,
  SHARDS_FILE,
  resultType,
  sortFacetValues,
  stateToSearchParams,
  tidyExcerpt,
  EXCERPT_ELLIPSIS,
  type ExcerptPart,
  toPagefindFilters,
  toggleFilter,
  type DocNumberTable,
  type FilterKey,
  type SearchState,
  type ThemeLike,
} from '../lib/search';

/**
 * Pagefind ranking, tuned with `npm run bench:search` on bench/search-queries.yaml (see
 * README.md (站内搜索) for the grid and the before/after figures). Record pages are short and
 * the container documents (the 100-row checklist, the 35-case showcase) are long: a lower
 * pageLength stops BM25 from burying long documents whose title is the query, a lower
 * termFrequency + higher termSaturation stop one repeated word from outweighing the others,
 * and matches in the record's title / summary / 文号 / unit metadata count most.
 */
export const RANKING = {
  pageLength: 0.4,
  termFrequency: 0.5,
  termSaturation: 2.0,
  metaWeights: { title: 10, summary: 5, docNumber: 5, themes: 3, unit: 3, region: 2, issuer: 1, section: 1, document: 0.5 },
};
export const HIGHLIGHT_PARAM = 'highlight';
const PAGE_SIZE = 10;

interface PagefindResultData {
  url: string;
  meta: Record<string, string>;
  excerpt: string;
  filters: Record<string, string[]>;
  sub_results: { title: string; url: string; excerpt: string; locations?: number[]; weighted_locations?: { weight: number; balanced_score?: number }[] }[];
}
interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindResultData>;
}
interface PagefindSearch {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}
interface PagefindApi {
  options: (o: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (q: string | null, o?: { filters?: unknown }) => Promise<PagefindSearch | null>;
  filters: () => Promise<Record<string, Record<string, number>>>;
  preload: (q: string | null, o?: { filters?: unknown }) => Promise<void>;
  mergeIndex: (indexPath: string, o?: Record<string, unknown>) => Promise<void>;
}

/** The other shards' folders (absolute URLs) from pagefind/shards.json; none when the file is missing. */
async function loadShardList(pagefindUrl: string): Promise<string[]> {
  const dir = pagefindUrl.replace(/[^/]*$/, '');
  try {
    const r = await fetch(dir + SHARDS_FILE);
    if (!r.ok) return [];
    return shardUrls(dir, await r.json());
  } catch {
    return [];
  }
}

const $ = <T extends Element>(sel: string, root: ParentNode = document) => root.querySelector(sel) as T;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) e.append(c);
  return e;
}

/**
 * Pagefind excerpts are HTML with <mark> around matches. Rebuild them as text nodes + <mark>
 * only: source text is data (a notice may literally contain "<script>"), never markup.
 * The text is tidied on the way (tidyExcerpt: no leading stray punctuation or numbering
 * fragment, "。" for Pagefind's ". " block separator); the <mark>s stay where Pagefind put them.
 */
export function safeExcerpt(html: string): DocumentFragment {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;
  const parts: ExcerptPart[] = Array.from(parsed.childNodes).map((node) => ({
    text: node.textContent ?? '',
    mark: node.nodeType === Node.ELEMENT_NODE && (node as Element).tagName === 'MARK',
  }));
  const out = document.createDocumentFragment();
  for (const p of tidyExcerpt(parts)) out.append(p.mark ? el('mark', {}, p.text) : document.createTextNode(p.text));
  return out;
}

function readJson<T>(id: string, fallback: T): T {
  const node = document.getElementById(id);
  if (!node?.textContent) return fallback;
  try {
    return JSON.parse(node.textContent) as T;
  } catch {
    return fallback;
  }
}

export async function startSearchPage(app: HTMLElement): Promise<void> {
  const base = app.dataset.base ?? '/';
  const pagefindUrl = app.dataset.pagefind ?? `${base}pagefind/pagefind.js`;
  // The 文号 table (data/docnumbers.json) is fetched only when a query looks like a 文号: embedded in
  // the page it grew with the corpus (370 KB at a thousand notices) and came with every first search.
  const docNumbersUrl = app.dataset.docnumbers ?? `${base}data/docnumbers.json`;
  let docNumbersLoad: Promise<DocNumberTable> | undefined;
  const docNumbers = (): Promise<DocNumberTable> =>
    (docNumbersLoad ??= fetch(docNumbersUrl)
      .then((r) => (r.ok ? (r.json() as Promise<DocNumberTable>) : {}))
      .catch(() => ({})));
  const docNumberHit = async (q: string) => (normaliseDocNumber(q) ? lookupDocNumber(q, await docNumbers()) : null);
  const themes = readJson<ThemeLike[]>('search-themes', []);
  const themeHref = app.dataset.themeHref ?? '';

  const form = $<HTMLFormElement>('#search-form', app);
  const input = $<HTMLInputElement>('#search-q', app);
  const status = $<HTMLElement>('#search-status', app);
  const list = $<HTMLOListElement>('#search-results', app);
  const more = $<HTMLButtonElement>('#search-more', app);
  const direct = $<HTMLElement>('#search-direct', app);
  const empty = $<HTMLElement>('#search-empty', app);
  const facets = $<HTMLElement>('#search-facets', app);
  const clearAll = $<HTMLButtonElement>('#search-clear', app);
  const filtersBox = $<HTMLDetailsElement>('#search-filters', app);
  const filterCount = $<HTMLElement>('#search-filter-count', app);
  // Facets open beside the results on wide screens; folded above them on phones.
  filtersBox.open = window.matchMedia('(min-width: 56rem)').matches;

  for (const n of app.querySelectorAll<HTMLElement>('[data-needs-js]')) n.hidden = false;

  let state: SearchState = parseSearchParams(location.search);
  let current: PagefindResult[] = [];
  let shown = 0;
  let runId = 0;

  const setStatus = (text: string) => {
    status.textContent = text;
  };

  setStatus('正在加载搜索索引…');
  let pagefind: PagefindApi;
  try {
    pagefind = (await import(/* @vite-ignore */ pagefindUrl)) as PagefindApi;
    // excerptEllipsis: Pagefind 1.6 puts it where it cut the page text, so a mid-sentence excerpt reads as one.
    const pagefindOptions = { baseUrl: base, highlightParam: HIGHLIGHT_PARAM, ranking: RANKING, excerptEllipsis: EXCERPT_ELLIPSIS };
    await pagefind.options(pagefindOptions);
    await pagefind.init();
    // A large site is indexed as several Pagefind indexes (src/integrations/pagefind.ts); merge the others.
    const shards = await loadShardList(pagefindUrl);
    await Promise.all(shards.map((dir) => pagefind.mergeIndex(dir, pagefindOptions)));
  } catch (e) {
    setStatus('搜索索引加载失败，请稍后重试，或从栏目列表浏览。');
    console.error(e);
    return;
  }
  // Facet data is loaded per facet (Pagefind's filter chunks: at a thousand notices the 责任单位 or
  // 所属文件 chunks alone outweighed the rest of the first search). 类型 and 年份 (open by default)
  // and facets in use load at once; the others when their panel is opened. Pagefind counts only
  // the facets whose chunks are loaded.
  const loadedFacets = new Set<FilterKey>();
  const openFacets = new Set<FilterKey>(['type', 'year']);
  let totalsCache: Record<string, Record<string, number>> | null = null;
  async function loadFacets(keys: FilterKey[]) {
    const need = keys.filter((k) => !loadedFacets.has(k));
    if (!need.length) return;
    await pagefind.preload(null, { filters: Object.fromEntries(need.map((k) => [k, []])) });
    for (const k of need) loadedFacets.add(k);
    totalsCache = null;
  }
  /** Every value of the loaded facets with its count over the whole index (a filter-only search without filters). */
  async function totals(): Promise<Record<string, Record<string, number>>> {
    totalsCache ??= (await pagefind.search(null, { filters: {} }))?.filters ?? {};
    return totalsCache;
  }
  const activeKeys = () => FILTER_KEYS.filter((k) => state.filters[k]?.length);

  /** Jump to the document when the query is a 文号 we hold (unless ?jump=0). */
  async function docNumberJump(q: string): Promise<boolean> {
    const hit = await docNumberHit(q);
    if (!hit) return false;
    if (new URLSearchParams(location.search).get('jump') === '0') return false;
    location.replace(base + hit.path);
    return true;
  }

  function writeUrl(push: boolean) {
    const qs = stateToSearchParams(state);
    const next = location.pathname + qs;
    if (next !== location.pathname + location.search) history[push ? 'pushState' : 'replaceState'](null, '', next);
    document.title = (state.q ? `“${state.q}”的搜索结果` : '站内搜索') + document.title.replace(/^[^-]*(?= - )/, '');
  }

  async function renderDirect(q: string) {
    direct.replaceChildren();
    direct.hidden = true;
    if (!looksLikeDocNumber(q)) return;
    const canonical = normaliseDocNumber(q)!;
    const hit = await docNumberHit(q);
    direct.hidden = false;
    if (hit) {
      direct.append(
        el('p', { class: 'search-direct-label' }, '按文号直达：'),
        el('p', {}, el('span', { class: 'search-badge', 'data-type': '文件' }, '文件'), ' ', el('a', { href: base + hit.path, class: 'search-direct-link' }, hit.title), ` （${hit.docNumber}）`),
      );
    } else {
      direct.append(el('p', {}, `本专栏未收录文号为 ${canonical} 的文件，下面列出提及该文号的内容。`));
    }
  }

  function renderFacets(counts: Record<string, Record<string, number>>, all: Record<string, Record<string, number>>) {
    facets.replaceChildren();
    for (const key of FILTER_KEYS) {
      if (!loadedFacets.has(key)) {
        // Not loaded yet: a folded panel that loads its values (and their counts) when opened.
        const details = el('details', { class: 'search-facet', 'data-facet': key });
        details.append(el('summary', {}, FILTER_LABELS[key]), el('p', { class: 'search-count' }, '正在加载…'));
        details.addEventListener('toggle', () => {
          if (!details.open) return;
          openFacets.add(key);
          void loadFacets([key]).then(() => run({ focusFacetPanel: key }));
        });
        facets.append(details);
        continue;
      }
      const values = { ...(all[key] ?? {}) };
      for (const v of Object.keys(values)) values[v] = counts[key]?.[v] ?? 0;
      for (const v of state.filters[key] ?? []) values[v] ??= 0;
      const entries = sortFacetValues(key, values);
      if (!entries.length) continue;
      const active = state.filters[key] ?? [];
      const details = el('details', { class: 'search-facet', 'data-facet': key });
      if (openFacets.has(key) || active.length) details.open = true;
      details.addEventListener('toggle', () => void (details.open ? openFacets.add(key) : openFacets.delete(key)));
      const summary = el('summary', {}, FILTER_LABELS[key], active.length ? `（已选 ${active.length}）` : '');
      const fieldset = el('fieldset', {}, el('legend', { class: 'visually-hidden' }, `按${FILTER_LABELS[key]}筛选`));
      const ul = el('ul', {});
      entries.forEach(([value, count], i) => {
        const id = `f-${key}-${i}`;
        const box = el('input', { type: 'checkbox', id, name: key, value }) as HTMLInputElement;
        box.checked = active.includes(value);
        if (!count && !box.checked) box.disabled = true;
        box.addEventListener('change', () => {
          state = toggleFilter(state, key, value);
          writeUrl(true);
          void run({ focusFacet: `${key}\u0000${value}` });
        });
        ul.append(el('li', {}, box, el('label', { for: id }, value, ' ', el('span', { class: 'search-count' }, `(${count})`))));
      });
      fieldset.append(ul);
      details.append(summary, fieldset);
      facets.append(details);
    }
    const n = activeFilterCount(state.filters);
    clearAll.hidden = n === 0;
    filterCount.textContent = n ? `（已选 ${n} 项）` : '';
  }

  async function renderMore() {
    const slice = current.slice(shown, shown + PAGE_SIZE);
    const datas = await Promise.all(slice.map((r) => r.data()));
    const firstNew = shown;
    datas.forEach((d, i) => list.append(renderResult(d, firstNew + i)));
    shown += slice.length;
    more.hidden = shown >= current.length;
    return firstNew;
  }

  function renderResult(d: PagefindResultData, index: number): HTMLLIElement {
    const type = resultType(d.filters);
    const title = resultTitle(d.meta, d.url);
    // Best section (for long documents): the sub-result with the most matches, unless that is the page itself.
    const sub = bestSubResult(d.sub_results, d.url, title) ?? undefined;
    const href = refineHighlightUrl(sub && !d.meta.section ? sub.url : d.url, prepareQuery(state.q), HIGHLIGHT_PARAM);
    const place = describePlace(d.meta, title, sub?.title);
    const li = el('li', { class: 'search-result', 'data-type': type ?? '' });
    const head = el('h3', { class: 'search-result-title' });
    if (type) head.append(el('span', { class: 'search-badge', 'data-type': type }, type), ' ');
    head.append(el('a', { href, 'data-result-index': String(index) }, title));
    li.append(head);
    const excerpt = el('p', { class: 'search-excerpt' });
    excerpt.append(safeExcerpt(sub && !d.meta.section ? sub.excerpt : d.excerpt));
    li.append(excerpt);
    if (place) li.append(el('p', { class: 'search-place' }, el('span', { class: 'visually-hidden' }, '位置：'), place));
    return li;
  }

  function renderEmpty(q: string, unfilteredCount: number) {
    empty.replaceChildren();
    empty.hidden = false;
    empty.append(el('p', { class: 'search-empty-title' }, q ? `没有找到与“${q}”相关的结果。` : '没有符合所选筛选条件的结果。'));
    const n = activeFilterCount(state.filters);
    if (n) {
      const p = el('p', {}, unfilteredCount ? `去掉筛选条件后有 ${unfilteredCount} 条结果。可以清除：` : '可以清除筛选条件：');
      const ul = el('ul', { class: 'search-hints' });
      for (const key of FILTER_KEYS) {
        for (const v of state.filters[key] ?? []) {
          const b = el('button', { type: 'button' }, `${FILTER_LABELS[key]}：${v} ×`);
          b.addEventListener('click', () => {
            state = toggleFilter(state, key, v);
            writeUrl(true);
            void run({ focusStatus: true });
          });
          ul.append(el('li', {}, b));
        }
      }
      if (n > 1) {
        const b = el('button', { type: 'button' }, '清除全部筛选');
        b.addEventListener('click', () => {
          state = { q: state.q, filters: {} };
          writeUrl(true);
          void run({ focusStatus: true });
        });
        ul.append(el('li', {}, b));
      }
      empty.append(p, ul);
    }
    const related = relatedThemes(q, themes);
    if (related.length) {
      const ul = el('ul', { class: 'search-hints' });
      for (const t of related) {
        const href = themeHref ? themeHref.replace('{id}', encodeURIComponent(t.id)) : `?q=${encodeURIComponent(t.label)}`;
        ul.append(el('li', {}, el('a', { href }, t.label)));
      }
      empty.append(el('p', {}, '相关主题：'), ul);
    }
    const browse = el('ul', { class: 'search-hints' });
    for (const t of RECORD_TYPES) browse.append(el('li', {}, el('a', { href: base + TYPE_LIST_PATHS[t] }, `浏览全部${t}`)));
    empty.append(el('p', {}, '也可以换个说法（如更短的关键词），或从栏目列表浏览：'), browse);
  }

  async function run(opts: { focusStatus?: boolean; focusFacet?: string; focusFacetPanel?: FilterKey } = {}) {
    const id = ++runId;
    const q = normaliseQuery(state.q);
    input.value = state.q;
    await renderDirect(q);
    await loadFacets([...openFacets, ...activeKeys()]);
    if (id !== runId) return;
    empty.hidden = true;
    const hasFilters = activeFilterCount(state.filters) > 0;
    if (!q && !hasFilters) {
      list.replaceChildren();
      more.hidden = true;
      current = [];
      const all = await totals();
      if (id !== runId) return;
      renderFacets(all, all);
      focusPanel(opts.focusFacetPanel);
      setStatus('请输入关键词、单位名称或文号进行搜索；也可以只选筛选条件浏览。');
      return;
    }
    setStatus('正在搜索…');
    const search = await pagefind.search(q ? prepareQuery(q) : null, { filters: toPagefindFilters(state.filters) });
    if (id !== runId || !search) return;
    current = search.results;
    shown = 0;
    list.replaceChildren();
    await renderMore();
    if (id !== runId) return;
    // Disjunctive facets: a facet's own selection does not zero its other values (they stay
    // selectable, "any of"); its counts come from the same search without that facet.
    const counts: Record<string, Record<string, number>> = { ...search.filters };
    for (const key of FILTER_KEYS) {
      if (!state.filters[key]?.length) continue;
      const others = { ...state.filters };
      delete others[key];
      if (!q && activeFilterCount(others) === 0) {
        counts[key] = (await totals())[key] ?? {};
        continue;
      }
      const without = await pagefind.search(q ? prepareQuery(q) : null, { filters: toPagefindFilters(others) });
      if (id !== runId) return;
      if (without) counts[key] = without.filters[key] ?? {};
    }
    const all = await totals();
    if (id !== runId) return;
    renderFacets(counts, all);
    const n = current.length;
    const what = q ? `“${q}”` : '所选条件';
    const filt = hasFilters ? `（已按 ${activeFilterCount(state.filters)} 个条件筛选）` : '';
    setStatus(n ? `${what}找到 ${n} 条结果${filt}。` : `${what}没有找到结果${filt}。`);
    if (!n) renderEmpty(q, search.unfilteredResultCount);
    if (opts.focusFacet) {
      const [key, value] = opts.focusFacet.split('\u0000');
      const box = Array.from(facets.querySelectorAll<HTMLInputElement>(`input[name="${key}"]`)).find((b) => b.value === value);
      box?.focus();
    } else if (opts.focusStatus) {
      status.focus();
    }
    focusPanel(opts.focusFacetPanel);
  }

  /** After a folded facet loaded: keep focus on its (re-rendered) summary. */
  function focusPanel(key: FilterKey | undefined) {
    if (key) facets.querySelector<HTMLElement>(`details[data-facet="${key}"] > summary`)?.focus();
  }

  // While the visitor types, fetch the index chunks the words need (as Pagefind's own UI does), so the
  // search on Enter finds them loaded: on a sharded index each new word is a fetch per shard.
  let preloadTimer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(preloadTimer);
    const q = normaliseQuery(input.value);
    if (!q || looksLikeDocNumber(q)) return;
    preloadTimer = setTimeout(() => void pagefind.preload(prepareQuery(q), { filters: toPagefindFilters(state.filters) }).catch(() => {}), 250);
  });
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearTimeout(preloadTimer);
    const q = input.value;
    if (await docNumberJump(q)) return;
    state = { q: normaliseQuery(q), filters: state.filters };
    writeUrl(true);
    void run();
  });
  clearAll.addEventListener('click', () => {
    state = { q: state.q, filters: {} };
    writeUrl(true);
    void run({ focusStatus: true });
  });
  more.addEventListener('click', async () => {
    const first = await renderMore();
    list.querySelector<HTMLAnchorElement>(`a[data-result-index="${first}"]`)?.focus();
  });
  window.addEventListener('popstate', () => {
    state = parseSearchParams(location.search);
    void run();
  });

  // Arriving with ?q=<文号> (e.g. from the header box): go straight to the document.
  if (state.q && (await docNumberJump(state.q))) {
    setStatus('正在打开文号对应的文件…');
    return;
  }
  await run();
  app.dataset.ready = 'true';
}
