/**
 * What the units hand in, as plain rows (pure): the 自查自评报告 (完成度 overall and by 领域, the
 * items not done with their reasons, the open problems with measures and deadlines), the 自查台账
 * and the 整改台账. The print view renders these rows as HTML; ledger-export.ts writes them as
 * .docx (docx) and .xlsx (exceljs).
 */
import {
  STATUS_TEXT,
  checkWords,
  completion,
  completionByArea,
  completionByUnit,
  getField,
  isOverdue,
  itemDue,
  materialsReady,
  percent,
  problemDue,
  scored,
  statusOf,
  unitsOf,
  type Completion,
  type Ledger,
  type LedgerIndicator,
  type PlanStage,
} from './ledger';

export interface ReportInput {
  ledger: Ledger;
  items: LedgerIndicator[];
  stages: PlanStage[];
  target: number | null;
  today: string;
  /** 责任单位 to limit the report to (a unit's own report), or '' for all */
  unit?: string;
}

export interface CompletionRow {
  label: string;
  done: number;
  applicable: number;
  na: number;
  percent: string;
  reached: boolean | null;
}

export interface ItemRow {
  label: string;
  area: string;
  text: string;
  status: string;
  units: string;
  person: string;
  due: string;
  overdue: boolean;
  materials: string;
  evidence: string;
  note: string;
}

export interface ProblemRow {
  item: string;
  desc: string;
  measure: string;
  units: string;
  person: string;
  deadline: string;
  state: string;
  closed: string;
  overdue: boolean;
}

export interface StatementRow {
  label: string;
  material: string;
  text: string;
  count: number;
  limit: string;
  check: string;
}

export interface Report {
  title: string;
  date: string;
  target: string;
  overall: CompletionRow;
  byArea: CompletionRow[];
  byUnit: CompletionRow[];
  extra: { label: string; text: string }[];
  notDone: ItemRow[];
  items: ItemRow[];
  problems: ProblemRow[];
  openProblems: ProblemRow[];
  /** the 情况说明 written in the ledger, with their 字数 */
  statements: StatementRow[];
}

const row = (label: string, c: Completion, target: number | null): CompletionRow => ({
  label,
  done: c.done,
  applicable: c.applicable,
  na: c.na,
  percent: percent(c.ratio),
  reached: target === null || c.ratio === null ? null : c.ratio >= target,
});

export function buildReport(inp: ReportInput): Report {
  const { ledger: l, stages, target, today } = inp;
  const mine = (ind: LedgerIndicator) => !inp.unit || unitsOf(l, ind).includes(inp.unit);
  const items = inp.items.filter(mine);
  const byId = new Map(inp.items.map((i) => [i.id, i]));
  const itemRow = (ind: LedgerIndicator): ItemRow => {
    const due = itemDue(l, ind, stages);
    const m = materialsReady(l, ind);
    return {
      label: ind.label,
      area: ind.area ?? (ind.kind === 'bonus' ? '加分项' : '否决项'),
      text: ind.text,
      status: STATUS_TEXT[statusOf(l, ind)],
      units: unitsOf(l, ind).join('、'),
      person: getField<string>(l, ind, 'person'),
      due: due ? `${due.date}${due.from === 'own' ? '' : `（${due.label}）`}` : getField<string>(l, ind, 'due'),
      overdue: isOverdue(due, today),
      materials: m.total ? `${m.ready}/${m.total}` : '—',
      evidence: ind.materials.map((_, i) => getField<string>(l, ind, `evidence.${i}`)).filter(Boolean).join('；'),
      note: getField<string>(l, ind, 'note'),
    };
  };
  const problems = l.problems
    .filter((p) => !inp.unit || p.units.includes(inp.unit) || (byId.get(p.item) && mine(byId.get(p.item)!)))
    .map((p): ProblemRow & { open: boolean } => {
      const due = problemDue(p, stages);
      return {
        item: byId.get(p.item)?.label ?? p.item,
        desc: p.desc,
        measure: p.measure,
        units: p.units.join('、'),
        person: p.person,
        deadline: p.deadline || (due ? `${due.date}（${due.label}）` : ''),
        state: p.closed ? '已销号' : '整改中',
        closed: p.closed ?? '',
        overdue: isOverdue(due, today),
        open: !p.closed,
      };
    });
  const strip = ({ open: _o, ...r }: ProblemRow & { open: boolean }) => r;
  const sc = scored(items);
  const extra = (['bonus', 'veto'] as const).flatMap((k) => {
    const its = items.filter((i) => i.kind === k);
    if (!its.length) return [];
    const c = completion(l, its);
    return [{ label: k === 'bonus' ? '加分项' : '否决项', text: `${c.done} / ${its.length} 项已完成${c.na ? `，${c.na} 项不涉及` : ''}` }];
  });
  return {
    title: `法治政府建设示范创建自查自评报告（${[l.name, inp.unit && inp.unit !== l.name ? inp.unit : ''].filter(Boolean).join(' · ')}）`,
    date: today,
    target: target === null ? '' : `${Math.round(target * 1000) / 10}%`,
    overall: row('全部三级指标', completion(l, sc), target),
    byArea: completionByArea(l, items, target).map((g) => row(g.label, g, target)),
    byUnit: inp.unit ? [] : completionByUnit(l, items, target).map((g) => row(g.key, g, target)),
    extra,
    notDone: items.filter((i) => ['todo', 'doing'].includes(statusOf(l, i))).map(itemRow),
    items: items.map(itemRow),
    problems: problems.map(strip),
    openProblems: problems.filter((p) => p.open).map(strip),
    statements: items.flatMap((ind) =>
      ind.statements.flatMap((n) => {
        const text = getField<string>(l, ind, `text.${n}`);
        if (!text) return [];
        const w = checkWords(text, ind.words);
        return [{ label: ind.label, material: ind.materials[n] ?? '', text, count: w.count, limit: ind.words?.text ?? '', check: w.over ? '超出字数要求' : w.under ? '不足字数要求' : '' }];
      }),
    ),
  };
}

