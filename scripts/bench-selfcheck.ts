/**
 * The self-check part of `npm run bench` (scripts/bench.ts calls it after the page weights):
 *   1. the exporters /self-check/ loads only when the user exports (exceljs, docx): their gzip size,
 *      measured by clicking the export buttons — they do not count toward the page's initial weight;
 *   2. the time to apply one status change with all 104 items shown, measured in the browser
 *      (change event → handler: ledger update, row, 完成度 summary, localStorage save → forced
 *      layout), 200 changes, median / p95 / max against the 16 ms budget (one frame at 60 Hz).
 */
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';

const KiB = 1024;

export async function benchSelfCheck(browser: Browser, pageUrl: string): Promise<{ over: number }> {
  let over = 0;
  const ctx = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(pageUrl, { waitUntil: 'networkidle' });
  await page.waitForSelector('html[data-selfcheck=ready]');

  // 1. lazily loaded exporters
  const lazy: { url: string; gz: number }[] = [];
  const pending: Promise<void>[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() !== 'script') return;
    pending.push(r.body().then((b) => void lazy.push({ url: new URL(r.url()).pathname.split('/').pop()!, gz: gzipSync(b, { level: 6 }).length }), () => undefined));
  });
  for (const name of [/Excel/, /Word/]) {
    await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  }
  await Promise.all(pending);
  console.log('Self-check exporters, loaded only when the user exports (gzip, not part of the initial weight):');
  for (const l of lazy) console.log(`  ${l.url.padEnd(52)} ${(l.gz / KiB).toFixed(1).padStart(6)} KiB`);
  console.log(`  ${'total'.padEnd(52)} ${(lazy.reduce((s, l) => s + l.gz, 0) / KiB).toFixed(1).padStart(6)} KiB\n`);

  // 2. one status change with all items shown
  await page.reload({ waitUntil: 'networkidle' });
  await page.waitForSelector('html[data-selfcheck=ready]');
  const times = await page.evaluate(() => {
    const sels = [...document.querySelectorAll<HTMLSelectElement>('select[aria-label$=" 状态"]')];
    const order = ['todo', 'doing', 'done', 'na'];
    const out: number[] = [];
    for (let n = 0; n < 200; n++) {
      const sel = sels[(n * 7) % sels.length]!;
      sel.value = order[(order.indexOf(sel.value) + 1) % order.length]!;
      const t = performance.now();
      sel.dispatchEvent(new Event('change', { bubbles: true }));
      void document.body.offsetHeight; // style + layout of what changed
      out.push(performance.now() - t);
    }
    return { shown: sels.filter((s) => s.offsetParent !== null).length, out };
  });
  const s = [...times.out].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]!;
  const ok = q(0.95) < 16;
  if (!ok) over++;
  console.log(
    `Self-check: one status change with ${times.shown} items shown (${s.length} changes): median ${q(0.5).toFixed(2)} ms, p95 ${q(0.95).toFixed(2)} ms, max ${s[s.length - 1]!.toFixed(2)} ms — ${ok ? '✓' : '✗'} p95 < 16 ms\n`,
  );
  await ctx.close();
  return { over };
}
