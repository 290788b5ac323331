/**
 * Issue 13 — list pages of a large corpus: 60 notices made by the benchmark generator from the seeds
 * (scripts/bench/generate.ts, seed 1) go through the real ingest CLI and one astro build of a scratch
 * project. Above ONE_PAGE_MAX work points /workpoints/ is an index of documents with a page per
 * document; several 责任清单 get a page each; above 300 cases the case list is compact. Every record
 * stays listed somewhere, and the filters work on the new pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { ingestAndBuild, removeScratch, scratchDir } from '../helpers/scratch-build';
import { loadPage } from '../helpers/html';
import { launchBrowser, serveDir, type StaticServer } from '../helpers/browser';
import { generateCorpus, writeCorpus } from '../../scripts/bench/generate';
import { ONE_PAGE_MAX } from '../../src/lib/workpoints';

describe('list pages of a 60-notice generated corpus', () => {
  let work: string;
  let dist: string;
  const json = <T,>(p: string) => JSON.parse(readFileSync(join(dist, p), 'utf8')) as T;
  const hrefs = (file: string) => {
    const p = loadPage(dist, file);
    return p.all('a').map((a) => p.attr(a, 'href') ?? '');
  };

  beforeAll(() => {
    work = scratchDir('cjzl-large-lists-');
    writeCorpus(generateCorpus({ notices: 60, seed: 1 }), join(work, 'sources'));
    dist = ingestAndBuild(work);
  }, 900_000);
  afterAll(() => {
    if (work) removeScratch(work);
  });

  it('/workpoints/ is an index of the documents; each document page lists exactly its work points; a work point names its list', () => {
    const points = json<{ id: string; document: { id: string } }[]>('data/workpoints.json');
    expect(points.length).toBeGreaterThan(ONE_PAGE_MAX);
    const index = loadPage(dist, 'workpoints/index.html');
    expect(index.all('li').filter((li) => index.attr(li, 'data-wp-item') !== undefined)).toHaveLength(0);
    const docs = [...new Set(points.map((p) => p.document.id))];
    const links = hrefs('workpoints/index.html').filter((h) => h.startsWith('/workpoints/doc/'));
    expect(new Set(links)).toEqual(new Set(docs.map((d) => `/workpoints/doc/${d}/`)));
    for (const d of docs) {
      const p = loadPage(dist, `workpoints/doc/${d}/index.html`);
      const items = p.all('li').filter((li) => p.attr(li, 'data-wp-item') !== undefined);
      const ids = items.map((li) => p.attr(p.all('a', li)[0]!, 'href'));
      expect(new Set(ids), d).toEqual(new Set(points.filter((x) => x.document.id === d).map((x) => `/workpoints/${x.id}/`)));
    }
    const one = points[0]!;
    const crumbs = loadPage(dist, `workpoints/${one.id}/index.html`);
    const nav = crumbs.all('nav').find((n) => crumbs.attr(n, 'aria-label') === '当前位置')!;
    expect(crumbs.all('a', nav).map((a) => crumbs.attr(a, 'href'))).toContain(`/workpoints/doc/${one.document.id}/`);
  });

  it('/indicators/ is an index of the lists; every indicator is a row of its list page, whose CSV holds the same records', () => {
    const all = json<{ id: string; list?: string }[]>('data/indicators.json');
    const lists = [...new Set(all.map((r) => r.list))];
    expect(lists.length).toBeGreaterThan(1);
    expect(readFileSync(join(dist, 'indicators/index.html'), 'utf8')).not.toContain('<tr data-id=');
    const pages = hrefs('indicators/index.html').filter((h) => h.startsWith('/indicators/list/'));
    expect(pages).toHaveLength(lists.length);
    const seen: string[] = [];
    for (const h of pages) {
      const html = readFileSync(join(dist, h, 'index.html'), 'utf8');
      const rows = [...html.matchAll(/<tr data-id="([^"]+)"/g)].map((m) => m[1]!);
      const csvUrl = html.match(/data-csv="([^"]+)"/)![1]!;
      // the same records (the table groups them by area, the file keeps table order)
      const csv = readFileSync(join(dist, csvUrl.slice(1)), 'utf8');
      const csvIds = csv.split('\r\n').map((l) => /^((?:[\w-]+--)?(?:\d{3}|bonus-\d+|veto-\d+)),/.exec(l)?.[1]).filter(Boolean);
      expect(csvIds.sort(), h).toEqual([...rows].sort());
      seen.push(...rows);
    }
    expect(seen.sort()).toEqual(all.map((r) => r.id).sort());
  });

  it('/cases/ lists every case as a compact entry (no opening lines), still filterable by its data attributes', () => {
    const { cases } = json<{ cases: { id: string }[] }>('data/cases.json');
    expect(cases.length).toBeGreaterThan(300);
    const p = loadPage(dist, 'cases/index.html');
    const entries = p.all('li').filter((li) => p.attr(li, 'data-case') !== undefined);
    expect(entries.map((li) => p.attr(p.all('a', li)[0]!, 'href')).sort()).toEqual(cases.map((c) => `/cases/${c.id}/`).sort());
    expect(entries.every((li) => p.attr(li, 'data-department'))).toBe(true);
    expect(p.html).not.toContain('class="opening"');
  });

  describe('in the browser', () => {
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

    it('the document index filters by year with the state in the URL; a document page filters by keyword', async () => {
      const page = await browser.newPage();
      await page.goto(server.url('workpoints/'));
      const total = await page.locator('#wpd-list > li').count();
      const year = (await page.locator('#wpd-year option').nth(1).getAttribute('value'))!;
      await page.selectOption('#wpd-year', year);
      const shown = await page.locator('#wpd-list > li:not([hidden])').count();
      expect(shown).toBeGreaterThan(0);
      expect(shown).toBeLessThan(total);
      expect(new URL(page.url()).searchParams.get('year')).toBe(year);
      await page.goto(server.url(`workpoints/?year=${year}`));
      expect(await page.locator('#wpd-list > li:not([hidden])').count()).toBe(shown);

      const doc = (await page.locator('#wpd-list > li:not([hidden]) a').first().getAttribute('href'))!;
      await page.goto(server.url(doc.slice(1)));
      const items = page.locator('[data-wp-item]');
      const n = await items.count();
      const word = ((await items.first().locator('a').textContent()) ?? '').trim().slice(0, 4);
      await page.fill('#wp-q', word);
      const left = await page.locator('[data-wp-item]:not([hidden])').count();
      expect(left).toBeGreaterThan(0);
      expect(left).toBeLessThanOrEqual(n);
      expect(new URL(page.url()).searchParams.get('q')).toBe(word);
      await page.close();
    });
  });
});
