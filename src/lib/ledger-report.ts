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
    title: `${l.name}法治政府建设示范创建自查自评报告${inp.unit ? `（${inp.unit}）` : ''}`,
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
