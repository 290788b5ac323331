/**
 * The 河南省行政执法责任制示范点创建标准 scoring table (总体要求 / 工作要求 / 创建要求 / 创建标准 /
 * 验收方法 / 评分细则), printed over several pages, each page repeating the header row, with cells
 * that slid into the wrong column. Every cell's text is kept (`cells`, as printed); the roles
 * are regrouped from the cells' wording, and the points are checked, never invented.
 */

export const SCORING_HEAD = ['总体要求', '工作要求', '创建要求', '创建标准', '验收方法', '评分细则'];

export interface ScoringRowIn {
  cells: string[];
  start: number;
  end: number;
  /** 1-based page fragment (a table repeating the header row). */
  part: number;
}

export interface ScoringItemData {
  order: number;
  part: number;
  path: [string, string, string];
  overall: string;
  work: string;
  requirement: string;
  overallPoints: number | null;
  workPoints: number | null;
  /** 分值 of the 创建要求 (null when the cell states none). */
  points: number | null;
  standard: string | null;
  standardPoints: number[];
  method: string | null;
  rule: string | null;
  /** 基础标准 row, or a rule that deducts 100 分 (a veto). */
  baseline: boolean;
  veto: boolean;
  bonus: boolean;
  /** Which path cells were empty in the row and carried down from above. */
  inherited: { overall: boolean; work: boolean; requirement: boolean };
  /** 'as-printed' when every cell sits under its header; 'regrouped' when roles were read from the wording. */
  alignment: 'as-printed' | 'regrouped';
  /** The row's cells exactly as printed, under the header columns (padded to 6). */
  cells: string[];
  lines: [number, number];
}

export interface PointsCheck {
  level: 'total' | 'overall' | 'work' | 'requirement';
  path: string[];
  stated: number | null;
  sum: number;
  parts: { label: string; points: number | null }[];
  ok: boolean;
  message: string;
}

const POINTS = /[（(]\s*(\d+)\s*分\s*[）)]/g;
const squash = (s: string) => s.replace(/[\s\u3000]+/g, ' ').trim();
const key = (s: string) => s.replace(POINTS, '').replace(/[\s\u3000（）()]/g, '');

export function pointsIn(s: string): number[] {
  return [...s.matchAll(POINTS)].map((m) => Number(m[1]));
}
/** The 分值 a path cell states: the last (n分) in it. */
export function statedPoints(s: string): number | null {
  const p = pointsIn(s);
  return p.length ? p[p.length - 1]! : null;
}

const RULE = /扣\s*\d+\s*分|加\s*\d+\s*分/;
const METHOD = /^(查看|现场|实地|根据|回访|随机|抽取|申报单位|核对)/;

/** Reads the content cells after the 创建要求 into standard / method / rule by their wording. */
export function assignRoles(rest: string[]): { standard: string | null; method: string | null; rule: string | null; moved: boolean } {
  const asPrinted = { standard: rest[0] || null, method: rest[1] || null, rule: rest[2] || null };
  const content = rest.filter((c) => c !== '');
  let rule: string | null = null;
  let method: string | null = null;
  let standard: string | null = null;
  const last = content[content.length - 1];
  if (last !== undefined && RULE.test(last)) {
    content.pop();
    const at = last.indexOf('基础标准');
    if (at > 0) {
      // "现场抽取…评查。 基础标准 根据…扣100分。": method and rule printed in one cell.
      content.push(last.slice(0, at).trim());
      rule = last.slice(at).trim();
    } else rule = last;
  }
  if (content.length >= 2) {
    method = content.pop()!;
    standard = content.join('\n');
  } else if (content.length === 1) {
    if (METHOD.test(content[0]!)) method = content[0]!;
    else standard = content[0]!;
  }
  const moved = standard !== asPrinted.standard || method !== asPrinted.method || rule !== asPrinted.rule;
  return { standard, method, rule, moved };
}

