/**
 * Browser + static-server helpers for tests and scripts (owned by the site author).
 *
 * How to use:
 *   import { launchBrowser, serveDir } from '../helpers/browser';
 *   import { inject } from 'vitest';
 *   const server = await serveDir(inject('distDir'), '/');        // or '/zfjs/cjzl/' for a sub-path build
 *   const browser = await launchBrowser();
 *   const page = await browser.newPage();
 *   await page.goto(server.url('documents/'));                      // server.url() joins the base
 *   …
 *   await browser.close(); await server.close();
 *
 * launchBrowser() uses /usr/bin/chromium when it exists, else the Chromium of @sparticuz/chromium
 * (a .br-packed binary extracted once to /tmp; extraction is guarded by a lock so parallel
 * vitest workers do not race). Override with CHROMIUM_PATH=/path/to/chrome.
 *
 * serveDir(dir, base) is a tiny node:http static server: it mounts `dir` at `base`, serves
 * directory index.html, never rewrites URLs (like a plain portal web server), answers 404
 * for anything else, and sets correct MIME types (.wasm and Pagefind's .pf_* as
 * application/octet-stream). It listens on 127.0.0.1 on a free port.
 */
import { chromium as pw, type Browser, type LaunchOptions } from 'playwright-core';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, normalize, extname, sep, resolve } from 'node:path';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

function sleep(ms: number) {
  return new Promise((r) => setTimeout(r, ms));
}

/** Path of a Chromium binary plus the extra args it needs. Extracts @sparticuz/chromium once, under a lock. */
export async function chromiumExecutable(): Promise<{ executablePath: string; args: string[] }> {
  if (process.env.CHROMIUM_PATH) return { executablePath: process.env.CHROMIUM_PATH, args: [] };
  if (existsSync(SYSTEM_CHROMIUM)) return { executablePath: SYSTEM_CHROMIUM, args: [] };
  const { default: sparticuz } = await import('@sparticuz/chromium');
  // Serverless flags we do not want on a workstation/CI (single-process is what makes it work without a sandbox).
  const drop = new Set(['--disable-web-security', '--allow-running-insecure-content', '--single-process']);
  const args = sparticuz.args.filter((a) => !drop.has(a) && !a.startsWith('--headless'));
  const marker = join(tmpdir(), 'cjzl-chromium.ready');
  const lock = join(tmpdir(), 'cjzl-chromium.lock');
  if (existsSync(marker)) {
    const path = readFileSync(marker, 'utf8');
    if (existsSync(path)) return { executablePath: path, args };
  }
  // mkdir is atomic: whoever creates the lock directory extracts; others wait for the marker.
  for (let i = 0; ; i++) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(marker)) return { executablePath: readFileSync(marker, 'utf8'), args };
      // A stale lock (a crashed extraction) is broken after two minutes.
      try {
        if (Date.now() - statSync(lock).mtimeMs > 120_000) rmSync(lock, { recursive: true, force: true });
      } catch {}
      if (i > 1200) throw new Error('Timed out waiting for another process to extract @sparticuz/chromium');
      await sleep(100);
    }
  }
  try {
    // A half-written /tmp/chromium from an interrupted run would be reused by sparticuz: remove it first.
    if (!existsSync(marker) && existsSync(join(tmpdir(), 'chromium'))) rmSync(join(tmpdir(), 'chromium'), { force: true });
    const executablePath = await sparticuz.executablePath();
    writeFileSync(marker, executablePath);
    return { executablePath, args };
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Launches headless Chromium with the team's fixed flags. Close it with browser.close(). */
export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  const { executablePath, args } = await chromiumExecutable();
  return pw.launch({
    executablePath,
    headless: true,
    ...options,
    args: [...new Set([...args, ...CHROMIUM_FLAGS, ...(options.args ?? [])])],
  });
}

export const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.xsl': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.csv': 'text/csv; charset=utf-8',
  '.zip': 'application/zip',
  '.wasm': 'application/octet-stream',
};

export function mimeFor(path: string): string {
  const ext = extname(path).toLowerCase();
  if (ext.startsWith('.pf_')) return 'application/octet-stream';
  return MIME[ext] ?? 'application/octet-stream';
}

export interface StaticServer {
  /** Origin, e.g. http://127.0.0.1:41234 */
  origin: string;
  /** The mount path, always with leading and trailing slash. */
  base: string;
  /** Absolute URL of a path under the base: url('documents/') → http://127.0.0.1:p/zfjs/cjzl/documents/ */
  url(path?: string): string;
  /** Every request path served so far (for asserting what a page loaded). */
  requests: string[];
  close(): Promise<void>;
  server: Server;
}

/** Serves `dir` at `base` ('/' or '/zfjs/cjzl/'). No rewrites: /x/ → x/index.html, /x → file x only. */
export async function serveDir(dir: string, base = '/'): Promise<StaticServer> {
  const root = resolve(dir);
  const mount = ('/' + base.replace(/^\/+|\/+$/g, '') + '/').replace(/^\/\/$/, '/');
  const requests: string[] = [];
  const server = createServer(async (req, res) => {
    const rawPath = (req.url ?? '/').split('?')[0]!.split('#')[0]!;
    requests.push(rawPath);
    const notFound = () => {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('404 Not Found');
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405);
      res.end();
      return;
    }
    if (!rawPath.startsWith(mount)) return notFound();
    let rel: string;
    try {
      rel = decodeURIComponent(rawPath.slice(mount.length));
    } catch {
      return notFound();
    }
    let file = normalize(join(root, rel));
    if (file !== root && !file.startsWith(root + sep)) return notFound();
    try {
      let s = await stat(file);
      if (s.isDirectory()) {
        // Like a static web server: a directory URL must end with '/', and serves its index.html.
        if (!rawPath.endsWith('/')) return notFound();
        file = join(file, 'index.html');
        s = await stat(file);
      }
      if (!s.isFile()) return notFound();
      res.writeHead(200, { 'content-type': mimeFor(file), 'content-length': s.size });
      if (req.method === 'HEAD') return res.end();
      createReadStream(file).pipe(res);
    } catch {
      notFound();
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const addr = server.address();
  if (!addr || typeof addr === 'string') throw new Error('serveDir: no address');
  const origin = `http://127.0.0.1:${addr.port}`;
  return {
    origin,
    base: mount,
    url: (path = '') => origin + mount + path.replace(/^\/+/, ''),
    requests,
    server,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}

// Unused import guard for `open` (kept for future range requests).
void open;
