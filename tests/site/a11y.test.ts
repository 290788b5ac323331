// Issue 7: axe-core in headless Chromium on one page of every template — zero WCAG 2.1 A/AA
// violations — in the normal and the high-contrast (适老化) mode, and no request to another host.
// Templates other engineers own are found in the build: one URL per top-level section (its index)
// plus its first record page, so their pages get checked as they land.
import { describe, it, expect, inject, beforeAll, afterAll } from 'vitest';
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { launchBrowser, serveDir, type StaticServer } from '../helpers/browser';
import { templateUrls } from '../helpers/templates';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface AxeResult { violations: { id: string; impact: string; help: string; nodes: { target: string[]; failureSummary?: string }[] }[] }

describe('accessibility (axe-core, WCAG 2.1 A/AA) on every template', () => {
  let server: StaticServer;
  let browser: Browser;
  let urls: string[];
  const offHost: string[] = [];
  beforeAll(async () => {
    const dist = inject('distDir');
    urls = templateUrls(dist);
    server = await serveDir(dist, '/');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function audit(path: string, contrast: boolean): Promise<string[]> {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    if (contrast) await ctx.addInitScript(() => localStorage.setItem('cjzl-contrast', 'high'));
    const page = await ctx.newPage();
    page.on('request', (r) => {
      if (!r.url().startsWith(server.origin) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) offHost.push(`${path} → ${r.url()}`);
    });
    const res = await page.goto(server.url(path), { waitUntil: 'networkidle' });
    expect(res?.status(), path).toBe(200);
    if (contrast) expect(await page.getAttribute('html', 'data-contrast')).toBe('high');
    await page.addScriptTag({ path: AXE });
    const result = (await page.evaluate(
      (tags) => (window as unknown as { axe: { run: (c: Document, o: object) => Promise<unknown> } }).axe.run(document, { runOnly: { type: 'tag', values: tags } }),
      TAGS,
    )) as AxeResult;
    await ctx.close();
    return result.violations.map((v) => `${path}${contrast ? ' [高对比度]' : ''}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  }

  it('finds the templates to check (own ones and the other sections in the build)', () => {
    expect(urls).toContain('');
    expect(urls).toContain('documents/');
    expect(urls).toContain('embed/latest/');
    expect(urls.length).toBeGreaterThanOrEqual(5);
  });

  it('has zero violations on one page of every template', async () => {
    const all: string[] = [];
    for (const u of urls) all.push(...(await audit(u, false)));
    expect(all).toEqual([]);
  }, 180_000);

  it('has zero violations in high-contrast mode (home, library, a document)', async () => {
    const all: string[] = [];
    for (const u of urls.filter((u) => u === '' || u.startsWith('documents/')).slice(0, 4)) all.push(...(await audit(u, true)));
    expect(all).toEqual([]);
  }, 120_000);

  it('requested nothing from another host while loading those pages', () => {
    expect(offHost).toEqual([]);
  });
});
