/**
 * The ledger model (src/lib/ledger*.ts): status changes, 完成度 arithmetic, 字数 counting and limits,
 * overdue rules, schema migration from version 1, import validation, merge with conflicts, storage.
 * Hand-made indicators; the plan extraction runs on small work point fixtures.
 */
import { describe, expect, it } from 'vitest';
import {
  addProblem,
  applyMerge,
  checkWords,
  closeProblem,
  completion,
  completionByArea,
  completionByUnit,
  countChars,
  getField,
  isOverdue,
  itemDue,
  newLedger,
  parseWordLimit,
  percent,
  planMerge,
  problemDue,
  rekey,
  scored,
  setField,
  statusOf,
  type Ledger,
  type LedgerIndicator,
  type PlanStage,
} from '../../src/lib/ledger';
import { parseLedgerText, serializeLedger } from '../../src/lib/ledger-schema';
import { LedgerStore, ledgerKey, type KV } from '../../src/lib/ledger-store';
import { buildReport, reportBlocks } from '../../src/lib/ledger-report';
import { itemLabel, ledgerIndicators, planStages, planTarget } from '../../src/lib/ledger-plan';

const T0 = '2023-09-01T08:00:00.000Z';
const T1 = '2023-09-02T08:00:00.000Z';
const T2 = '2023-09-03T08:00:00.000Z';

function ind(id: string, o: Partial<LedgerIndicator> = {}): LedgerIndicator {
  const seq = Number(id.replace(/\D/g, '')) || 1;
  const kind = o.kind ?? 'indicator';
  return {
    id,
    seq,
    kind,
    label: itemLabel({ kind, seq }),
    group: kind === 'indicator' ? 'a1' : kind,
    area: kind === 'indicator' ? '领域一' : null,
    text: `指标 ${id}`,
    materials: ['情况说明'],
    units: ['司法局'],
    unitNote: null,
    notice: 'pending',
    statements: [0],
    words: null,
    ...o,
  };
}

const ITEMS: LedgerIndicator[] = [
  ind('001', { notice: 'done', units: [] }),
  ind('002'),
  ind('003', { units: ['司法局', '财政局'] }),
  ind('004', { group: 'a2', area: '领域二', units: ['财政局'] }),
  ind('bonus-1', { kind: 'bonus', units: ['各乡镇'] }),
  ind('veto-1', { kind: 'veto', units: [] }),
];
const byId = (id: string) => ITEMS.find((i) => i.id === id)!;

const STAGES: PlanStage[] = [
  { key: 'selfcheck', title: '全面自查', date: '2023-09-30', timing: '2023年9月底前', id: 's1' },
  { key: 'rectify', title: '限期整改', date: '2023-10-10', start: '2023-10-01', timing: '2023年10月初', id: 's2' },
  { key: 'inspect', title: '督查督导', date: '2023-10-31', timing: '2023年10月底前', id: 's3' },
  { key: 'improve', title: '完善提升', date: '2023-11-30', timing: '2023年11月底前', id: 's4' },
];

describe('status and fields', () => {
  it('starts from the notice: rows marked 已完成 are 已完成, units from the record', () => {
    const l = newLedger('县', null, T0, 'l-a');
    expect(statusOf(l, byId('001'))).toBe('done');
    expect(statusOf(l, byId('002'))).toBe('todo');
    expect(getField(l, byId('003'), 'units')).toEqual(['司法局', '财政局']);
    expect(l.items).toEqual({});
  });
  it('a status change is stamped with time and ledger, and only entered fields are stored', () => {
    const l = newLedger('县', null, T0, 'l-a');
    setField(l, '002', 'status', 'doing', T1);
    expect(statusOf(l, byId('002'))).toBe('doing');
    expect(l.items['002']).toEqual({ status: { v: 'doing', at: T1, by: 'l-a' } });
    expect(l.updated).toBe(T1);
    setField(l, '001', 'status', 'todo', T2);
    expect(statusOf(l, byId('001'))).toBe('todo');
    expect(() => setField(l, '001', 'colour', 'red', T2)).toThrow(/unknown ledger field/);
  });
});

