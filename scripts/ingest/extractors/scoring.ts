/**
 * Scoring extractor: the 河南省行政执法责任制示范点创建标准 (豫法政办〔2018〕15号) scoring table →
 * `scoring` records of kind "criterion" (one per printed row, every cell kept), one record of kind
 * "check" with the points check, and the two 工作任务细则 tables of 豫法政办〔2019〕12号
 * (序号/内容/细则/完成期限) as kind "task-detail".
 *
 * Tables are found by their header rows, never by line numbers.
 */
import type { RootContent } from 'mdast';
import type { BlockNode, DocumentNode, Extractor, ExtractContext, NoticeRoot, RecordOut, TableNode } from '../types';
import {
  SCORING_HEAD,
  checkPoints,
  groupNumbers,
  parseTaskRows,
  regroupScoring,
  type PointsCheck,
  type ScoringItemData,
  type ScoringRowIn,
  type TaskDetailData,
} from './indicators/scoring-table';

const norm = (s: string) => s.replace(/[\s\u3000]+/g, '');
const cellsOf = (cells: { text: string }[]) => cells.map((c) => norm(c.text));
const isHead = (cells: string[], head: string[]) => head.every((h, i) => cells[i] === h);
export const TASK_HEAD = ['序号', '内容', '细则', '完成期限'];

interface Located {
  root: NoticeRoot;
  doc: DocumentNode;
  index: number;
  table: TableNode;
}

function tablesWithHead(roots: NoticeRoot[], head: string[]): Located[] {
  const out: Located[] = [];
  for (const root of roots)
    for (const doc of root.children)
      doc.children.forEach((b, index) => {
        if (b.type !== 'table') return;
        const first = b.head ?? b.rows[0];
        if (first && isHead(cellsOf(first.cells), head)) out.push({ root, doc, index, table: b });
      });
  return out;
}

/** Body rows of the scoring tables, in order, with the page part (a repeated header starts a new part). */
export function scoringRows(found: Located[]): ScoringRowIn[] {
  const rows: ScoringRowIn[] = [];
  let part = 0;
  for (const f of found) {
    part += 1;
    const first = part;
    // A table merged across page breaks lists the repeated header lines in `repeatedHead`.
    const repeats = [...(f.table.repeatedHead ?? [])].sort((a, b) => a - b);
    let extra = 0;
    for (const r of f.table.rows) {
      const cells = r.cells.map((c) => c.text);
      if (isHead(cells.map(norm), SCORING_HEAD)) {
        if (r !== f.table.rows[0]) extra += 1;
        continue;
      }
      if (cells.every((c) => !c.trim())) continue;
      const rowPart = first + extra + repeats.filter((l) => l < r.position.start.line).length;
      part = Math.max(part, rowPart);
      rows.push({ cells, start: r.position.start.line, end: r.position.end.line, part: rowPart });
    }
  }
  return rows;
}

function blockPlain(b: BlockNode): string {
  return b.type === 'table' ? '' : b.type === 'heading' ? b.marker + b.text + (b.rest ?? '') : b.text;
}

/** "(省辖市、省直管县市政府)" above a 工作任务细则 table. */
export function audienceBefore(blocks: BlockNode[], index: number): string | null {
  for (let i = index - 1; i >= 0 && i >= index - 4; i--) {
    const t = norm(blockPlain(blocks[i]!));
    // "(省辖市、省直管县市政府)" alone, or after a short title in one block ("工作任务细则(…)").
    const m = /^[^（()）]{0,20}[（(]([^（()）]+)[)）]$/.exec(t);
    if (m) return m[1]!;
    if (blocks[i]!.type === 'table') break;
  }
  return null;
}

