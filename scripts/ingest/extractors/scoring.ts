/**
 * Scoring extractor: the 河南省行政执法责任制示范点创建标准 (豫法政办〔2018〕15号) scoring table →
 * `scoring` records of kind "criterion" (one per printed row, every cell kept), one record of kind
 * "check" with the points check, and the two 工作任务细则 tables of 豫法政办〔2019〕12号
 * (序号/内容/细则/完成期限) as kind "task-detail".
 *
 * Tables are found by their header rows, never by line numbers.
 */
import type { RootContent } from 'mdast';
import { RecordCollision } from '../errors';
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

export function buildScoringRecords(roots: NoticeRoot[], warn: (m: string) => void = (m) => console.warn(`[scoring] ${m}`)) {
  const out: RecordOut[] = [];
  const scoringTables = tablesWithHead(roots, SCORING_HEAD);
  let items: ScoringItemData[] = [];
  let checks: PointsCheck[] = [];
  if (scoringTables.length === 0) warn('no scoring table (总体要求/工作要求/创建要求/创建标准/验收方法/评分细则) found in the corpus');
  else {
    const files = new Set(scoringTables.map((t) => t.root.data.file));
    if (files.size > 1)
      throw new RecordCollision({
        collection: 'scoring',
        what: 'the 评分细则 (scoring) table',
        places: [...files].map((f) => ({ file: f, line: scoringTables.find((t) => t.root.data.file === f)!.table.position.start.line })),
        detail: 'scoring ids would collide',
      });
    const first = scoringTables[0]!;
    const file = first.root.data.file;
    items = regroupScoring(scoringRows(scoringTables));
    checks = checkPoints(items);
    for (const c of checks) if (!c.ok) warn(`${file}: points mismatch — ${c.message}`);
    const groups = groupNumbers(items);
    for (const it of items) {
      const id = `criterion-${pad(it.order)}`;
      // group: [总体要求, 工作要求, 创建要求] numbers after merging restated page-break cells.
      const data = { id, kind: 'criterion', document: first.doc.data.id, ...it, group: groups.get(it)!, source: { file, lines: it.lines } };
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
    out.push({
      collection: 'scoring',
      id: 'check',
      data: {
        id: 'check',
        kind: 'check',
        title: docTitle ? norm(blockPlain(docTitle)) : first.doc.data.title,
        document: first.doc.data.id,
        ok: checks.every((c) => c.ok),
        checks,
        mismatches: checks.filter((c) => !c.ok).map((c) => c.message),
        realigned: items.filter((i) => i.realigned.length).map((i) => ({ id: `criterion-${pad(i.order)}`, line: i.lines[0], notes: i.realigned })),
        source: { file, lines },
      },
      body: checks.map((c) => p(c.message)),
    });
  }

  const taskTables = tablesWithHead(roots, TASK_HEAD);
  const tasks: TaskDetailData[] = [];
  taskTables.forEach((t, i) => {
    const audience = audienceBefore(t.doc.children, t.index);
    const rows = t.table.rows
      .map((r) => ({ cells: r.cells.map((c) => c.text), start: r.position.start.line, end: r.position.end.line }))
      .filter((r) => !isHead(r.cells.map(norm), TASK_HEAD) && r.cells.some((c) => c.trim()));
    for (const task of parseTaskRows(rows, i + 1, audience)) {
      if (!task.seq) warn(`${t.root.data.file}:${task.lines[0]}: 工作任务细则 row without a 序号 (一/二/三…): "${task.cells[0]}"`);
      tasks.push(task);
      const id = `task-detail-${i + 1}-${task.seq || tasks.length}`;
      const data = { id, kind: 'task-detail', document: t.doc.data.id, ...task, source: { file: t.root.data.file, lines: task.lines } };
      delete (data as Partial<typeof data>).lines;
      out.push({
        collection: 'scoring',
        id,
        data,
        body: [p(`${task.seqLabel}、${task.content}`), ...task.details.map((d) => p(d)), p(`完成期限：${task.deadline}`)],
      });
    }
  });
  return { records: out, items, checks, tasks };
}

export const scoringExtractor: Extractor = {
  name: 'scoring',
  extract(ctx: ExtractContext): RecordOut[] {
    const { records, items, checks, tasks } = buildScoringRecords(ctx.roots);
    const bad = checks.filter((c) => !c.ok).length;
    console.log(
      `[scoring] ${items.length} 创建标准 items from ${new Set(items.map((i) => i.lines[0])).size} printed rows (${items.filter((i) => i.baseline).length} 基础标准/veto, ${items.filter((i) => i.realigned.length).length} realigned — shifted row / cell printed a line early / 创建要求 in the 创建标准 column), ${tasks.length} 工作任务细则 rows; points check: ${bad ? `${bad} mismatch(es) left after realignment (as printed in the source), see content/scoring/check.mdx` : 'all levels add up'}`,
    );
    return records;
  },
};