describe('完成度', () => {
  it('is 已完成 / applicable, 不涉及 excluded, only 三级指标', () => {
    const l = newLedger('县', null, T0, 'l-a');
    expect(completion(l, scored(ITEMS))).toEqual({ done: 1, applicable: 4, na: 0, total: 4, ratio: 0.25 });
    setField(l, '004', 'status', 'na', T1);
    setField(l, '002', 'status', 'done', T1);
    setField(l, 'bonus-1', 'status', 'done', T1);
    const c = completion(l, scored(ITEMS));
    expect(c).toEqual({ done: 2, applicable: 3, na: 1, total: 4, ratio: 2 / 3 });
    expect(percent(c.ratio)).toBe('66.6%');
    expect(percent(0.9999)).toBe('99.9%'); // never rounded up to a target
    for (const s of ['001', '002', '003', '004']) setField(l, s, 'status', 'na', T2);
    expect(completion(l, scored(ITEMS)).ratio).toBeNull();
    expect(percent(null)).toBe('—');
  });
  it('per 领域 and per 责任单位, with what keeps a unit below the target', () => {
    const l = newLedger('县', null, T0, 'l-a');
    setField(l, '003', 'status', 'done', T1);
    const areas = completionByArea(l, ITEMS, 0.95);
    expect(areas.map((a) => [a.key, a.done, a.applicable, a.short])).toEqual([
      ['a1', 2, 3, 1],
      ['a2', 0, 1, 1],
    ]);
    const units = completionByUnit(l, ITEMS, 0.95);
    expect(units.map((u) => [u.key, u.done, u.applicable])).toEqual([
      ['财政局', 1, 2],
      ['司法局', 1, 2],
    ]);
    expect(units.find((u) => u.key === '司法局')!.open.map((i) => i.id)).toEqual(['002']);
    // a unit entered in the ledger counts for that unit
    setField(l, '002', 'units', ['政府办'], T2);
    expect(completionByUnit(l, ITEMS, 0.95).map((u) => u.key)).toContain('政府办');
    expect(completionByUnit(l, ITEMS, 0.95).find((u) => u.key === '司法局')!.ratio).toBe(1);
  });
});

describe('字数 as the notice counts them', () => {
  it('counts each Chinese character and punctuation mark, a Latin/digit run as one, no spaces', () => {
    expect(countChars('我县完成了。')).toBe(6);
    expect(countChars('2023年9月，完成95%。')).toBe(9);
    expect(countChars('见 http://example.gov.cn/a 页面')).toBe(4);
    expect(countChars('  \n\t ')).toBe(0);
    expect(countChars('“三调”联动——有效')).toBe(10);
  });
  it('reads the limits of the notices', () => {
    expect(parseWordLimit('1000字以内')).toEqual({ text: '1000字以内', max: 1000 });
    expect(parseWordLimit('600字左右')).toEqual({ text: '600字左右', max: 600, approx: true });
    expect(parseWordLimit('不超过 800 字')).toMatchObject({ max: 800 });
    expect(parseWordLimit('不少于500字')).toMatchObject({ min: 500 });
    expect(parseWordLimit('不限字数')).toEqual({ text: '不限字数' });
    expect(parseWordLimit(null)).toBeNull();
  });
  it('says when a text is over the limit (strict at the figure, 左右 with 10% room)', () => {
    const strict = parseWordLimit('1000字以内');
    expect(checkWords('字'.repeat(1000), strict).over).toBe(false);
    const over = checkWords('字'.repeat(1001), strict);
    expect(over.over).toBe(true);
    expect(over.message).toContain('超出');
    expect(over.message).toContain('1 字');
    const about = parseWordLimit('600字左右');
    expect(checkWords('字'.repeat(650), about).over).toBe(false);
    expect(checkWords('字'.repeat(661), about).over).toBe(true);
    expect(checkWords('字'.repeat(5000), parseWordLimit('不限字数')).over).toBe(false);
    expect(checkWords('字'.repeat(10), parseWordLimit('不少于500字')).under).toBe(true);
  });
});

