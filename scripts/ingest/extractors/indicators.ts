/**
 * Indicator extractor: the 填报材料责任清单 (序号 / 三级指标 / 填报材料 / 责任单位) → one record per
 * 三级指标 (kind "indicator"), 加分项 ("bonus") and 否决项 ("veto"), plus one `indicatormeta`
 * record holding the table's 说明 notes and the declared area grouping.
 *
 * The table is found by its header cells, wherever it sits in the corpus. Rows are regrouped
 * from the table's cells (see indicators/checklist.ts), not from line numbers.
 */
import type { RootContent } from 'mdast';
import type { BlockNode, DocumentNode, Extractor, ExtractContext, NoticeRoot, RecordOut, TableNode } from '../types';
import { piecesFromBlocks } from './indicators/cells';
import { parseNotes, regroupChecklist, toIndicator, type ParsedIndicator } from './indicators/checklist';
import { loadAreaMap, type AreaMap } from './indicators/areas';
import { cellText } from './indicators/fields';
import { matchThemes, type ThemeMatch } from '../themes';

export const HEAD_CELLS = ['序号', '三级指标', '填报材料', '责任单位'];

const norm = (s: string) => s.replace(/[\s\u3000]+/g, '');

export function isChecklistHead(cells: string[]): boolean {
  const c = cells.map(norm);
  return HEAD_CELLS.every((h) => c.includes(h));
}

export interface FoundTable {
  root: NoticeRoot;
  doc: DocumentNode;
  index: number;
  table: TableNode;
}

/** Every 填报材料责任清单 table in the corpus (recognised head row, or a first row with those cells). */
export function findChecklistTables(roots: NoticeRoot[]): FoundTable[] {
  const out: FoundTable[] = [];
  for (const root of roots) {
    for (const doc of root.children) {
      doc.children.forEach((b, index) => {
        if (b.type !== 'table') return;
        const head = b.head ?? b.rows[0];
        if (head && isChecklistHead(head.cells.map((c) => c.text))) out.push({ root, doc, index, table: b });
      });
    }
  }
  return out;
}

/** Text of any block, as printed (a heading keeps its marker). */
export function blockText(b: BlockNode): string {
  switch (b.type) {
    case 'heading':
      return b.marker + b.text + (b.rest ?? '');
    case 'table':
      return b.rows.map((r) => r.cells.map((c) => c.text).join('\t')).join('\n');
    default:
      return b.text;
  }
}

/** The 说明 notes: the blocks between a block starting with 说明 and the table. */
export function notesBefore(blocks: BlockNode[], tableIndex: number) {
  let from = -1;
  for (let i = tableIndex - 1; i >= 0 && i >= tableIndex - 12; i--) {
    if (/^说明[:：]/.test(norm(blockText(blocks[i]!)))) {
      from = i;
      break;
    }
  }
  if (from < 0) return [];
  const texts: { text: string; line: number; end: number }[] = [];
  for (let i = from; i < tableIndex; i++) {
    const b = blocks[i]!;
    // "说明：1.…" may arrive as one block: split before each number that opens a note.
    const t = blockText(b).replace(/^说明[:：]\s*/, '');
    for (const part of t.split(/\n|(?<=[。；])(?=\d{1,2}[.．、])/)) {
      if (part.trim()) texts.push({ text: part, line: b.position.start.line, end: b.position.end.line });
    }
  }
  return parseNotes(texts);
}

export interface IndicatorRecordData {
  id: string;
  order: number;
  seq: number;
  kind: 'indicator' | 'bonus' | 'veto';
  text: string;
  materials: string[];
  materialsIntro: string | null;
  units: string[];
  unitNote: string | null;
  status: 'done' | 'not-required' | 'pending';
  limits: ParsedIndicator['limits'];
  area: string | null;
  areaNo: number | null;
  themes: ThemeMatch[];
  document: string;
  materialsRaw: string;
  unitsRaw: string;
  statusRaw: string | null;
  source: { file: string; lines: [number, number] };
}

export function indicatorId(kind: string, seq: number): string {
  if (kind === 'indicator') return String(seq).padStart(3, '0');
  return `${kind}-${seq}`;
}

type ThemeMatcher = (text: string) => ThemeMatch[];

export interface BuildOptions {
  areaMap?: AreaMap;
  matchThemes?: ThemeMatcher;
  warn?: (msg: string) => void;
}

