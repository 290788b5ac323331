/**
 * Work points (工作要点 / 任务): every numbered work item of every document, and every row of a
 * task table with a 完成期限 column, as records of the `workpoints` collection.
 *
 * Fields (see src/schemas/workpoint.ts): id, kind, document {id, docNumber?, title}, year,
 * section, sectionPath, seq, marker, order, parent?, title, timing?, body, deadlines, quotas,
 * units, themes, source {file, lines}.
 */
import type { RootContent } from 'mdast';
import type { DocumentNode, Extractor, ExtractContext, NoticeRoot, RecordOut } from '../types';
import { findDeadlines, type Deadline } from '../dates';
import { matchThemes, loadThemes, type Theme, type ThemeMatch } from '../themes';
import { asciiId, cleanText, documentDate, documentYear, findQuotas, findUnits, isBodyName, shortTitle, splitLead, type Quota } from './workpoints/fields';
import { itemsOf, type Skipped } from './workpoints/items';
import { rowsOf } from './workpoints/table';

export interface WorkPointData {
  id: string;
  kind: 'item' | 'row';
  document: { id: string; docNumber?: string; title: string };
  year?: number;
  section: string;
  sectionPath: string[];
  seq: number;
  marker: string;
  order: number;
  parent?: string;
  title: string;
  timing?: string;
  body: string;
  deadlines: Deadline[];
  quotas: Quota[];
  units: string[];
  themes: ThemeMatch[];
  source: { file: string; lines: [number, number] };
  [k: string]: unknown;
}

export interface WorkpointsReport {
  perDocument: { id: string; title: string; items: number; rows: number; dated: number }[];
  skipped: (Skipped & { file: string; document: string })[];
}

const para = (text: string): RootContent => ({ type: 'paragraph', children: [{ type: 'text', value: text }] });

function headingLabel(h: { marker: string; text: string }): string {
  return (cleanText(h.marker) + cleanText(h.text)).replace(/[。：:]+$/u, '');
}

export interface WorkpointsOptions {
  themes?: Theme[];
  /** Receives the per-document counts and the headings that were not taken as work items
   * (each skipped one also goes to `ctx.note`, which the ingest report lists with file:line and why). */
  report?: (r: WorkpointsReport) => void;
}

/**
 * The units an item names: the bodies its text names as actors (findUnits); else, when its title is
 * a body's name and its text says what that body does (1.各省辖市。可以推荐4个单位…), that body;
 * else the units of the item it is a sub-item of (组织验收 › 听取汇报: the 验收 is done by the body
 * the parent names). Never a unit the text does not print.
 */
function unitsOf(title: string, paragraphs: string[], all: string, parent: WorkPointData | undefined): string[] {
  const own = findUnits(all);
  if (own.length) return own;
  if (isBodyName(title) && /^(?:要|将|应当|应|可以|可|须|必须|原则上|负责)/u.test(paragraphs[0] ?? '')) return findUnits(`${title}${paragraphs[0]}`);
  return parent ? [...parent.units] : [];
}

/** A step of a work point's id path: an item's ordinal or `<ordinal>r<k>` (items.ts `key`), a table `t<n>`. */
const STEP = /^(?:t\d+|\d+(?:r\d+)?)$/;

/**
 * What comes before the path in the work point ids of each document: `<document id>-` as a rule, and
 * `<document id>--` when another document's id followed by path steps spells this document's id
 * (documents x and x-2: item 2 › 1 of x would be x-2-1, the id of item 1 of x-2). Document ids hold
 * no "--" and path steps no "-", so the work point ids of all documents are unique by construction
 * (the steps are unique among siblings, see items.ts `key`). Computed from every published document,
 * so an id does not depend on which files an extractor run sees.
 */
export function idPrefixes(documentIds: Iterable<string>): Map<string, string> {
  const ascii = new Map<string, string>();
  for (const id of documentIds) ascii.set(id, asciiId(id));
  const all = new Set(ascii.values());
  const out = new Map<string, string>();
  for (const [id, a] of ascii) {
    const segs = a.split('-');
    let spelled = false;
    for (let i = 1; i < segs.length && !spelled; i++) spelled = all.has(segs.slice(0, i).join('-')) && segs.slice(i).every((s) => STEP.test(s));
    out.set(id, spelled ? `${a}--` : `${a}-`);
  }
  return out;
}

