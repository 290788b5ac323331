/**
 * Exemplary cases (典型经验): an article presenting commended units — a title, a subtitle
 * (——第二批河南省依法行政示范单位展示), an introduction, then for each unit a line with its full
 * name and a paragraph of practice — becomes one `cases` record per unit and one `casesets`
 * record for the article (title, batch, introduction, counts).
 *
 * Fields of a case (see src/schemas/case.ts): id, seq, unit, city, citySlug, county, regionCode,
 * regionResolution {method, printed, official, code, note}, department, departmentSlug,
 * batch, batchYear, set, document, body, figures, themes, attribution, source {file, lines}.
 *
 * The article is recognised from its text, not from line numbers: at least MIN_UNITS unit lines
 * (see cases/units.ts), each followed by practice text, in a document whose title, subtitle or
 * introduction speaks of 示范单位 / 典型经验. A unit line glued to the paragraph before or after it
 * by an upstream stage is split off again, and reported.
 */
import type { PhrasingContent, RootContent } from 'mdast';
import type { BlockNode, DocumentNode, Extractor, ExtractContext, NoticeRoot, RecordOut } from '../types';
import { loadThemes, matchThemes, type Theme, type ThemeMatch } from '../themes';
import { classifyDepartment, loadDepartments, type DepartmentRule } from './cases/departments';
import { findFigures, type Figure } from './cases/figures';
import { caseId, slugify, uniqueIds } from './cases/ids';
import { splitLeading, splitTrailing, unitLine, type UnitName } from './cases/units';

export const MIN_UNITS = 3;
const TERMINAL_END = /[。！？；…!?;”’）)]$/u;
const ATTRIBUTION = /（([^（）]{2,40}整理)）\s*$/u;

export interface CaseData {
  id: string;
  seq: number;
  unit: string;
  city?: string;
  citySlug?: string;
  county?: string;
  regionCode?: string;
  regionResolution: { method: string; printed: string; official?: string; code?: string; note?: string };
  department: string;
  departmentSlug: string;
  batch?: string;
  batchYear?: number;
  /** id of the casesets record (the article). */
  set: string;
  document: { id: string; title: string };
  body: string;
  figures: Figure[];
  themes: ThemeMatch[];
  attribution?: string;
  source: { file: string; lines: [number, number] };
  [k: string]: unknown;
}

export interface CaseSetData {
  id: string;
  title: string;
  subtitle?: string;
  batch?: string;
  batchYear?: number;
  intro: string;
  /** Number of units the introduction announces (对35个…予以表彰), when it says. */
  expectedCount?: number;
  count: number;
  cases: string[];
  attribution?: string;
  document: { id: string; title: string };
  warnings: string[];
  source: { file: string; lines: [number, number] };
  [k: string]: unknown;
}

export interface CasesReport {
  document: string;
  file: string;
  count: number;
  expectedCount?: number;
  warnings: string[];
}

export interface CasesOptions {
  themes?: Theme[];
  departments?: DepartmentRule[];
  report?: (r: CasesReport) => void;
}

interface Item {
  text: string;
  start: number;
  end: number;
}

interface Group {
  unit: UnitName;
  unitLine: number;
  paragraphs: Item[];
}

/** Text items of a document in order (title/subtitle headers are metadata, not items). */
function itemsOf(doc: DocumentNode): { items: Item[]; title?: string; subtitle?: string } {
  const items: Item[] = [];
  let title: string | undefined;
  let subtitle: string | undefined;
  const push = (n: BlockNode, text: string) => items.push({ text: text.trim(), start: n.position.start.line, end: n.position.end.line });
  for (const n of doc.children) {
    switch (n.type) {
      case 'header':
        if (n.role === 'title') title ??= n.text;
        else if (n.role === 'subtitle') subtitle ??= n.text;
        else if (n.role === 'issuer' || n.role === 'meta') push(n, n.text); // a unit line mistaken for an issuer stays usable
        break;
      case 'heading':
        push(n, `${n.marker}${n.text}${n.rest ?? ''}`);
        break;
      case 'paragraph':
        push(n, n.text);
        break;
      case 'closing':
        if (n.role === 'other' || n.role === 'signature') push(n, n.text);
        break;
      default:
        break;
    }
  }
  return { items: items.filter((i) => i.text), title, subtitle };
}

/** Join the paragraphs of one body: a paragraph ending mid-sentence continues on the next one. */
function joinBody(parts: string[]): string {
  let out = '';
  for (const p of parts) {
    if (!out) out = p;
    else out += TERMINAL_END.test(out) ? '\n' + p : p;
  }
  return out;
}

const CN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

export function batchOf(text: string): string | undefined {
  return /第[一二三四五六七八九十\d]+批[\u4e00-\u9fff]{0,20}?示范(?:单位|点)/u.exec(text)?.[0];
}

