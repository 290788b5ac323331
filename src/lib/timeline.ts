/**
 * The creation timeline and the deadlines calendar (pure; tests in tests/workpoints/timeline.test.ts).
 *
 *  - buildToday(env): "today" for past/upcoming, from BUILD_DATE (YYYY-MM-DD) or SOURCE_DATE_EPOCH
 *    (seconds), else the current date — so a build with either set is reproducible.
 *  - timelineEntries(points): one entry per dated deadline, in date order.
 *  - groupByMonth(entries, today): month groups, each entry marked past / due this month / upcoming.
 *  - creationPlans(points): the 创建步骤 of a 方案 (and its 创建目标 milestone), in step order,
 *    undated steps (按照市部署时间) included.
 *  - toIcs(entries, opts): an iCalendar file through the `ics` package: all-day events, UID from the
 *    work point id and the deadline's position (stable), DTSTAMP fixed to the build day.
 */
import { createEvents, type EventAttributes } from 'ics';
import type { DeadlineLike, Recurrence, WorkPointLike } from './workpoints';
import { formatDeadlineDate, sortPoints, RECURRENCE_LABEL } from './workpoints';

/**
 * RFC 5545 rules of the recurring deadlines. 每季度/每半年/每月 fall due on the last day of the
 * window (BYMONTHDAY=-1, so 31 Mar → 30 Jun → 30 Sep → 31 Dec, none skipped); 每年第一季度 on 31 Mar.
 */
export const RRULE: Record<Recurrence, string> = {
  yearly: 'FREQ=YEARLY',
  'half-yearly': 'FREQ=MONTHLY;INTERVAL=6;BYMONTHDAY=-1',
  quarterly: 'FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1',
  monthly: 'FREQ=MONTHLY;BYMONTHDAY=-1',
};

export function buildToday(env: Record<string, string | undefined> = {}, now: Date = new Date()): string {
  const bd = env.BUILD_DATE?.trim();
  if (bd) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(bd)) throw new Error(`BUILD_DATE must be YYYY-MM-DD, got "${bd}"`);
    return bd;
  }
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  if (epoch) {
    if (!/^\d+$/.test(epoch)) throw new Error(`SOURCE_DATE_EPOCH must be seconds since 1970, got "${epoch}"`);
    return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  }
  return now.toISOString().slice(0, 10);
}

export type Status = 'past' | 'current' | 'upcoming';

export interface TimelineEntry {
  /** Stable key: work point id + '-' + deadline index (1-based). */
  key: string;
  date: string;
  start?: string;
  precision?: DeadlineLike['precision'];
  text: string;
  label?: string;
  note?: string;
  recurring?: Recurrence;
  when: string;
  point: { id: string; title: string; section: string; document: WorkPointLike['document']; units: string[] };
}

export function timelineEntries(points: readonly WorkPointLike[]): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  for (const p of sortPoints(points)) {
    p.deadlines.forEach((d, i) => {
      if (!d.date) return;
      out.push({
        key: `${p.id}-${i + 1}`,
        date: d.date,
        ...(d.start ? { start: d.start } : {}),
        ...(d.precision ? { precision: d.precision } : {}),
        text: d.text,
        ...(d.label ? { label: d.label } : {}),
        ...(d.note ? { note: d.note } : {}),
        ...(d.recurring ? { recurring: d.recurring } : {}),
        when: formatDeadlineDate(d),
        point: { id: p.id, title: p.title, section: p.section, document: p.document, units: p.units },
      });
    });
  }
  // Stable: date, then reading order (kept from sortPoints).
  return out.map((e, i) => [e, i] as const).sort((a, b) => (a[0].date < b[0].date ? -1 : a[0].date > b[0].date ? 1 : a[1] - b[1])).map(([e]) => e);
}

