/**
 * Chinese date phrases → deadlines.
 *
 * Pure: no I/O, no "today". Recognising the phrases is ours (regular expressions over the
 * forms found in the seeds); calendar arithmetic (end of month, quarter bounds) is date-fns.
 *
 * Every deadline keeps the original wording (`text`). `date` is the LAST day of the window
 * the phrase names (the day a task is due), `start` its first day when the phrase names a
 * window longer than a day. Forms (each has a test in tests/workpoints/dates.test.ts):
 *
 *   2019年9月30日前 · 2019 年 8 月 20 日前 · 11月30日之前  → day      (year-less → the document's year)
 *   2023年9月底前 · 2023年6月底                           → day      (end of month)
 *   2021年年底前                                           → day      (31 Dec)
 *   9 月 · 12月 · 2023年6月                                → month    (date = last day, start = first day)
 *   7 月上旬之前 · 中旬 · 下旬                              → period   (1–10, 11–20, 21–end)
 *   2023年9月初                                            → period   (like 上旬: 1–10)
 *   2024年第二季度前                                       → period   (quarter: 2024-04-01 … 2024-06-30)
 *   每年第一季度                                           → period, recurring yearly (first one on/after `after`)
 *   每季度 · 每半年 · 每月                                  → period, recurring quarterly / half-yearly / monthly:
 *                                                            the first window that ends on/after `after` (else 1 Jan of `year`)
 *   按照市部署时间                                         → no date (date null, note says why)
 */
import { endOfMonth, endOfQuarter, startOfQuarter, startOfMonth, format, addYears, addMonths } from 'date-fns';

export type Precision = 'day' | 'month' | 'period';
export type Recurrence = 'yearly' | 'half-yearly' | 'quarterly' | 'monthly';

/** How a recurrence reads in Chinese (每年 / 每半年 / 每季度 / 每月). */
export const RECURRENCE_LABEL: Record<Recurrence, string> = { yearly: '每年', 'half-yearly': '每半年', quarterly: '每季度', monthly: '每月' };

export interface Deadline {
  /** ISO YYYY-MM-DD: the last day of the window; null when the wording gives no date. */
  date: string | null;
  /** Absent when date is null. */
  precision?: Precision;
  /** Original wording, verbatim from the source. */
  text: string;
  /** First day of the window (month, 上旬, quarter …), ISO. */
  start?: string;
  /** Explains a missing or derived date (按照市部署时间, 年份取自文件, 每年重复 …). */
  note?: string;
  /** Repeats every year (每年第一季度), half-year (每半年), quarter (每季度) or month (每月). */
  recurring?: Recurrence;
  /** What falls due on this date, when one text names several (a table row: 9 月公布…; 12 月公布…). */
  label?: string;
}

export interface DateOptions {
  /** The document's year, for year-less phrases (11月30日之前). */
  year?: number;
  /** ISO date: a recurring deadline takes its first occurrence on or after this day (the document's date). */
  after?: string;
}

const D = '[0-9０-９]';
const S = '[ \\t\\u3000]*';
const CN_NUM: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

function toInt(s: string): number {
  const ascii = s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (/^\d+$/.test(ascii)) return Number(ascii);
  if (s in CN_NUM) return CN_NUM[s]!;
  throw new Error(`dates: not a number: ${s}`);
}

const iso = (d: Date) => format(d, 'yyyy-MM-dd');
const ymd = (y: number, m: number, d: number) => new Date(y, m - 1, d);

/** Optional year prefix: (2023)年 */
const YEAR = `(?:(${D}{4})${S}年${S})?`;
/** Suffix meaning "by / before": 前, 之前, 以前 (kept in `text`). */
const BEFORE = `(?:${S}(?:之前|以前|前))?`;

interface Form {
  name: string;
  re: RegExp;
  build(m: RegExpExecArray, year: number | undefined): Omit<Deadline, 'text'> | null;
}

function needYear(y: string | undefined, year: number | undefined): number | undefined {
  return y ? toInt(y) : year;
}

