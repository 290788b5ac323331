// Issue 7: RSS of documents, sitemap, /embed/latest/ (no chrome, links open in the parent) and the
// about page with the iframe snippet — checked on the sub-path build with a SITE_URL.
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildAt } from '../setup/build';
import { loadPage } from '../helpers/html';
import { parseSiteConfig } from '../../src/lib/site';

const BASE = '/zfjs/cjzl/';
const cfg = parseSiteConfig(readFileSync('site.config.yaml', 'utf8'));
const SITE = new URL(cfg.siteUrl).origin;

describe(`feeds, sitemap and embedding at ${BASE}`, () => {
  let dist: string;
  beforeAll(async () => {
    dist = await buildAt(BASE);
  }, 600_000);

  it('rss.xml lists the documents newest first with absolute links under the base', () => {
    const xml = readFileSync(join(dist, 'rss.xml'), 'utf8');
    expect(xml).toContain('<rss');
    expect(xml).toContain(`<title>${cfg.name} - 文件</title>`);
    const links = [...xml.matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThanOrEqual(14);
    for (const l of links) {
      expect(l.startsWith(`${SITE}${BASE}documents/`), l).toBe(true);
      expect(existsSync(join(dist, new URL(l).pathname.slice(BASE.length), 'index.html')), l).toBe(true);
    }
    const dates = [...xml.matchAll(/<pubDate>([^<]+)<\/pubDate>/g)].map((m) => Date.parse(m[1]!));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });

  it('the sitemap covers the pages under the base and leaves the embed page out', () => {
    const index = readFileSync(join(dist, 'sitemap-index.xml'), 'utf8');
    expect(index).toContain(`${SITE}${BASE}sitemap-0.xml`);
    const map = readFileSync(join(dist, 'sitemap-0.xml'), 'utf8');
    const locs = [...map.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(locs).toContain(`${SITE}${BASE}`);
    expect(locs).toContain(`${SITE}${BASE}documents/`);
    for (const l of locs) expect(l.startsWith(`${SITE}${BASE}`), l).toBe(true);
    expect(locs.some((l) => l.includes('/embed/'))).toBe(false);
  });

  it('/embed/latest/ has no chrome and every link opens in the parent page', () => {
    const p = loadPage(dist, 'embed/latest/index.html');
    expect(p.all('header').length + p.all('footer').length + p.all('nav').length).toBe(0);
    expect(p.all('script').length).toBe(0);
    expect(p.all('link').filter((l) => p.attr(l, 'rel') === 'stylesheet').length).toBe(0);
    const links = p.all('a');
    expect(links.length).toBeGreaterThanOrEqual(8);
    for (const a of links) {
      expect(p.attr(a, 'target')).toBe('_parent');
      expect(p.attr(a, 'href')!.startsWith(BASE)).toBe(true);
    }
    expect(p.attr(p.all('base')[0]!, 'target')).toBe('_parent');
  });

  it('the about page shows the iframe snippet pointing at the published embed URL', () => {
    const p = loadPage(dist, 'about/index.html');
    const code = p.text(p.all('code')[0]!);
    expect(code).toContain(`<iframe src="${SITE}${BASE}embed/latest/"`);
    expect(code).toMatch(/title="[^"]+"/);
    const preview = p.all('iframe')[0]!;
    expect(p.attr(preview, 'src')).toBe(`${BASE}embed/latest/`);
    expect(p.attr(preview, 'title')).toBeTruthy();
  });

  it('the home page links the feed and the canonical URL with the base', () => {
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    expect(html).toContain(`<link rel="alternate" type="application/rss+xml"`);
    expect(html).toContain(`href="${BASE}rss.xml"`);
    expect(html).toContain(`<link rel="canonical" href="${SITE}${BASE}">`);
  });
});