describe('overdue: own deadline, else the plan stage', () => {
  it('未开始 is due at 全面自查, 推进中 at 完善提升, an own 完成时限 wins, 已完成 is never overdue', () => {
    const l = newLedger('县', null, T0, 'l-a');
    expect(itemDue(l, byId('002'), STAGES)).toMatchObject({ date: '2023-09-30', from: 'selfcheck' });
    expect(isOverdue(itemDue(l, byId('002'), STAGES), '2023-09-30')).toBe(false);
    expect(isOverdue(itemDue(l, byId('002'), STAGES), '2023-10-01')).toBe(true);
    setField(l, '002', 'status', 'doing', T1);
    expect(itemDue(l, byId('002'), STAGES)).toMatchObject({ date: '2023-11-30', from: 'improve' });
    setField(l, '002', 'due', '2023-10-15', T1);
    expect(itemDue(l, byId('002'), STAGES)).toMatchObject({ date: '2023-10-15', from: 'own' });
    expect(itemDue(l, byId('001'), STAGES)).toBeNull();
    expect(itemDue(l, byId('002'), [])).toMatchObject({ from: 'own' });
    expect(itemDue(l, byId('003'), [])).toBeNull();
  });
  it('a problem is 整改中 until 销号; without a 完成时限 it is due at 限期整改', () => {
    const l = newLedger('县', null, T0, 'l-a');
    const p = addProblem(l, { item: '002', desc: '材料不全', measure: '补齐', units: ['司法局'], person: '张三', deadline: '' }, T1, 'p-1');
    expect(problemDue(p, STAGES)).toMatchObject({ date: '2023-10-10', from: 'rectify' });
    closeProblem(l, 'p-1', '2023-10-08', T2);
    expect(l.problems[0]!.closed).toBe('2023-10-08');
    expect(problemDue(l.problems[0]!, STAGES)).toBeNull();
  });
});

