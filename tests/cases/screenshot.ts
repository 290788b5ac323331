// Screenshots of the 典型经验 pages at 360 and 1280 px: npx tsx tests/cases/screenshot.ts <dist> [paths…] (PNGs in /tmp/shots).
import { mkdirSync } from 'node:fs';
import { launchBrowser, serveDir } from '../helpers/browser';
const dist = process.argv[2] ?? '/tmp/cases-dist';
const paths = process.argv.slice(3).length ? process.argv.slice(3) : ['cases/', 'cases/qinyangxian-yancaoju/', 'themes/xingzheng-zhidao/'];
mkdirSync('/tmp/shots', { recursive: true });
const server = await serveDir(dist, '/');
const browser = await launchBrowser();
const page = await browser.newPage();
page.on('pageerror', (e) => console.log('pageerror', e.message));
page.on('console', (m) => m.type() === 'error' && console.log('console', m.text()));
for (const p of paths) {
  for (const w of [360, 1280]) {
    await page.setViewportSize({ width: w, height: 900 });
    await page.goto(server.url(p));
    const name = `/tmp/shots/${p.replace(/[^a-z0-9]+/gi, '_')}${w}.png`;
    await page.screenshot({ path: name, fullPage: true });
    const scrollW = await page.evaluate(() => document.documentElement.scrollWidth);
    console.log(name, 'scrollWidth', scrollW);
  }
}
await browser.close();
await server.close();
