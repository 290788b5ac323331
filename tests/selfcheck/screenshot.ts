/**
 * Screenshots of /self-check/ at 390 and 1280 px (for looking at them, not a test):
 *   npx tsx tests/selfcheck/screenshot.ts /path/to/dist /tmp/sc-shots [base]
 * One item is set to 已完成 and opened, one problem is added, so the page shows its parts in use.
 */
import { mkdirSync } from 'node:fs';
import { launchBrowser, serveDir } from '../helpers/browser';

const [dist = 'dist', out = '/tmp/sc-shots', base = '/'] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const server = await serveDir(dist, base);
const browser = await launchBrowser();
try {
  for (const width of [390, 1280]) {
    const page = await browser.newPage({ viewport: { width, height: 1000 } });
    page.on('console', (m) => m.type() === 'error' && console.log('console error:', m.text()));
    page.on('pageerror', (e) => console.log('page error:', e.message));
    await page.goto(server.url('self-check/'), { waitUntil: 'networkidle' });
    await page.getByLabel('第2项 状态', { exact: true }).selectOption('已完成');
    await page.locator('#item-061 details summary').click();
    await page.getByLabel('情况说明（1000字以内）').fill('我县'.repeat(30));
    await page.locator('#item-061 textarea[name=desc]').fill('应急演练记录不全');
    await page.locator('#item-061 textarea[name=measure]').fill('补齐2022年演练台账');
    await page.locator('#item-061 form.sc-pbox button[type=submit]').click();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${out}/top-${width}.png`, fullPage: false });
    await page.locator('#sc-summary-h').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${out}/summary-${width}.png` });
    await page.locator('#sc-items-h').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${out}/items-${width}.png` });
    await page.locator('#item-061').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${out}/editor-${width}.png` });
    await page.locator('#sc-problems-h').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${out}/problems-${width}.png` });
    if (process.env.FULL === '1') await page.screenshot({ path: `${out}/full-${width}.png`, fullPage: true });
    await page.locator('[data-export=print]').click();
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => document.body.classList.add('sc-printing'));
    await page.screenshot({ path: `${out}/print-${width}.png`, fullPage: true });
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`screenshots in ${out}`);