describe('file format: validation and migration', () => {
  it('round-trips through serializeLedger / parseLedgerText', () => {
    const l = newLedger('司法局', '司法局', T0, 'l-sfj');
    setField(l, '002', 'status', 'done', T1);
    setField(l, '002', 'ready.0', true, T1);
    setField(l, '002', 'text.0', '情况说明正文', T1);
    addProblem(l, { item: '003', desc: 'd', measure: 'm', units: [], person: '', deadline: '2023-10-01' }, T1, 'p-1');
    const text = serializeLedger(l);
    const r = parseLedgerText(text);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.ledger).toEqual(l);
      expect(serializeLedger(r.ledger)).toBe(text);
    }
  });
  it('refuses malformed, foreign, newer and ill-typed files with a message', () => {
    const bad = (t: string) => {
      const r = parseLedgerText(t);
      expect(r.ok).toBe(false);
      return r.ok ? '' : r.error;
    };
    expect(bad('{"format": "cjzl-ledger", ')).toMatch(/不是有效的 JSON/);
    expect(bad(JSON.stringify([{ id: '001', seq: 1 }]))).toMatch(/不是自查台账文件/);
    expect(bad(JSON.stringify({ format: 'cjzl-ledger', version: 3 }))).toMatch(/版本 3 比本页支持的版本 2 新/);
    const l = JSON.parse(serializeLedger(newLedger('县', null, T0, 'l-a')));
    expect(bad(JSON.stringify({ ...l, items: { '001': { status: { v: 'finished', at: T1, by: 'l-a' } } } }))).toMatch(/items › 001 › status/);
    expect(bad(JSON.stringify({ ...l, items: { '001': { colour: { v: 'x', at: T1, by: 'l-a' } } } }))).toMatch(/内容有误/);
    expect(bad(JSON.stringify({ ...l, items: { '001': { 'ready.0': { v: 'yes', at: T1, by: 'l-a' } } } }))).toMatch(/ready\.0/);
    expect(bad(JSON.stringify({ ...l, extra: 1 }))).toMatch(/extra/);
    expect(bad(JSON.stringify({ ...l, name: '' }))).toMatch(/name/);
  });
  it('migrates a version 1 file (Chinese statuses, material lists, problems without ids)', () => {
    const v1 = {
      format: 'cjzl-ledger',
      version: 1,
      name: '某某镇',
      unit: '各乡镇',
      saved: T1,
      items: {
        '002': { status: '推进中', person: '李四', materials: [{ ready: true, evidence: 'a.pdf', text: '说明' }] },
        '003': { status: '不涉及' },
      },
      problems: [
        { item: '002', desc: '缺少台账', status: '整改中' },
        { item: '003', desc: '已补', status: '已销号', closedOn: '2023-09-20' },
      ],
    };
    const r = parseLedgerText(JSON.stringify(v1));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.migratedFrom).toBe(1);
    const l = r.ledger;
    expect(l.version).toBe(2);
    expect(l.unit).toBe('各乡镇');
    expect(statusOf(l, byId('002'))).toBe('doing');
    expect(statusOf(l, byId('003'))).toBe('na');
    expect(getField(l, byId('002'), 'ready.0')).toBe(true);
    expect(getField(l, byId('002'), 'evidence.0')).toBe('a.pdf');
    expect(getField(l, byId('002'), 'text.0')).toBe('说明');
    expect(l.items['002']!.person).toEqual({ v: '李四', at: T1, by: l.id });
    expect(l.problems.map((p) => [p.item, p.closed])).toEqual([
      ['002', null],
      ['003', '2023-09-20'],
    ]);
    // stable ids: the same old file gives the same ledger
    const again = parseLedgerText(JSON.stringify(v1));
    expect(again.ok && again.ledger).toEqual(l);
    expect(parseLedgerText(JSON.stringify({ ...v1, items: { '002': { status: '做完了' } } })).ok).toBe(false);
  });
});

