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

/** Records of one document. */
export function workpointsOfDocument(root: NoticeRoot, doc: DocumentNode, ctx: ExtractContext, themes: Theme[]): { records: RecordOut[]; skipped: Skipped[] } {
  const meta = doc.data;
  const docId = asciiId(meta.id);
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
    const id = `${docId}-${it.path.join('-')}`;
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

  for (const r of rowsOf(doc, dateOpts)) {
    const id = `${docId}-t${r.tableIndex}-${r.ordinal}`;
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
      for (const root of ctx.roots) {
        for (const doc of root.children) {
          const { records, skipped } = workpointsOfDocument(root, doc, ctx, themes);
          for (const r of records) {
            const prev = seen.get(r.id);
            if (prev) {
              throw new Error(
                `workpoints: duplicate id ${r.id} (${root.data.file} line ${r.data.source.lines[0]}; first at ${prev}). ` +
                  'Two documents share an id, or a numbering repeats inside one section: check the notice tree of that document.',
              );
            }
            seen.set(r.id, `${root.data.file} line ${r.data.source.lines[0]}`);
          }
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
            ctx.note?.({ file: root.data.file, line: s.line, text: s.text, reason: s.reason, document: doc.data.id });
          }
        }
      }
      opts.report?.(report);
      return out;
    },
  };
}

export const workpointsExtractor: Extractor = createWorkpointsExtractor();
