import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildScoringRecords } from '../../scripts/ingest/extractors/scoring';
import { assignRoles, checkPoints, regroupScoring, statedPoints } from '../../scripts/ingest/extractors/indicators/scoring-table';
import { doc, para, root, tableFromLines } from './helpers';

const SRC = fileURLToPath(new URL('../../content/sources/004_68eba3d49fe9447e.txt', import.meta.url));

describe('scoring cells → roles (fixtures)', () => {
  it('keeps the printed columns when every cell is in place', () => {
    expect(assignRoles(['标准（2分）', '查看清单。', '未公开的，扣1分。'])).toEqual({ standard: '标准（2分）', method: '查看清单。', rule: '未公开的，扣1分。', moved: false });
  });
  it('reads a method printed under 创建标准 and a rule under 验收方法 (a shifted row)', () => {
    expect(assignRoles(['实地查看落实情况。', '有一项没有落实的,扣3分。', ''])).toEqual({ standard: null, method: '实地查看落实情况。', rule: '有一项没有落实的,扣3分。', moved: true });
  });
  it('splits "method 基础标准 rule" printed in one cell', () => {
    const r = assignRoles(['程序合法。', '现场抽取案卷评查。 基础标准 出现0分案卷，扣100分。', '']);
    expect(r.method).toBe('现场抽取案卷评查。');
    expect(r.rule).toBe('基础标准 出现0分案卷，扣100分。');
  });
  it('points: the last (n分) of a cell, both bracket styles', () => {
    expect(statedPoints('落实行政执法责任（60分）')).toBe(60);
    expect(statedPoints('推行“三项制度”情况。(9分)')).toBe(9);
    expect(statedPoints('执法主体合法。')).toBeNull();
  });
  it('carries empty path cells down, marks 扣100分 as a veto baseline row, and reports a sum that does not add up', () => {
    const items = regroupScoring([
      { cells: ['甲（10分）', '乙（10分）', '丙（6分）', '标准（6分）', '查看。', '扣6分。'], start: 1, end: 1, part: 1 },
      { cells: ['', '', '丁（3分）', '标准（3分）', '查看。', '基础标准 扣100分。'], start: 2, end: 2, part: 1 },
    ]);
    expect(items[1]!.path).toEqual(['甲（10分）', '乙（10分）', '丁（3分）']);
    expect(items[1]!.inherited).toEqual({ overall: true, work: true, requirement: false });
    expect(items[1]!.baseline && items[1]!.veto).toBe(true);
    const work = checkPoints(items).find((c) => c.level === 'work')!;
    expect(work.ok).toBe(false);
    expect(work.sum).toBe(9);
    expect(work.stated).toBe(10);
  });
});

describe('real seed 004 (tables built from the source lines)', () => {
  const lines = readFileSync(SRC, 'utf8').split('\n');
  const heads = lines.map((l, i) => (l.startsWith('总体要求\t') ? i + 1 : 0)).filter(Boolean);
  // Each page part runs from its repeated header to the last non-blank line before the next blank run.
  const parts = heads.map((h) => {
    let e = h;
    while (lines[e]?.trim()) e++;
    return tableFromLines(lines.slice(h - 1, e), h, { head: true, oneRowPerLine: true });
  });
  const taskHeads = lines.map((l, i) => (/^序号\t内 ?容/.test(l) ? i + 1 : 0)).filter(Boolean);
  const tasks = taskHeads.map((h) => {
    let e = h;
    while (lines[e]?.trim()) e++;
    return tableFromLines(lines.slice(h - 1, e), h, { head: true, oneRowPerLine: true });
  });
  const r = root('004_68eba3d49fe9447e.txt', [
    doc('yufazhengban-2018-15', [para('河南省行政执法责任制示范单位创建标准', 140), ...parts]),
    doc('yufazhengban-2019-12', [para('(省辖市、省直管县市政府)', 292), tasks[0]!, para('(省直行政执法部门)', 303), tasks[1]!]),
  ]);
  const warnings: string[] = [];
  const out = buildScoringRecords([r], (m) => warnings.push(m));
  const crit = out.records.filter((x) => x.data.kind === 'criterion');

  it('finds the four page parts; 19 printed rows give 21 records (two printed rows each hold two rows of the table)', () => {
    expect(parts).toHaveLength(4);
    expect(new Set(out.items.map((i) => i.lines[0])).size).toBe(19);
    expect(crit).toHaveLength(21);
    expect(out.items.filter((i) => i.lines[0] === 143 || i.lines[0] === 146)).toHaveLength(4);
    expect(new Set(out.items.map((i) => i.part))).toEqual(new Set([1, 2, 3, 4]));
  });
  it('keeps every cell text as printed', () => {
    for (const it of out.items) {
      const printed = lines[it.lines[0] - 1]!.split('\t').map((c) => c.trim());
      expect(it.cells.slice(0, printed.length)).toEqual(printed);
    }
  });
  it('marks 基础标准 / 扣100分 rows as baseline (veto)', () => {
    const base = out.items.filter((i) => i.baseline);
    expect(base.map((b) => b.lines[0])).toEqual([146, 147, 148, 154]);
    expect(base.every((b) => b.veto)).toBe(true);
  });
  it('reads the page-3 rows (printed one column to the left) one column to the right', () => {
    const three = out.items.find((i) => i.lines[0] === 159)!;
    expect(three.alignment).toBe('regrouped');
    expect(three.path[1]).toBe('规范行政执法程序（30分）');
    expect(three.requirement).toBe('推行“三项制度”情况。(9分)');
    expect(three.standard).toBe('做好执法全过程记录制度、重大行政执法决定法制审核制度、行政执法公示制度的推行工作。(9分)');
    expect(three.method).toBe('实地查看落实情况、省有关要求情况。');
    expect(three.rule).toContain('扣3分');
    expect(three.inherited.work).toBe(true);
  });
  it('merges the restated 总体要求/创建要求 of a page break and checks the points', () => {
    const msgs = out.checks.filter((c) => !c.ok).map((c) => `${c.level}:${c.stated}/${c.sum}`);
    // After realignment only the source's own inconsistency is left (see scoring-audit.test.ts).
    expect(msgs).toEqual(['work:30/50']);
    const qual = out.checks.find((c) => c.level === 'work' && c.path[1]?.startsWith('规范行政执法资格'))!;
    expect(qual.ok).toBe(true);
    expect(out.checks[0]!.sum).toBe(80);
    expect(warnings.filter((w) => w.includes('points mismatch'))).toHaveLength(1);
  });
  it('emits a check record with the mismatches', () => {
    const check = out.records.find((x) => x.id === 'check')!;
    expect(check.data.ok).toBe(false);
    expect((check.data.mismatches as string[]).length).toBe(1);
  });
  it('the two 工作任务细则 tables become 6 task-detail records with their audience', () => {
    expect(out.tasks.map((t) => `${t.table}-${t.seq}`)).toEqual(['1-1', '1-2', '1-3', '2-1', '2-2', '2-3']);
    expect(out.tasks[0]!.audience).toBe('省辖市、省直管县市政府');
    expect(out.tasks[3]!.audience).toBe('省直行政执法部门');
    expect(out.tasks[1]!.details).toHaveLength(3);
    expect(out.tasks[1]!.deadline).toBe('9 月 10 月 11 月');
    expect(out.records.filter((x) => x.data.kind === 'task-detail').map((x) => x.id)).toContain('task-detail-2-3');
  });
});
