/**
 * Screenshots of the indicator pages at 360 and 1280 px (for looking at them, not a test):
 *   npx tsx tests/indicators/screenshot.ts /path/to/dist /tmp/shots
 */
import { mkdirSync } from 'node:fs';
import { launchBrowser, serveDir } from '../helpers/browser';

const [dist = 'dist', out = '/tmp/ind-shots'] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const pages: [string, string][] = [
  ['list', 'indicators/'],
  ['list-q', 'indicators/?q=法律顾问'],
  ['detail', 'indicators/053/'],
  ['units', 'units/'],
  ['unit', 'units/si-fa-ju/'],
  ['scoring', 'scoring/'],
];
const server = await serveDir(dist, '/');
const browser = await launchBrowser();
try {
  for (const width of [360, 1280]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    for (const [name, path] of pages) {
      await page.goto(server.url(path), { waitUntil: 'networkidle' });
      await page.screenshot({ path: `${out}/${name}-${width}.png`, fullPage: process.env.FULL === '1' });
    }
    await page.close();
  }
  // print preview of the unit page
  const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
  await page.goto(server.url('units/si-fa-ju/'));
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: `${out}/unit-print.png` });
  await page.goto(server.url('indicators/?unit=司法局'));
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: `${out}/list-print.png` });
} finally {
  await browser.close();
  await server.close();
}
console.log(`screenshots in ${out}`);