/** past: the window ended before today; current: today is inside the window; upcoming: not started. */
export function statusOf(e: { date: string; start?: string }, today: string): Status {
  if (e.date < today) return 'past';
  if ((e.start ?? e.date) <= today) return 'current';
  return 'upcoming';
}

export const STATUS_LABEL: Record<Status, string> = { past: '已过', current: '进行中', upcoming: '待办' };

export interface MonthGroup {
  month: string; // YYYY-MM
  label: string; // 2023年9月
  status: Status;
  entries: (TimelineEntry & { status: Status })[];
}

export function groupByMonth(entries: readonly TimelineEntry[], today: string): MonthGroup[] {
  const groups: MonthGroup[] = [];
  for (const e of entries) {
    const month = e.date.slice(0, 7);
    let g = groups.find((x) => x.month === month);
    if (!g) {
      const [y, m] = month.split('-').map(Number);
      const thisMonth = today.slice(0, 7);
      g = { month, label: `${y}年${m}月`, status: month < thisMonth ? 'past' : month === thisMonth ? 'current' : 'upcoming', entries: [] };
      groups.push(g);
    }
    g.entries.push({ ...e, status: statusOf(e, today) });
  }
  return groups;
}

/** Index of the first month group that is not past (where "today" falls), or -1. */
export function todayIndex(groups: readonly MonthGroup[]): number {
  return groups.findIndex((g) => g.status !== 'past');
}

export interface PlanStep {
  id: string;
  title: string;
  timing?: string;
  when: string;
  date: string | null;
  start?: string;
  status?: Status;
  /** Why an undated step has no date (按照市部署时间 → 无具体日期 …). */
  note?: string;
  milestone: boolean;
}
export interface Plan {
  document: WorkPointLike['document'];
  section: string;
  steps: PlanStep[];
  /** From the first dated step to the milestone: "2023年9月 — 2024年第二季度". */
  span?: string;
}

const STEP_SECTION = /(创建|工作)?步骤|阶段安排|时间安排|进度安排/u;
const MILESTONE = /目标/u;

/**
 * The step plans of the corpus: every section named 步骤 (四、创建步骤), in step order, with the
 * dated 目标 item of the same document (2024年第二季度前成功申创…) as the closing milestone.
 */
export function creationPlans(points: readonly WorkPointLike[], today: string): Plan[] {
  const plans: Plan[] = [];
  const sorted = sortPoints(points);
  const sections = [...new Set(sorted.filter((p) => STEP_SECTION.test(p.section) && !p.parent).map((p) => `${p.document.id}\u0000${p.section}`))];
  for (const key of sections) {
    const [docId, section] = key.split('\u0000') as [string, string];
    const steps = sorted.filter((p) => p.document.id === docId && p.section === section && !p.parent);
    const milestones = sorted.filter((p) => p.document.id === docId && MILESTONE.test(p.title) && p.deadlines.some((d) => d.date));
    const toStep = (p: WorkPointLike, milestone: boolean): PlanStep => {
      const d = p.deadlines.find((x) => x.date) ?? p.deadlines[0];
      const date = d?.date ?? null;
      return {
        id: p.id,
        title: p.title,
        ...(p.timing ? { timing: p.timing } : d ? { timing: d.text } : {}),
        when: d ? (d.date ? formatDeadlineDate(d) : d.text) : '未写时间',
        ...(d && !d.date ? { note: d.note ?? '无具体日期' } : {}),
        date,
        ...(d?.start ? { start: d.start } : {}),
        ...(date ? { status: statusOf({ date, start: d?.start }, today) } : {}),
        milestone,
      };
    };
    const all = [...steps.map((p) => toStep(p, false)), ...milestones.map((p) => toStep(p, true))];
    const first = all.find((s) => s.date);
    const last = [...all].reverse().find((s) => s.date);
    plans.push({
      document: steps[0]!.document,
      section,
      steps: all,
      ...(first && last ? { span: `${monthLabel(first.start ?? first.date!)} — ${periodLabel(last)}` } : {}),
    });
  }
  return plans;
}

