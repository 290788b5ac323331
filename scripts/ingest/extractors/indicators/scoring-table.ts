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
  /**
   * Why this item is not read straight off its printed line (empty when it is): a row printed one
   * column to the left, a 创建要求 printed one line early, a 创建要求 printed in the 创建标准 column.
   * Each note names the evidence (wording, points). See `realign`.
   */
  realigned: string[];
}

export interface PointsCheck {
  level: 'total' | 'overall' | 'work' | 'requirement';
  path: string[];
  stated: number | null;
  sum: number;
  parts: { label: string; points: number | null }[];
  ok: boolean;
  message: string;
  /** Source lines of the rows under this node (so a mismatch can be traced to the notice). */
  lines?: number[];
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

/** Sentences of a cell: each ends with 。 (and keeps a (n分) printed right after it). */
export function sentences(s: string | null): string[] {
  if (!s) return [];
  const out = [...s.matchAll(/[^。]+。(?:\s*[（(]\s*\d+\s*分\s*[）)])?|[^。]+$/g)].map((m) => m[0].trim()).filter(Boolean);
  return out.length ? out : [s];
}

/**
 * A row printed one column to the left: the 工作要求 cell is missing (a merged cell carried over
 * the page break), so 创建要求 / 创建标准 / 验收方法 / 评分细则 sit under 工作要求 / 创建要求 /
 * 创建标准 / 验收方法 and the last column is empty. Recognised by wording: the 4th cell reads as a
 * 验收方法 (查看…, 实地…, 回访…) and the 5th as a 评分细则 (扣n分 / 加n分), while the 3rd does not
 * read as a 验收方法.
 */
export function isShiftedLeft(c: string[]): boolean {
  return !c[5] && !!c[3] && !!c[4] && METHOD.test(c[3]) && RULE.test(c[4]) && !!c[2] && !METHOD.test(c[2]) && !RULE.test(c[2]);
}

const SHIFT_NOTE = '原表本行各栏左移了一格（缺工作要求栏，沿用上方的工作要求），已按内容右移归位。';

function flags(item: Pick<ScoringItemData, 'standard' | 'method' | 'rule' | 'overall'>, text: string) {
  const veto = /扣\s*100\s*分/.test(text);
  return { baseline: /基础标准/.test(text) || veto, veto, bonus: /加分/.test(item.overall) };
}

export function regroupScoring(rows: ScoringRowIn[]): ScoringItemData[] {
  let overall = '';
  let work = '';
  let requirement = '';
  const out: ScoringItemData[] = [];
  rows.forEach((row, i) => {
    const c = [...row.cells.map((x) => squash(x))];
    while (c.length < 6) c.push('');
    const shifted = isShiftedLeft(c);
    // Read the printed cells into their real columns: a left-shifted row has no 工作要求 cell.
    const v = shifted ? [c[0]!, '', c[1]!, c[2]!, c[3]!, c[4]!] : c;
    const inherited = { overall: !v[0], work: !v[1], requirement: !v[2] };
    if (v[0]) {
      // A new 总体要求 ends the 工作要求 above it; a restated one (page break) keeps it when the row is shifted.
      if (!v[1] && !(shifted && sameName(v[0], overall))) work = '';
      overall = v[0];
    }
    if (v[1]) work = v[1];
    if (v[2]) requirement = v[2];
    const { standard, method, rule, moved } = assignRoles(v.slice(3, 6));
    const base = { standard, method, rule, overall };
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
      ...flags(base, c.join(' ')),
      inherited,
      alignment: moved || shifted ? 'regrouped' : 'as-printed',
      cells: c.slice(0, 6).map((_, k) => (row.cells[k] ?? '').trim()),
      lines: [row.start, row.end],
      realigned: shifted ? [SHIFT_NOTE] : [],
    });
  });
  return realign(out);
}

// ---------------------------------------------------------------- realignment by points and wording

