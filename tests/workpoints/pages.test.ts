/**
 * The built work point pages, data files and feeds (site built once per run by tests/setup/build.ts).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { loadPage } from '../helpers/html';
import { launchBrowser, serveDir, type StaticServer } from '../helpers/browser';
import type { Browser } from 'playwright-core';
import { filterPoints } from '../../src/lib/workpoints';

const dist = inject('distDir');
const json = () => JSON.parse(readFileSync(join(dist, 'data/workpoints.json'), 'utf8')) as Array<Record<string, any>>;

describe('work point data files', () => {
  it('data/workpoints.json: every record, counts per document', () => {
    const all = json();
    expect(all.length).toBe(105);
    const per = (t: string) => all.filter((r) => r.document.title === t).length;
    expect(per('2022年度全省推进服务型行政执法建设工作要点')).toBe(12);
    expect(per('惠济区2016年推进依法行政建设法治政府工作要点')).toBe(30);
    expect(all.filter((r) => r.section === '四、创建步骤').length).toBe(7);
    expect(all[0]).toHaveProperty('source.file');
  });
  it('data/deadlines.ics parses back: one all-day event per dated deadline, stable unique UIDs', () => {
    const ics = readFileSync(join(dist, 'data/deadlines.ics'), 'utf8');
    const cal = new ICAL.Component(ICAL.parse(ics));
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const dated = json().flatMap((r) => r.deadlines.filter((d: { date: string | null }) => d.date));
    expect(events.length).toBe(dated.length);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    expect(events.every((e) => e.startDate.isDate)).toBe(true);
    const selfCheck = events.find((e) => e.summary === '【截止】全面自查')!;
    expect(selfCheck.startDate.toString()).toBe('2023-09-30');
    expect(selfCheck.uid).toMatch(/^xyxcjqsfzzfjssfx-4-2-1@/);
    expect(events.find((e) => e.summary === '【截止】创建目标')!.startDate.toString()).toBe('2024-06-30');
    expect(cal.getFirstPropertyValue('x-wr-calname')).toContain('工作要点');
    // 督导推进机制: 每月 / 每季度 repeat on the last day of each window
    const monthly = events.find((e) => e.uid.startsWith('xyxcjqsfzzfjssfx-5-3-1@'))!;
    expect(monthly.component.getFirstPropertyValue('rrule')!.toString()).toBe('FREQ=MONTHLY;BYMONTHDAY=-1');
    const quarterly = events.find((e) => e.uid.startsWith('xyxcjqsfzzfjssfx-5-3-2@'))!;
    expect(quarterly.startDate.toString()).toBe('2023-09-30');
    expect(quarterly.component.getFirstPropertyValue('rrule')!.toString()).toBe('FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1');
  });
  it('rss-workpoints.xml lists the dated work points', () => {
    const xml = readFileSync(join(dist, 'rss-workpoints.xml'), 'utf8');
    const datedPoints = json().filter((r) => r.deadlines.some((d: { date: string | null }) => d.date));
    expect(datedPoints.length).toBe(20);
    expect((xml.match(/<item>/g) ?? []).length).toBe(datedPoints.length);
    expect(xml).toContain('全面自查');
  });
});

describe('work point pages (static HTML)', () => {
  it('/workpoints/ lists every item grouped by document and section, with filter controls', () => {
    const p = loadPage(dist, 'workpoints/index.html');
    const items = p.all('li').filter((li) => p.attr(li, 'data-wp-item') !== undefined);
    expect(items.length).toBe(105);
    expect(p.all('h3').map((h) => p.text(h))).toContain('四、创建步骤');
    for (const id of ['wp-q', 'wp-theme', 'wp-year']) {
      const label = p.all('label').find((l) => p.attr(l, 'for') === id);
      expect(label, `label for #${id}`).toBeDefined();
    }
    expect(p.all('a').some((a) => p.attr(a, 'href') === '/data/deadlines.ics')).toBe(true);
  });
  it('/workpoints/<id>/: item, deadline with original wording, document link, source, pager, Pagefind filters', () => {
    const p = loadPage(dist, 'workpoints/xyxcjqsfzzfjssfx-4-2/index.html');
    const text = p.text(p.doc as never);
    expect(text).toContain('全面自查');
    expect(text).toContain('2023年9月30日');
    expect(text).toContain('2023年9月底前');
    expect(text).toMatch(/来源：001_35814a2464d1ba9f\.txt 第 35 行/);
    expect(p.all('a').some((a) => p.attr(a, 'href') === '/documents/xyxcjqsfzzfjssfx/')).toBe(true);
    expect(p.all('a').find((a) => p.attr(a, 'rel') === 'prev')!.attrs.find((x) => x.name === 'href')!.value).toBe('/workpoints/xyxcjqsfzzfjssfx-4-1/');
    const filters = p.all('*').filter((e) => p.attr(e, 'data-pagefind-filter')).map((e) => `${p.attr(e, 'data-pagefind-filter')}:${p.text(e)}`);
    expect(filters).toEqual(expect.arrayContaining(['type:工作要点', 'year:2023', 'document:夏邑县创建全省法治政府建设示范县工作推进方案']));
  });
  it('a 工作任务细则 row links to the same row in the scoring table', () => {
    const p = loadPage(dist, 'workpoints/yfzb-2019-12-t1-2/index.html');
    expect(p.all('a').some((a) => p.attr(a, 'href') === '/scoring/#task-detail-1-2')).toBe(true);
  });
  it('/timeline/: the creation plan from 2023年9月 to 2024年第二季度, months, link to deadlines.ics', () => {
    const p = loadPage(dist, 'timeline/index.html');
    const text = p.text(p.doc as never);
    expect(text).toContain('计划时间：2023年9月 — 2024年第二季度');
    const steps = p.all('li').filter((li) => (p.attr(li, 'class') ?? '').split(' ').includes('step'));
    expect(steps.length).toBe(8); // 7 步骤 + 创建目标
    expect(p.all('li').filter((li) => p.attr(li, 'id')?.startsWith('m-')).map((li) => p.attr(li, 'id'))).toContain('m-2023-09');
    expect(p.all('a').some((a) => p.attr(a, 'href') === '/data/deadlines.ics')).toBe(true);
    expect(text).toMatch(/今天 · \d{4}年\d{1,2}月\d{1,2}日/);
  });
});

describe('work point filter in the browser', () => {
  let server: StaticServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await serveDir(dist, '/');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  it('reads its state from the URL, filters instantly, writes the state back', async () => {
    const page = await browser.newPage();
    await page.goto(server.url('workpoints/?q=自查&year=2023'));
    // the same pure filter the page script uses, over the open data
    const expected = filterPoints(json() as never, { q: '自查', theme: '', year: '2023' }).map((p) => p.title);
    expect(expected).toContain('全面自查');
    expect(expected.length).toBeLessThan(105);
    await expect.poll(() => page.locator('[data-wp-item]:visible').count()).toBe(expected.length);
    expect(await page.inputValue('#wp-q')).toBe('自查');
    await page.fill('#wp-q', '行政调解');
    await page.selectOption('#wp-year', '');
    await expect.poll(() => new URL(page.url()).search).toBe('?q=' + encodeURIComponent('行政调解'));
    const n = await page.locator('[data-wp-item]:visible').count();
    expect(n).toBeGreaterThan(2);
    expect(await page.locator('#wp-count').textContent()).toContain(`显示 ${n} 项`);
    await page.close();
  });
  it('without JavaScript the page shows everything', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(server.url('workpoints/?q=自查'));
    expect(await page.locator('[data-wp-item]:visible').count()).toBe(105);
    await ctx.close();
  });
});
