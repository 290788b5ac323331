/**
 * The built site (vitest globalSetup builds it once): open data files and the list page in Chromium.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, serveDir, type StaticServer } from '../helpers/browser';

const dist = inject('distDir');

describe('indicator open data in the build', () => {
  it('indicators.json: 104 records with the issue field names', () => {
    const list = JSON.parse(readFileSync(join(dist, 'data/indicators.json'), 'utf8')) as Record<string, unknown>[];
    expect(list).toHaveLength(104);
    for (const k of ['seq', 'kind', 'text', 'materials', 'units', 'unitNote', 'status', 'limits', 'area', 'themes', 'source']) expect(list[0]).toHaveProperty(k);
    expect(list.filter((r) => r.kind === 'bonus')).toHaveLength(2);
  });
  it('indicators.csv starts with a UTF-8 BOM and has 105 records', () => {
    const csv = readFileSync(join(dist, 'data/indicators.csv'));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8').split('\r\n').filter((l) => /^(\d{3}|bonus-\d|veto-\d),/.test(l))).toHaveLength(104);
  });
  it('indicators.xlsx opens with exceljs', async () => {
    const wb = new ExcelJS.Workbook();
    const buf = readFileSync(join(dist, 'data/indicators.xlsx'));
    await wb.xlsx.load(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer);
    expect(wb.getWorksheet('指标清单')!.rowCount).toBe(105);
  });
  it('scoring.json holds the rows, the check and the task details', () => {
    const s = JSON.parse(readFileSync(join(dist, 'data/scoring.json'), 'utf8'));
    expect(s.criteria).toHaveLength(21);
    expect(s.check.mismatches.length).toBeGreaterThan(0);
    expect(s.taskDetails).toHaveLength(6);
  });
  it('record, unit and scoring pages exist', () => {
    for (const p of ['indicators/033/index.html', 'indicators/bonus-1/index.html', 'indicators/veto-2/index.html', 'units/si-fa-ju/index.html', 'units/index.html', 'scoring/index.html']) {
      expect(existsSync(join(dist, p)), p).toBe(true);
    }
    const html = readFileSync(join(dist, 'indicators/033/index.html'), 'utf8');
    expect(html).toMatch(/data-pagefind-filter="type"[^>]*>指标</);
    expect(html).toMatch(/data-pagefind-filter="unit"[^>]*>司法局</);
    expect(html).toContain('来源：001_35814a2464d1ba9f.txt 第 251–254 行');
  });
});

describe('/indicators/ in a browser', () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  const visible = () => page.locator('#ind-table tbody tr[data-id]:visible');

  beforeAll(async () => {
    server = await serveDir(dist, '/');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('typing 法律顾问 leaves only matching rows, highlighted, with the count and the URL state', async () => {
    page = await browser.newPage();
    await page.goto(server.url('indicators/'));
    await expect.poll(() => visible().count()).toBe(104);
    await page.locator('#ind-q').pressSequentially('法律顾问', { delay: 20 });
    await expect.poll(() => page.locator('#ind-count').textContent()).toBe('显示 2 / 104 项');
    expect(await visible().evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.id))).toEqual(['033', '097']);
    const marks = await page.locator('#ind-table tr[data-id]:visible mark.hit').allTextContents();
    expect(marks.length).toBeGreaterThanOrEqual(4);
    expect(new Set(marks)).toEqual(new Set(['法律顾问']));
    for (const text of await visible().allTextContents()) expect(text).toContain('法律顾问');
    expect(await page.locator('#ind-count').getAttribute('aria-live')).toBe('polite');
    expect(decodeURIComponent(new URL(page.url()).search)).toBe('?q=法律顾问');
    expect(await page.locator('tbody[data-group="a3"] .group-count').textContent()).toBe('（1 / 9 项）');
    expect(await page.locator('tbody[data-group="a1"]').isHidden()).toBe(true);
    expect(await page.locator('#ind-print-state').textContent()).toBe('筛选条件：关键词“法律顾问”（2 / 104 项）');
    await page.close();
  });

  it('restores unit and status filters from the URL, and offers the filtered CSV', async () => {
    page = await browser.newPage();
    await page.goto(server.url('indicators/?unit=' + encodeURIComponent('府院联席办') + '&status=pending'));
    await expect.poll(() => page.locator('#ind-count').textContent()).toBe('显示 3 / 104 项');
    expect(await page.locator('#ind-unit').inputValue()).toBe('府院联席办');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#ind-csv').click()]);
    const path = await download.path();
    const csv = readFileSync(path!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.split('\r\n').filter((l) => /^\d{3},/.test(l)).map((l) => l.slice(0, 3))).toEqual(['082', '083', '084']);
    await page.close();
  });

  it('axe: no WCAG 2.1 A/AA violations on the filtered list, a record, a unit and the scoring page, normal and high contrast', async () => {
    const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
    const found: string[] = [];
    for (const contrast of [false, true]) {
      for (const path of ['indicators/?q=' + encodeURIComponent('法律顾问'), 'indicators/053/', 'units/si-fa-ju/', 'scoring/']) {
        const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        if (contrast) await ctx.addInitScript(() => localStorage.setItem('cjzl-contrast', 'high'));
        const p = await ctx.newPage();
        await p.goto(server.url(path), { waitUntil: 'networkidle' });
        await p.addScriptTag({ path: AXE });
        const res = (await p.evaluate(() =>
          // The <Related> block is another engineer's component (checked by tests/site/a11y.test.ts).
          (window as unknown as { axe: { run: (d: object, o: object) => Promise<unknown> } }).axe.run({ include: [['body']], exclude: [['.related']] }, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
          }),
        )) as { violations: { id: string; nodes: { target: string[] }[] }[] };
        for (const v of res.violations) found.push(`${path}${contrast ? ' [高对比度]' : ''}: ${v.id} ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
        await ctx.close();
      }
    }
    expect(found).toEqual([]);
  }, 120_000);

  it('without JavaScript every record is listed', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    page = await ctx.newPage();
    await page.goto(server.url('indicators/?q=法律顾问'));
    expect(await visible().count()).toBe(104);
    await ctx.close();
  });
});