function yearOf(intro: string): number | undefined {
  const m = /((?:19|20)\d\d)\s*年\s*\d{1,2}\s*月/u.exec(intro) ?? /((?:19|20)\d\d)\s*年/u.exec(intro);
  return m ? Number(m[1]) : undefined;
}

function expectedCountOf(intro: string): number | undefined {
  const m = /对\s*(\d+|[一二三四五六七八九十]+)\s*个/u.exec(intro) ?? /(\d+)\s*个[\u4e00-\u9fff]{0,20}示范单位/u.exec(intro);
  if (!m) return undefined;
  const v = m[1];
  if (/^\d+$/.test(v)) return Number(v);
  return [...v].reduce((acc, ch) => (ch === '十' ? (acc || 1) * 10 : acc + (CN_DIGIT[ch] ?? 0)), 0);
}

function isAboutCases(title: string | undefined, subtitle: string | undefined, intro: string): boolean {
  return /示范单位|典型经验|典型案例|先进典型/u.test([title, subtitle, intro].filter(Boolean).join('\n'));
}

/** Split items into the introduction and one group per unit, repairing glued unit lines. */
function groupItems(items: Item[], warnings: string[], file: string): { intro: Item[]; groups: Group[] } {
  const intro: Item[] = [];
  const groups: Group[] = [];
  const start = (unit: UnitName, line: number) => groups.push({ unit, unitLine: line, paragraphs: [] });
  const body = (it: Item) => (groups.length ? groups[groups.length - 1].paragraphs.push(it) : intro.push(it));
  for (const it of items) {
    const u = unitLine(it.text);
    if (u) {
      start(u, it.start);
      continue;
    }
    const lead = splitLeading(it.text);
    if (lead && (groups.length > 0 || intro.length > 0)) {
      warnings.push(`${file}:${it.start}: unit line “${lead.unit.name}” was joined to its practice text; split again`);
      start(lead.unit, it.start);
      body({ ...it, text: lead.rest });
      continue;
    }
    const trail = groups.length ? splitTrailing(it.text) : undefined;
    if (trail && !TERMINAL_END.test(trail.before)) {
      warnings.push(`${file}:${it.end}: unit line “${trail.unit.name}” was joined to the end of the previous paragraph; split again`);
      body({ ...it, text: trail.before });
      start(trail.unit, it.end);
      continue;
    }
    body(it);
  }
  return { intro, groups };
}

const para = (children: PhrasingContent[]): RootContent => ({ type: 'paragraph', children });

/** mdast paragraphs of a body with every figure in <strong> (text stays text: never HTML). */
export function bodyMdast(body: string, figures: Figure[]): RootContent[] {
  const out: RootContent[] = [];
  let offset = 0;
  for (const line of body.split('\n')) {
    const lineStart = offset;
    const lineEnd = offset + line.length;
    const children: PhrasingContent[] = [];
    let pos = lineStart;
    for (const f of figures) {
      if (f.start < lineStart || f.end > lineEnd) continue;
      if (f.start > pos) children.push({ type: 'text', value: body.slice(pos, f.start) });
      children.push({ type: 'strong', children: [{ type: 'text', value: body.slice(f.start, f.end) }] });
      pos = f.end;
    }
    if (pos < lineEnd) children.push({ type: 'text', value: body.slice(pos, lineEnd) });
    if (children.length) out.push(para(children));
    offset = lineEnd + 1;
  }
  return out;
}