describe('merge: the 法治办 imports the files of many units', () => {
  const county = () => newLedger('夏邑县', null, T0, 'l-county');
  const unit = (id: string, name: string) => newLedger(name, name, T0, id);

  it('keeps both units’ changes and reports a field changed differently as a conflict', () => {
    const a = unit('l-sfj', '司法局');
    setField(a, '002', 'status', 'done', T1);
    setField(a, '003', 'person', '张三', T1);
    addProblem(a, { item: '002', desc: '问题A', measure: '', units: ['司法局'], person: '', deadline: '' }, T1, 'p-a');
    const b = unit('l-czj', '财政局');
    setField(b, '004', 'status', 'doing', T1);
    setField(b, '003', 'person', '李四', T2);
    const plan = planMerge(county(), [
      { name: '司法局.json', ledger: a },
      { name: '财政局.json', ledger: b },
    ]);
    expect(plan.changes.map((c) => `${c.item}:${c.kind === 'field' ? c.key : 'problem'}`).sort()).toEqual(['002:problem', '002:status', '004:status']);
    expect(plan.conflicts).toHaveLength(1);
    const c = plan.conflicts[0]!;
    expect([c.item, c.key, c.hasCurrent]).toEqual(['003', 'person', false]);
    expect(c.options.map((o) => [o.source, (o.value as { v: string }).v])).toEqual([
      ['司法局.json', '张三'],
      ['财政局.json', '李四'],
    ]);
    expect(() => applyMerge(county(), plan, [], T2)).toThrow(/尚未选择/);
    const merged = applyMerge(county(), plan, [1], T2);
    expect(statusOf(merged, byId('002'))).toBe('done');
    expect(statusOf(merged, byId('004'))).toBe('doing');
    expect(getField(merged, byId('003'), 'person')).toBe('李四');
    expect(merged.problems.map((p) => p.id)).toEqual(['p-a']);
    // stamps keep their origin, so a later file of the same unit updates without asking
    expect(merged.items['002']!.status!.by).toBe('l-sfj');
    setField(a, '002', 'status', 'doing', T2);
    const later = planMerge(merged, [{ name: '司法局-2.json', ledger: a }]);
    expect(later.conflicts).toEqual([]);
    expect(later.changes.filter((x) => x.kind === 'field').map((x) => [x.item, (x as { to: { v: unknown } }).to.v])).toEqual([['002', 'doing']]);
    // the same file twice changes nothing
    const same = planMerge(applyMerge(merged, later, [], T2), [{ name: '司法局-2.json', ledger: a }]);
    expect(same).toEqual({ changes: [], conflicts: [] });
  });

  it('a value the 法治办 entered itself and a unit’s different value → conflict with the current value first', () => {
    const c = county();
    setField(c, '002', 'person', '王五', T1);
    const a = unit('l-sfj', '司法局');
    setField(a, '002', 'person', '张三', T2);
    const plan = planMerge(c, [{ name: '司法局.json', ledger: a }]);
    expect(plan.changes).toEqual([]);
    expect(plan.conflicts[0]!.options.map((o) => o.source)).toEqual(['当前台账', '司法局.json']);
    expect(getField(applyMerge(c, plan, [0], T2), byId('002'), 'person')).toBe('王五');
    expect(c.items['002']!.person!.v).toBe('王五'); // applyMerge leaves the input alone
  });

  it('an older edit of the same ledger is not taken, and a problem edited in two places is asked about', () => {
    const a = unit('l-sfj', '司法局');
    setField(a, '002', 'note', '新', T2);
    const old = structuredClone(a);
    old.items['002']!.note = { v: '旧', at: T1, by: 'l-sfj' };
    expect(planMerge(a, [{ name: 'old.json', ledger: old }])).toEqual({ changes: [], conflicts: [] });

    const c = county();
    addProblem(a, { item: '002', desc: '问题', measure: '', units: [], person: '', deadline: '' }, T1, 'p-x');
    const first = applyMerge(c, planMerge(c, [{ name: 'a.json', ledger: a }]), [], T1);
    closeProblem(first, 'p-x', '2023-10-05', T2); // 法治办 销号
    const a2 = structuredClone(a);
    a2.problems[0]!.measure = '补充措施';
    a2.problems[0]!.at = T2;
    const plan = planMerge(first, [{ name: 'a2.json', ledger: a2 }]);
    expect(plan.conflicts.map((x) => [x.kind, x.key])).toEqual([['problem', 'p-x']]);
  });
});