/** Builds the records of one checklist table. Throws with file/line when the table cannot be read. */
export function buildIndicatorRecords(found: FoundTable, opts: BuildOptions = {}) {
  const file = found.root.data.file;
  const warn = opts.warn ?? ((m: string) => console.warn(`[indicators] ${m}`));
  const pieces = piecesFromBlocks(found.doc.children.slice(found.index));
  const { rows, issues } = regroupChecklist(pieces);
  for (const i of issues) warn(`${file}:${i.line}: ${i.message}`);
  const parsed = rows.map(toIndicator);
  const mains = parsed.filter((p) => p.kind === 'indicator');
  if (mains.length === 0) {
    throw new Error(
      `${file}:${found.table.position.start.line}: 填报材料责任清单 table has no rows numbered from 1; expected "序号" cells 1, 2, 3 … — check the table's cells in the segmenter output`,
    );
  }
  const areaMap = opts.areaMap ?? loadAreaMap(mains.length);
  // Check the declared area labels against the plan's 主要任务 headings in the same file.
  const headings = found.root.children.flatMap((d) => d.children).filter((b) => b.type === 'heading');
  for (const a of areaMap.areas) {
    const ok = headings.some((h) => h.type === 'heading' && h.ordinal === a.no && norm(h.text + (h.rest ?? '')).startsWith(norm(a.label)));
    if (!ok) warn(`${file}: area ${a.marker}${a.label} (scripts/ingest/data/areas.yaml) is not a （n） heading of the plan in this file`);
  }
  const labelOf = new Map(areaMap.areas.map((a) => [a.no, a.label]));
  const records: IndicatorRecordData[] = parsed.map((p, i) => {
    const areaNo = p.kind === 'indicator' ? (areaMap.bySeq.get(p.seq) ?? null) : null;
    const id = indicatorId(p.kind, p.seq);
    return {
      id,
      order: i + 1,
      seq: p.seq,
      kind: p.kind,
      text: p.text,
      materials: p.materials,
      materialsIntro: p.materialsIntro,
      units: p.units,
      unitNote: p.unitNote,
      status: p.status,
      limits: p.limits,
      area: areaNo ? labelOf.get(areaNo)! : null,
      areaNo,
      themes: opts.matchThemes ? opts.matchThemes([p.text, ...p.materials].join('\n')) : [],
      document: found.doc.data.id,
      materialsRaw: p.materialsRaw,
      unitsRaw: p.unitsRaw,
      statusRaw: p.statusRaw,
      source: { file, lines: p.lines },
    };
  });
  const ids = new Set<string>();
  for (const r of records) {
    if (ids.has(r.id)) throw new Error(`${file}:${r.source.lines[0]}: duplicate indicator id ${r.id} (seq ${r.seq}, ${r.kind})`);
    ids.add(r.id);
  }
  const notes = notesBefore(found.doc.children, found.index);
  if (notes.length === 0) warn(`${file}:${found.table.position.start.line}: no 说明 notes found above the 填报材料责任清单 table`);
  const titleBlock = found.doc.children
    .slice(0, found.index)
    .reverse()
    .find((b) => (b.type === 'header' || b.type === 'paragraph') && /责任清单/.test(b.text));
  const meta = {
    id: 'checklist',
    title: titleBlock ? cellText(blockText(titleBlock)).replace(/\n/g, '') : found.doc.data.title,
    document: found.doc.data.id,
    notes,
    counts: {
      indicator: records.filter((r) => r.kind === 'indicator').length,
      bonus: records.filter((r) => r.kind === 'bonus').length,
      veto: records.filter((r) => r.kind === 'veto').length,
    },
    areas: areaMap.areas.map((a) => ({
      ...a,
      rules: areaMap.rules.filter((r) => r.area === a.no).map((r) => ({ seqs: r.from === r.to ? `${r.from}` : `${r.from}–${r.to}`, reason: r.reason })),
    })),
    source: { file, lines: [found.table.position.start.line, Math.max(...records.map((r) => r.source.lines[1]))] as [number, number] },
  };
  return { records, meta, issues };
}

function text(value: string): RootContent {
  return { type: 'paragraph', children: [{ type: 'text', value }] };
}

export function indicatorBody(r: IndicatorRecordData): RootContent[] {
  const body: RootContent[] = [text(r.text)];
  if (r.materialsIntro) body.push(text(r.materialsIntro));
  if (r.materials.length) {
    body.push({
      type: 'list',
      ordered: false,
      spread: false,
      children: r.materials.map((m) => ({ type: 'listItem', checked: false, spread: false, children: [text(m) as any] })),
    });
  }
  if (r.units.length) body.push(text('责任单位：' + r.units.join('、') + (r.unitNote ? ' ' + r.unitNote : '')));
  return body;
}

/** The shared theme matcher (scripts/ingest/themes.ts, vocabulary in content/themes.yaml). */
let themeMatcher: ThemeMatcher | undefined = (t) => matchThemes(t);
/** Lets a test replace the theme matcher (undefined = no themes). */
export function useThemeMatcher(fn: ThemeMatcher | undefined) {
  themeMatcher = fn;
}

/**
 * The list key of each table: the ASCII id of its document, `-t<n>` added when that document holds
 * several 责任清单 tables. Unique (document ids are) and without "--".
 */
