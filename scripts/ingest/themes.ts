/**
 * The shared theme vocabulary (content/themes.yaml) and the one matcher every record type uses.
 *
 *   const themes = loadThemes();                 // content/themes.yaml, validated
 *   matchThemes('积极推行行政指导、行政调解等柔性方式', themes)
 *   // → [ { id: 'xingzheng-zhidao', label: '行政指导', terms: ['行政指导'] },
 *   //     { id: 'tiaojie', label: '行政调解与矛盾纠纷化解', terms: ['行政调解'] },
 *   //     { id: 'rouxing-zhifa', label: '包容审慎与柔性执法', terms: ['柔性方式'] } ]
 *
 * Every record (case, indicator, work point …) stores the result in its frontmatter as
 * `themes: { id, label, terms }[]`; src/lib/related.ts links records that share a theme and
 * shows the matched terms, so a reader sees why two records are linked.
 *
 * Matching rules (pure, deterministic):
 *  - text and synonyms are compared after NFKC normalisation (＋ → +, full-width digits → ASCII)
 *    with all whitespace removed (OCR spreads spaces inside CJK text);
 *  - the label is always one of the terms;
 *  - a hit that lies inside an occurrence of one of the theme's `exclude` strings does not count
 *    (建立法律顾问 is not 立法, 执法证据 is not 执法证);
 *  - inside one theme, a hit covered by a longer hit of the same theme does not count
 *    (行政执法监督 reports 行政执法监督, not also 执法监督);
 *  - results follow the order of the vocabulary; `terms` follow their first occurrence in the text.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export interface Theme {
  id: string;
  label: string;
  synonyms: string[];
  exclude: string[];
}

export interface ThemeMatch {
  id: string;
  label: string;
  /** The synonyms actually found in the text (as spelled in themes.yaml), first occurrence first. */
  terms: string[];
}

export const DEFAULT_THEMES_PATH = fileURLToPath(new URL('../../content/themes.yaml', import.meta.url));

export class ThemeVocabularyError extends Error {}

/** NFKC + strip whitespace: the form both text and terms are compared in. */
export function normaliseForMatch(s: string): string {
  return s.normalize('NFKC').replace(/\s+/gu, '');
}

const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Validate a parsed vocabulary (the YAML value). Throws ThemeVocabularyError naming the entry. */
export function parseThemes(value: unknown, file = 'content/themes.yaml'): Theme[] {
  if (!Array.isArray(value)) {
    throw new ThemeVocabularyError(`${file}: expected a YAML list of themes (- id: … label: … synonyms: […]), got ${typeof value}`);
  }
  const seen = new Set<string>();
  return value.map((raw, i) => {
    const where = `${file}: theme #${i + 1}`;
    if (!raw || typeof raw !== 'object') throw new ThemeVocabularyError(`${where}: expected a mapping with id, label, synonyms`);
    const r = raw as Record<string, unknown>;
    const id = r.id;
    if (typeof id !== 'string' || !ID_RE.test(id)) {
      throw new ThemeVocabularyError(`${where}: id must be lower-case ASCII words joined by '-', e.g. xingzheng-zhidao (got ${JSON.stringify(id)})`);
    }
    if (seen.has(id)) throw new ThemeVocabularyError(`${where}: duplicate id '${id}'; every theme id must be unique`);
    seen.add(id);
    const label = r.label;
    if (typeof label !== 'string' || !label.trim()) throw new ThemeVocabularyError(`${where} (${id}): label must be a non-empty string`);
    const list = (key: string): string[] => {
      const v = r[key];
      if (v === undefined || v === null) return [];
      if (!Array.isArray(v) || v.some((s) => typeof s !== 'string' || !normaliseForMatch(s))) {
        throw new ThemeVocabularyError(`${where} (${id}): ${key} must be a list of non-empty strings`);
      }
      return v as string[];
    };
    const synonyms = list('synonyms');
    // The label is always a term (unless it is a compound label such as 行政复议与行政应诉
    // which the synonyms already cover); keep it first so it is reported as spelled.
    const all = synonyms.includes(label) ? synonyms : [label, ...synonyms];
    return { id, label, synonyms: all, exclude: list('exclude') };
  });
}

