// Screenshots of /search/ at 390 and 1280 px: npx tsx tests/search/screenshot.ts <dist> "<?query>" (PNGs in /tmp/shots).
import { launchBrowser, serveDir } from '../helpers/browser';
const dist = process.argv[2] ?? '/tmp/srch-dist';
const qs = process.argv[3] ?? '?q=执法记录仪';
const server = await serveDir(dist, '/');
const browser = await launchBrowser();
const page = await browser.newPage();
page.on('console', (m) => console.log('console', m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror', e.message));
for (const w of [390, 1280]) {
  await page.setViewportSize({ width: w, height: 900 });
  await page.goto(server.url('search/' + qs));
  await page.waitForFunction(() => (document.getElementById('search-app') as HTMLElement)?.dataset.ready === 'true', null, { timeout: 15000 }).catch(() => console.log('not ready'));
  console.log(w, await page.locator('#search-status').textContent(), await page.locator('.search-result').count());
  await page.screenshot({ path: `/tmp/shots/search-${w}.png`, fullPage: true });
  await page.screenshot({ path: `/tmp/shots/search-${w}-top.png` });
}
await browser.close(); await server.close();
