/**
 * 自查自评与整改台账 — the ledger model (pure; runs in the browser and in the tests, no imports).
 *
 * A ledger holds only what a user entered: every field is a stamp {v, at, by} (value, time of the
 * edit, id of the ledger where it was made). A field nobody set falls back to the notice (the
 * indicator record): rows the table marks 已完成 start as 已完成, 责任单位 come from the record.
 * Keeping only entered fields makes a newer build of the site keep what was entered, and lets the
 * 法治办 merge the files of many units field by field (planMerge / applyMerge).
 */

export const LEDGER_FORMAT = 'cjzl-ledger';
export const LEDGER_VERSION = 2;

export type ItemStatus = 'todo' | 'doing' | 'done' | 'na';
export const ITEM_STATUSES: ItemStatus[] = ['todo', 'doing', 'done', 'na'];
export const STATUS_TEXT: Record<ItemStatus, string> = { todo: '未开始', doing: '推进中', done: '已完成', na: '不涉及' };

/** A parsed 字数 limit of a 情况说明: 1000字以内 → {max: 1000}, 600字左右 → {max: 600, approx}, 不限字数 → {}. */
export interface WordLimit {
  text: string;
  max?: number;
  min?: number;
  approx?: boolean;
}

/** What the page needs of one indicator record (shaped at build time by ledger-plan.ts). */
export interface LedgerIndicator {
  id: string;
  seq: number;
  kind: 'indicator' | 'bonus' | 'veto';
  /** Accessible prefix: 第1项 / 加分项第1项 / 否决项第2项 */
  label: string;
  /** Group: a1…a9 (领域), bonus, veto */
  group: string;
  area: string | null;
  text: string;
  materials: string[];
  units: string[];
  unitNote: string | null;
  /** The status the notice prints: done → the item starts as 已完成. */
  notice: 'done' | 'not-required' | 'pending';
  /** Indices of materials that are a 情况说明 (they get a text box that counts characters). */
  statements: number[];
  words: WordLimit | null;
}

export interface Stamp<T = unknown> {
  v: T;
  at: string;
  by: string;
  /** edits (`by@at`) this value was chosen over in a merge: importing them again asks nothing */
  seen?: string[];
}

/** Field keys of an item: status, units, person, due, note, and per material i: ready.i, evidence.i, text.i */
export type FieldKey = string;
export const ITEM_FIELDS = ['status', 'units', 'person', 'due', 'note'] as const;
export const MATERIAL_FIELDS = ['ready', 'evidence', 'text'] as const;
export const FIELD_KEY_RE = /^(status|units|person|due|note|(ready|evidence|text)\.\d{1,3})$/;

export interface Problem {
  id: string;
  /** indicator record id */
  item: string;
  desc: string;
  measure: string;
  units: string[];
  person: string;
  /** 完成时限 YYYY-MM-DD or '' (then the plan's 限期整改 date applies) */
  deadline: string;
  /** 销号 date (YYYY-MM-DD) or null while 整改中 */
  closed: string | null;
  created: string;
  at: string;
  by: string;
  /** edits (`by@at`) this version was chosen over in a merge */
  seen?: string[];
}

export interface Ledger {
  format: typeof LEDGER_FORMAT;
  version: typeof LEDGER_VERSION;
  id: string;
  name: string;
  /** The unit this ledger belongs to (its default view shows only that unit's rows), or null for a whole county. */
  unit: string | null;
  created: string;
  updated: string;
  items: Record<string, Record<FieldKey, Stamp>>;
  problems: Problem[];
}

