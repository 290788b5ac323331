/**
 * npm run bench — what a visitor downloads, and a Lighthouse run, on the built site (dist/).
 *
 * 1. Page weight: each page is opened in headless Chromium (tests/helpers/browser.ts) from a local
 *    static server; every HTML/CSS/JS response is counted at its gzip size (zlib level 6, like a
 *    web server), excluding the Pagefind search index (/pagefind/). Budgets (issue 7): a record page
 *    (document, case, indicator) under 20 KiB, the full indicator list under 60 KiB.
 * 2. Lighthouse (the `lighthouse` package, driven through chrome-launcher against the same Chromium):
 *    performance, accessibility, best practices, for the same pages (mobile preset, simulated throttling).
 *
 * Usage: npm run build && npm run bench [-- --dist dist --base / --no-lighthouse]
 * A script, not a test: numbers are printed, budgets are marked; exit code 1 when a budget is exceeded.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchBrowser, serveDir, chromiumExecutable, CHROMIUM_FLAGS } from '../tests/helpers/browser';
import { benchSelfCheck } from './bench-selfcheck';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : dflt;
};
const dist = resolve(opt('dist', 'dist'));
const base = opt('base', '/');
const withLighthouse = !args.includes('--no-lighthouse');
const KiB = 1024;

function firstRecord(dir: string, skip: string[] = []): string | undefined {
  const d = join(dist, dir);
  if (!existsSync(d)) return undefined;
  const sub = readdirSync(d)
    .filter((n) => !skip.includes(n) && statSync(join(d, n)).isDirectory() && existsSync(join(d, n, 'index.html')))
    .sort()[0];
  return sub ? `${dir}/${sub}/` : undefined;
}

interface Target { label: string; path: string; budget?: number }
function targets(): Target[] {
  const t: Target[] = [{ label: 'home', path: '' }];
  if (existsSync(join(dist, 'indicators/index.html'))) t.push({ label: 'indicator list', path: 'indicators/', budget: 60 * KiB });
  // 自查自评: initial weight only (the exporters load when the user exports; benchSelfCheck reports them).
  if (existsSync(join(dist, 'self-check/index.html'))) t.push({ label: 'self-check', path: 'self-check/', budget: 80 * KiB });
  const ind = firstRecord('indicators');
  if (ind) t.push({ label: 'indicator page', path: ind, budget: 20 * KiB });
  const cs = firstRecord('cases', ['city', 'department', 'theme', 'region', 'batch', 'year']);
  if (cs) t.push({ label: 'case page', path: cs, budget: 20 * KiB });
  const doc = existsSync(join(dist, 'documents/zfzb-2019-7/index.html')) ? 'documents/zfzb-2019-7/' : firstRecord('documents', ['year', 'issuer', 'table']);
  if (doc) t.push({ label: 'document page', path: doc, budget: 20 * KiB });
  if (existsSync(join(dist, 'documents/index.html'))) t.push({ label: 'document library', path: 'documents/' });
  return t;
}

async function main() {
  if (!existsSync(join(dist, 'index.html'))) {
    console.error(`bench: ${dist} has no index.html — run \`npm run build\` first (or pass --dist).`);
    process.exit(2);
  }
  const server = await serveDir(dist, base);
  const browser = await launchBrowser();
  const list = targets();
  let over = 0;
  console.log(`Page weight (gzip, HTML+CSS+JS, Pagefind index excluded) — ${dist} at ${base}\n`);
  console.log(['page'.padEnd(18), 'path'.padEnd(34), 'html', '  css', '   js', 'total', ' budget', ' reqs'].join(' '));
  for (const t of list) {
    const page = await browser.newPage();
    const bytes = { html: 0, css: 0, js: 0 };
    let reqs = 0;
    const pending: Promise<void>[] = [];
    page.on('response', (r) => {
      const u = new URL(r.url());
      if (u.pathname.includes('/pagefind/')) return;
      const type = r.request().resourceType();
      const kind = type === 'document' || type === 'iframe' ? 'html' : type === 'stylesheet' ? 'css' : type === 'script' ? 'js' : null;
      if (!kind) return;
      reqs++;
      pending.push(
        r.body().then(
          (b) => void (bytes[kind] += gzipSync(b, { level: 6 }).length),
          () => undefined,
        ),
      );
    });
    await page.goto(server.url(t.path), { waitUntil: 'networkidle' });
    await Promise.all(pending);
    await page.close();
    const total = bytes.html + bytes.css + bytes.js;
    const ok = t.budget === undefined || total < t.budget;
    if (!ok) over++;
    const k = (n: number) => (n / KiB).toFixed(1).padStart(5);
    console.log(
      [t.label.padEnd(18), (t.path || '/').padEnd(34), k(bytes.html), k(bytes.css), k(bytes.js), k(total), t.budget ? `${ok ? '✓' : '✗'} <${t.budget / KiB}` : '     —', String(reqs).padStart(4)].join(' '),
    );
  }
  console.log('(KiB; ✓ within budget, ✗ over)\n');
  if (existsSync(join(dist, 'self-check/index.html'))) over += (await benchSelfCheck(browser, server.url('self-check/'))).over;
  await browser.close();

  if (withLighthouse) {
    const { default: lighthouse } = await import('lighthouse');
    const chromeLauncher = await import('chrome-launcher');
    const { executablePath, args: extra } = await chromiumExecutable();
    const chrome = await chromeLauncher.launch({
      chromePath: executablePath,
      chromeFlags: [...extra.filter((a) => a !== '--headless'), ...CHROMIUM_FLAGS.filter((a) => a !== '--headless'), '--headless=new'],
      logLevel: 'silent',
    });
    try {
      console.log('Lighthouse (mobile preset, simulated throttling): performance / accessibility / best practices');
      for (const t of list) {
        const r = await lighthouse(server.url(t.path), { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices'] });
        const c = r?.lhr.categories;
        const s = (x?: { score: number | null }) => (x?.score == null ? '  —' : String(Math.round(x.score * 100)).padStart(3));
        const lcp = r?.lhr.audits['largest-contentful-paint']?.displayValue ?? '';
        console.log(`${t.label.padEnd(18)} ${(t.path || '/').padEnd(34)} ${s(c?.performance)} ${s(c?.accessibility)} ${s(c?.['best-practices'])}   LCP ${lcp}`);
        const failing = Object.values(r?.lhr.audits ?? {}).filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode === 'binary');
        if (failing.length) console.log(`${''.padEnd(19)}failing: ${failing.map((a) => a.id).join(', ')}`);
      }
    } finally {
      chrome.kill();
    }
  }
  await server.close();
  if (over) {
    console.log(`\n${over} page(s) over budget.`);
    process.exitCode = 1;
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