const cache = new Map<string, Theme[]>();

/** Read and validate content/themes.yaml (or another file). Cached per path. */
export function loadThemes(path: string = DEFAULT_THEMES_PATH): Theme[] {
  const hit = cache.get(path);
  if (hit) return hit;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ThemeVocabularyError(`${path}: cannot read the theme vocabulary (${(e as Error).message}); it should be content/themes.yaml`);
  }
  let value: unknown;
  try {
    value = parse(text);
  } catch (e) {
    throw new ThemeVocabularyError(`${path}: not valid YAML: ${(e as Error).message}`);
  }
  const themes = parseThemes(value, path);
  cache.set(path, themes);
  return themes;
}

interface Hit {
  start: number;
  end: number;
  term: string;
}

function occurrences(hay: string, needle: string): number[] {
  const out: number[] = [];
  if (!needle) return out;
  for (let i = hay.indexOf(needle); i !== -1; i = hay.indexOf(needle, i + 1)) out.push(i);
  return out;
}

/** A theme's terms normalised once (matchThemes runs for every record: thousands of times at scale). */
const normalisedTerms = new WeakMap<Theme, { exclude: string[]; synonyms: string[] }>();
function termsOf(theme: Theme): { exclude: string[]; synonyms: string[] } {
  let t = normalisedTerms.get(theme);
  if (!t) normalisedTerms.set(theme, (t = { exclude: theme.exclude.map(normaliseForMatch), synonyms: theme.synonyms.map(normaliseForMatch) }));
  return t;
}

/**
 * Which UTF-16 units the current text holds (stamp per call, no allocation): a term whose first or
 * last unit is not in the text cannot occur in it, so its search is skipped — the same hits, fewer
 * searches (matchThemes runs over every record at scale).
 */
const seen = new Uint32Array(65536);
let stamp = 0;
const mayOccur = (n: string) => seen[n.charCodeAt(0)] === stamp && seen[n.charCodeAt(n.length - 1)] === stamp;

/** Themes found in `text`, each with the terms that matched. */
export function matchThemes(text: string, themes: Theme[] = loadThemes()): ThemeMatch[] {
  const hay = normaliseForMatch(text);
  if (++stamp === 0xffffffff) {
    seen.fill(0);
    stamp = 1;
  }
  for (let i = 0; i < hay.length; i++) seen[hay.charCodeAt(i)] = stamp;
  const out: ThemeMatch[] = [];
  for (const theme of themes) {
    const norm = termsOf(theme);
    const blocked: Array<[number, number]> = [];
    for (const n of norm.exclude) {
      if (mayOccur(n)) for (const s of occurrences(hay, n)) blocked.push([s, s + n.length]);
    }
    const hits: Hit[] = [];
    for (const [i, term] of theme.synonyms.entries()) {
      const n = norm.synonyms[i]!;
      if (!mayOccur(n)) continue;
      for (const s of occurrences(hay, n)) {
        const e = s + n.length;
        if (blocked.some(([bs, be]) => s >= bs && e <= be)) continue;
        hits.push({ start: s, end: e, term });
      }
    }
    const kept = hits.filter(
      (h) => !hits.some((o) => o !== h && o.end - o.start > h.end - h.start && o.start <= h.start && o.end >= h.end),
    );
    if (!kept.length) continue;
    kept.sort((a, b) => a.start - b.start || b.end - a.end);
    const terms: string[] = [];
    for (const h of kept) if (!terms.includes(h.term)) terms.push(h.term);
    out.push({ id: theme.id, label: theme.label, terms });
  }
  return out;
}