/** A random id that works outside secure contexts too (an intranet over http has no randomUUID). */
export function newId(prefix: string): string {
  const bytes = new Uint8Array(8);
  globalThis.crypto.getRandomValues(bytes);
  return prefix + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function newLedger(name: string, unit: string | null, now: string, id = newId('l-')): Ledger {
  return { format: LEDGER_FORMAT, version: LEDGER_VERSION, id, name, unit, created: now, updated: now, items: {}, problems: [] };
}

// ---------------------------------------------------------------- fields

/** The value a field has when nobody set it: from the notice. */
export function defaultValue(ind: LedgerIndicator, key: FieldKey): unknown {
  if (key === 'status') return ind.notice === 'done' ? 'done' : 'todo';
  if (key === 'units') return ind.units;
  if (key.startsWith('ready.')) return false;
  return '';
}

export function getField<T = unknown>(l: Ledger, ind: LedgerIndicator, key: FieldKey): T {
  const s = l.items[ind.id]?.[key];
  return (s ? s.v : defaultValue(ind, key)) as T;
}

export function isSet(l: Ledger, itemId: string, key: FieldKey): boolean {
  return Boolean(l.items[itemId]?.[key]);
}

export function setField(l: Ledger, itemId: string, key: FieldKey, value: unknown, now: string): Ledger {
  if (!FIELD_KEY_RE.test(key)) throw new Error(`unknown ledger field ${key}`);
  (l.items[itemId] ??= {})[key] = { v: value, at: now, by: l.id };
  l.updated = now;
  return l;
}

export function statusOf(l: Ledger, ind: LedgerIndicator): ItemStatus {
  return getField<ItemStatus>(l, ind, 'status');
}
export function unitsOf(l: Ledger, ind: LedgerIndicator): string[] {
  return getField<string[]>(l, ind, 'units');
}

/** Materials ready / total of an item. */
export function materialsReady(l: Ledger, ind: LedgerIndicator): { ready: number; total: number } {
  let ready = 0;
  ind.materials.forEach((_, i) => (ready += getField<boolean>(l, ind, `ready.${i}`) ? 1 : 0));
  return { ready, total: ind.materials.length };
}

// ---------------------------------------------------------------- 完成度

export interface Completion {
  done: number;
  /** applicable = all − 不涉及 */
  applicable: number;
  na: number;
  total: number;
  /** done / applicable (0…1); null when nothing applies */
  ratio: number | null;
}

export function completion(l: Ledger, list: LedgerIndicator[]): Completion {
  let done = 0;
  let na = 0;
  for (const ind of list) {
    const s = statusOf(l, ind);
    if (s === 'done') done++;
    else if (s === 'na') na++;
  }
  const applicable = list.length - na;
  return { done, applicable, na, total: list.length, ratio: applicable ? done / applicable : null };
}

/** 完成度 as printed: 96.8% (one decimal, never rounded up to the target). */
export function percent(ratio: number | null): string {
  if (ratio === null) return '—';
  return `${(Math.floor(ratio * 1000) / 10).toFixed(1)}%`;
}

/** The items that count toward 完成度: the 三级指标 (加分项 and 否决项 are reported on their own). */
export function scored(list: LedgerIndicator[]): LedgerIndicator[] {
  return list.filter((i) => i.kind === 'indicator');
}

export interface GroupCompletion extends Completion {
  key: string;
  label: string;
  /** applicable items not 已完成 */
  open: LedgerIndicator[];
  /** how many more items must be done to reach the target (0 when reached) */
  short: number;
}

function groupCompletion(l: Ledger, key: string, label: string, list: LedgerIndicator[], target: number | null): GroupCompletion {
  const c = completion(l, list);
  const open = list.filter((i) => {
    const s = statusOf(l, i);
    return s === 'todo' || s === 'doing';
  });
  const short = target === null ? 0 : Math.max(0, Math.ceil(target * c.applicable - 1e-9) - c.done);
  return { key, label, ...c, open, short };
}

/** 完成度 per 领域 (in the order of the list). */
export function completionByArea(l: Ledger, list: LedgerIndicator[], target: number | null): GroupCompletion[] {
  const groups = new Map<string, { label: string; items: LedgerIndicator[] }>();
  for (const ind of scored(list)) {
    const g = groups.get(ind.group) ?? { label: ind.area ?? ind.group, items: [] };
    g.items.push(ind);
    groups.set(ind.group, g);
  }
  return [...groups].map(([key, g]) => groupCompletion(l, key, g.label, g.items, target));
}

/** Every 责任单位 named by the records or entered in the ledger, in first-seen order. */
export function allUnits(l: Ledger, list: LedgerIndicator[]): string[] {
  const seen = new Set<string>();
  for (const ind of list) for (const u of unitsOf(l, ind)) seen.add(u);
  for (const p of l.problems) for (const u of p.units) seen.add(u);
  return [...seen];
}

let collator: Intl.Collator | undefined;

/** 完成度 per 责任单位 (the ledger's 责任单位, which start from the record), lowest first. */
export function completionByUnit(l: Ledger, list: LedgerIndicator[], target: number | null): GroupCompletion[] {
  const items = scored(list);
  const by = new Map<string, LedgerIndicator[]>();
  for (const ind of items) for (const u of unitsOf(l, ind)) (by.get(u) ?? by.set(u, []).get(u)!).push(ind);
  return [...by]
    .map(([u, its]) => groupCompletion(l, u, u, its, target))
    .sort((a, b) => (a.ratio ?? 2) - (b.ratio ?? 2) || b.open.length - a.open.length || (collator ??= new Intl.Collator('zh-Hans-CN')).compare(a.key, b.key));
}

// ---------------------------------------------------------------- plan stages and overdue

export type StageKey = 'selfcheck' | 'rectify' | 'inspect' | 'improve';
export interface PlanStage {
  /** Stage role when the title names one of the plan's 自查 / 整改 / 督查督导 / 完善提升 steps. */
  key: StageKey | null;
  title: string;
  /** Due date (YYYY-MM-DD) or null (按上级部署) */
  date: string | null;
  start?: string;
  /** Original wording (2023年9月底前) */
  timing: string;
  id: string;
}

export interface Due {
  date: string;
  /** where the date comes from: the item's own 完成时限, or a stage of the plan */
  from: 'own' | StageKey;
  label: string;
}

function stage(stages: PlanStage[], key: StageKey): PlanStage | undefined {
  return stages.find((s) => s.key === key && s.date);
}

/**
 * The due date of an item that is not finished: its own 完成时限 when set; otherwise an item still
 * 未开始 is due at 全面自查 (every item assessed by then), an item 推进中 at 完善提升 (the last step).
 */
export function itemDue(l: Ledger, ind: LedgerIndicator, stages: PlanStage[]): Due | null {
  const s = statusOf(l, ind);
  if (s === 'done' || s === 'na') return null;
  const own = getField<string>(l, ind, 'due');
  if (own) return { date: own, from: 'own', label: '完成时限' };
  const st = s === 'todo' ? stage(stages, 'selfcheck') : stage(stages, 'improve');
  return st ? { date: st.date!, from: st.key!, label: st.title } : null;
}

/** A problem 整改中 is due at its 完成时限, else at the plan's 限期整改 date. */
export function problemDue(p: Problem, stages: PlanStage[]): Due | null {
  if (p.closed) return null;
  if (p.deadline) return { date: p.deadline, from: 'own', label: '完成时限' };
  const st = stage(stages, 'rectify');
  return st ? { date: st.date!, from: 'rectify', label: st.title } : null;
}

export const isOverdue = (due: Due | null, today: string) => Boolean(due && due.date < today);

/** The stage in progress on `today`: the first dated stage whose date is not past. */
export function currentStage(stages: PlanStage[], today: string): PlanStage | undefined {
  return stages.find((s) => s.date && s.date >= today);
}

// ---------------------------------------------------------------- problems (问题清单 → 整改台账)

export type ProblemInput = Pick<Problem, 'item' | 'desc' | 'measure' | 'units' | 'person' | 'deadline'>;

export function addProblem(l: Ledger, input: ProblemInput, now: string, id = newId('p-')): Problem {
  const p: Problem = { id, ...input, closed: null, created: now, at: now, by: l.id };
  l.problems.push(p);
  l.updated = now;
  return p;
}

export function updateProblem(l: Ledger, id: string, patch: Partial<ProblemInput & { closed: string | null }>, now: string): Problem {
  const p = l.problems.find((x) => x.id === id);
  if (!p) throw new Error(`no problem ${id}`);
  Object.assign(p, patch, { at: now, by: l.id });
  l.updated = now;
  return p;
}

/** 销号: the problem is rectified on `date`. */
export const closeProblem = (l: Ledger, id: string, date: string, now: string) => updateProblem(l, id, { closed: date }, now);
export const reopenProblem = (l: Ledger, id: string, now: string) => updateProblem(l, id, { closed: null }, now);

export function removeProblem(l: Ledger, id: string, now: string): void {
  l.problems = l.problems.filter((p) => p.id !== id);
  l.updated = now;
}

export const openProblems = (l: Ledger) => l.problems.filter((p) => !p.closed);

// ---------------------------------------------------------------- 字数 (as the notice counts them)

const CJK_CHAR = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2014\u2018\u2019\u201c\u201d\u2026\u00b7]/u;