/** Ordered: the first form that matches at a position wins (longest forms first). */
const FORMS: Form[] = [
  {
    name: 'no-date',
    re: new RegExp(`按照?${S}[省市县区上级]*${S}(?:统一)?部署(?:的)?时间`, 'y'),
    build: () => ({ date: null, note: '无具体日期：按上级部署的时间进行' }),
  },
  {
    name: 'recurring-quarter',
    re: new RegExp(`每年${S}第?${S}([一二三四1-4１-４])${S}季度(?:${S}(?:末|底))?${BEFORE}`, 'y'),
    build: (m, year) => {
      if (year === undefined) return null;
      const q = toInt(m[1]!);
      const s = ymd(year, (q - 1) * 3 + 1, 1);
      return { date: iso(endOfQuarter(s)), start: iso(startOfQuarter(s)), precision: 'period', recurring: 'yearly' };
    },
  },
  {
    // 每季度 / 每半年 / 每月 (通报一次): the first window that ends on or after the document's date.
    name: 'recurring-every',
    re: new RegExp(`每${S}(季度?|半年|个?${S}月)(?:${S}(?:末|底))?${BEFORE}`, 'y'),
    build: () => ({ date: null }),
  },
  {
    name: 'day',
    re: new RegExp(`${YEAR}(${D}{1,2})${S}月${S}(${D}{1,2})${S}[日号]${BEFORE}`, 'y'),
    build: (m, year) => {
      const y = needYear(m[1], year);
      if (y === undefined) return null;
      return { date: iso(ymd(y, toInt(m[2]!), toInt(m[3]!))), precision: 'day' };
    },
  },
  {
    name: 'month-end',
    re: new RegExp(`${YEAR}(${D}{1,2})${S}月${S}(?:底|末)${BEFORE}`, 'y'),
    build: (m, year) => {
      const y = needYear(m[1], year);
      if (y === undefined) return null;
      return { date: iso(endOfMonth(ymd(y, toInt(m[2]!), 1))), precision: 'day' };
    },
  },
  {
    name: 'ten-days',
    re: new RegExp(`${YEAR}(${D}{1,2})${S}月${S}(上旬|中旬|下旬|初)${BEFORE}`, 'y'),
    build: (m, year) => {
      const y = needYear(m[1], year);
      if (y === undefined) return null;
      const mo = toInt(m[2]!);
      const part = m[3]!;
      if (part === '上旬' || part === '初') return { date: iso(ymd(y, mo, 10)), start: iso(ymd(y, mo, 1)), precision: 'period' };
      if (part === '中旬') return { date: iso(ymd(y, mo, 20)), start: iso(ymd(y, mo, 11)), precision: 'period' };
      return { date: iso(endOfMonth(ymd(y, mo, 1))), start: iso(ymd(y, mo, 21)), precision: 'period' };
    },
  },
  {
    name: 'year-end',
    re: new RegExp(`(${D}{4})${S}年${S}(?:年底|年末|底)${BEFORE}`, 'y'),
    build: (m) => ({ date: `${toInt(m[1]!)}-12-31`, precision: 'day' }),
  },
  {
    name: 'quarter',
    re: new RegExp(`${YEAR}第${S}([一二三四1-4１-４])${S}季度(?:${S}(?:末|底))?${BEFORE}`, 'y'),
    build: (m, year) => {
      const y = needYear(m[1], year);
      if (y === undefined) return null;
      const q = toInt(m[2]!);
      const s = ymd(y, (q - 1) * 3 + 1, 1);
      return { date: iso(endOfQuarter(s)), start: iso(startOfQuarter(s)), precision: 'period' };
    },
  },
  {
    name: 'month',
    // Not "3个月" (个 in between) and not followed by a day/底/旬 (handled above).
    re: new RegExp(`${YEAR}(${D}{1,2})${S}月(?!${S}(?:${D}{1,2}${S}[日号]|底|末|初|上旬|中旬|下旬))${BEFORE}`, 'y'),
    build: (m, year) => {
      const y = needYear(m[1], year);
      if (y === undefined) return null;
      const mo = toInt(m[2]!);
      if (mo < 1 || mo > 12) return null;
      return { date: iso(endOfMonth(ymd(y, mo, 1))), start: iso(ymd(y, mo, 1)), precision: 'month' };
    },
  },
];

/** Positions where a form may start: a digit, 第, 每, 按 — and not in the middle of a longer number. */
function canStart(text: string, i: number): boolean {
  const c = text[i]!;
  if (/[0-9０-９]/.test(c)) return i === 0 || !/[0-9０-９.．]/.test(text[i - 1]!);
  return c === '第' || c === '每' || c === '按';
}

