/**
 * The built 典型经验 pages, the open data file and the facet filter in a browser
 * (site built once per run by tests/setup/build.ts).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { loadPage } from '../helpers/html';
import { launchBrowser, serveDir, type StaticServer } from '../helpers/browser';
import { buildAt } from '../setup/build';
import { filterCases, type CaseLike } from '../../src/lib/cases';

const dist = inject('distDir');
type Data = { count: number; cases: Array<CaseLike & Record<string, any>>; sets: Array<Record<string, any>> };
const data = (): Data => JSON.parse(readFileSync(join(dist, 'data/cases.json'), 'utf8'));

describe('data/cases.json', () => {
  it('holds the 35 cases with region, department, figures, themes and source', () => {
    const d = data();
    expect(d.count).toBe(35);
    expect(d.cases).toHaveLength(35);
    expect(d.sets[0].count).toBe(35);
    const c = d.cases.find((x) => x.unit === '新密市卫生健康委')!;
    expect(c).toMatchObject({ city: '郑州市', county: '新密市', department: '卫生健康', source: { file: '000_f1c3323b8e7f9c89.txt', lines: [19, 21] } });
    expect(c.figures.map((f: { text: string }) => f.text)).toContain('559条');
  });
});

describe('case pages (static HTML)', () => {
  it('/cases/ shows the introduction, two SVG charts, the facets and 35 cards', () => {
    const p = loadPage(dist, 'cases/index.html');
    expect(p.text(p.doc as never)).toContain('省委、省政府高度重视法治政府建设');
    const cards = p.all('li').filter((li) => p.attr(li, 'data-case') !== undefined);
    expect(cards).toHaveLength(35);
    expect(cards.every((li) => p.attr(li, 'hidden') === undefined)).toBe(true);
    expect(p.all('figure').filter((f) => p.attr(f, 'class')?.includes('barchart'))).toHaveLength(2);
    expect(p.all('svg').filter((s) => p.attr(s, 'class')?.includes('chart-bar')).length).toBeGreaterThanOrEqual(30);
    const facet = p.all('a').filter((a) => p.attr(a, 'data-facet-key') === 'city');
    expect(facet.length).toBeGreaterThanOrEqual(15);
    expect(p.attr(facet.find((a) => p.text(a).startsWith('济源示范区'))!, 'href')).toBe('/cases/city/jiyuanshifanqu/');
  });

  it('a pre-rendered facet page shows only its cases without JavaScript', () => {
    const p = loadPage(dist, 'cases/theme/xingzheng-zhidao/index.html');
    const cards = p.all('li').filter((li) => p.attr(li, 'data-case') !== undefined);
    const visible = cards.filter((li) => p.attr(li, 'hidden') === undefined).map((li) => p.text(p.all('h3', li)[0]).trim());
    const expected = filterCases(data().cases, { theme: 'xingzheng-zhidao' }).map((c) => c.unit);
    expect(visible).toEqual(expected);
    expect(visible).toEqual(expect.arrayContaining(['济源黄河河务局', '鹤壁市市场监管局', '西平县烟草局']));
    const current = p.all('a').find((a) => p.attr(a, 'data-facet-key') && p.attr(a, 'aria-current') === 'true')!;
    expect(p.attr(current, 'data-facet-slug')).toBe('xingzheng-zhidao');
  });

  it('a case page marks the figures, names the region resolution, themes, related items and source; Pagefind filters', () => {
    const p = loadPage(dist, 'cases/qinyangxian-yancaoju/index.html');
    const marks = p.all('mark').map((m) => p.text(m));
    expect(marks).toEqual(expect.arrayContaining(['106次', '96%', '30000户次']));
    const html = p.html;
    expect(html).toContain('沁阳县今为沁阳市');
    expect(html).toContain('000_f1c3323b8e7f9c89.txt 第 105–107 行');
    const filters = Object.fromEntries(
      ['type', 'city', 'department'].map((k) => [k, p.all('span').filter((s) => p.attr(s, 'data-pagefind-filter') === k).map((s) => p.text(s))]),
    );
    expect(filters).toEqual({ type: ['典型经验'], city: ['焦作市'], department: ['烟草专卖'] });
    expect(p.all('span').some((s) => p.attr(s, 'data-pagefind-filter') === 'theme' && p.text(s) === '行政指导')).toBe(true);
    const related = p.all('section').find((s) => p.attr(s, 'class')?.includes('related'))!;
    const rtext = p.text(related);
    expect(rtext).toContain('相关指标');
    expect(rtext).toContain('相关案例');
    expect(rtext).toContain('固始县烟草局');
  });

  it('starting from 行政指导, the theme page lists the cases and the indicators that share it', () => {
    const p = loadPage(dist, 'themes/xingzheng-zhidao/index.html');
    const hrefs = p.all('a').map((a) => p.attr(a, 'href') ?? '');
    expect(hrefs).toContain('/cases/jiyuan-huanghehewuju/');
    expect(hrefs.some((h) => h.startsWith('/indicators/'))).toBe(true);
    // and a case page links back to the theme and to an indicator that carries it
    const c = loadPage(dist, 'cases/jiyuan-huanghehewuju/index.html');
    const chrefs = c.all('a').map((a) => c.attr(a, 'href') ?? '');
    expect(chrefs).toContain('/themes/xingzheng-zhidao/');
    expect(chrefs.some((h) => h.startsWith('/indicators/'))).toBe(true);
  });
});

describe('case facet filter in the browser', () => {
  let server: StaticServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await serveDir(dist, '/');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('filters instantly, combines facets, keeps the state in the URL, and goes back', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url('cases/'));
    const visible = () => page.locator('[data-case]:visible').count();
    expect(await visible()).toBe(35);
    await page.locator('a[data-facet-key="theme"][data-facet-slug="xingzheng-zhidao"]').click();
    const zd = filterCases(data().cases, { theme: 'xingzheng-zhidao' });
    await expect.poll(visible).toBe(zd.length);
    expect(new URL(page.url()).pathname).toBe('/cases/');
    expect(new URL(page.url()).search).toBe('?theme=xingzheng-zhidao');
    await page.locator('a[data-facet-key="city"][data-facet-slug="jiyuanshifanqu"]').click();
    const both = filterCases(data().cases, { city: 'jiyuanshifanqu', theme: 'xingzheng-zhidao' });
    await expect.poll(visible).toBe(both.length);
    expect(both.map((c) => c.unit)).toEqual(['济源黄河河务局']);
    expect(await page.locator('[data-shown]').textContent()).toBe(String(both.length));
    expect(new URL(page.url()).search).toBe('?city=jiyuanshifanqu&theme=xingzheng-zhidao');
    // the counts follow the filter: 济源示范区 has 3 cases, 1 of them with 行政指导
    expect(await page.locator('a[data-facet-key="department"][data-facet-slug="huanghehewu"] [data-count]').textContent()).toBe('1');
    await page.goBack();
    await expect.poll(visible).toBe(zd.length);
    // a link with state opens filtered
    await page.goto(server.url('cases/?department=yancaozhuanmai'));
    await expect.poll(visible).toBe(filterCases(data().cases, { department: 'yancaozhuanmai' }).length);
    await page.locator('[data-clear]').click();
    await expect.poll(visible).toBe(35);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('without JavaScript the facet links lead to the pre-rendered pages', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(server.url('cases/'));
    await page.locator('a[data-facet-key="department"][data-facet-slug="yancaozhuanmai"]').click();
    await page.waitForURL(/\/cases\/department\/yancaozhuanmai\/$/);
    expect(await page.locator('[data-case]:visible').count()).toBe(filterCases(data().cases, { department: 'yancaozhuanmai' }).length);
    await ctx.close();
  });
});

describe('case facet filter under a sub-path (/zfjs/cjzl/)', () => {
  it('keeps the base in facet links and in the URL state', async () => {
    const sub = await buildAt('/zfjs/cjzl/');
    const server = await serveDir(sub, '/zfjs/cjzl/');
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(server.url('cases/'));
      const link = page.locator('a[data-facet-key="department"][data-facet-slug="yancaozhuanmai"]');
      expect(await link.getAttribute('href')).toBe('/zfjs/cjzl/cases/department/yancaozhuanmai/');
      await link.click();
      await expect.poll(() => new URL(page.url()).pathname + new URL(page.url()).search).toBe('/zfjs/cjzl/cases/?department=yancaozhuanmai');
      await expect.poll(() => page.locator('[data-case]:visible').count()).toBe(3);
      expect(await page.locator('[data-case]:visible h3 a').first().getAttribute('href')).toMatch(/^\/zfjs\/cjzl\/cases\/[a-z0-9-]+\/$/);
    } finally {
      await browser.close();
      await server.close();
    }
  }, 300_000);
});