/**
 * 字数 the way a Chinese office counts them (Word 的“字数统计”): every Chinese character and every
 * Chinese punctuation mark counts 1, a run of Latin letters/digits (2023, 95%, http://…) counts 1,
 * spaces and line breaks count nothing.
 */
export function countChars(text: string): number {
  let n = 0;
  let inWord = false;
  for (const ch of text) {
    if (/\s/u.test(ch)) inWord = false;
    else if (CJK_CHAR.test(ch)) (n++, (inWord = false));
    else if (!inWord) (n++, (inWord = true));
  }
  return n;
}

/** 1000字以内 / 不超过800字 / 600字左右 / 不少于500字 / 不限字数 → WordLimit; null when the text names no 字数. */
export function parseWordLimit(text: string | null | undefined): WordLimit | null {
  if (!text) return null;
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  if (/不限字数|字数不限/.test(t)) return { text };
  let m = t.match(/不(?:超过|多于|得超过)(\d+)字/) ?? t.match(/(\d+)字(?:以内|以下|之内|内)/);
  if (m) return { text, max: Number(m[1]) };
  m = t.match(/(\d+)字左右/);
  if (m) return { text, max: Number(m[1]), approx: true };
  m = t.match(/不少于(\d+)字/) ?? t.match(/(\d+)字以上/);
  if (m) return { text, min: Number(m[1]) };
  m = t.match(/(\d+)字/);
  return m ? { text, max: Number(m[1]), approx: true } : null;
}

