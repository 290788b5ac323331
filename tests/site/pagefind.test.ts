// Issue 2/7: the Pagefind index works under SITE_BASE=/zfjs/cjzl/ — document pages are found with
// their meta (title, docNumber, date) and filters (type 文件, year, issuer); chrome text is not indexed.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildAt } from '../setup/build';
import { launchBrowser, serveDir, type StaticServer } from '../helpers/browser';

const BASE = '/zfjs/cjzl/';

describe(`Pagefind under ${BASE}`, () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  let dist: string;
  beforeAll(async () => {
    dist = await buildAt(BASE);
    server = await serveDir(dist, BASE);
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.goto(server.url('about/'));
    // A string, so Vitest does not rewrite the dynamic import() for its own module runner.
    await page.evaluate(`(async () => {
      const pf = await import('${BASE}pagefind/pagefind.js');
      await pf.options({ baseUrl: '${BASE}' });
      window.pf = pf;
    })()`);
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  type Hit = { url: string; meta: Record<string, string>; filters: Record<string, string[]> };
  const search = (q: string | null, filters: Record<string, string> = {}) =>
    page.evaluate(
      async ([q, filters]) => {
        const pf = (window as unknown as { pf: { search: (q: string | null, o: object) => Promise<{ results: { data: () => Promise<Hit> }[] }> } }).pf;
        const r = await pf.search(q, { filters });
        return Promise.all(r.results.slice(0, 10).map((x) => x.data()));
      },
      [q, filters] as [string | null, Record<string, string>],
    );

  it('writes the index into the output root (served at the base)', () => {
    expect(existsSync(join(dist, 'pagefind', 'pagefind.js'))).toBe(true);
    expect(existsSync(join(dist, 'zfjs'))).toBe(false);
  });

  it('finds a document by its 文号 with meta and the base in its URL', async () => {
    const hits = await search('郑法政办');
    const hit = hits.find((h) => h.meta.docNumber === '郑法政办〔2019〕7号');
    expect(hit, JSON.stringify(hits.map((h) => h.url))).toBeDefined();
    expect(hit!.url).toMatch(/^\/zfjs\/cjzl\/documents\/[^/]+\/$/);
    expect(hit!.meta.title).toContain('郑州市法治政府建设领导小组办公室');
    expect(hit!.meta.date).toBe('2019-07-23');
    expect(hit!.filters.type).toEqual(['文件']);
    expect(hit!.filters.year).toEqual(['2019']);
    expect(hit!.filters.issuer).toContain('郑州市法治政府建设领导小组办公室');
    // The URL opens under the base.
    const r = await fetch(server.origin + hit!.url);
    expect(r.status).toBe(200);
  });

  it('filters by type, year and issuer', async () => {
    const filters = await page.evaluate(() => (window as unknown as { pf: { filters: () => Promise<Record<string, Record<string, number>>> } }).pf.filters());
    expect(Object.keys(filters.type ?? {})).toContain('文件');
    expect(Object.keys(filters.year ?? {})).toContain('2019');
    expect(Object.keys(filters.issuer ?? {})).toContain('郑州市法治政府建设领导小组办公室');
    const hits = await search(null, { year: '2018' }); // all documents of 2018
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) expect(h.filters.year).toEqual(['2018']);
  });

  it('does not index the chrome (header, nav, 当前位置, tools, footer) or list pages', async () => {
    // The indexed text of every document page holds no chrome text.
    const docs = await page.evaluate(`(async () => {
      const r = await window.pf.search(null, { filters: { type: '文件' } });
      return Promise.all(r.results.map(async (x) => { const d = await x.data(); return { url: d.url, content: d.content }; }));
    })()`) as { url: string; content: string }[];
    expect(docs.length).toBeGreaterThanOrEqual(14);
    for (const d of docs) for (const chrome of ['当前位置', '打印本页', '高对比度', '主办单位：', '网站标识码', '跳转到主要内容', '上一篇', '站内搜索']) {
      expect(d.content.includes(chrome), `${d.url} indexes "${chrome}"`).toBe(false);
    }
    // A word only the chrome carries finds nothing.
    expect(await search('ICP')).toEqual([]);
    expect(await search('打印')).toEqual([]); // the print buttons (tools, unit task lists) are not indexed
    // Pagefind drops a query word the index does not hold, so "打印本页" searches what is left of it
    // (本页 → pages with 本…): none of those hits may carry the chrome text itself.
    for (const h of await search('打印本页')) expect((h as Hit & { content: string }).content, h.url).not.toMatch(/打印|本页/);
    const hits = await search('文件');
    for (const h of hits) expect(h.url).not.toMatch(/^\/zfjs\/cjzl\/(documents\/(table|year|issuer)\/.*|about\/|)$/);
  });
});