/** Column order of the sheets (shared by the .xlsx writer and its test). */
export const ITEM_COLUMNS: [keyof ItemRow, string, number][] = [
  ['label', '序号', 12],
  ['area', '领域', 18],
  ['text', '指标内容', 50],
  ['status', '状态', 8],
  ['units', '责任单位', 20],
  ['person', '责任人', 10],
  ['due', '完成时限', 16],
  ['materials', '材料已备齐', 10],
  ['evidence', '佐证材料', 30],
  ['note', '备注（未完成原因）', 30],
];
export const STATEMENT_COLUMNS: [keyof StatementRow, string, number][] = [
  ['label', '序号', 12],
  ['material', '填报材料', 36],
  ['text', '情况说明', 80],
  ['count', '字数', 8],
  ['limit', '字数要求', 12],
  ['check', '核对', 12],
];
export const PROBLEM_COLUMNS: [keyof ProblemRow, string, number][] = [
  ['item', '指标', 12],
  ['desc', '问题描述', 40],
  ['measure', '整改措施', 40],
  ['units', '责任单位', 18],
  ['person', '责任人', 10],
  ['deadline', '完成时限', 16],
  ['state', '整改状态', 10],
  ['closed', '销号日期', 12],
];

/** The 自查自评报告 as a sequence of blocks: the .docx writer and the print view render the same blocks. */
export type ReportBlock =
  | { kind: 'title'; text: string }
  | { kind: 'meta'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'para'; text: string; bold?: boolean }
  | { kind: 'table'; head: string[]; rows: string[][] };

export function reportBlocks(r: Report): ReportBlock[] {
  const compHead = ['范围', '已完成', '适用项', '不涉及', '完成度', `目标 ${r.target}`];
  const comp = (c: CompletionRow) => [c.label, String(c.done), String(c.applicable), String(c.na), c.percent, c.reached === null ? '' : c.reached ? '已达到' : '未达到'];
  const late = (s: string, overdue: boolean) => `${s}${overdue ? '（逾期）' : ''}`;
  const o = r.overall;
  return [
    { kind: 'title', text: r.title },
    { kind: 'meta', text: `报告日期：${r.date}` },
    { kind: 'heading', text: '一、完成度' },
    {
      kind: 'para',
      text:
        `全部三级指标完成度 ${o.percent}（已完成 ${o.done} 项 / 适用 ${o.applicable} 项，不涉及 ${o.na} 项不计入）` +
        (r.target ? `，目标 ${r.target}，${o.reached ? '已达到' : '尚未达到'}。` : '。') +
        r.extra.map((e) => `${e.label}：${e.text}。`).join(''),
    },
    { kind: 'table', head: compHead, rows: [comp(o), ...r.byArea.map(comp)] },
    ...(r.byUnit.length ? ([{ kind: 'para', text: '各责任单位完成度（由低到高）：', bold: true }, { kind: 'table', head: compHead, rows: r.byUnit.map(comp) }] as ReportBlock[]) : []),
    { kind: 'heading', text: '二、未完成事项及原因' },
    r.notDone.length
      ? { kind: 'table', head: ['序号', '指标内容', '状态', '责任单位', '完成时限', '原因（备注）'], rows: r.notDone.map((i) => [i.label, i.text, i.status, i.units, late(i.due, i.overdue), i.note]) }
      : { kind: 'para', text: '无。' },
    { kind: 'heading', text: '三、问题清单与整改' },
    r.openProblems.length
      ? { kind: 'table', head: ['指标', '问题描述', '整改措施', '责任单位', '责任人', '完成时限'], rows: r.openProblems.map((x) => [x.item, x.desc, x.measure, x.units, x.person, late(x.deadline, x.overdue)]) }
      : { kind: 'para', text: '没有整改中的问题。' },
    { kind: 'para', text: `已销号问题 ${r.problems.length - r.openProblems.length} 个，整改中 ${r.openProblems.length} 个。` },
  ];
}