function monthLabel(iso: string): string {
  const [y, m] = iso.split('-').map(Number);
  return `${y}年${m}月`;
}
function periodLabel(s: PlanStep): string {
  const q = /(\d{4})\s*年\s*第\s*([一二三四1-4])\s*季度/u.exec(s.timing ?? '');
  if (q) return `${q[1]}年第${q[2]}季度`;
  return monthLabel(s.date!);
}

const toArray = (iso: string): [number, number, number] => iso.split('-').map(Number) as [number, number, number];
function nextDay(iso: string): [number, number, number] {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

export interface IcsOptions {
  /** Build day (YYYY-MM-DD): DTSTAMP of every event, so the file does not change between same-day builds. */
  today: string;
  /** Absolute URL of a work point page, for the event URL. */
  pageUrl?: (id: string) => string;
  calName?: string;
  /** Host part of the UIDs (uid@domain). */
  uidDomain?: string;
}

/**
 * The dated deadlines as an iCalendar file: one all-day event on each due date
 * (a month or a period is described in the text; the event sits on its last day).
 * Throws with the failing event when the `ics` package rejects an attribute.
 */
export function toIcs(entries: readonly TimelineEntry[], opts: IcsOptions): string {
  const stamp = Date.parse(`${opts.today}T00:00:00Z`);
  const domain = opts.uidDomain ?? 'cjzl.workpoints';
  const events: (EventAttributes & { timestamp: number })[] = entries.map((e) => {
    const what = e.label ? `${e.point.title}：${e.label}` : e.point.title;
    const window = e.start && e.start !== e.date ? `时段：${e.start} 至 ${e.date}` : `日期：${e.date}`;
    const lines = [
      `原文：${e.text}（${e.when}）`,
      window,
      ...(e.recurring ? [`${RECURRENCE_LABEL[e.recurring]}重复；此处为发文后的第一次`] : []),
      ...(e.note && !e.recurring ? [e.note] : []),
      `文件：${e.point.document.docNumber ? e.point.document.docNumber + ' ' : ''}${e.point.document.title}`,
      `章节：${e.point.section}`,
      ...(e.point.units.length ? [`责任单位：${e.point.units.join('、')}`] : []),
    ];
    return {
      uid: `${e.key}@${domain}`,
      title: `【截止】${what}`,
      description: lines.join('\n'),
      start: toArray(e.date),
      end: nextDay(e.date),
      ...(opts.pageUrl ? { url: opts.pageUrl(e.point.id) } : {}),
      ...(e.recurring ? { recurrenceRule: RRULE[e.recurring] } : {}),
      categories: ['工作要点'],
      transp: 'TRANSPARENT' as const,
      timestamp: stamp,
    };
  });
  const { error, value } = createEvents(events, { productId: 'fzzf-cjzl/workpoints', calName: opts.calName ?? '法治政府建设示范创建 工作要点时间节点' });
  if (error || !value) throw new Error(`deadlines.ics: the ics package rejected an event: ${error?.message ?? 'no output'}`);
  return refold(value);
}

/**
 * The `ics` package folds lines every 75 characters; RFC 5545 counts octets, and a CJK character
 * is 3 octets in UTF-8. Unfold, then fold again at 75 octets without splitting a character.
 */
export function refold(ics: string): string {
  const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
  const out: string[] = [];
  for (const line of lines) {
    let cur = '';
    let bytes = 0;
    let limit = 75;
    for (const ch of line) {
      // UTF-8 length of one code point (a TextEncoder call per character was 1.7 s at 1,000 notices).
      const cp = ch.codePointAt(0)!;
      const n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (bytes + n > limit) {
        out.push(cur);
        cur = ' ';
        bytes = 1;
        limit = 75;
      }
      cur += ch;
      bytes += n;
    }
    out.push(cur);
  }
  return out.join('\r\n');
}