/** Records of one document. `prefix`: the start of its work point ids (idPrefixes; default `<id>-`). */
export function workpointsOfDocument(root: NoticeRoot, doc: DocumentNode, ctx: ExtractContext, themes: Theme[], prefix?: string): { records: RecordOut[]; skipped: Skipped[] } {
  const meta = doc.data;
  const idStart = prefix ?? `${asciiId(meta.id)}-`;
  const year = documentYear(meta, ctx.documents);
  const after = documentDate(meta, ctx.documents);
  const dateOpts = { year, after };
  const document = { id: meta.id, ...(meta.docNumber ? { docNumber: meta.docNumber } : {}), title: meta.title };
  const records: RecordOut[] = [];
  const file = root.data.file;

  const { items, skipped } = itemsOf(doc);
  const ids: string[] = [];
  items.forEach((it) => {
    const h = it.heading;
    const { title: lead, timing } = splitLead(h.text);
    const title = shortTitle(lead);
    const paragraphs = it.paragraphs.map((p) => p.text);
    // A lead phrase that was shortened keeps its full wording in the body.
    if (title !== lead) paragraphs.unshift(lead + '。');
    const bodyText = paragraphs.join('\n');
    // Heading text + own text, each once (a shortened lead is already the first paragraph).
    const all = (title === lead ? [cleanText(h.text), ...paragraphs] : [timing ?? '', ...paragraphs]).join('\n');
    const deadlines = findDeadlines(all, dateOpts);
    const id = `${idStart}${it.key.join('-')}`;
    ids.push(id);
    const sectionPath = it.ancestors.map(headingLabel);
    const data: WorkPointData = {
      id,
      kind: 'item',
      document,
      ...(year ? { year } : {}),
      section: sectionPath.join(' › ') || '正文',
      sectionPath,
      seq: h.ordinal,
      marker: cleanText(h.marker),
      order: records.length + 1,
      ...(it.parentIndex !== undefined ? { parent: ids[it.parentIndex]! } : {}),
      title,
      ...(timing ? { timing } : {}),
      body: bodyText,
      deadlines,
      quotas: findQuotas(all),
      units: unitsOf(title, paragraphs, all, it.parentIndex !== undefined ? (records[it.parentIndex]?.data as WorkPointData | undefined) : undefined),
      themes: matchThemes(all, themes),
      source: { file, lines: [h.position.start.line, it.endLine] },
    };
    const body: RootContent[] = paragraphs.map(para);
    records.push({ collection: 'workpoints', id, data, body });
  });

  const rowSeen = new Map<string, number>();
  for (const r of rowsOf(doc, dateOpts)) {
    // A row number printed twice in one table (or a row without one at the place of a numbered one) gets `<n>r<k>`.
    const k = (rowSeen.get(`${r.tableIndex}-${r.ordinal}`) ?? 0) + 1;
    rowSeen.set(`${r.tableIndex}-${r.ordinal}`, k);
    const id = `${idStart}t${r.tableIndex}-${r.ordinal}${k > 1 ? `r${k}` : ''}`;
    const detailText = r.details.join('\n');
    const all = [r.title, detailText].join('\n');
    const units = r.audience ? [r.audience] : [];
    for (const u of findUnits(detailText)) if (!units.includes(u)) units.push(u);
    const data: WorkPointData = {
      id,
      kind: 'row',
      document,
      ...(year ? { year } : {}),
      section: r.caption,
      sectionPath: [r.caption],
      seq: r.ordinal,
      marker: r.marker,
      order: records.length + 1,
      title: cleanText(r.title),
      body: detailText,
      deadlines: r.deadlines,
      quotas: findQuotas(detailText),
      units,
      themes: matchThemes(all, themes),
      source: { file, lines: [r.row.position.start.line, r.row.position.end.line] },
    };
    const body: RootContent[] = [...r.details.map(para), para(`完成期限：${r.deadlineText}`)];
    records.push({ collection: 'workpoints', id, data, body });
  }
  return { records, skipped };
}

export function createWorkpointsExtractor(opts: WorkpointsOptions = {}): Extractor {
  return {
    name: 'workpoints',
    extract(ctx: ExtractContext): RecordOut[] {
      const themes = opts.themes ?? loadThemes();
      const out: RecordOut[] = [];
      const report: WorkpointsReport = { perDocument: [], skipped: [] };
      const seen = new Map<string, string>();
      const prefixes = idPrefixes([...ctx.documents.keys(), ...ctx.roots.flatMap((r) => r.children.map((d) => d.data.id))]);
      for (const root of ctx.roots) {
        for (const doc of root.children) {
          const { records: all, skipped } = workpointsOfDocument(root, doc, ctx, themes, prefixes.get(doc.data.id));
          // Unique by construction (idPrefixes, items.ts key): a repeat is a bug, skipped and warned, never a refusal.
          const records = all.filter((r) => {
            const prev = seen.get(r.id);
            const here = `${root.data.file}:${r.data.source.lines[0]}`;
            if (!prev) {
              seen.set(r.id, here);
              return true;
            }
            ctx.note?.({
              file: root.data.file,
              line: r.data.source.lines[0],
              text: String(r.data.title),
              reason: `work point id ${r.id} was already given to ${prev}; this work point is skipped`,
              action: 'a fault of the ingest program (work point ids are unique by construction): report it with the file',
              document: doc.data.id,
            });
            return false;
          });
          out.push(...records);
          report.perDocument.push({
            id: doc.data.id,
            title: doc.data.title,
            items: records.filter((r) => r.data.kind === 'item').length,
            rows: records.filter((r) => r.data.kind === 'row').length,
            dated: records.filter((r) => (r.data.deadlines as Deadline[]).some((d) => d.date)).length,
          });
          for (const s of skipped) {
            report.skipped.push({ ...s, file: root.data.file, document: doc.data.id });
            ctx.note?.({ file: root.data.file, line: s.line, text: s.text, reason: s.reason, document: doc.data.id, ...(s.action ? { action: s.action } : {}) });
          }
        }
      }
      opts.report?.(report);
      return out;
    },
  };
}

export const workpointsExtractor: Extractor = createWorkpointsExtractor();
