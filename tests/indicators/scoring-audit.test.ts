/**
 * Hand audit of the 河南省行政执法责任制示范点创建标准 (豫法政办〔2018〕15号) scoring table in
 * content/sources/004_68eba3d49fe9447e.txt, row by row, against the records the extractor produces
 * (real seed through the real segmenter, `parseSources`), plus small fixtures for the two repairs.
 *
 * How the audit was done: every column of the printed table is in order, but the text layer lost the
 * row geometry. Reading each column top to bottom, and using the wording (权责清单 / 流程图 / 岗位职责,
 * 投诉举报 / 监督决定) and the points at every level, each printed row was assigned to
 * 总体要求 > 工作要求 > 创建要求 by hand (AUDIT below). Findings:
 *  - line 143: the 创建标准 cell "梳理行政执法权责清单基础上…岗位职责体系…（2分）" is a 创建要求 of its own
 *    (its 验收方法 / 评分细则 "查看行政执法岗位职责体系。" / "未建立岗位职责体系的…" are printed on line 144);
 *    with it 4 + 2 + 3 + 1 = 10. [ours]
 *  - line 145: "建立行政执法岗位职责动态调整机制。（1分）" is printed one line early: line 145's 创建标准
 *    (流程图, 1分) belongs to 权责清单动态调整 (2 + 1 = 3); line 146 holds two rows (岗位职责 1分, and
 *    执法主体合法 with its 扣100分 veto). [ours]
 *  - lines 159–167 (third page): every row is printed one column to the left (no 工作要求 cell); read
 *    as printed, 8 创建要求 became 工作要求 of 落实行政执法责任 (60 vs 90). [ours]
 *  - line 166: "履行行政执法监督决定。(2分)" printed one line early; its line's 创建标准 (依法处理投诉举报,
 *    1分) belongs to 畅通投诉举报渠道 (1 + 1 = 2; 监督决定 then 2). [ours]
 *  - 规范行政执法程序（30分）: its 创建要求 are 20 (line 154) + 9 + 1 + 6 + 6 + 2 + 2 + 2 + 2 (third page)
 *    = 50. The third page prints no other 工作要求 or 总体要求, so this is the source as printed. [source]
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { parseSources } from '../../scripts/ingest/index';
import { buildScoringRecords } from '../../scripts/ingest/extractors/scoring';
import { commonRun, isShiftedLeft, regroupScoring, sentences, type ScoringRowIn } from '../../scripts/ingest/extractors/indicators/scoring-table';

const SOURCES = fileURLToPath(new URL('../../content/sources/', import.meta.url));

/** [line, 总体要求, 工作要求, 创建要求 (opening words), 分值, 创建标准分值, 基础标准] — reviewed by hand. */
type Row = [number, string, string, string, number | null, number[], boolean];
const O1 = '明确行政执法责任';
const O2 = '落实行政执法责任';
const O3 = '严格执法责任追究';
const O4 = '加分事项';
const W1 = '严格确定不同部门及机构、岗位执法人员执法责任';
const W2 = '规范行政执法资格';
const W3 = '规范行政执法程序';
const W4 = '贯彻落实河南省行政执法责任追究有关规定';
const W5 = '发挥示范引领作用';
const AUDIT: Row[] = [
  [143, O1, W1, '落实《河南省全面推进依法行政工作领导小组办公室关于进一步做好建立公开', 4, [], false],
  [143, O1, W1, '梳理行政执法权责清单基础上', 2, [], false],
  [144, O1, W1, '建立行政执法权责清单动态调整机制', 3, [2], false],
  [145, O1, W1, '建立行政执法权责清单动态调整机制', 3, [1], false],
  [146, O1, W1, '建立行政执法岗位职责动态调整机制', 1, [1], false],
  [146, O1, W1, '执法主体合法', null, [], true],
  [147, O2, W2, '按照《河南省行政执法条例》和《河南省行政执法证件管理办法》要求，严格实行', 30, [], true],
  [148, O2, W2, '按照《河南省行政执法条例》和《河南省行政执法证件管理办法》要求，严格实行', 30, [], true],
  [153, O2, W2, '按照《河南省行政执法条例》和《河南省行政执法证件管理办法》要求，严格落实', 30, [20, 6, 2, 2], false],
  [154, O2, W3, '事实清楚，证据确凿', 20, [], true],
  [159, O2, W3, '推行“三项制度”情况', 9, [9], false],
  [160, O2, W3, '提升文明执法水平', 1, [1], false],
  [161, O2, W3, '贯彻实施《河南省重大行政执法案卷审查办法》', 6, [6], false],
  [162, O2, W3, '按照《河南省行政执法案卷评查办法》要求', 6, [6], false],
  [163, O2, W3, '落实行政执法情况统计报告制度', 2, [2], false],
  [164, O2, W3, '积极履行法定职责', 2, [2], false],
  [165, O2, W3, '畅通行政执法投诉举报渠道', 2, [1], false],
  [166, O2, W3, '畅通行政执法投诉举报渠道', 2, [1], false],
  [167, O2, W3, '履行行政执法监督决定', 2, [2], false],
  [172, O3, W4, '近三年来本行政执法机关未发生领导班子成员被追究刑事责任的情形', null, [], false],
  [173, O4, W5, '获得省级以上有关表彰', 2, [2], false],
];