/** How far 左右 may go: 10% over the figure is still “about” it. */
export const APPROX_TOLERANCE = 0.1;

export interface WordCheck {
  count: number;
  over: boolean;
  under: boolean;
  message: string;
}

export function checkWords(text: string, limit: WordLimit | null): WordCheck {
  const count = countChars(text);
  const req = limit ? `（要求：${limit.text}）` : '';
  if (limit?.max !== undefined) {
    const cap = limit.approx ? Math.floor(limit.max * (1 + APPROX_TOLERANCE)) : limit.max;
    if (count > cap) {
      return { count, over: true, under: false, message: `已写 ${count} 字，超出${limit.approx ? '约 ' : ' '}${limit.max} 字的要求 ${count - limit.max} 字${req}` };
    }
  }
  if (limit?.min !== undefined && count > 0 && count < limit.min) {
    return { count, over: false, under: true, message: `已写 ${count} 字，不足 ${limit.min} 字${req}` };
  }
  return { count, over: false, under: false, message: `已写 ${count} 字${req}` };
}

// ---------------------------------------------------------------- merge (法治办 imports the units' files)

export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function problemContent(p: Problem) {
  const { at: _a, by: _b, seen: _s, ...rest } = p;
  return rest;
}

const editKey = (x: { at: string; by: string }) => `${x.by}@${x.at}`;

export interface MergeSource {
  /** file name (shown to the user) */
  name: string;
  ledger: Ledger;
}

export interface FieldChange {
  kind: 'field';
  item: string;
  key: FieldKey;
  from: Stamp | undefined;
  to: Stamp;
  source: string;
}
export interface ProblemChange {
  kind: 'problem';
  item: string;
  from: Problem | undefined;
  to: Problem;
  source: string;
}
export type Change = FieldChange | ProblemChange;

