/**
 * The search index step (src/integrations/pagefind.ts): what Pagefind is given, the shards, and
 * the /search/ page on a sharded index (the seeds re-indexed in shards of 100 pages must answer
 * like the one-index build: same results, same facet counts) with facet data loaded per facet.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildSearchIndex, pageUrl, searchHtml, shardDir, shardPagesOf, SharedText } from '../../src/integrations/pagefind';
import { CONTAINER_BODY_WEIGHT, shardUrls, SHARDS_FILE } from '../../src/lib/search';
import { launchBrowser, serveDir, type StaticServer } from '../helpers/browser';
import { buildAt } from '../setup/build';

const page = (main: string, head = '<title>t</title>') =>
  `<!doctype html><html lang="zh-CN"><head>${head}</head><body><header>站点导航</header>${main}<footer>页脚</footer></body></html>`;

describe('what Pagefind is given', () => {
  it('gives a page the URL addDirectory gave it', () => {
    expect(pageUrl('index.html')).toBe('/');
    expect(pageUrl('documents/a-1/index.html')).toBe('/documents/a-1/');
    expect(pageUrl('404.html')).toBe('/404.html');
  });

  it('sends the <main data-pagefind-body> of a record page in a minimal document, other pages whole', () => {
    const rec = page('<main id="main" data-pagefind-body><h1>标题</h1><p>正文</p></main>');
    expect(searchHtml(rec)).toBe('<!doctype html><html lang="zh-CN"><body><main id="main" data-pagefind-body><h1>标题</h1><p>正文</p></main></body></html>');
    const other = page('<main id="main"><p>列表</p></main><div data-pagefind-body>x</div>');
    expect(searchHtml(other)).toBe(other);
  });

  it('does not index a container’s paragraphs and cells that a record page prints too', () => {
    const shared = new SharedText();
    shared.addRecordPage('<main data-pagefind-body><h1>某局</h1><p>推行“首席服务官”制度，一企一策。</p><p>已完成</p></main>');
    shared.addRecordPage('<main data-pagefind-body><table><tr><td>编制并对外公布权责清单，实行动态调整。</td></tr></table></main>');
    shared.addRecordPage('<main data-pagefind-body><ul class="checklist"><li><label><span class="n">1.</span>请提供权责清单公开网址。</label></li><li><label><span class="n">2.</span>请提供动态调整文件。</label></li></ul></main>');
    const doc = `<main data-pagefind-body><div class="prose doc-body" data-pagefind-weight="${CONTAINER_BODY_WEIGHT}">` +
      '<p>为推广典型经验，现印发如下。</p><p class="x">推行 “首席服务官” 制度，一企一策。</p><p>已完成</p>' +
      '<table><tr><td>编制并对外公布权责清单，实行动态调整。</td><td>1.请提供权责清单公开网址。 2.请提供动态调整文件。</td><td>司法局</td></tr></table></div></main>';
    expect(SharedText.isContainer(doc)).toBe(true);
    const { html, marked } = shared.markShared(doc);
    expect(marked).toBe(3);
    // Shared (whitespace aside) → ignored; the container's own text and short cells stay indexed.
    expect(html).toContain('<p data-pagefind-ignore class="x">推行 “首席服务官” 制度，一企一策。</p>');
    expect(html).toContain('<td data-pagefind-ignore>编制并对外公布权责清单，实行动态调整。</td>');
    // A cell that prints a record's list in one run.
    expect(html).toContain('<td data-pagefind-ignore>1.请提供权责清单公开网址。 2.请提供动态调整文件。</td>');
    expect(html).toContain('<p>为推广典型经验，现印发如下。</p>');
    expect(html).toContain('<p>已完成</p>');
    expect(html).toContain('<td>司法局</td>');
    expect(SharedText.isContainer('<main data-pagefind-body><p>记录</p></main>')).toBe(false);
  });

  it('splits pages into shards of at most N, every page once, every Nth page to shard N', () => {
    const pages = Array.from({ length: 23 }, (_, i) => `p${i}`);
    const shards = shardPagesOf(pages, 10);
    expect(shards.map((s) => s.length)).toEqual([8, 8, 7]);
    expect(shards.flat().sort()).toEqual([...pages].sort());
    expect(shards[1]!.slice(0, 3)).toEqual(['p1', 'p4', 'p7']);
    expect(shardPagesOf(pages, 100)).toEqual([pages]);
    expect([0, 1, 2].map(shardDir)).toEqual(['', 'shard-2/', 'shard-3/']);
  });

  it('reads the shard list defensively', () => {
    expect(shardUrls('/b/pagefind/', { shards: ['shard-2/', 'shard-3/'] })).toEqual(['/b/pagefind/shard-2/', '/b/pagefind/shard-3/']);
    expect(shardUrls('/pagefind/', { shards: ['../x/', 'https://e.com/', 3, 'shard-2/'] })).toEqual(['/pagefind/shard-2/']);
    expect(shardUrls('/pagefind/', null)).toEqual([]);
    expect(shardUrls('/pagefind/', { shards: 'shard-2/' })).toEqual([]);
  });
});

describe('/search/ on a sharded index (the seeds in shards of 100 pages)', () => {
  let dist: string;
  let sharded: string;
  let one: StaticServer;
  let many: StaticServer;
  let browser: Browser;
  const ready = (p: Page) => p.waitForFunction(() => document.getElementById('search-app')?.dataset.ready === 'true', null, { timeout: 20_000 });

  beforeAll(async () => {
    dist = inject('distDir');
    sharded = join(mkdtempSync(join(tmpdir(), 'cjzl-shards-')), 'dist');
    cpSync(dist, sharded, { recursive: true });
    rmSync(join(sharded, 'pagefind'), { recursive: true });
    const r = await buildSearchIndex(sharded, { shardPages: 100 });
    expect(r.shards).toBeGreaterThan(1);
    one = await serveDir(dist, '/');
    many = await serveDir(sharded, '/');
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await one?.close();
    await many?.close();
    if (sharded) rmSync(join(sharded, '..'), { recursive: true, force: true });
  });

  it('writes every shard and lists the others in pagefind/shards.json', () => {
    const list = JSON.parse(readFileSync(join(sharded, 'pagefind', SHARDS_FILE), 'utf8')) as { shards: string[] };
    expect(list.shards.length).toBeGreaterThan(0);
    for (const s of ['', ...list.shards]) expect(existsSync(join(sharded, 'pagefind', s, 'pagefind-entry.json'))).toBe(true);
    // The one-index build lists none.
    expect(JSON.parse(readFileSync(join(dist, 'pagefind', SHARDS_FILE), 'utf8'))).toEqual({ shards: [] });
  });

  it('finds the same results with the same facet counts as the one-index build', async () => {
    const read = async (srv: StaticServer) => {
      const p = await browser.newPage();
      await p.goto(srv.url('search/?q=' + encodeURIComponent('行政执法')));
      await ready(p);
      await p.waitForFunction(() => /找到 \d+ 条结果/.test(document.getElementById('search-status')?.textContent ?? ''));
      const status = await p.textContent('#search-status');
      const types = await p.locator('#search-facets input[name="type"]').evaluateAll((els) =>
        els.map((e) => `${(e as HTMLInputElement).value} ${e.parentElement?.textContent ?? ''}`),
      );
      await p.close();
      return { status, types };
    };
    const a = await read(one);
    const b = await read(many);
    expect(b.status).toBe(a.status);
    expect(b.types).toEqual(a.types);
    expect(a.types.length).toBeGreaterThan(1);
  });

  it('fetches the index chunks of the words while the visitor types, before Enter', async () => {
    const p = await browser.newPage();
    const chunks: string[] = [];
    p.on('request', (r) => void (r.url().endsWith('.pf_index') && chunks.push(r.url())));
    await p.goto(many.url('search/'));
    await ready(p);
    const before = chunks.length;
    await p.type('#search-q', '合法性审核', { delay: 20 });
    await expect.poll(() => chunks.length, { timeout: 5_000 }).toBeGreaterThan(before);
    expect(await p.textContent('#search-status')).not.toMatch(/找到/);
    await p.close();
  });

  it('loads a folded facet’s data only when it is opened, then counts it', async () => {
    const p = await browser.newPage();
    const filterChunks: string[] = [];
    p.on('request', (r) => void (r.url().includes('/pagefind/') && r.url().endsWith('.pf_filter') && filterChunks.push(r.url())));
    await p.goto(many.url('search/?q=' + encodeURIComponent('司法局')));
    await ready(p);
    await p.waitForFunction(() => /找到 \d+ 条结果/.test(document.getElementById('search-status')?.textContent ?? ''));
    await p.locator('#search-filters').evaluate((d) => ((d as HTMLDetailsElement).open = true));
    const before = filterChunks.length;
    expect(await p.locator('#search-facets input[name="unit"]').count()).toBe(0);
    await p.locator('#search-facets details[data-facet="unit"] > summary').click();
    await p.waitForFunction(() => document.querySelectorAll('#search-facets input[name="unit"]').length > 0);
    expect(filterChunks.length).toBeGreaterThan(before);
    expect(await p.locator('#search-facets details[data-facet="unit"]').getAttribute('open')).not.toBeNull();
    const label = await p.locator('#search-facets input[name="unit"]:not([disabled])').first().evaluate((e) => e.parentElement?.textContent ?? '');
    expect(label).toMatch(/\((\d+)\)/);
    await p.close();
  });

  // Last: it rewrites the sharded index as one.
  it('re-indexing with fewer shards leaves no stale shard behind', async () => {
    expect(existsSync(join(sharded, 'pagefind', 'shard-2'))).toBe(true);
    const r = await buildSearchIndex(sharded, { shardPages: 100_000 });
    expect(r.shards).toBe(1);
    expect(existsSync(join(sharded, 'pagefind', 'shard-2'))).toBe(false);
    expect(JSON.parse(readFileSync(join(sharded, 'pagefind', SHARDS_FILE), 'utf8'))).toEqual({ shards: [] });
  });
});

describe('a sharded index under a sub-path (/zfjs/cjzl/)', () => {
  const BASE = '/zfjs/cjzl/';
  let sharded: string;
  let server: StaticServer;
  let browser: Browser;
  beforeAll(async () => {
    const dist = await buildAt(BASE);
    sharded = join(mkdtempSync(join(tmpdir(), 'cjzl-shards-sub-')), 'dist');
    cpSync(dist, sharded, { recursive: true });
    expect((await buildSearchIndex(sharded, { shardPages: 100 })).shards).toBeGreaterThan(1);
    server = await serveDir(sharded, BASE);
    browser = await launchBrowser();
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (sharded) rmSync(join(sharded, '..'), { recursive: true, force: true });
  });

  it('merges the shards from under the base and links every result under it', async () => {
    const p = await browser.newPage();
    const outside: string[] = [];
    p.on('request', (r) => void (new URL(r.url()).pathname.startsWith(BASE) || outside.push(r.url())));
    await p.goto(server.url('search/?q=' + encodeURIComponent('行政执法')));
    await p.waitForFunction(() => document.getElementById('search-app')?.dataset.ready === 'true', null, { timeout: 20_000 });
    await p.waitForFunction(() => /找到 \d+ 条结果/.test(document.getElementById('search-status')?.textContent ?? ''));
    const hrefs = await p.locator('.search-result h3 a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const h of hrefs) expect(h.startsWith(BASE), h).toBe(true);
    expect(outside).toEqual([]);
    await p.close();
  });
});