/** Case records of one document, or undefined when the document is not a case article. */
export function casesOfDocument(
  root: NoticeRoot,
  doc: DocumentNode,
  opts: { themes: Theme[]; departments: DepartmentRule[] },
): { set: RecordOut; cases: RecordOut[]; report: CasesReport } | undefined {
  const file = root.data.file;
  const meta = doc.data;
  const { items, title, subtitle } = itemsOf(doc);
  const warnings: string[] = [];
  const { intro, groups } = groupItems(items, warnings, file);
  const withBody = groups.filter((g) => g.paragraphs.length);
  if (withBody.length < MIN_UNITS) return undefined;
  const introText = joinBody(intro.map((i) => i.text));
  if (!isAboutCases(title ?? meta.title, subtitle, introText)) return undefined;

  const batch = batchOf([subtitle, title, introText].filter(Boolean).join('\n'));
  const batchYear = yearOf(introText);
  const expectedCount = expectedCountOf(introText);
  const setId = slugify(meta.id) || 'cases';
  const docRef = { id: meta.id, title: meta.title };

  // A trailing （…整理） belongs to the whole article, not to the last unit.
  let attribution: string | undefined;
  const last = groups[groups.length - 1];
  const lastPara = last?.paragraphs[last.paragraphs.length - 1];
  if (lastPara) {
    const m = ATTRIBUTION.exec(lastPara.text);
    if (m) {
      attribution = m[1];
      lastPara.text = lastPara.text.slice(0, m.index).trimEnd();
      if (!lastPara.text) last.paragraphs.pop();
    }
  }

  for (const g of groups) {
    if (!g.paragraphs.length) warnings.push(`${file}:${g.unitLine}: unit “${g.unit.name}” has no practice text after it`);
  }
  if (expectedCount !== undefined && expectedCount !== groups.length) {
    warnings.push(`${file}:${intro[0]?.start ?? meta.source.lines[0]}: the introduction announces ${expectedCount} units, ${groups.length} unit lines were found`);
  }

  const rawIds = groups.map((g) => caseId([...g.unit.region.parts, g.unit.region.rest]));
  const ids = uniqueIds(rawIds);
  const cases: RecordOut[] = groups.map((g, i) => {
    const r = g.unit.region;
    const dept = classifyDepartment(r.rest || g.unit.name, opts.departments);
    if (dept.keyword === '') warnings.push(`${file}:${g.unitLine}: no department category for “${g.unit.name}” (add a keyword to scripts/ingest/extractors/cases/departments.yaml)`);
    const body = joinBody(g.paragraphs.map((p) => p.text));
    const figures = findFigures(body);
    const endLine = g.paragraphs.length ? Math.max(...g.paragraphs.map((p) => p.end)) : g.unitLine;
    const data: CaseData = {
      id: ids[i],
      seq: i + 1,
      unit: g.unit.name,
      ...(r.city ? { city: r.city, citySlug: slugify(r.city) } : {}),
      ...(r.county ? { county: r.county } : {}),
      ...(r.code ? { regionCode: r.code } : {}),
      regionResolution: {
        method: r.method,
        printed: r.printed,
        ...(r.official ? { official: r.official } : {}),
        ...(r.code ? { code: r.code } : {}),
        ...(r.note ? { note: r.note } : {}),
      },
      department: dept.category,
      departmentSlug: slugify(dept.category),
      ...(batch ? { batch } : {}),
      ...(batchYear ? { batchYear } : {}),
      set: setId,
      document: docRef,
      body,
      figures,
      themes: matchThemes(body, opts.themes),
      ...(attribution ? { attribution } : {}),
      source: { file, lines: [g.unitLine, endLine] },
    };
    return { collection: 'cases', id: data.id, data, body: bodyMdast(body, figures) };
  });

  const setData: CaseSetData = {
    id: setId,
    title: title ?? meta.title,
    ...(subtitle ? { subtitle } : {}),
    ...(batch ? { batch } : {}),
    ...(batchYear ? { batchYear } : {}),
    intro: introText,
    ...(expectedCount !== undefined ? { expectedCount } : {}),
    count: cases.length,
    cases: cases.map((c) => c.id),
    ...(attribution ? { attribution } : {}),
    document: docRef,
    warnings,
    source: { file, lines: meta.source.lines },
  };
  const set: RecordOut = {
    collection: 'casesets',
    id: setId,
    data: setData,
    body: introText.split('\n').map((t) => para([{ type: 'text', value: t }])),
  };
  return { set, cases, report: { document: meta.id, file, count: cases.length, ...(expectedCount !== undefined ? { expectedCount } : {}), warnings } };
}

/**
 * Every case article of the corpus. Case ids are the unit's name (unique within an article, see
 * uniqueIds); a unit that an earlier article (corpus order) already holds — two batches featuring the
 * same 城市管理局, two versions of one article — gets `<set id>--<unit id>`. Set ids come from the
 * unique document ids and hold no "--", unit ids hold no "--": ids are unique by construction, and
 * a corpus with one article keeps its plain ids.
 */
export function extractCases(ctx: ExtractContext, options: CasesOptions = {}): RecordOut[] {
  const themes = options.themes ?? loadThemes();
  const departments = options.departments ?? loadDepartments();
  const out: RecordOut[] = [];
  const taken = new Set<string>();
  for (const root of ctx.roots) {
    for (const doc of root.children) {
      const got = casesOfDocument(root, doc, { themes, departments });
      if (!got) continue;
      options.report?.(got.report);
      const setId = got.set.id;
      const renamed = new Map<string, string>();
      for (const c of got.cases) {
        if (!taken.has(c.id)) continue;
        const id = `${setId}--${c.id}`;
        renamed.set(c.id, id);
        c.id = id;
        c.data.id = id;
      }
      for (const c of got.cases) taken.add(c.id);
      if (renamed.size) {
        const data = got.set.data as CaseSetData;
        data.cases = data.cases.map((id) => renamed.get(id) ?? id);
      }
      out.push(got.set, ...got.cases);
    }
  }
  return out;
}

export const casesExtractor: Extractor = {
  name: 'cases',
  extract(ctx) {
    return extractCases(ctx, {
      report: (r) => {
        for (const w of r.warnings) console.warn(`[cases] ${w}`);
      },
    });
  },
};