describe('several ledgers in the browser storage', () => {
  const memory = (): KV & { map: Map<string, string> } => {
    const map = new Map<string, string>();
    return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
  };
  it('opens, saves, switches and removes ledgers', () => {
    const kv = memory();
    const s = new LedgerStore(kv);
    const first = s.open(T0, '本县台账').ledger;
    expect(first.name).toBe('本县台账');
    setField(first, '002', 'status', 'done', T1);
    s.save(first);
    const second = newLedger('某某镇', '各乡镇', T1, 'l-town');
    s.save(second);
    expect(s.list().map((l) => l.name)).toEqual(['本县台账', '某某镇']);
    expect(s.open(T2, 'x').ledger.id).toBe(first.id);
    s.setCurrent('l-town');
    expect(s.open(T2, 'x').ledger.name).toBe('某某镇');
    const reread = s.load(first.id);
    expect(reread.ok && statusOf(reread.ledger, byId('002'))).toBe('done');
    s.remove('l-town');
    expect(s.list().map((l) => l.id)).toEqual([first.id]);
    expect(s.currentId()).toBe(first.id);
  });
  it('a ledger stored by an older build is migrated and saved back in the current version', () => {
    const kv = memory();
    kv.setItem('cjzl-ledger-index', JSON.stringify({ version: 1, current: 'old', ledgers: [{ id: 'old', name: '旧台账', unit: null }] }));
    kv.setItem(ledgerKey('old'), JSON.stringify({ format: 'cjzl-ledger', version: 1, name: '旧台账', saved: T1, items: { '002': { status: '已完成' } }, problems: [] }));
    const r = new LedgerStore(kv).open(T2, 'x');
    expect(r.migratedFrom).toBe(1);
    expect(statusOf(r.ledger, byId('002'))).toBe('done');
    expect(JSON.parse(kv.getItem(ledgerKey(r.ledger.id))!).version).toBe(2);
  });
  it('an unreadable stored ledger is kept, reported, and a new one is opened beside it', () => {
    const kv = memory();
    kv.setItem('cjzl-ledger-index', JSON.stringify({ version: 1, current: 'bad', ledgers: [{ id: 'bad', name: '坏', unit: null }] }));
    kv.setItem(ledgerKey('bad'), '{oops');
    const r = new LedgerStore(kv).open(T2, '本县台账');
    expect(r.error).toMatch(/无法读取已保存的台账“坏”/);
    expect(kv.getItem(ledgerKey('bad'))).toBe('{oops');
    expect(r.ledger.name).toBe('本县台账');
  });
  it('entries keyed by an old record id follow the record when ids gain a list prefix', () => {
    const l = newLedger('县', null, T0, 'l-a');
    setField(l, '002', 'status', 'done', T1);
    setField(l, '999', 'status', 'done', T1);
    addProblem(l, { item: '002', desc: 'x', measure: '', units: [], person: '', deadline: '' }, T1, 'p-1');
    expect(rekey(l, ['xyx-001', 'xyx-002'])).toEqual(['999']);
    expect(l.items['xyx-002']!.status!.v).toBe('done');
    expect(l.items['999']).toBeDefined();
    expect(l.problems[0]!.item).toBe('xyx-002');
  });
});

describe('report rows', () => {
  it('completion, items not done with reasons, open problems', () => {
    const l = newLedger('夏邑县', null, T0, 'l-a');
    setField(l, '002', 'status', 'doing', T1);
    setField(l, '002', 'note', '材料待市里反馈', T1);
    setField(l, '004', 'status', 'na', T1);
    addProblem(l, { item: '003', desc: '未公开', measure: '上网公开', units: ['司法局'], person: '张三', deadline: '' }, T1, 'p-1');
    addProblem(l, { item: '002', desc: '已改', measure: '', units: [], person: '', deadline: '2023-10-01' }, T1, 'p-2');
    closeProblem(l, 'p-2', '2023-09-20', T2);
    const r = buildReport({ ledger: l, items: ITEMS, stages: STAGES, target: 0.95, today: '2023-10-20' });
    expect(r.overall).toMatchObject({ done: 1, applicable: 3, na: 1, percent: '33.3%', reached: false });
    expect(r.notDone.map((i) => [i.label, i.status, i.note])).toEqual([
      ['第2项', '推进中', '材料待市里反馈'],
      ['第3项', '未开始', ''],
      ['加分项第1项', '未开始', ''],
      ['否决项第1项', '未开始', ''],
    ]);
    expect(r.notDone[1]!.overdue).toBe(true);
    expect(r.openProblems).toEqual([expect.objectContaining({ item: '第3项', desc: '未公开', deadline: '2023-10-10（限期整改）', overdue: true, state: '整改中' })]);
    expect(r.problems).toHaveLength(2);
    const blocks = reportBlocks(r);
    expect(blocks.filter((b) => b.kind === 'heading').map((b) => (b as { text: string }).text)).toEqual(['一、完成度', '二、未完成事项及原因', '三、问题清单与整改']);
    expect(blocks.find((b) => b.kind === 'para')).toMatchObject({ text: expect.stringContaining('全部三级指标完成度 33.3%（已完成 1 项 / 适用 3 项，不涉及 1 项不计入），目标 95%，尚未达到。') });
    const open = blocks.filter((b) => b.kind === 'table').at(-1) as { rows: string[][] };
    expect(open.rows).toEqual([['第3项', '未公开', '上网公开', '司法局', '张三', '2023-10-10（限期整改）（逾期）']]);
    const sfj = buildReport({ ledger: l, items: ITEMS, stages: STAGES, target: 0.95, today: '2023-10-20', unit: '财政局' });
    expect(sfj.items.map((i) => i.label)).toEqual(['第3项', '第4项']);
    expect(r.title).toBe('法治政府建设示范创建自查自评报告（夏邑县）');
    expect(sfj.title).toBe('法治政府建设示范创建自查自评报告（夏邑县 · 财政局）');
  });
});