export interface ConflictOption<T> {
  /** '当前台账' or a file name (several files giving the same value are joined with 、) */
  source: string;
  value: T | undefined;
}
export interface Conflict {
  kind: 'field' | 'problem';
  item: string;
  key: FieldKey;
  /** options[0] is the current ledger's value when it has one */
  options: ConflictOption<Stamp | Problem>[];
  hasCurrent: boolean;
}

export interface MergePlan {
  changes: Change[];
  conflicts: Conflict[];
}

interface Candidate<T> {
  value: T;
  source: string;
}

/**
 * Decides one field (or problem) across the current value and the files:
 * a file's value is new information when it differs from the current one and either nothing is
 * set yet, or it comes from another ledger, or it is a later edit made in the same ledger. One new
 * value where nothing (or the same ledger's older edit) was set → a change; values from different
 * ledgers that differ → a conflict, shown with every value, answered by the user.
 */
function decide<T extends { at: string; by: string; seen?: string[] }>(
  cur: T | undefined,
  incoming: Candidate<T>[],
  content: (x: T) => unknown,
): { change?: Candidate<T>; conflict?: ConflictOption<T>[] } {
  const fresh = incoming.filter(
    (c) =>
      !cur ||
      (!sameValue(content(c.value), content(cur)) && !cur.seen?.includes(editKey(c.value)) && (c.value.by !== cur.by || c.value.at > cur.at)),
  );
  if (!fresh.length) return {};
  const groups: Candidate<T>[][] = [];
  for (const c of fresh) {
    const g = groups.find((x) => sameValue(content(x[0]!.value), content(c.value)));
    if (g) g.push(c);
    else groups.push([c]);
  }
  const newest = (g: Candidate<T>[]) => g.reduce((a, b) => (b.value.at > a.value.at ? b : a));
  const label = (g: Candidate<T>[]) => [...new Set(g.map((c) => c.source))].join('、');
  if (groups.length === 1 && (!cur || groups[0]!.every((c) => c.value.by === cur.by))) {
    const n = newest(groups[0]!);
    return { change: { value: n.value, source: label(groups[0]!) } };
  }
  const options: ConflictOption<T>[] = [];
  if (cur) options.push({ source: '当前台账', value: cur });
  for (const g of groups) options.push({ source: label(g), value: newest(g).value });
  return { conflict: options };
}

export function planMerge(current: Ledger, sources: MergeSource[]): MergePlan {
  const changes: Change[] = [];
  const conflicts: Conflict[] = [];
  // fields
  const keys = new Map<string, Set<string>>();
  for (const s of sources) for (const [item, fields] of Object.entries(s.ledger.items)) for (const k of Object.keys(fields)) (keys.get(item) ?? keys.set(item, new Set()).get(item)!).add(k);
  for (const [item, ks] of keys) {
    for (const key of ks) {
      const cur = current.items[item]?.[key];
      const inc = sources.flatMap((s) => {
        const v = s.ledger.items[item]?.[key];
        return v ? [{ value: v, source: s.name }] : [];
      });
      const d = decide(cur, inc, (x) => x.v);
      if (d.change) changes.push({ kind: 'field', item, key, from: cur, to: d.change.value, source: d.change.source });
      if (d.conflict) conflicts.push({ kind: 'field', item, key, options: d.conflict, hasCurrent: Boolean(cur) });
    }
  }
  // problems (by id; a problem is never deleted by a merge)
  const ids = new Set(sources.flatMap((s) => s.ledger.problems.map((p) => p.id)));
  for (const id of ids) {
    const cur = current.problems.find((p) => p.id === id);
    const inc = sources.flatMap((s) => s.ledger.problems.filter((p) => p.id === id).map((p) => ({ value: p, source: s.name })));
    const d = decide(cur, inc, problemContent);
    const item = (cur ?? inc[0]!.value).item;
    if (d.change) changes.push({ kind: 'problem', item, from: cur, to: d.change.value, source: d.change.source });
    if (d.conflict) conflicts.push({ kind: 'problem', item, key: id, options: d.conflict, hasCurrent: Boolean(cur) });
  }
  return { changes, conflicts };
}