export function regroupScoring(rows: ScoringRowIn[]): ScoringItemData[] {
  let overall = '';
  let work = '';
  let requirement = '';
  const out: ScoringItemData[] = [];
  rows.forEach((row, i) => {
    const c = [...row.cells.map((x) => squash(x))];
    while (c.length < 6) c.push('');
    const inherited = { overall: !c[0], work: !c[1], requirement: !c[2] };
    if (c[0]) {
      overall = c[0];
      if (!c[1]) work = '';
    }
    if (c[1]) work = c[1];
    if (c[2]) requirement = c[2];
    const { standard, method, rule, moved } = assignRoles(c.slice(3, 6));
    const all = c.join(' ');
    const bonus = /加分/.test(overall);
    const veto = /扣\s*100\s*分/.test(all);
    out.push({
      order: i + 1,
      part: row.part,
      path: [overall, work, requirement],
      overall,
      work,
      requirement,
      overallPoints: statedPoints(overall),
      workPoints: statedPoints(work),
      points: statedPoints(requirement),
      standard,
      standardPoints: standard ? pointsIn(standard) : [],
      method,
      rule,
      baseline: /基础标准/.test(all) || veto,
      veto,
      bonus,
      inherited,
      alignment: moved ? 'regrouped' : 'as-printed',
      cells: c.slice(0, 6).map((_, k) => (row.cells[k] ?? '').trim()),
      lines: [row.start, row.end],
    });
  });
  return out;
}

/** Same name apart from points, spaces, bracket style, or one trailing character (责任 / 责任制). */
function sameName(a: string, b: string): boolean {
  const x = key(a);
  const y = key(b);
  if (x === y) return true;
  const [s, l] = x.length <= y.length ? [x, y] : [y, x];
  return l.startsWith(s) && l.length - s.length <= 1 && s.length >= 4;
}

