// Issue 7: 【字体：大 中 小】 and the high-contrast (适老化) mode persist across pages and apply before
// first paint; 打印本页 calls print; without JavaScript the buttons are hidden and the header
// search box still works (a plain GET form).
import { describe, it, expect, inject, beforeAll, afterAll } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, serveDir, type StaticServer } from '../helpers/browser';

describe('font size and contrast preferences', () => {
  let server: StaticServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await serveDir(inject('distDir'), '/');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function context(): Promise<BrowserContext> {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    // Record the <html> attributes at the moment <body> is inserted, i.e. before first paint.
    await ctx.addInitScript(() => {
      const w = window as unknown as { __atBody?: { font: string | null; contrast: string | null }; __prints: number };
      w.__prints = 0;
      window.print = () => void w.__prints++;
      new MutationObserver((_m, obs) => {
        if (document.body) {
          w.__atBody = { font: document.documentElement.getAttribute('data-font'), contrast: document.documentElement.getAttribute('data-contrast') };
          obs.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    return ctx;
  }
  const atBody = (p: Page) => p.evaluate(() => (window as unknown as { __atBody: unknown }).__atBody);
  const htmlFontPx = (p: Page) => p.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));

  it('大 enlarges the text and stays on the next page from the first paint; 中 resets it', async () => {
    const ctx = await context();
    const page = await ctx.newPage();
    await page.goto(server.url(''));
    const normal = await htmlFontPx(page);
    await page.getByRole('button', { name: '大', exact: true }).click();
    expect(await page.getAttribute('html', 'data-font')).toBe('l');
    expect(await htmlFontPx(page)).toBeGreaterThan(normal);
    await page.getByRole('navigation', { name: '栏目导航' }).getByRole('link', { name: '文件库' }).click();
    await page.waitForURL(/\/documents\/$/);
    expect(await atBody(page)).toEqual({ font: 'l', contrast: null });
    expect(await htmlFontPx(page)).toBeGreaterThan(normal);
    expect(await page.getByRole('button', { name: '大', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: '小', exact: true }).click();
    expect(await htmlFontPx(page)).toBeLessThan(normal);
    await page.getByRole('button', { name: '中', exact: true }).click();
    await page.goto(server.url('about/'));
    expect(await atBody(page)).toEqual({ font: null, contrast: null });
    expect(await htmlFontPx(page)).toBe(normal);
    await ctx.close();
  });

  it('高对比度 switches to light-on-dark, persists across pages, and switches back', async () => {
    const ctx = await context();
    const page = await ctx.newPage();
    await page.goto(server.url(''));
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await bg()).toBe('rgb(255, 255, 255)');
    const toggle = page.getByRole('button', { name: '高对比度' });
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await bg()).toBe('rgb(0, 0, 0)');
    await page.goto(server.url('documents/'));
    expect(await atBody(page)).toEqual({ font: null, contrast: 'high' });
    expect(await bg()).toBe('rgb(0, 0, 0)');
    await page.getByRole('button', { name: '高对比度' }).click();
    await page.goto(server.url('about/'));
    expect(await atBody(page)).toEqual({ font: null, contrast: null });
    expect(await bg()).toBe('rgb(255, 255, 255)');
    await ctx.close();
  });

  it('打印本页 opens the print dialog and the print stylesheet hides the chrome', async () => {
    const ctx = await context();
    const page = await ctx.newPage();
    await page.goto(server.url('documents/'));
    await page.getByRole('button', { name: '打印本页' }).click();
    expect(await page.evaluate(() => (window as unknown as { __prints: number }).__prints)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-nav').isVisible()).toBe(false);
    expect(await page.locator('.tools').isVisible()).toBe(false);
    expect(await page.locator('main').isVisible()).toBe(true);
    await ctx.close();
  });

  it('without JavaScript the tool buttons are hidden and the skip link targets <main>', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(server.url(''));
    expect(await page.getByRole('button', { name: '高对比度' }).isVisible()).toBe(false);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: '跳转到主要内容' });
    expect(await skip.evaluate((e) => e === document.activeElement)).toBe(true);
    expect(await skip.isVisible()).toBe(true);
    expect(await skip.getAttribute('href')).toBe('#main');
    expect(await page.locator('main#main').count()).toBe(1);
    // The header search box is a plain GET form: it works without JavaScript, from any page.
    await page.goto(server.url('documents/'));
    const box = page.getByRole('search').getByLabel('站内搜索');
    await box.fill('郑法政办〔2019〕7号');
    await box.press('Enter');
    await page.waitForURL((u) => u.pathname === '/search/');
    expect(new URL(page.url()).searchParams.get('q')).toBe('郑法政办〔2019〕7号');
    await ctx.close();
  });
});