export function listKeys(tables: FoundTable[]): string[] {
  const ascii = (id: string) => id.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'list';
  const perDoc = new Map<DocumentNode, number>();
  for (const t of tables) perDoc.set(t.doc, (perDoc.get(t.doc) ?? 0) + 1);
  const seen = new Map<DocumentNode, number>();
  return tables.map((t) => {
    const k = (seen.get(t.doc) ?? 0) + 1;
    seen.set(t.doc, k);
    return perDoc.get(t.doc)! > 1 ? `${ascii(t.doc.data.id)}-t${k}` : ascii(t.doc.data.id);
  });
}

/**
 * Every 填报材料责任清单 of the corpus, each as its own list (a county keeps the 2023 list and the
 * revised 2024 one). Ids stay as printed (001 … 100, bonus-1, veto-1; the meta record `checklist`)
 * unless an earlier list (corpus order) holds them: then `<list key>--<id>`. List keys come from unique
 * document ids and hold no "--", so the ids are unique by construction. With several lists every
 * record names its list (`list`, and `listTitle` on the meta record); with one, the records are as
 * they always were. A table that cannot be read is skipped with a warning (file:line, what to do).
 * The declared area grouping (scripts/ingest/data/areas.yaml) applies to a list whose 三级指标 it
 * covers exactly (the same count); another list gets no areas (noted in the report).
 */
export const indicatorsExtractor: Extractor = {
  name: 'indicators',
  extract(ctx: ExtractContext): RecordOut[] {
    const tables = findChecklistTables(ctx.roots);
    if (tables.length === 0) {
      console.warn('[indicators] no 填报材料责任清单 table (序号/三级指标/填报材料/责任单位) found in the corpus; no indicator records');
      return [];
    }
    const keys = listKeys(tables);
    const several = tables.length > 1;
    const taken = new Set<string>();
    const out: RecordOut[] = [];
    tables.forEach((t, k) => {
      const file = t.root.data.file;
      const line = t.table.position.start.line;
      const list = keys[k]!;
      let built: ReturnType<typeof buildIndicatorRecords>;
      try {
        let areaMap: AreaMap;
        try {
          areaMap = loadAreaMap(findCount(t));
        } catch {
          areaMap = { areas: [], rules: [], bySeq: new Map() };
          ctx.note?.({ file, line, text: '填报材料责任清单', reason: `no area grouping is declared for this list (scripts/ingest/data/areas.yaml covers another list); its indicators are shown without 领域`, document: t.doc.data.id });
        }
        built = buildIndicatorRecords(t, { matchThemes: themeMatcher, areaMap });
      } catch (e) {
        ctx.note?.({
          file,
          line,
          text: '填报材料责任清单',
          reason: `the table could not be read as a 责任清单 (${(e as Error).message}); none of its indicators are published, the document is`,
          action: 'check that the table has the columns 序号 / 三级指标 / 填报材料 / 责任单位 and rows numbered 1, 2, 3 …; correct the source (or content/errata.yaml) and run the ingest again',
          document: t.doc.data.id,
        });
        return;
      }
      const { records, meta, issues } = built;
      // Cells the regrouping could not place as printed: the record is published as read, and the report says where to look.
      for (const i of issues)
        ctx.note?.({
          file,
          line: i.line,
          text: '填报材料责任清单',
          reason: i.message,
          action: 'compare this row of the 责任清单 with the printed table (序号 / 三级指标 / 填报材料 / 责任单位) and correct the source or content/errata.yaml if a cell is misplaced',
          document: t.doc.data.id,
        });
      const own = (id: string) => (taken.has(id) ? `${list}--${id}` : id);
      for (const r of records) {
        r.id = own(r.id);
        taken.add(r.id);
      }
      const metaId = own(meta.id);
      taken.add(metaId);
      out.push(...records.map((r) => ({ collection: 'indicators', id: r.id, data: { ...r, ...(several ? { list } : {}) }, body: indicatorBody(r) })));
      out.push({
        collection: 'indicatormeta',
        id: metaId,
        data: { ...meta, id: metaId, ...(several ? { list, order: k + 1 } : {}) },
        body: meta.notes.map((n) => text(`${n.n}.${n.text}`)),
      });
      const by = (s: string) => records.filter((r) => r.status === s).length;
      console.log(
        `[indicators] ${several ? `${file}:${line} list ${list}: ` : ''}${meta.counts.indicator} 三级指标 + ${meta.counts.bonus} 加分项 + ${meta.counts.veto} 否决项; status done ${by('done')}, not-required ${by('not-required')}, pending ${by('pending')}`,
      );
    });
    return out;
  },
};

/** How many 三级指标 a table holds (for the area grouping check). */
function findCount(t: FoundTable): number {
  const { rows } = regroupChecklist(piecesFromBlocks(t.doc.children.slice(t.index)));
  return rows.map(toIndicator).filter((p) => p.kind === 'indicator').length;
}
