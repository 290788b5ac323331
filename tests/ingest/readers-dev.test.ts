/**
 * Adding a notice is one step (issue 11 §4): `astro dev` in a scratch copy of the project
 * (tests/helpers/scratch-build.ts) with one notice; a portal page dropped into content/sources/ is
 * ingested by the dev integration (src/integrations/dev-ingest.ts) and its document page is served
 * without a restart; a file the ingest refuses is named in the terminal output and in the browser's
 * error overlay.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import { cleanEnv, makeScratchProject, removeScratch, ROOT, runIngestCli, scratchDir } from '../helpers/scratch-build';

const NOTICE = ['测试县司法局关于报送法治政府建设年度报告的通知', '', '测司〔2024〕3号', '', '各乡镇人民政府，县直各单位：', '', '请于2024年12月31日前报送本单位法治政府建设年度报告。', '', '测试县司法局', '', '2024年3月1日', ''].join('\n');

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
    s.on('error', rej);
  });
}

let log = '';

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms: number): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; the dev server said:\n${log.split('\n').filter((l) => l.trim() && !/\[404\]|\[router\]|Possible dynamic routes/.test(l)).join('\n').slice(-4000)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

describe('npm run dev watches content/sources/', () => {
  let dir: string;
  let proj: string;
  let dev: ChildProcess | undefined;
  let base = '';

  beforeAll(async () => {
    dir = scratchDir('cjzl-dev-');
    const src = join(dir, 'content', 'sources');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(src, { recursive: true });
    writeFileSync(join(src, 'a.txt'), NOTICE);
    const ingest = runIngestCli(src, dir);
    expect(ingest.status, ingest.stderr).toBe(0);
    proj = makeScratchProject(join(dir, 'content'), join(dir, 'p'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    dev = spawn(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port), '--host', '127.0.0.1'], {
      cwd: proj,
      env: cleanEnv({ SITE_BASE: '/', CJZL_CACHE_DIR: join(dir, 'cache') }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    dev.stdout!.on('data', (d: Buffer) => (log += d.toString()));
    dev.stderr!.on('data', (d: Buffer) => (log += d.toString()));
    await until('the dev server to serve the first notice', async () => ((await fetch(`${base}/documents/cs-2024-3/`)).ok ? true : undefined), 180_000);
  }, 240_000);

  afterAll(() => {
    if (dev?.pid) dev.kill('SIGTERM');
    if (dir) removeScratch(dir);
  });

  it('a dropped portal page is ingested and its document page appears without a restart', async () => {
    expect((await fetch(`${base}/documents/czb-2024-7/`)).status).toBe(404);
    copyFileSync(join(ROOT, 'tests/fixtures/readers/portal.html'), join(proj, 'content/sources/b.html'));
    const html = await until(
      'the new document page',
      async () => {
        const r = await fetch(`${base}/documents/czb-2024-7/`);
        return r.ok ? r.text() : undefined;
      },
      120_000,
    );
    expect(html).toContain('行政执法案卷评查');
    expect(html).toContain('测政办〔2024〕7号');
    expect(log).toMatch(/ingest \(add b\.html\)/);
    // The first notice is still there.
    expect((await fetch(`${base}/documents/cs-2024-3/`)).ok).toBe(true);
  }, 180_000);

  it('a refused file is named in the terminal and in the browser error overlay; nothing is written', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(`${base}/documents/cs-2024-3/`);
      const zip = new JSZip();
      zip.file('OFD.xml', '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"/>');
      writeFileSync(join(proj, 'content/sources/c.ofd'), await zip.generateAsync({ type: 'uint8array' }));
      await until('the refusal in the terminal', async () => (/c\.ofd: this is an OFD document/.test(log) ? true : undefined), 60_000);
      expect(log).toMatch(/ERROR c\.ofd: this is an OFD document .*What to do: open it in an OFD reader/);
      expect(log).toMatch(/nothing was written/);
      const overlay = page.locator('vite-error-overlay');
      await overlay.waitFor({ state: 'attached', timeout: 30_000 });
      expect(await overlay.evaluate((el) => el.shadowRoot?.textContent ?? el.textContent ?? '')).toMatch(/c\.ofd/);
      // The published records are unchanged: the portal page's document is still served.
      expect((await fetch(`${base}/documents/czb-2024-7/`)).ok).toBe(true);
    } finally {
      await browser.close();
    }
  }, 120_000);

  it('a warning (a second version of a notice) is named in the terminal and the overlay; removing it clears the overlay (the page reloads)', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(`${base}/documents/cs-2024-3/`);
      rmSync(join(proj, 'content/sources/c.ofd'));
      writeFileSync(join(proj, 'content/sources/d.txt'), NOTICE.replace('请于2024年12月31日前', '请于2024年11月30日前'));
      await until('the warning in the terminal', async () => (/WARNING d\.txt:\d+/.test(log) ? true : undefined), 60_000);
      const overlay = page.locator('vite-error-overlay');
      await overlay.waitFor({ state: 'attached', timeout: 30_000 });
      const text = await overlay.evaluate((el) => el.shadowRoot?.textContent ?? el.textContent ?? '');
      expect(text).toMatch(/d\.txt:\d+/);
      expect(text).not.toMatch(/c\.ofd/);
      // The notice is published from a.txt (first by name); the skipped version is not a page of its own.
      expect(await (await fetch(`${base}/documents/cs-2024-3/`)).text()).toContain('2024年12月31日前');
      rmSync(join(proj, 'content/sources/d.txt'));
      await page.waitForEvent('load', { timeout: 60_000 });
      await page.waitForTimeout(1000);
      expect(await page.locator('vite-error-overlay').count()).toBe(0);
    } finally {
      await browser.close();
    }
  }, 150_000);

  it('content/errata.yaml is watched too: an erratum applies to the page; one whose original is not in its file is refused naming both', async () => {
    const errata = join(proj, 'content/errata.yaml');
    writeFileSync(errata, '- file: a.txt\n  original: 年度报告\n  corrected: 年度工作报告\n  reason: 测试更正\n');
    await until(
      'the corrected page',
      async () => {
        const r = await fetch(`${base}/documents/cs-2024-3/`);
        const html = r.ok ? await r.text() : '';
        return html.includes('年度工作报告') ? true : undefined;
      },
      60_000,
    );
    expect(log).toMatch(/ingest \(change content\/errata\.yaml\)/);
    writeFileSync(errata, '- file: a.txt\n  original: 不在文中的文字\n  corrected: 更正\n  reason: 测试\n');
    await until('the errata refusal', async () => (/ERROR a\.txt.*content\/errata\.yaml: original text "不在文中的文字"/.test(log) ? true : undefined), 60_000);
    writeFileSync(errata, '[]\n');
  }, 150_000);
});