/** Every date phrase in `text`, in order, with the original wording. */
export function findDeadlines(text: string, opts: DateOptions = {}): Deadline[] {
  const out: Deadline[] = [];
  let i = 0;
  while (i < text.length) {
    if (!canStart(text, i)) {
      i++;
      continue;
    }
    let matched = false;
    for (const form of FORMS) {
      form.re.lastIndex = i;
      const m = form.re.exec(text);
      if (!m) continue;
      if (form.name === 'recurring-every') {
        out.push(everyWindow(m[0].trim(), m[1]!, opts));
        i += m[0].length;
        matched = true;
        break;
      }
      const yearInText = form.name !== 'no-date' && form.name !== 'recurring-quarter' && m[1] !== undefined && /^\d{4}$|^[０-９]{4}$/.test(m[1]);
      const built = form.build(m, opts.year);
      const phrase = m[0].trim();
      if (built === null) {
        out.push({ date: null, text: phrase, note: '缺少年份，无法确定日期' });
      } else {
        const d: Deadline = { ...built, text: phrase } as Deadline;
        if (d.recurring === 'yearly' && opts.after && d.date) {
          // First occurrence on or after the document's date.
          while (d.date! < opts.after) {
            d.date = iso(addYears(new Date(d.date!), 1));
            if (d.start) d.start = iso(addYears(new Date(d.start), 1));
          }
          d.note = '每年重复；此处为发文后的第一次';
        } else if (d.recurring === 'yearly') {
          d.note = '每年重复';
        } else if (d.date && !yearInText && form.name !== 'year-end' && form.name !== 'no-date') {
          d.note = '原文未写年份，取文件年份';
        }
        out.push(orderKeys(d));
      }
      i += m[0].length || 1;
      matched = true;
      break;
    }
    if (!matched) i++;
  }
  return out;
}

/** 每季度 / 每半年 / 每月: the first window ending on or after `after` (or in January of `year`). */
function everyWindow(text: string, unit: string, opts: DateOptions): Deadline {
  const recurring: Recurrence = unit.startsWith('季') ? 'quarterly' : unit === '半年' ? 'half-yearly' : 'monthly';
  const from = opts.after ? new Date(`${opts.after}T00:00:00`) : opts.year !== undefined ? ymd(opts.year, 1, 1) : undefined;
  if (!from) return { date: null, text, recurring, note: `${RECURRENCE_LABEL[recurring]}重复；缺少年份，无法确定第一次的日期` };
  let start: Date;
  let end: Date;
  if (recurring === 'monthly') {
    start = startOfMonth(from);
    end = endOfMonth(from);
  } else if (recurring === 'quarterly') {
    start = startOfQuarter(from);
    end = endOfQuarter(from);
  } else {
    start = ymd(from.getFullYear(), from.getMonth() < 6 ? 1 : 7, 1);
    end = endOfMonth(addMonths(start, 5));
  }
  return orderKeys({ date: iso(end), precision: 'period', text, start: iso(start), recurring, note: `${RECURRENCE_LABEL[recurring]}重复；此处为发文后的第一次` });
}

/** Parse exactly one phrase (throws with the phrase when it is not a recognised date form). */
export function parseDeadline(text: string, opts: DateOptions = {}): Deadline {
  const found = findDeadlines(text, opts);
  if (found.length !== 1 || found[0]!.text !== text.trim()) {
    throw new Error(`dates: "${text}" is not one recognised date phrase (found ${found.length}). Add the form to scripts/ingest/dates.ts with a test.`);
  }
  return found[0]!;
}

/** A full calendar date "2022 年 6 月 15 日" → "2022-06-15" (signature lines). */
export function parseFullDate(text: string): string | undefined {
  const m = new RegExp(`(${D}{4})${S}年${S}(${D}{1,2})${S}月${S}(${D}{1,2})${S}日`).exec(text);
  return m ? iso(ymd(toInt(m[1]!), toInt(m[2]!), toInt(m[3]!))) : undefined;
}

function orderKeys(d: Deadline): Deadline {
  const o = { date: d.date } as Deadline;
  if (d.precision) o.precision = d.precision;
  o.text = d.text;
  if (d.start) o.start = d.start;
  if (d.recurring) o.recurring = d.recurring;
  if (d.note) o.note = d.note;
  if (d.label) o.label = d.label;
  return o;
}