const seedTrees = await parseSources(SOURCES);

describe('scoring audit: the real seed matches the hand audit row by row', () => {
  const { roots } = seedTrees;
  const warnings: string[] = [];
  const out = buildScoringRecords(roots, (m) => warnings.push(m));
  const items = out.items;

  it('one item per audited row, in order, each on its printed line', () => {
    expect(items.map((i) => i.lines[0])).toEqual(AUDIT.map((r) => r[0]));
  });
  it.each(AUDIT.map((r, i) => [i + 1, r] as const))('item %i: path, points, 创建标准 points, 基础标准', (n, [, o, w, req, pts, std, base]) => {
    const it = items[n - 1]!;
    expect(it.overall.startsWith(o)).toBe(true);
    expect(it.work.startsWith(w)).toBe(true);
    expect(it.requirement.startsWith(req)).toBe(true);
    expect(it.points).toBe(pts);
    expect(it.standardPoints).toEqual(std);
    expect(it.baseline).toBe(base);
  });
  it('every printed cell is kept as printed, and every sentence of it is read into some item', () => {
    const flat = (x: string) => x.replace(/\s+/g, '');
    const read = flat(items.flatMap((i) => [i.overall, i.work, i.requirement, i.standard ?? '', i.method ?? '', i.rule ?? '']).join('|'));
    for (const line of new Set(AUDIT.map((r) => r[0]))) {
      const on = items.filter((i) => i.lines[0] === line);
      expect(new Set(on.map((i) => JSON.stringify(i.cells))).size).toBe(1);
      for (const cell of on[0]!.cells.filter(Boolean))
        for (const s of sentences(flat(cell))) expect(read, `line ${line}: ${s}`).toContain(s.replace(/^基础标准/, ''));
    }
  });
  it('moved text: 岗位职责体系 method and rule go with their 创建要求; line 146 splits into the 1-分 row and the veto row', () => {
    expect(items[1]!.method).toBe('查看行政执法岗位职责体系。');
    expect(items[1]!.rule).toMatch(/^未建立岗位职责体系的，扣2分/);
    expect(items[2]!.method).toBe('查看动态调整情况。');
    expect(items[2]!.rule).toBeNull();
    expect(items[4]!.rule).toBe('需要调整但未及时调整岗位职责体系的，扣1分。');
    expect(items[5]!.rule).toBe('执法主体不合法的，扣100分。');
    expect(items[5]!.veto && !items[4]!.veto).toBe(true);
  });
  it('third page: read one column to the right (standard, method, rule in place) and noted', () => {
    for (const it of items.filter((i) => i.part === 3)) {
      expect(it.realigned.join('')).toContain('左移了一格');
      expect(it.inherited.work).toBe(true);
      expect(it.standard).toMatch(/[（(]\d+分[)）]$/);
      expect(it.method).toMatch(/^(实地|回访|现场|查看|根据|申报单位)/);
      expect(it.rule).toMatch(/扣\d+分/);
    }
  });
  it('points check: every level adds up except 规范行政执法程序 (30 stated, 50 printed under it) — the source', () => {
    const bad = out.checks.filter((c) => !c.ok);
    expect(bad.map((c) => `${c.level}:${c.path[c.path.length - 1]}:${c.stated}/${c.sum}`)).toEqual(['work:规范行政执法程序（30分）:30/50']);
    expect(bad[0]!.message).toContain('20 + 9 + 1 + 6 + 6 + 2 + 2 + 2 + 2');
    expect(bad[0]!.message).toContain('原表第 154、159–167 行');
    const byName = (level: string, name: string) => out.checks.find((c) => c.level === level && c.path[c.path.length - 1]!.startsWith(name))!;
    expect([byName('overall', O1).sum, byName('work', W1).sum, byName('overall', O2).sum, byName('work', W2).sum]).toEqual([10, 10, 60, 30]);
    expect(byName('requirement', '建立行政执法权责清单动态调整机制').sum).toBe(3);
    expect([byName('requirement', '畅通'), byName('requirement', '履行行政执法监督决定')].map((c) => `${c.stated}/${c.sum}`)).toEqual(['2/2', '2/2']);
    expect(out.checks[0]!.sum).toBe(80);
    expect(warnings.filter((w) => w.includes('points mismatch'))).toHaveLength(1);
  });
  it('the check record lists the realigned items with reasons', () => {
    const check = out.records.find((r) => r.id === 'check')!;
    const realigned = check.data.realigned as { id: string; line: number; notes: string[] }[];
    expect(realigned.map((r) => r.line)).toEqual([143, 143, 144, 145, 146, 146, 159, 160, 161, 162, 163, 164, 165, 166, 167]);
    expect(realigned.every((r) => r.notes.length > 0)).toBe(true);
  });
});