describe('plan: stages and target from the work points', () => {
  const wp = (id: string, title: string, body: string, date: string | null, order: number, section = '四、创建步骤', doc = 'plan') => ({
    id,
    document: { id: doc },
    section,
    order,
    title,
    body,
    timing: date ?? '按部署',
    deadlines: [{ date, text: date ?? '按部署' }],
    source: { file: 'plan.txt', lines: [order, order] as [number, number] },
  });
  const points = [
    wp('t', '创建目标', '经评估，指标完成度达90％以上。', '2024-06-30', 1, '二、目标'),
    wp('a', '动员部署', '召开会议。', '2024-03-10', 2),
    wp('b', '自查自评', '对照指标全面自查。', '2024-03-31', 3),
    wp('c', '整改落实', '建立整改台账，逐项销号。', '2024-04-15', 4),
    wp('d', '督导检查', '开展督导。', '2024-04-30', 5),
    wp('e', '巩固提升', '确保指标完成率不低于 97.5% 。', '2024-05-31', 6),
    wp('x', '自查', '别的文件的自查，完成度达99%以上。', '2024-01-01', 1, '四、创建步骤', 'other'),
  ];
  it('finds the steps of the plan document by their wording, with dates', () => {
    const s = planStages(points, ['plan', 'plan-fj1']);
    expect(s.map((x) => [x.key, x.title, x.date])).toEqual([
      [null, '动员部署', '2024-03-10'],
      ['selfcheck', '自查自评', '2024-03-31'],
      ['rectify', '整改落实', '2024-04-15'],
      ['inspect', '督导检查', '2024-04-30'],
      ['improve', '巩固提升', '2024-05-31'],
    ]);
    expect(planStages(points, ['none'])).toEqual([]);
  });
  it('reads the 完成度 target from the text (the highest of the plan), not a constant', () => {
    const t = planTarget(points, ['plan'])!;
    expect(t.value).toBe(0.975);
    expect(t.title).toBe('巩固提升');
    expect(t.all.map((x) => x.value)).toEqual([0.9, 0.975]);
    expect(planTarget(points.slice(1, 4), ['plan'])).toBeNull();
  });
  it('shapes records: labels, groups, 情况说明 materials, limits', () => {
    const rec = {
      id: 'bonus-2', seq: 2, order: 102, kind: 'bonus' as const, text: 't', materials: ['表彰文件', '工作情况说明（1000字以内）'],
      units: ['各乡镇'], unitNote: null, status: 'pending' as const, limits: { words: '1000字以内' }, area: null, areaNo: null, document: 'd',
    };
    const [x] = ledgerIndicators([rec]);
    expect(x).toMatchObject({ label: '加分项第2项', group: 'bonus', statements: [1], words: { max: 1000 }, notice: 'pending' });
  });
});