/**
 * The text layer of this table lost the row geometry: within one 工作要求 each column is in order,
 * but a cell merged over several lines (a 创建要求 with two 创建标准) pushes the next cell of its
 * column one line up, and an empty cell lets its neighbour slide. Two such slips are repaired:
 *
 *  - "down": a 创建要求 printed one line early. Its line's 创建标准 (with its 验收方法 and 评分细则)
 *    belongs to the 创建要求 above; the 创建要求 moves to the next line. When that line already
 *    prints a 创建要求 of its own, the line holds two rows: it is split, the first sentence of its
 *    验收方法 and 评分细则 going with the moved 创建要求 and the rest with the printed one.
 *  - "promote": a 创建要求 printed in the 创建标准 column (its own cell merged across both columns):
 *    it becomes a 创建要求 of its own, with its 分值, after the 创建要求 of its line.
 *
 * A repair is considered only for a row whose printed reading does not add up (the 创建要求 above
 * it, or its own, states points its 创建标准 do not match), and applied only when the repaired reading adds up
 * better — fewest failing checks (创建要求 = Σ 创建标准, 工作要求 = Σ 创建要求), then fewest
 * repairs, and only if that best is unique. Numbers are never changed, only which row they sit in;
 * every moved item carries a note, and the printed cells stay in `cells`.
 */
type Op = { kind: 'down' | 'promote'; at: number };

const short = (s: string) => {
  const k = s.replace(POINTS, '').trim();
  return k.length > 24 ? k.slice(0, 22) + '…' : k;
};

function applyOps(group: ScoringItemData[], ops: Op[]): ScoringItemData[] {
  const items = group.map((it) => ({ ...it, realigned: [...it.realigned] }));
  const sorted = [...ops].sort((a, b) => b.at - a.at);
  for (const op of sorted) {
    const it = items[op.at]!;
    if (op.kind === 'promote') {
      const text = it.standard!;
      const promoted: ScoringItemData = {
        ...it,
        requirement: text,
        path: [it.overall, it.work, text],
        points: statedPoints(text),
        standard: null,
        standardPoints: [],
        method: null,
        rule: null,
        baseline: false,
        veto: false,
        inherited: { ...it.inherited, requirement: false },
        alignment: 'regrouped',
        realigned: [`“${short(text)}”印在“创建标准”栏，但它是一条创建要求（分值计入工作要求“${short(it.work)}”，不计入本行的创建要求“${short(it.requirement)}”）。`],
      };
      items[op.at] = { ...it, standard: null, standardPoints: [], alignment: 'regrouped', realigned: [...it.realigned, `本行“创建标准”栏的文字是另一条创建要求“${short(text)}”，见下一行。`] };
      items.splice(op.at + 1, 0, promoted);
      // Its 验收方法 / 评分细则 slid onto the next line: take the sentences there that share more
      // wording with it than with that line's own 创建要求 and 创建标准.
      const next = items[op.at + 2];
      if (next && next.work === it.work) {
        const own = `${next.requirement}${next.standard ?? ''}`;
        const take = (cell: string | null): [string | null, string | null] => {
          const xs = sentences(cell);
          const mine = xs.filter((x) => { const a = commonRun(x, text); return a >= 4 && a > commonRun(x, own); });
          if (!mine.length) return [null, cell];
          const rest = xs.filter((x) => !mine.includes(x));
          return [mine.join(''), rest.length ? rest.join('') : null];
        };
        const [pm, nm] = take(next.method);
        const [pr, nr] = take(next.rule);
        if (pm || pr) {
          const at = next.lines[0];
          items[op.at + 1] = { ...promoted, method: pm, rule: pr, lines: [promoted.lines[0], Math.max(promoted.lines[1], next.lines[1])], realigned: [...promoted.realigned, `它的${[pm && '验收方法', pr && '评分细则'].filter(Boolean).join('和')}印在下一行（第 ${at} 行），按措辞归入本项。`] };
          items[op.at + 2] = { ...next, method: nm, rule: nr, alignment: 'regrouped', realigned: [...next.realigned, `本行${[pm && '验收方法', pr && '评分细则'].filter(Boolean).join('和')}中的“${short(`${pm ?? ''}${pr ?? ''}`)}”属于上一项“${short(text)}”。`] };
        }
      }
    } else {
      const prev = items[op.at - 1]!;
      const next = items[op.at + 1]!;
      const moved = it.requirement;
      items[op.at] = {
        ...it,
        requirement: prev.requirement,
        path: [it.overall, it.work, prev.requirement],
        points: prev.points,
        alignment: 'regrouped',
        realigned: [...it.realigned, `创建要求“${short(moved)}”印在本行（第 ${it.lines[0]} 行），但本行的创建标准属于上一条创建要求“${short(prev.requirement)}”；“${short(moved)}”归入下一行。`],
      };
      const note = `创建要求“${short(moved)}”在原表中印在上一行（第 ${it.lines[0]} 行）。`;
      if (next.inherited.requirement) {
        items[op.at + 1] = { ...next, requirement: moved, path: [next.overall, next.work, moved], points: statedPoints(moved), alignment: 'regrouped', realigned: [...next.realigned, note] };
      } else {
        // The next line prints its own 创建要求 too: it holds two rows.
        const ms = sentences(next.method);
        const rs = sentences(next.rule);
        const cut = (xs: string[], whole: string | null) => (xs.length >= 2 ? [xs[0]!, xs.slice(1).join('')] : [whole, null]);
        const [m1, m2] = cut(ms, next.method);
        const [r1, r2] = cut(rs, next.rule);
        const first: ScoringItemData = {
          ...next,
          requirement: moved,
          path: [next.overall, next.work, moved],
          points: statedPoints(moved),
          method: m1 ?? null,
          rule: r1 ?? null,
          ...flags(next, [next.standard, m1, r1].join(' ')),
          alignment: 'regrouped',
          realigned: [...next.realigned, note, `本行印有两行内容：创建标准以及验收方法、评分细则的第一句属于“${short(moved)}”，其余属于本行印出的创建要求“${short(next.requirement)}”。`],
        };
        const second: ScoringItemData = {
          ...next,
          standard: null,
          standardPoints: [],
          method: m2 ?? null,
          rule: r2 ?? null,
          ...flags(next, [m2, r2].join(' ')),
          alignment: 'regrouped',
          realigned: [...next.realigned, `本行与上一项同印在第 ${next.lines[0]} 行（见上一项说明）。`],
        };
        items.splice(op.at + 1, 1, first, second);
      }
    }
  }
  return items;
}

