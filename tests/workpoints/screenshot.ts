// Screenshots of the work point pages at 360 and 1280 px (PNGs in /tmp/shots):
//   npx tsx tests/workpoints/screenshot.ts <dist> [work point id]
import { launchBrowser, serveDir } from '../helpers/browser';
const dist = process.argv[2] ?? 'dist';
const id = process.argv[3] ?? 'xyxcjqsfzzfjssfx-4-2';
const server = await serveDir(dist, '/');
const browser = await launchBrowser();
const page = await browser.newPage();
page.on('pageerror', (e) => console.log('pageerror', e.message));
page.on('console', (m) => m.type() === 'error' && console.log('console', m.text()));
const pages: [string, string][] = [['workpoints', 'workpoints/'], ['workpoint', `workpoints/${id}/`], ['timeline', 'timeline/'], ['workpoints-filtered', 'workpoints/?q=培训&year=2019']];
for (const w of [360, 1280]) {
  await page.setViewportSize({ width: w, height: 900 });
  for (const [name, path] of pages) {
    await page.goto(server.url(path));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    console.log(w, name, 'horizontal overflow px:', overflow);
    await page.screenshot({ path: `/tmp/shots/${name}-${w}.png`, fullPage: name !== 'workpoints' });
  }
}
await browser.close();
await server.close();