export interface Group {
  label: string;
  variants: string[];
  points: number | null;
  children: Group[];
  rows: ScoringItemData[];
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/**
 * The nested 总体要求 > 工作要求 > 创建要求 tree. A page break restates the cells above it; such a
 * restatement is merged into the group it continues (and its wording kept in `variants`) when:
 *  - the name is the same apart from points, spacing, bracket style or one trailing character
 *    (落实行政执法责任 / 落实行政执法责任制), or
 *  - it is the first row of a new page part, with the same points as the group it follows and a
 *    common opening of at least 10 characters (…严格实行… / …严格落实… 行政执法人员持证上岗…).
 */
export function scoringTree(items: ScoringItemData[]): Group[] {
  const roots: Group[] = [];
  const find = (list: Group[], label: string, points: number | null, pageStart: boolean): Group => {
    const last = list[list.length - 1];
    const hit = list.find((g) => sameName(g.label, label) && (g.points === points || points === null || g.points === null));
    const restated =
      pageStart && last && last.points !== null && last.points === points && commonPrefix(key(last.label), key(label)) >= 10 ? last : undefined;
    const g0 = hit && (hit === last || key(hit.label) === key(label)) ? hit : restated;
    if (g0) {
      if (!g0.variants.includes(label)) g0.variants.push(label);
      return g0;
    }
    const g: Group = { label, variants: [label], points, children: [], rows: [] };
    list.push(g);
    return g;
  };
  let prevPart = 0;
  for (const it of items) {
    const pageStart = it.part !== prevPart && prevPart !== 0;
    prevPart = it.part;
    const o = find(roots, it.overall, it.overallPoints, pageStart);
    const w = find(o.children, it.work, it.workPoints, pageStart);
    const r = find(w.children, it.requirement, it.points, pageStart);
    r.rows.push(it);
  }
  return roots;
}

function sumCheck(level: PointsCheck['level'], path: string[], stated: number | null, parts: { label: string; points: number | null }[]): PointsCheck {
  const withPoints = parts.filter((p) => p.points !== null);
  const sum = withPoints.reduce((a, p) => a + (p.points ?? 0), 0);
  const full = path[path.length - 1] ?? '总分';
  const name = full.length > 36 ? full.slice(0, 34) + '…' : full;
  let ok: boolean;
  let message: string;
  if (withPoints.length === 0) {
    ok = true;
    message = `${name}：下级各项未标分值，无法核对。`;
  } else if (stated === null) {
    ok = true;
    message = `${name}：本项未标分值，下级合计 ${sum} 分。`;
  } else {
    ok = sum === stated;
    const missing = parts.length - withPoints.length;
    message = ok
      ? `${name}：${stated} 分，下级合计 ${sum} 分，一致。`
      : `${name}：标注 ${stated} 分，下级合计 ${sum} 分（${withPoints.map((p) => p.points).join(' + ')}${missing ? `，另有 ${missing} 项未标分值` : ''}），不一致。`;
  }
  return { level, path, stated, sum, parts, ok, message };
}

/** [overall, work, requirement] group numbers (1-based, in table order) of every item, from the tree. */
export function groupNumbers(items: ScoringItemData[]): Map<ScoringItemData, [number, number, number]> {
  const out = new Map<ScoringItemData, [number, number, number]>();
  let w = 0;
  let r = 0;
  scoringTree(items).forEach((o, oi) => {
    for (const wg of o.children) {
      w += 1;
      for (const rg of wg.children) {
        r += 1;
        for (const it of rg.rows) out.set(it, [oi + 1, w, r]);
      }
    }
  });
  return out;
}

/** Checks that the points add up at every level. Reports; never corrects. */
export function checkPoints(items: ScoringItemData[]): PointsCheck[] {
  const tree = scoringTree(items);
  const checks: PointsCheck[] = [];
  const base = tree.filter((g) => !/加分/.test(g.label));
  const baseSum = base.reduce((a, g) => a + (g.points ?? 0), 0);
  checks.push({
    level: 'total',
    path: [],
    stated: null,
    sum: baseSum,
    parts: tree.map((g) => ({ label: g.label, points: g.points })),
    ok: true,
    message: `总体要求合计 ${baseSum} 分（${base.map((g) => `${key(g.label)} ${g.points ?? '未标'}`).join(' + ')}）${
      tree.length > base.length ? `，另有加分事项 ${tree.filter((g) => /加分/.test(g.label)).map((g) => g.points ?? '未标').join('+')} 分` : ''
    }。表中未写明总分。`,
  });
  for (const o of tree) {
    checks.push(sumCheck('overall', [o.label], o.points, o.children.map((w) => ({ label: w.label, points: w.points }))));
    for (const w of o.children) {
      checks.push(sumCheck('work', [o.label, w.label], w.points, w.children.map((r) => ({ label: r.label, points: r.points }))));
      for (const r of w.children) {
        const std = r.rows.flatMap((x) => x.standardPoints);
        if (std.length) {
          checks.push(
            sumCheck(
              'requirement',
              [o.label, w.label, r.label],
              r.points,
              r.rows.flatMap((x) => x.standardPoints.map((p) => ({ label: x.standard ?? '', points: p }))),
            ),
          );
        }
      }
    }
  }
  return checks;
}

/** 工作任务细则 rows (序号 / 内容 / 细则 / 完成期限). */
export interface TaskDetailData {
  table: number;
  audience: string | null;
  seq: number;
  seqLabel: string;
  content: string;
  detail: string;
  details: string[];
  deadline: string;
  cells: string[];
  lines: [number, number];
}

const CN_NUM: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

export function parseTaskRows(rows: { cells: string[]; start: number; end: number }[], table: number, audience: string | null): TaskDetailData[] {
  return rows.map((r) => {
    const c = r.cells.map((x) => squash(x));
    const seqLabel = c[0] ?? '';
    const seq = CN_NUM[seqLabel] ?? (Number(seqLabel) || 0);
    const detail = c[2] ?? '';
    // "1、… 2、… 3、…" → one entry per numbered item; unnumbered text stays one entry.
    const parts = detail.split(/\s+(?=\d+[、.．])/).map((s) => s.trim()).filter(Boolean);
    const details = /^\d+[、.．]/.test(detail) ? parts.map((p) => p.replace(/^\d+[、.．]\s*/, '')) : [detail];
    return {
      table,
      audience,
      seq,
      seqLabel,
      content: c[1] ?? '',
      detail,
      details,
      deadline: c[3] ?? '',
      cells: r.cells.map((x) => x.trim()),
      lines: [r.start, r.end],
    };
  });
}