/**
 * Applies a plan: every change, and for each conflict the option the user chose (its index in
 * `options`). Throws when a conflict has no answer. Returns a new ledger (the current one is untouched).
 */
export function applyMerge(current: Ledger, plan: MergePlan, choices: number[], now: string): Ledger {
  const l: Ledger = structuredClone(current);
  const putProblem = (p: Problem) => {
    const i = l.problems.findIndex((x) => x.id === p.id);
    if (i >= 0) l.problems[i] = structuredClone(p);
    else l.problems.push(structuredClone(p));
  };
  for (const c of plan.changes) {
    if (c.kind === 'field') (l.items[c.item] ??= {})[c.key] = structuredClone(c.to);
    else putProblem(c.to);
  }
  plan.conflicts.forEach((c, i) => {
    const choice = choices[i];
    if (choice === undefined || !c.options[choice]) throw new Error(`冲突 ${i + 1} 尚未选择`);
    const v = c.options[choice]!.value;
    if (!v) return;
    // The value kept remembers the edits it was chosen over, so the same files do not ask again.
    const seen = new Set(v.seen ?? []);
    c.options.forEach((o, k) => {
      if (k === choice || !o.value) return;
      seen.add(editKey(o.value));
      for (const x of o.value.seen ?? []) seen.add(x);
    });
    const kept = { ...structuredClone(v), seen: [...seen].sort() };
    if (c.kind === 'field') (l.items[c.item] ??= {})[c.key] = kept as Stamp;
    else putProblem(kept as Problem);
  });
  l.updated = now;
  return l;
}

// ---------------------------------------------------------------- describing changes for people

export function fieldLabel(ind: LedgerIndicator | undefined, key: FieldKey): string {
  const [f, n] = key.split('.');
  const mat = (i: number) => `材料${i + 1}`;
  switch (f) {
    case 'status':
      return '状态';
    case 'units':
      return '责任单位';
    case 'person':
      return '责任人';
    case 'due':
      return '完成时限';
    case 'note':
      return '备注';
    case 'ready':
      return `${mat(Number(n))} 已备齐`;
    case 'evidence':
      return `${mat(Number(n))} 佐证`;
    case 'text':
      return `${mat(Number(n))} 情况说明`;
  }
  return ind ? key : key;
}

export function valueText(key: FieldKey, v: unknown): string {
  if (v === undefined) return '（未填）';
  if (key === 'status') return STATUS_TEXT[v as ItemStatus] ?? String(v);
  if (Array.isArray(v)) return v.join('、') || '（空）';
  if (typeof v === 'boolean') return v ? '是' : '否';
  const s = String(v);
  if (!s) return '（空）';
  return s.length > 40 ? s.slice(0, 40) + '…' : s;
}

export function problemText(p: Problem | undefined): string {
  if (!p) return '（无）';
  return `${p.desc.slice(0, 30)}${p.desc.length > 30 ? '…' : ''}；${p.closed ? `已销号（${p.closed}）` : '整改中'}${p.deadline ? `；时限 ${p.deadline}` : ''}`;
}

// ---------------------------------------------------------------- record ids of a newer build

/**
 * Keeps entries when a newer build renames indicator ids (e.g. a list prefix: 001 → xyx-001):
 * an entry whose id is no longer a record id moves to the one record id that ends with "-<id>"
 * (or whose "-<id>" the old id ended with). Returns the ids that still match nothing; their
 * entries stay in the ledger (never dropped) and the page lists them.
 */
export function rekey(l: Ledger, ids: string[]): string[] {
  const known = new Set(ids);
  const orphans: string[] = [];
  const match = (old: string) => {
    const c = ids.filter((id) => id.endsWith('-' + old) || old.endsWith('-' + id));
    return c.length === 1 ? c[0]! : undefined;
  };
  for (const old of Object.keys(l.items)) {
    if (known.has(old)) continue;
    const to = match(old);
    if (to && !l.items[to]) {
      l.items[to] = l.items[old]!;
      delete l.items[old];
    } else orphans.push(old);
  }
  for (const p of l.problems) if (!known.has(p.item)) p.item = match(p.item) ?? p.item;
  return orphans;
}
