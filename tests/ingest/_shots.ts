import { launchBrowser, serveDir } from '../helpers/browser';
const server = await serveDir('/tmp/ingest-dist', '/');
const browser = await launchBrowser();
for (const [id, w, sel] of [['xyxcjqsfzzfjssfx-fj1', 360, 'table'], ['xyxcjqsfzzfjssfx-fj1', 1280, 'table'], ['yfzb-2018-15', 1280, 'table'], ['2022-ndqstjfwxxzzfjsg', 1280, 'h2']] as const) {
  const page = await browser.newPage({ viewport: { width: w, height: 1000 } });
  await page.goto(server.url(`documents/${id}/`));
  await page.locator(sel).first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: `/tmp/shot2-${id}-${w}.png` });
  await page.close();
}
await browser.close();
await server.close();