/** Length of the longest run of characters two texts share (punctuation and (n分) ignored). */
export function commonRun(a: string, b: string): number {
  const clean = (x: string) => x.replace(POINTS, '').replace(/[\s。，、；;,.（）()《》“”"：:]/g, '');
  const x = clean(a);
  const y = clean(b);
  let best = 0;
  let prev = new Array<number>(y.length + 1).fill(0);
  for (let i = 1; i <= x.length; i++) {
    const cur = new Array<number>(y.length + 1).fill(0);
    for (let j = 1; j <= y.length; j++) if (x[i - 1] === y[j - 1]) best = Math.max(best, (cur[j] = prev[j - 1]! + 1));
    prev = cur;
  }
  return best;
}

function failures(items: ScoringItemData[]): number {
  return checkPoints(items).filter((c) => !c.ok).length;
}

function* combos<T>(xs: T[], k: number, from = 0): Generator<T[]> {
  if (k === 0) {
    yield [];
    return;
  }
  for (let i = from; i < xs.length; i++) for (const rest of combos(xs, k - 1, i + 1)) yield [xs[i]!, ...rest];
}

/** Repairs the two slips described above, one 工作要求 (consecutive rows) at a time. */
export function realign(items: ScoringItemData[], maxOps = 3): ScoringItemData[] {
  const groups: ScoringItemData[][] = [];
  for (const it of items) {
    const g = groups[groups.length - 1];
    if (g && g[0]!.work === it.work && it.work) g.push(it);
    else groups.push([it]);
  }
  const out: ScoringItemData[] = [];
  for (const g of groups) {
    // Only a row whose printed reading does not add up is a candidate: the 创建要求 it sits under
    // (the one above, for "down"; its own, for "promote") states points its 创建标准 do not match.
    const sums = new Map<string, number>();
    for (const it of g) sums.set(it.requirement, (sums.get(it.requirement) ?? 0) + it.standardPoints.reduce((a, b) => a + b, 0));
    const off = (it: ScoringItemData) => it.points !== null && sums.get(it.requirement) !== it.points;
    const ops: Op[] = [];
    g.forEach((it, i) => {
      if (it.inherited.requirement) return;
      if (i > 0 && i + 1 < g.length && off(g[i - 1]!)) ops.push({ kind: 'down', at: i });
      if (it.standard && it.standardPoints.length && off(it) && !METHOD.test(it.standard)) ops.push({ kind: 'promote', at: i });
    });
    const base = failures(g);
    let best: { fails: number; ops: Op[] } = { fails: base, ops: [] };
    let ties = 0;
    if (base > 0)
      for (let k = 1; k <= maxOps; k++) {
        for (const pick of combos(ops, k)) {
          // A row takes one repair; a "down" repair and the row below it are one move.
          const at = pick.map((o) => o.at);
          if (new Set(at).size < at.length) continue;
          if (pick.some((o) => o.kind === 'down' && (at.includes(o.at + 1) || at.includes(o.at - 1)))) continue;
          const f = failures(applyOps(g, pick));
          // Fewest failing checks first; at equal failures the smaller repair (found first) wins.
          if (f < best.fails) {
            best = { fails: f, ops: pick };
            ties = 0;
          } else if (f === best.fails && best.ops.length === k && f < base) ties++;
        }
      }
    out.push(...(best.ops.length && ties === 0 ? applyOps(g, best.ops) : g));
  }
  return out.map((it, i) => ({ ...it, order: i + 1 }));
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

/** Source lines (sorted, unique) and page parts of the rows under a group. */
function rowsUnder(g: Group): ScoringItemData[] {
  return [...g.rows, ...g.children.flatMap(rowsUnder)];
}
function lineLabel(lines: number[]): string {
  const runs: string[] = [];
  let i = 0;
  while (i < lines.length) {
    let j = i;
    while (j + 1 < lines.length && lines[j + 1] === lines[j]! + 1) j++;
    runs.push(j > i ? `${lines[i]}–${lines[j]}` : String(lines[i]));
    i = j + 1;
  }
  return runs.join('、');
}

function sumCheck(
  level: PointsCheck['level'],
  path: string[],
  stated: number | null,
  parts: { label: string; points: number | null }[],
  rows: ScoringItemData[] = [],
): PointsCheck {
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
  const lines = [...new Set(rows.map((r) => r.lines[0]))].sort((a, b) => a - b);
  const pages = [...new Set(rows.map((r) => r.part))].sort((a, b) => a - b);
  if (!ok && lines.length)
    message += `（原表第 ${lineLabel(lines)} 行${pages.length > 1 ? `，跨第 ${pages[0]}–${pages[pages.length - 1]} 页` : ''}）`;
  return { level, path, stated, sum, parts, ok, message, lines };
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
    checks.push(sumCheck('overall', [o.label], o.points, o.children.map((w) => ({ label: w.label, points: w.points })), rowsUnder(o)));
    for (const w of o.children) {
      checks.push(sumCheck('work', [o.label, w.label], w.points, w.children.map((r) => ({ label: r.label, points: r.points })), rowsUnder(w)));
      for (const r of w.children) {
        const std = r.rows.flatMap((x) => x.standardPoints);
        if (std.length) {
          checks.push(
            sumCheck(
              'requirement',
              [o.label, w.label, r.label],
              r.points,
              r.rows.flatMap((x) => x.standardPoints.map((p) => ({ label: x.standard ?? '', points: p }))),
              r.rows,
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
