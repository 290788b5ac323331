import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveDir, launchBrowser, mimeFor, type StaticServer } from '../helpers/browser';

describe('serveDir', () => {
  let dir: string;
  let s: StaticServer;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cjzl-serve-'));
    mkdirSync(join(dir, 'a'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>root</title><a href="a/">a</a>');
    writeFileSync(join(dir, 'a', 'index.html'), '<!doctype html><title>A 页</title>');
    writeFileSync(join(dir, 'x.pf_meta'), 'meta');
    writeFileSync(join(dir, 'wasm.wasm'), 'w');
    s = await serveDir(dir, '/zfjs/cjzl/');
  });
  afterAll(async () => {
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('mounts the folder at the base and serves directory index.html', async () => {
    const r = await fetch(s.url('a/'));
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/text\/html/);
    expect(await r.text()).toContain('A 页');
  });
  it('does not rewrite: no trailing slash, outside the base and missing files are 404', async () => {
    expect((await fetch(s.url('a'))).status).toBe(404);
    expect((await fetch(s.origin + '/a/')).status).toBe(404);
    expect((await fetch(s.url('nope.html'))).status).toBe(404);
    expect((await fetch(s.url('../../etc/passwd'))).status).toBe(404);
  });
  it('serves Pagefind and wasm files as application/octet-stream', async () => {
    expect((await fetch(s.url('x.pf_meta'))).headers.get('content-type')).toBe('application/octet-stream');
    expect(mimeFor('pagefind/wasm.zh-cn.pagefind')).toBe('application/octet-stream');
    expect(mimeFor('a.wasm')).toBe('application/octet-stream');
    expect(mimeFor('a.css')).toMatch(/^text\/css/);
  });
  it('launchBrowser opens a served page', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(s.url(''));
      await page.click('a');
      await page.waitForURL(/\/zfjs\/cjzl\/a\/$/);
      expect(await page.title()).toBe('A 页');
    } finally {
      await browser.close();
    }
  });
});
