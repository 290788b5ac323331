import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { buildToday, creationPlans, groupByMonth, statusOf, timelineEntries, todayIndex, toIcs, RRULE } from '../../src/lib/timeline';
import { deadlineLine } from '../../src/lib/workpoints';
import { points } from './sample-points';

describe('src/lib/timeline', () => {
  it('today comes from BUILD_DATE, else SOURCE_DATE_EPOCH, else the clock', () => {
    expect(buildToday({ BUILD_DATE: '2023-10-05' })).toBe('2023-10-05');
    expect(buildToday({ SOURCE_DATE_EPOCH: '1696464000' })).toBe('2023-10-05');
    expect(buildToday({}, new Date('2025-01-02T03:04:05Z'))).toBe('2025-01-02');
    expect(() => buildToday({ BUILD_DATE: '5 Oct' })).toThrow(/BUILD_DATE must be YYYY-MM-DD/);
  });
  it('one entry per dated deadline, in date order; undated ones stay out', () => {
    const e = timelineEntries(points);
    expect(e.map((x) => [x.date, x.key])).toEqual([
      ['2019-09-30', 'yfzb-12-t1-2-1'],
      ['2019-10-31', 'yfzb-12-t1-2-2'],
      ['2023-09-10', 'xy-fa-4-1-1'],
      ['2023-09-30', 'xy-fa-4-2-1'],
      ['2024-06-30', 'xy-fa-2-2-1'],
    ]);
  });
  it('groups by month and marks past / current / upcoming relative to today', () => {
    const g = groupByMonth(timelineEntries(points), '2023-09-05');
    expect(g.map((m) => [m.label, m.status])).toEqual([
      ['2019年9月', 'past'], ['2019年10月', 'past'], ['2023年9月', 'current'], ['2024年6月', 'upcoming'],
    ]);
    expect(g[2]!.entries.map((e) => e.status)).toEqual(['current', 'upcoming']);
    expect(todayIndex(g)).toBe(2);
    expect(statusOf({ date: '2023-09-10', start: '2023-09-01' }, '2023-09-11')).toBe('past');
  });
  it('the 创建步骤 read as a plan from 2023年9月 to 2024年第二季度, undated steps kept', () => {
    const [plan] = creationPlans(points, '2023-09-20');
    expect(plan!.section).toBe('四、创建步骤');
    expect(plan!.steps.map((s) => [s.title, s.when, s.status ?? null, s.milestone])).toEqual([
      ['加压部署', '2023年9月1日—10日', 'past', false],
      ['全面自查', '2023年9月30日', 'upcoming', false],
      ['集中申报', '按照市部署时间', null, false],
      ['创建目标', '2024年4月1日—6月30日', 'upcoming', true],
    ]);
    expect(plan!.span).toBe('2023年9月 — 2024年第二季度');
    expect(plan!.steps[2]!.note).toBe('无具体日期：按上级部署的时间进行');
  });
  it('deadlines.ics: all-day events with stable UIDs and a fixed DTSTAMP, parsed back by ical.js', () => {
    const entries = timelineEntries(points);
    const ics = toIcs(entries, { today: '2023-10-05', pageUrl: (id) => `https://example.gov.cn/workpoints/${id}/` });
    expect(ics).toBe(toIcs(entries, { today: '2023-10-05', pageUrl: (id) => `https://example.gov.cn/workpoints/${id}/` }));
    const cal = new ICAL.Component(ICAL.parse(ics));
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.length).toBe(5);
    const e = events.find((x) => x.uid === 'xy-fa-4-2-1@cjzl.workpoints')!;
    expect(e.summary).toBe('【截止】全面自查');
    expect(e.startDate.isDate).toBe(true);
    expect(e.startDate.toString()).toBe('2023-09-30');
    expect(e.endDate.toString()).toBe('2023-10-01');
    expect(e.description).toContain('原文：2023年9月底前');
    expect(e.description).toContain('责任单位：各乡（镇）、各单位');
    const stamps = new Set(cal.getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('dtstamp')!.toString()));
    expect([...stamps]).toEqual(['2023-10-05T00:00:00Z']);
    expect(events.find((x) => x.uid === 'yfzb-12-t1-2-2@cjzl.workpoints')!.summary).toBe('【截止】全面审定行政执法资格：组织培训');
    // lines are folded at 75 octets (CJK is 3 octets each), as RFC 5545 requires
    expect(ics.split('\r\n').every((l) => Buffer.byteLength(l, 'utf8') <= 75)).toBe(true);
  });
  it('recurring deadlines (每季度 / 每半年 / 每月) become RRULEs that land on the last day of each window', () => {
    const base = points[0]!;
    const wp = { ...base, id: 'pzb-2024-3-2', title: '强化督促检查', deadlines: [
      { date: '2024-03-31', precision: 'period' as const, text: '每季度', start: '2024-01-01', recurring: 'quarterly' as const, note: '每季度重复；此处为发文后的第一次' },
      { date: '2024-03-31', precision: 'period' as const, text: '每月', start: '2024-03-01', recurring: 'monthly' as const },
      { date: '2024-06-30', precision: 'period' as const, text: '每半年', start: '2024-01-01', recurring: 'half-yearly' as const },
    ] };
    expect(deadlineLine(wp.deadlines[0]!)).toContain('每季度重复');
    const ics = toIcs(timelineEntries([wp]), { today: '2024-03-20' });
    const cal = new ICAL.Component(ICAL.parse(ics));
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const next = (uid: string, n: number) => {
      const it = events.find((e) => e.uid === uid)!.iterator();
      return Array.from({ length: n }, () => it.next()!.toString());
    };
    expect(next('pzb-2024-3-2-1@cjzl.workpoints', 4)).toEqual(['2024-03-31', '2024-06-30', '2024-09-30', '2024-12-31']);
    expect(next('pzb-2024-3-2-2@cjzl.workpoints', 3)).toEqual(['2024-03-31', '2024-04-30', '2024-05-31']);
    expect(next('pzb-2024-3-2-3@cjzl.workpoints', 2)).toEqual(['2024-06-30', '2024-12-31']);
    expect(events[0]!.description).toContain('每季度重复；此处为发文后的第一次');
    expect(RRULE.yearly).toBe('FREQ=YEARLY');
  });
});