describe('scoring repairs (fixtures)', () => {
  const row = (line: number, cells: string[], part = 1): ScoringRowIn => ({ cells, start: line, end: line, part });

  it('a row shifted one column left is recognised by wording, a normal row with an empty last cell is not', () => {
    expect(isShiftedLeft(['', '乙要求。(2分)', '乙标准。(2分)', '查看台账。', '未建立的,扣2分。', ''])).toBe(true);
    expect(isShiftedLeft(['', '程序（30分）', '要求（20分）', '程序合法。', '现场抽取案卷。 基础标准 扣100分。', ''])).toBe(false);
    expect(isShiftedLeft(['甲（10分）', '乙（10分）', '丙（2分）', '标准（2分）', '查看。', '扣2分。'])).toBe(false);
  });
  it('shifted rows keep the 工作要求 above them, even under a restated 总体要求', () => {
    const items = regroupScoring([
      row(1, ['甲（10分）', '乙（10分）', '丙（4分）', '丙标准（4分）', '查看。', '扣4分。']),
      row(2, ['甲(10分)', '丁要求。(6分)', '丁标准。(6分)', '查看丁。', '扣6分。', ''], 2),
    ]);
    expect(items[1]!.path).toEqual(['甲(10分)', '乙（10分）', '丁要求。(6分)']);
    expect(items[1]!.standard).toBe('丁标准。(6分)');
    expect(items[1]!.inherited.work).toBe(true);
  });
  it('a 创建要求 printed one line early moves down when that makes both neighbours add up', () => {
    const items = regroupScoring([
      row(1, ['甲（4分）', '乙（4分）', '投诉渠道。(2分)', '建立投诉制度。(1分)', '查看制度。', '无制度的,扣1分。']),
      row(2, ['', '', '监督决定。(2分)', '处理投诉。(1分)', '查看处理材料。', '无处理结果的,扣1分。']),
      row(3, ['', '', '', '履行监督决定。(2分)', '查看材料。', '不履行的,扣1分。']),
    ]);
    expect(items.map((i) => i.requirement)).toEqual(['投诉渠道。(2分)', '投诉渠道。(2分)', '监督决定。(2分)']);
    expect(items[1]!.realigned.join('')).toContain('印在本行');
  });
  it('leaves a table that adds up as printed alone, and never changes a number', () => {
    const rows = [
      row(1, ['甲（3分）', '乙（3分）', '丙（2分）', '丙标准（2分）', '查看。', '扣2分。']),
      row(2, ['', '', '丁（1分）', '丁标准（1分）', '查看。', '扣1分。']),
    ];
    const items = regroupScoring(rows);
    expect(items.every((i) => i.realigned.length === 0 && i.alignment === 'as-printed')).toBe(true);
    // A genuine mismatch with no better reading stays a mismatch (no repair is applied).
    const bad = regroupScoring([row(1, ['甲（5分）', '乙（5分）', '丙（2分）', '丙标准（2分）', '查看。', '扣2分。']), row(2, ['', '', '丁（1分）', '丁标准（1分）', '查看。', '扣1分。'])]);
    expect(bad.map((i) => [i.requirement, i.points, i.standardPoints])).toEqual([['丙（2分）', 2, [2]], ['丁（1分）', 1, [1]]]);
  });
  it('sentences keep a trailing (n分); commonRun measures shared wording', () => {
    expect(sentences('查看清单。（3分）查看公开情况。（1分）')).toEqual(['查看清单。（3分）', '查看公开情况。（1分）']);
    expect(commonRun('查看行政执法岗位职责体系。', '建立行政执法岗位职责体系并向社会公开')).toBe(10);
    expect(commonRun('查看动态调整情况。', '建立行政执法岗位职责体系')).toBeLessThan(4);
  });
});
