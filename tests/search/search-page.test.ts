/**
 * Browser tests of /search/ on the site built once per run by tests/setup/build.ts:
 * query → filter → open a result → the terms are highlighted on the target page;
 * 文号 lookup: a variant spelling (from the search page and from the header box) lands on the document.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, serveDir, type StaticServer } from '../helpers/browser';
import type { DocNumberTable } from '../../src/lib/search';

let server: StaticServer;
let browser: Browser;
let page: Page;
let dist: string;

const ready = (p: Page) =>
  p.waitForFunction(() => document.getElementById('search-app')?.dataset.ready === 'true', null, { timeout: 20_000 });

beforeAll(async () => {
  dist = inject('distDir');
  server = await serveDir(dist, '/');
  browser = await launchBrowser();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('search page', () => {
  it('finds a practice, filters by type, opens the result and highlights the term there', async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url('search/'));
    await ready(page);
    await page.fill('#search-q', '首席税务服务官');
    await page.press('#search-q', 'Enter');
    await page.waitForFunction(() => /找到 \d+ 条结果/.test(document.getElementById('search-status')?.textContent ?? ''));
    expect(new URL(page.url()).searchParams.get('q')).toBe('首席税务服务官');
    const first = page.locator('.search-result').first();
    await expect.poll(() => first.locator('.search-badge').textContent()).toBe('典型经验');
    expect(await first.locator('h3 a').textContent()).toContain('许昌市税务局');
    expect(await first.locator('.search-excerpt mark').count()).toBeGreaterThan(0);

    // Apply the type filter with the keyboard: it lands in the URL and narrows the results.
    await page.locator('#search-filters').evaluate((d) => ((d as HTMLDetailsElement).open = true));
    const box = page.locator('#search-facets input[name="type"][value="典型经验"]');
    await box.focus();
    await page.keyboard.press('Space');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('type') === '典型经验');
    await page.waitForFunction(() => /已按 1 个条件筛选/.test(document.getElementById('search-status')?.textContent ?? ''));
    const badges = await page.locator('.search-result .search-badge').allTextContents();
    expect(badges.length).toBeGreaterThan(0);
    expect(new Set(badges)).toEqual(new Set(['典型经验']));

    // A reload restores the query and the filter from the URL.
    await page.reload();
    await ready(page);
    expect(await page.inputValue('#search-q')).toBe('首席税务服务官');
    expect(await page.locator('#search-facets input[name="type"][value="典型经验"]').isChecked()).toBe(true);

    // Open the first result: the target page highlights the term.
    const href = await page.locator('.search-result h3 a').first().getAttribute('href');
    expect(href).toMatch(/[?&]highlight=/);
    await page.locator('.search-result h3 a').first().click();
    await page.waitForURL(/highlight=/);
    await page.waitForSelector('mark.pagefind-highlight', { timeout: 10_000 });
    // The link carries the query as typed plus Pagefind's multi-character segments (首席 / 税务 / 服务).
    expect(new URL(href!, server.url('')).searchParams.getAll('highlight')[0]).toBe('首席税务服务官');
    const marked = await page.locator('mark.pagefind-highlight').allTextContents();
    expect(marked.length).toBeGreaterThan(0);
    for (const m of marked) expect('首席税务服务官').toContain(m);
    expect(marked).toContain('首席税务服务官');
    expect(await page.locator('mark.pagefind-highlight').first().isVisible()).toBe(true);
    expect(server.requests.some((r) => r.endsWith('pagefind/pagefind-highlight.js'))).toBe(true);
    expect(errors).toEqual([]);
  });

  it('says so when nothing matches and offers the filter to clear', async () => {
    await page.goto(server.url('search/?q=' + encodeURIComponent('首席税务服务官') + '&type=' + encodeURIComponent('指标')));
    await ready(page);
    expect(await page.locator('#search-status').textContent()).toContain('没有找到结果');
    const empty = page.locator('#search-empty');
    expect(await empty.isVisible()).toBe(true);
    const clear = empty.getByRole('button', { name: /类型：指标/ });
    await clear.click();
    await page.waitForFunction(() => /找到 \d+ 条结果/.test(document.getElementById('search-status')?.textContent ?? ''));
    expect(new URL(page.url()).searchParams.get('type')).toBeNull();
  });

  it('shows excerpts as readable text: no cut numbering, stray punctuation or page labels; phrases highlighted whole', async () => {
    const results = async (q: string) => {
      await page.goto(server.url('search/?q=' + encodeURIComponent(q)));
      await ready(page);
      return page.locator('.search-result').evaluateAll((lis) =>
        lis.map((li) => ({
          title: li.querySelector('h3 a')?.textContent ?? '',
          excerpt: li.querySelector('.search-excerpt')?.textContent ?? '',
          marks: Array.from(li.querySelectorAll('.search-excerpt mark')).map((m) => m.textContent ?? ''),
          place: li.querySelector('.search-place')?.textContent ?? '',
        })),
      );
    };
    const guidance = await results('行政指导');
    expect(guidance.length).toBeGreaterThan(5);
    for (const r of guidance) {
      // an excerpt may start with Pagefind's "…", never with the tail of a marker or a comma
      expect(r.excerpt, r.title).not.toMatch(/^…?[.,;:、，。；：）)]/);
      // labels of the record pages (内容 / 指标内容 / 典型做法 / 填报材料 headings) are not indexed
      expect(r.excerpt, r.title).not.toMatch(/(^|[.。] ?)(内容|指标内容|典型做法|填报材料)[.。]/);
      expect(r.excerpt, r.title).not.toContain('勾选框');
      expect(r.marks.length, r.title).toBeGreaterThan(0);
    }
    // the work point titled "4.探索行政指导融入行政处罚制度" quotes its text, not ".探索…. 内容."
    const wp = guidance.find((r) => r.title.includes('探索行政指导融入行政处罚制度'));
    expect(wp?.title).toMatch(/^4\./);
    expect(wp?.excerpt).toMatch(/^…?探索行政指导融入行政处罚制度。/);
    expect(wp?.marks).toContain('行政指导'); // 行政|指导 merged into one highlight

    // Unit task lists: no print button, list link or "依据，" fragment in the excerpt.
    const unit = (await results('司法局'))[0]!;
    expect(unit.title).toBe('司法局任务清单');
    expect(unit.excerpt).not.toMatch(/打印|在指标查询中查看|依据，/);

    // A deadline as written finds the work point and is shown with it.
    const due = await results('2023年9月底前');
    expect(due[0]?.title).toContain('全面自查');
    expect(due[0]?.place).toContain('时间节点：2023年9月底前');
  });

  it('at 360 px: long titles and the open facet panel fit; Tab reaches facets and results with a visible focus ring', async () => {
    const narrow = await browser.newPage({ viewport: { width: 360, height: 800 } });
    try {
      await narrow.goto(server.url('search/?q=' + encodeURIComponent('行政执法责任制')));
      await ready(narrow);
      expect(await narrow.locator('#search-filters').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false); // folded on phones
      await narrow.locator('#search-filters > summary').click();
      await narrow.evaluate(() => document.querySelectorAll<HTMLDetailsElement>('.search-facet').forEach((d) => (d.open = true)));
      expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await narrow.focus('#search-q');
      const stops: { tag: string; inFacets: boolean; result: boolean; outline: string }[] = [];
      for (let i = 0; i < 200 && !stops.some((s) => s.result); i++) {
        await narrow.keyboard.press('Tab');
        stops.push(
          await narrow.evaluate(() => {
            const a = document.activeElement as HTMLElement;
            return {
              tag: a.tagName.toLowerCase(),
              inFacets: !!a.closest('#search-facets'),
              result: !!a.closest('.search-result'),
              outline: getComputedStyle(a).outlineStyle,
            };
          }),
        );
      }
      expect(stops.some((s) => s.inFacets && s.tag === 'input')).toBe(true);
      expect(stops.some((s) => s.result && s.tag === 'a')).toBe(true);
      for (const s of stops) expect(s.outline, s.tag).not.toBe('none');
    } finally {
      await narrow.close();
    }
  });

  it('does not load the highlight script on a page reached without the parameter', async () => {
    const before = server.requests.length;
    await page.goto(server.url('search/'));
    await ready(page);
    expect(server.requests.slice(before).some((r) => r.endsWith('pagefind-highlight.js'))).toBe(false);
  });
});

describe('without JavaScript', () => {
  it('says search needs JavaScript and links to the four lists', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const p = await ctx.newPage();
    try {
      await p.goto(server.url('search/?q=x'));
      const text = await p.locator('main').innerText();
      expect(text).toContain('搜索需要在浏览器中启用 JavaScript');
      const hrefs = await p.locator('main noscript a, main .search-nojs a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(hrefs).toEqual(['/documents/', '/indicators/', '/cases/', '/workpoints/']);
      expect(await p.locator('#search-results').isVisible()).toBe(false);
    } finally {
      await ctx.close();
    }
  });
});

describe('文号 lookup', () => {
  const table = (): DocNumberTable => JSON.parse(readFileSync(join(dist, 'data/docnumbers.json'), 'utf8'));

  it('publishes the canonical 文号 table with the documents that carry one', () => {
    const t = table();
    expect(t['豫法政办〔2018〕15号']?.path).toMatch(/^documents\/[^/]+\/$/);
  });

  it('goes straight to the document for a variant spelling typed on the search page', async () => {
    const target = table()['豫法政办〔2018〕15号']!;
    await page.goto(server.url('search/'));
    await ready(page);
    await page.fill('#search-q', '豫法政办[2018]15号');
    await page.press('#search-q', 'Enter');
    await page.waitForURL(server.url(target.path));
    expect(await page.locator('main').textContent()).toContain('豫法政办〔2018〕15号');
  });

  it('goes straight to the document from the header box (GET search/?q=…) with another variant', async () => {
    const target = table()['豫法政办〔2018〕15号']!;
    await page.goto(server.url(''));
    const box = page.locator('form[role="search"] input[name="q"]').first();
    await box.fill('豫法政办（2018）15号');
    await box.press('Enter');
    await page.waitForURL(server.url(target.path));
    expect(await page.title()).toContain(target.title.slice(0, 10));
  });

  it('?jump=0 stays on the search page and offers the direct hit first', async () => {
    const target = table()['豫法政办〔2018〕15号']!;
    await page.goto(server.url('search/?jump=0&q=' + encodeURIComponent('豫法政办(2018)15号')));
    await ready(page);
    const link = page.locator('#search-direct a');
    expect(await link.getAttribute('href')).toBe('/' + target.path);
  });
});

describe('under a sub-path base (/zfjs/cjzl/)', () => {
  it('results, the 文号 jump and the highlight script all stay under the base', async () => {
    const { buildAt } = await import('../setup/build');
    const sub = await buildAt('/zfjs/cjzl/');
    const s = await serveDir(sub, '/zfjs/cjzl/');
    const p = await browser.newPage();
    try {
      await p.goto(s.url('search/?q=' + encodeURIComponent('首席税务服务官')));
      await ready(p);
      const href = await p.locator('.search-result h3 a').first().getAttribute('href');
      expect(href).toMatch(/^\/zfjs\/cjzl\/cases\/[^/]+\/\?highlight=/);
      await p.locator('.search-result h3 a').first().click();
      await p.waitForSelector('mark.pagefind-highlight');
      expect(s.requests.some((r) => r === '/zfjs/cjzl/pagefind/pagefind-highlight.js')).toBe(true);
      await p.goto(s.url('search/?q=' + encodeURIComponent('郑法政办(2019)7号')));
      await p.waitForURL(/\/zfjs\/cjzl\/documents\/[^/]+\/$/);
      expect(await p.locator('main').textContent()).toContain('郑法政办〔2019〕7号');
      expect(s.requests.every((r) => r.startsWith('/zfjs/cjzl/'))).toBe(true);
    } finally {
      await p.close();
      await s.close();
    }
  }, 300_000);
});
