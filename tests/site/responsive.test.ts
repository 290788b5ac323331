// Issue 7: readable at 360 px (phone) and 1280 px (desk), also with 【字体：大】 — the page never scrolls
// sideways (wide tables scroll inside their own wrapper) on one page of every template.
import { describe, it, expect, inject, beforeAll, afterAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, serveDir, type StaticServer } from '../helpers/browser';
import { templateUrls } from '../helpers/templates';

describe('no sideways page scroll at 360 px and 1280 px', () => {
  let server: StaticServer;
  let browser: Browser;
  let urls: string[];
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

  for (const [width, font] of [[360, 'm'], [360, 'l'], [1280, 'l']] as const) {
    it(`${width} px, 字体 ${font === 'l' ? '大' : '中'}`, async () => {
      const ctx = await browser.newContext({ viewport: { width, height: 800 } });
      await ctx.addInitScript((f) => localStorage.setItem('cjzl-font', f), font);
      const page = await ctx.newPage();
      const overflow: string[] = [];
      for (const u of urls) {
        await page.goto(server.url(u));
        const r = await page.evaluate((w) => {
          const sw = document.documentElement.scrollWidth;
          if (sw <= w) return null;
          // Name the widest offenders that are not inside a horizontal scroll container.
          const inScroller = (e: Element) => {
            for (let p = e.parentElement; p; p = p.parentElement) if (['auto', 'scroll'].includes(getComputedStyle(p).overflowX)) return true;
            return false;
          };
          const wide = [...document.querySelectorAll('body *')]
            .filter((e) => e.getBoundingClientRect().right > w + 1 && !inScroller(e))
            .slice(0, 3)
            .map((e) => `${e.tagName.toLowerCase()}${e.className ? '.' + String(e.className).split(' ')[0] : ''}`);
          return `${sw}px (${wide.join(', ')})`;
        }, width);
        if (r) overflow.push(`${u || '/'}: ${r}`);
      }
      await ctx.close();
      expect(overflow).toEqual([]);
    }, 120_000);
  }
});