function p(value: string): RootContent {
  return { type: 'paragraph', children: [{ type: 'text', value }] };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** One scoring list: the scoring tables of one document (a table printed over several pages is one list). */
export interface ScoringList {
  /** ASCII id of the document; ids of a later list that an earlier list holds are `<key>--<id>`. */
  key: string;
  document: string;
  file: string;
  line: number;
  items: ScoringItemData[];
  checks: PointsCheck[];
}

/**
 * Every scoring list of the corpus (tables with the 总体要求/工作要求/创建要求/创建标准/验收方法/评分细则
 * head, grouped by document), and the 工作任务细则 tables. Ids stay criterion-NN / check unless an
 * earlier list (corpus order) holds them: then `<document id>--<id>`; with several lists every record
 * names its `list`. A list that cannot be read is skipped: `skip(file, line, why)` says so.
 */
export function buildScoringRecords(
  roots: NoticeRoot[],
  warn: (m: string) => void = (m) => console.warn(`[scoring] ${m}`),
  skip: (file: string, line: number, why: string) => void = (f, l, why) => warn(`${f}:${l}: ${why}`),
) {
  const out: RecordOut[] = [];
  const scoringTables = tablesWithHead(roots, SCORING_HEAD);
  const byDoc = new Map<DocumentNode, Located[]>();
  for (const t of scoringTables) byDoc.set(t.doc, [...(byDoc.get(t.doc) ?? []), t]);
  const several = byDoc.size > 1;
  const taken = new Set<string>();
  const lists: ScoringList[] = [];
  if (scoringTables.length === 0) warn('no scoring table (总体要求/工作要求/创建要求/创建标准/验收方法/评分细则) found in the corpus');
  for (const [doc, tables] of byDoc) {
    const first = tables[0]!;
    const file = first.root.data.file;
    const key = doc.data.id.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'scoring';
    let items: ScoringItemData[];
    let checks: PointsCheck[];
    try {
      items = regroupScoring(scoringRows(tables));
      checks = checkPoints(items);
    } catch (e) {
      skip(file, first.table.position.start.line, `the scoring table could not be read (${(e as Error).message}); none of its criteria are published, the document is`);
      continue;
    }
    lists.push({ key, document: doc.data.id, file, line: first.table.position.start.line, items, checks });
    const own = (id: string) => (taken.has(id) ? `${key}--${id}` : id);
    const listOf = several ? { list: key } : {};
    for (const c of checks) if (!c.ok) warn(`${file}: points mismatch — ${c.message}`);
    const groups = groupNumbers(items);
    const idOf = new Map(items.map((it) => [it, own(`criterion-${pad(it.order)}`)]));
    for (const it of items) {
      const id = idOf.get(it)!;
      // group: [总体要求, 工作要求, 创建要求] numbers after merging restated page-break cells.
      const data = { id, kind: 'criterion', document: first.doc.data.id, ...listOf, ...it, group: groups.get(it)!, source: { file, lines: it.lines } };
      delete (data as Partial<typeof data>).lines;
      const body: RootContent[] = [p(it.path.filter(Boolean).join(' > '))];
      for (const [label, v] of [
        ['创建标准', it.standard],
        ['验收方法', it.method],
        ['评分细则', it.rule],
      ] as const)
        if (v) body.push(p(`${label}：${v}`));
      out.push({ collection: 'scoring', id, data, body });
    }
    const docTitle = first.doc.children
      .slice(0, first.index)
      .reverse()
      .find((b) => b.type !== 'table' && /创建标准$/.test(norm(blockPlain(b))));
    const lines: [number, number] = [items[0]?.lines[0] ?? first.table.position.start.line, Math.max(...items.map((i) => i.lines[1]))];
    const checkId = own('check');
    out.push({
      collection: 'scoring',
      id: checkId,
      data: {
        id: checkId,
        kind: 'check',
        title: docTitle ? norm(blockPlain(docTitle)) : first.doc.data.title,
        document: first.doc.data.id,
        ...(several ? { list: key, order: lists.length } : {}),
        ok: checks.every((c) => c.ok),
        checks,
        mismatches: checks.filter((c) => !c.ok).map((c) => c.message),
        realigned: items.filter((i) => i.realigned.length).map((i) => ({ id: idOf.get(i)!, line: i.lines[0], notes: i.realigned })),
        source: { file, lines },
      },
      body: checks.map((c) => p(c.message)),
    });
    for (const id of idOf.values()) taken.add(id);
    taken.add(checkId);
  }
  const items = lists[0]?.items ?? [];
  const checks = lists[0]?.checks ?? [];

  const taskTables = tablesWithHead(roots, TASK_HEAD);
  const tasks: TaskDetailData[] = [];
  taskTables.forEach((t, i) => {
    const audience = audienceBefore(t.doc.children, t.index);
    const rows = t.table.rows
      .map((r) => ({ cells: r.cells.map((c) => c.text), start: r.position.start.line, end: r.position.end.line }))
      .filter((r) => !isHead(r.cells.map(norm), TASK_HEAD) && r.cells.some((c) => c.trim()));
    // Ids: table number and 序号, unique by construction — a row without 序号 is n<k> (its place in the
    // table), a 序号 printed twice in one table gets r2, r3 … (no id depends on another table's rows).
    const seen = new Map<string, number>();
    parseTaskRows(rows, i + 1, audience).forEach((task, k) => {
      if (!task.seq) warn(`${t.root.data.file}:${task.lines[0]}: 工作任务细则 row without a 序号 (一/二/三…): "${task.cells[0]}"`);
      tasks.push(task);
      const base = task.seq ? String(task.seq) : `n${k + 1}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      const id = `task-detail-${i + 1}-${base}${n > 1 ? `r${n}` : ''}`;
      const data = { id, kind: 'task-detail', document: t.doc.data.id, ...task, source: { file: t.root.data.file, lines: task.lines } };
      delete (data as Partial<typeof data>).lines;
      out.push({
        collection: 'scoring',
        id,
        data,
        body: [p(`${task.seqLabel}、${task.content}`), ...task.details.map((d) => p(d)), p(`完成期限：${task.deadline}`)],
      });
    });
  });
  return { records: out, items, checks, tasks, lists };
}

export const scoringExtractor: Extractor = {
  name: 'scoring',
  extract(ctx: ExtractContext): RecordOut[] {
    const { records, items, checks, tasks } = buildScoringRecords(ctx.roots, undefined, (file, line, reason) =>
      ctx.note?.({
        file,
        line,
        text: '评分细则',
        reason,
        action: 'check that the table has the columns 总体要求 / 工作要求 / 创建要求 / 创建标准 / 验收方法 / 评分细则; correct the source (or content/errata.yaml) and run the ingest again',
      }),
    );
    const bad = checks.filter((c) => !c.ok).length;
    console.log(
      `[scoring] ${items.length} 创建标准 items from ${new Set(items.map((i) => i.lines[0])).size} printed rows (${items.filter((i) => i.baseline).length} 基础标准/veto, ${items.filter((i) => i.realigned.length).length} realigned — shifted row / cell printed a line early / 创建要求 in the 创建标准 column), ${tasks.length} 工作任务细则 rows; points check: ${bad ? `${bad} mismatch(es) left after realignment (as printed in the source), see content/scoring/check.mdx` : 'all levels add up'}`,
    );
    return records;
  },
};
