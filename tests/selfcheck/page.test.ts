/**
 * /self-check/ in headless Chromium on the build of tests/setup/build.ts (and the /zfjs/cjzl/ build):
 * persistence across reloads, 完成度, import validation (malformed file → alert, nothing lost),
 * export → re-import gives the same ledger, merging two units' files with a conflict, the .xlsx and
 * .docx read back (exceljs / jszip), overdue marks by the plan's dates, 字数 counter, print view,
 * axe, keyboard, and no request to another host.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { launchBrowser, serveDir, type StaticServer } from '../helpers/browser';
import { buildAt } from '../setup/build';
import { addProblem, newLedger, setField } from '../../src/lib/ledger';
import { serializeLedger } from '../../src/lib/ledger-schema';

const dist = inject('distDir');
const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

async function bytesOf(d: Download): Promise<Buffer> {
  return readFileSync((await d.path())!);
}
/** axe-core (WCAG 2.1 A/AA) on the page as it is now: one line per violation. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: { run: (c: Document, o: object) => Promise<unknown> } }).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
  )) as { violations: { id: string; nodes: { target: string[] }[] }[] };
  return result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}
const status = (page: Page, label: string) => page.getByLabel(`${label} 状态`, { exact: true });
const pct = async (page: Page) => Number((await page.locator('#sc-pct').textContent())!.replace('%', ''));
const storedLedgers = (page: Page) =>
  page.evaluate(() => Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith('cjzl-ledger')).map((k) => [k, localStorage.getItem(k)])));

describe('/self-check/ in a browser', () => {
  let server: StaticServer;
  let browser: Browser;
  const offHost: string[] = [];
  const contexts: BrowserContext[] = [];

  async function open(opts: { time?: string; ctx?: BrowserContext; width?: number } = {}) {
    const ctx = opts.ctx ?? (await browser.newContext({ acceptDownloads: true, viewport: { width: opts.width ?? 1280, height: 900 } }));
    if (!opts.ctx) contexts.push(ctx);
    const page = await ctx.newPage();
    if (opts.time) await page.clock.setFixedTime(new Date(`${opts.time}T10:00:00+08:00`));
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => {
      if (!r.url().startsWith(server.origin) && !/^(data|blob):/.test(r.url())) offHost.push(r.url());
    });
    await page.goto(server.url('self-check/'));
    await page.waitForSelector('html[data-selfcheck=ready]');
    return { page, ctx, errors };
  }

  beforeAll(async () => {
    server = await serveDir(dist, '/');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

  it('a status change is saved at once: it survives a reload and 完成度 follows it', async () => {
    const { page, errors } = await open();
    expect(await page.locator('select[aria-label$=" 状态"]').count()).toBe(104);
    await expect.poll(() => status(page, '加分项第1项').count()).toBe(1);
    // the notice marks 第1项 已完成: it starts so
    expect(await status(page, '第1项').inputValue()).toBe('done');
    const start = await pct(page);
    await status(page, '第1项').selectOption('推进中');
    expect(await pct(page)).toBeCloseTo(start - 1, 5);
    await page.reload();
    await page.waitForSelector('html[data-selfcheck=ready]');
    expect(await status(page, '第1项').inputValue()).toBe('doing');
    await status(page, '第1项').selectOption('已完成');
    await status(page, '第2项').selectOption('已完成');
    await page.reload();
    await page.waitForSelector('html[data-selfcheck=ready]');
    expect(await status(page, '第1项').inputValue()).toBe('done');
    expect(await status(page, '第2项').inputValue()).toBe('done');
    expect(await pct(page)).toBeCloseTo(start + 1, 5);
    // 不涉及 leaves the denominator
    const before = await page.locator('#sc-pct-text').textContent();
    expect(before).toMatch(/适用 100 项/);
    await status(page, '第3项').selectOption('不涉及');
    expect(await page.locator('#sc-pct-text').textContent()).toMatch(/适用 99 项（不涉及 1 项不计入）/);
    expect(await page.locator('#sc-pct-text').textContent()).toMatch(/目标 95%/);
    expect(errors).toEqual([]);
  });

  it('a malformed or foreign file: an alert, and nothing in the ledger changes', async () => {
    const { page } = await open();
    await status(page, '第2项').selectOption('推进中');
    const saved = await storedLedgers(page);
    await page.getByLabel('导入', { exact: true }).setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"cjzl-ledger","version":2,') });
    const alert = page.getByRole('alert').filter({ hasText: 'broken.json' });
    await expect.poll(() => alert.textContent()).toMatch(/不是有效的 JSON/);
    expect(await alert.textContent()).toMatch(/台账没有任何改动/);
    await page.getByLabel('导入', { exact: true }).setInputFiles({ name: 'indicators.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify([{ id: '001' }])) });
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'indicators.json' }).textContent()).toMatch(/不是自查台账文件/);
    expect(await page.locator('#sc-preview').isHidden()).toBe(true);
    expect(await storedLedgers(page)).toEqual(saved);
    await page.reload();
    await page.waitForSelector('html[data-selfcheck=ready]');
    expect(await status(page, '第2项').inputValue()).toBe('doing');
  });

  it('export → import in a fresh browser gives the same ledger', async () => {
    const { page } = await open();
    await status(page, '第5项').selectOption('推进中');
    await page.locator('#item-061 details summary').click();
    await page.getByLabel('第61项 责任人').fill('张三');
    await page.locator('#item-061 textarea[name=desc]').fill('演练记录不全');
    await page.locator('#item-061 form.sc-pbox button[type=submit]').click();
    const [d1] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出台账（JSON）' }).click()]);
    const first = (await bytesOf(d1)).toString('utf8');
    expect(d1.suggestedFilename()).toMatch(/\.json$/);

    const fresh = await open();
    await fresh.page.getByLabel('导入', { exact: true }).setInputFiles({ name: d1.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(first) });
    await fresh.page.locator('#sc-preview').waitFor();
    await fresh.page.getByLabel(/作为单独的台账/).check();
    await fresh.page.getByRole('button', { name: '应用导入' }).click();
    expect(await status(fresh.page, '第5项').inputValue()).toBe('doing');
    const [d2] = await Promise.all([fresh.page.waitForEvent('download'), fresh.page.getByRole('button', { name: '导出台账（JSON）' }).click()]);
    expect((await bytesOf(d2)).toString('utf8')).toBe(first);
    // importing the same file into the same ledger changes nothing
    await page.getByLabel('导入', { exact: true }).setInputFiles({ name: 'again.json', mimeType: 'application/json', buffer: Buffer.from(first) });
    await expect.poll(() => page.locator('#sc-preview-summary').textContent()).toMatch(/0 处更改，0 处冲突/);
  });

  it('merging two units’ files keeps both units’ changes and asks about the conflict', async () => {
    const at = (s: string) => `2023-09-2${s}T02:00:00.000Z`;
    const a = newLedger('司法局', '司法局', at('0'), 'l-sifaju');
    setField(a, '033', 'status', 'done', at('1'));
    setField(a, '053', 'person', '张三', at('1'));
    addProblem(a, { item: '033', desc: '法律顾问合同未公开', measure: '上网公开', units: ['司法局'], person: '张三', deadline: '2023-10-20' }, at('1'), 'p-sifaju-1');
    const b = newLedger('市场监管局', '市场监管局', at('0'), 'l-shichang');
    setField(b, '002', 'status', 'doing', at('2'));
    setField(b, '053', 'person', '李四', at('2'));
    const { page } = await open();
    await page.getByLabel('导入', { exact: true }).setInputFiles([
      { name: '司法局.json', mimeType: 'application/json', buffer: Buffer.from(serializeLedger(a)) },
      { name: '市场监管局.json', mimeType: 'application/json', buffer: Buffer.from(serializeLedger(b)) },
    ]);
    const preview = page.locator('#sc-preview');
    await preview.waitFor();
    expect(await page.locator('#sc-preview-summary').textContent()).toMatch(/3 处更改，1 处冲突/);
    const changes = await preview.getByRole('list', { name: '将要发生的更改' }).textContent();
    expect(changes).toContain('第33项 状态：未开始 → 已完成（司法局.json）');
    expect(changes).toContain('第2项 状态：未开始 → 推进中（市场监管局.json）');
    const conflict = preview.getByRole('group', { name: /冲突 1：第53项 责任人/ });
    expect(await conflict.textContent()).toContain('司法局.json：张三');
    expect(await conflict.textContent()).toContain('市场监管局.json：李四');
    // applying without an answer is refused
    await page.getByRole('button', { name: '应用导入' }).click();
    expect(await page.locator('#sc-import-error').textContent()).toMatch(/还有冲突没有选择/);
    await conflict.getByLabel(/市场监管局\.json：李四/).check();
    await page.getByRole('button', { name: '应用导入' }).click();
    expect(await preview.isHidden()).toBe(true);
    expect(await status(page, '第33项').inputValue()).toBe('done');
    expect(await status(page, '第2项').inputValue()).toBe('doing');
    await page.locator('#item-053 details summary').click();
    expect(await page.getByLabel('第53项 责任人').inputValue()).toBe('李四');
    expect(await page.locator('#sc-problem-list').textContent()).toContain('法律顾问合同未公开');
    // the same two files again: nothing new, nothing to ask
    await page.getByLabel('导入', { exact: true }).setInputFiles([
      { name: '司法局.json', mimeType: 'application/json', buffer: Buffer.from(serializeLedger(a)) },
      { name: '市场监管局.json', mimeType: 'application/json', buffer: Buffer.from(serializeLedger(b)) },
    ]);
    await expect.poll(() => page.locator('#sc-preview-summary').textContent()).toMatch(/0 处更改，0 处冲突/);
  });

  it('the .xlsx (整改台账, 自查台账, 情况说明, 完成度) and the .docx report open and hold the ledger', async () => {
    const { page } = await open({ time: '2023-10-20' });
    const js: string[] = [];
    page.on('request', (r) => r.resourceType() === 'script' && js.push(r.url()));
    await status(page, '第2项').selectOption('已完成');
    await page.locator('#item-004 details summary').click();
    await page.getByLabel('第4项 备注').fill('等待市里下发模板');
    await page.locator('#item-003 details summary').click();
    await page.locator('#item-003 textarea[data-k="text.0"]').fill('本级政府清理变相设置行政许可事项的情况');
    await page.locator('#item-004 textarea[name=desc]').fill('权责清单未动态调整');
    await page.locator('#item-004 textarea[name=measure]').fill('每季度核对一次');
    await page.locator('#item-004 form.sc-pbox button[type=submit]').click();
    expect(js).toEqual([]); // nothing loaded since the page opened
    const [x] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Excel/ }).click()]);
    expect(x.suggestedFilename()).toMatch(/\.xlsx$/);
    // the exporter was loaded only now, as separate files
    expect(js.length).toBeGreaterThanOrEqual(1);
    const wb = new ExcelJS.Workbook();
    const xb = await bytesOf(x);
    await wb.xlsx.load(xb.buffer.slice(xb.byteOffset, xb.byteOffset + xb.byteLength) as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['整改台账', '自查台账', '情况说明', '完成度', '台账数据']);
    expect(wb.getWorksheet('情况说明')!.getRow(2).values).toEqual(expect.arrayContaining(['第3项', '本级政府清理变相设置行政许可事项的情况', 19, '600字左右']));
    const prob = wb.getWorksheet('整改台账')!;
    expect(prob.getRow(1).values).toContain('问题描述');
    expect(prob.getRow(2).values).toEqual(expect.arrayContaining(['第4项', '权责清单未动态调整', '每季度核对一次', '整改中', '逾期']));
    const items = wb.getWorksheet('自查台账')!;
    expect(items.rowCount).toBe(105);
    expect(items.getRow(3).values).toEqual(expect.arrayContaining(['第2项', '已完成']));
    expect(items.getRow(5).values).toEqual(expect.arrayContaining(['第4项', '等待市里下发模板']));
    expect(String(wb.getWorksheet('完成度')!.getRow(2).getCell(5).value)).toMatch(/^\d+\.\d%$/);

    // the .xlsx carries the ledger (hidden sheet): importing it elsewhere gives the same ledger as the .json
    expect(wb.getWorksheet('台账数据')!.state).toBe('veryHidden');
    const [j] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出台账（JSON）' }).click()]);
    const fresh = await open();
    await fresh.page.getByLabel('导入', { exact: true }).setInputFiles({ name: 'indicators.xlsx', mimeType: 'application/octet-stream', buffer: readFileSync(`${dist}/data/indicators.xlsx`) });
    await expect.poll(() => fresh.page.getByRole('alert').filter({ hasText: 'indicators.xlsx' }).textContent()).toMatch(/不是本页导出的台账/);
    await fresh.page.getByLabel('导入', { exact: true }).setInputFiles({ name: x.suggestedFilename(), mimeType: 'application/octet-stream', buffer: xb });
    await fresh.page.locator('#sc-preview').waitFor();
    await fresh.page.getByLabel(/作为单独的台账/).check();
    await fresh.page.getByRole('button', { name: '应用导入' }).click();
    const [j2] = await Promise.all([fresh.page.waitForEvent('download'), fresh.page.getByRole('button', { name: '导出台账（JSON）' }).click()]);
    expect((await bytesOf(j2)).toString('utf8')).toBe((await bytesOf(j)).toString('utf8'));

    const [w] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Word/ }).click()]);
    expect(w.suggestedFilename()).toMatch(/自查自评报告.*\.docx$/);
    const zip = await JSZip.loadAsync(await bytesOf(w));
    const xml = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(xml).toContain('自查自评报告');
    expect(xml).toContain('一、完成度');
    expect(xml).toContain('依法全面履行政府职能');
    expect(xml).toContain('二、未完成事项及原因');
    expect(xml).toContain('等待市里下发模板');
    expect(xml).toContain('三、问题清单与整改');
    expect(xml).toContain('每季度核对一次');
    expect(xml).toContain('2023-10-10（限期整改）（逾期）');
  });

  it('marks overdue items by the plan’s dates (全面自查 2023-09-30) and the print view shows the report', async () => {
    const early = await open({ time: '2023-09-20' });
    expect(await early.page.locator('#item-002 .sc-badge.late').count()).toBe(0);
    expect(await early.page.locator('.sc-stage-list li.now b').textContent()).toBe('全面自查');
    const late = await open({ time: '2023-10-05' });
    expect(await late.page.locator('#item-002 .sc-badge.late').textContent()).toBe('逾期');
    expect(await late.page.locator('#item-002 .sc-meta').textContent()).toContain('按“全面自查” 2023-09-30');
    expect(await late.page.locator('#item-001 .sc-badge.late').count()).toBe(0);
    await late.page.getByLabel('状态', { exact: true }).selectOption('late');
    expect(await late.page.locator('#sc-count').textContent()).toMatch(/显示 \d+ \/ 104 项/);
    expect(await late.page.locator('#item-001').isHidden()).toBe(true);
    await late.page.getByRole('button', { name: '打印报告' }).click();
    const report = late.page.locator('#sc-report');
    expect(await report.isVisible()).toBe(true);
    expect(await report.getByRole('heading', { level: 2 }).textContent()).toMatch(/自查自评报告/);
    expect(await report.textContent()).toContain('二、未完成事项及原因');
  });

  it('the keyword box filters as on /indicators/, marks the matches, and keeps the state in the URL', async () => {
    const { page } = await open();
    await page.getByLabel('关键词').fill('法律顾问');
    await expect.poll(() => page.locator('#sc-count').textContent()).toBe('显示 2 / 104 项');
    expect(await page.locator('.sc-item:visible').evaluateAll((els) => els.map((e) => e.id))).toEqual(['item-033', 'item-097']);
    expect(new Set(await page.locator('.sc-item:visible mark.hit').allTextContents())).toEqual(new Set(['法律顾问']));
    expect(decodeURIComponent(new URL(page.url()).search)).toBe('?q=法律顾问');
    await page.getByLabel('状态', { exact: true }).selectOption('done');
    await expect.poll(() => page.locator('#sc-count').textContent()).toBe('显示 0 / 104 项');
    await page.getByRole('button', { name: '清除条件' }).click();
    await expect.poll(() => page.locator('#sc-count').textContent()).toBe('显示 104 / 104 项');
    expect(await page.locator('mark.hit').count()).toBe(0);
    // 查看方式: what is still open, one unit's rows, everything
    const views = page.getByRole('group', { name: '查看方式' });
    await views.getByRole('button', { name: '尚未完成' }).click();
    expect(await views.getByRole('button', { name: '尚未完成' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('#item-001').isHidden()).toBe(true);
    expect(await page.locator('#item-002').isVisible()).toBe(true);
    await views.getByRole('button', { name: '按责任单位' }).click();
    await page.getByLabel('责任单位', { exact: true }).selectOption('司法局');
    for (const t of await page.locator('.sc-item:visible .sc-meta').allTextContents()) expect(t).toContain('司法局');
    expect(await views.getByRole('button', { name: '按责任单位' }).getAttribute('aria-pressed')).toBe('true');
    await views.getByRole('button', { name: '全部（按领域）' }).click();
    await expect.poll(() => page.locator('#sc-count').textContent()).toBe('显示 104 / 104 项');
  });

  it('the 情况说明 box counts 字数 as the notice does and says when it is over', async () => {
    const { page } = await open();
    await page.locator('#item-061 details summary').click();
    const box = page.getByLabel('情况说明（1000字以内）');
    await box.fill('字'.repeat(1000));
    const out = page.locator('#f-061-words-0');
    expect(await out.textContent()).toBe('已写 1000 字（要求：1000字以内）');
    await box.fill('字'.repeat(990) + ' 2023年 abc，');
    expect(await out.textContent()).toMatch(/^已写 994 字/);
    await box.fill('字'.repeat(1001));
    expect(await out.textContent()).toMatch(/超出 1000 字的要求 1 字/);
    expect(await out.getAttribute('class')).toContain('over');
    expect(await out.getAttribute('aria-live')).toBe('polite');
  });

  it('a unit ledger shows only its rows; ledgers are kept side by side and switched', async () => {
    const { page } = await open();
    await page.getByText('台账管理（新建、改名、删除）').click();
    await page.getByLabel('台账名称').fill('司法局台账');
    await page.getByLabel(/所属单位/).selectOption('司法局');
    await page.getByRole('button', { name: '另建一个新台账' }).click();
    const n = await page.locator('.sc-item:visible').count();
    expect(n).toBeGreaterThan(5);
    expect(n).toBeLessThan(104);
    for (const t of await page.locator('.sc-item:visible .sc-meta').allTextContents()) expect(t).toContain('司法局');
    expect(await page.locator('#sc-pct-text').textContent()).toMatch(/^司法局：/);
    await status(page, '第33项').selectOption('不涉及');
    const ledgers = await page.getByLabel('当前台账').locator('option').allTextContents();
    expect(ledgers).toEqual(['本县台账', '司法局台账（司法局）']);
    await page.getByLabel('当前台账').selectOption({ label: '本县台账' });
    expect(await page.locator('.sc-item:visible').count()).toBe(104);
    expect(await status(page, '第33项').inputValue()).toBe('todo');
    await page.reload();
    await page.waitForSelector('html[data-selfcheck=ready]');
    expect(await page.getByLabel('当前台账').inputValue()).not.toBe('');
    expect(await page.locator('.sc-item:visible').count()).toBe(104);
  });

  it('keyboard: Tab reaches a status control, arrow keys change it; axe finds nothing with the editor and preview open', async () => {
    const { page } = await open({ width: 390 });
    await status(page, '第1项').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('第1项 状态');
    await page.keyboard.press('ArrowDown');
    expect(await status(page, '第1项').inputValue()).toBe('na');
    expect(await page.locator('#sc-pct-text').textContent()).toMatch(/不涉及 1 项/);
    await page.locator('#item-002 details summary').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByLabel('第2项 责任人').isVisible()).toBe(true);
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scroll).toBeLessThanOrEqual(390);
    await page.getByLabel('导入', { exact: true }).setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from(serializeLedger(newLedger('乡', null, '2023-09-01T00:00:00.000Z', 'l-x'))) });
    await page.locator('#sc-preview').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('axe finds nothing in the high-contrast mode either (an item open, a problem overdue)', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(ctx);
    await ctx.addInitScript(() => localStorage.setItem('cjzl-contrast', 'high'));
    const { page } = await open({ ctx, time: '2023-10-20' });
    await page.locator('#item-061 details summary').click();
    await page.getByLabel('情况说明（1000字以内）').fill('字'.repeat(1200));
    await page.locator('#item-061 textarea[name=desc]').fill('演练记录不全');
    await page.locator('#item-061 form.sc-pbox button[type=submit]').click();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('made no request to another host', () => {
    expect(offHost).toEqual([]);
  });
});

describe('/self-check/ under the sub-path /zfjs/cjzl/', () => {
  let server: StaticServer;
  let browser: Browser;
  beforeAll(async () => {
    const sub = await buildAt('/zfjs/cjzl/');
    server = await serveDir(sub, '/zfjs/cjzl/');
    browser = await launchBrowser();
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('works, links carry the base, the exporter loads from under the base, nothing leaves the site', async () => {
    const ctx = await browser.newContext({ acceptDownloads: true });
    const page = await ctx.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(server.url('self-check/'));
    await page.waitForSelector('html[data-selfcheck=ready]');
    expect(await page.locator('#item-033 h4 a').getAttribute('href')).toBe('/zfjs/cjzl/indicators/033/');
    expect(await page.getByRole('navigation', { name: '栏目导航' }).getByRole('link', { name: '自查自评' }).getAttribute('href')).toBe('/zfjs/cjzl/self-check/');
    await status(page, '第2项').selectOption('已完成');
    const [x] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Excel/ }).click()]);
    expect((await bytesOf(x)).subarray(0, 2).toString()).toBe('PK');
    for (const u of requests) expect(u.startsWith(server.origin + '/zfjs/cjzl/') || /^(data|blob):/.test(u), u).toBe(true);
    await ctx.close();
  });
});
