import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join, relative, sep } from 'node:path';
import { readdirSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import * as pagefind from 'pagefind';
import { CONTAINER_BODY_WEIGHT, SHARDS_FILE } from '../lib/search.ts';

/**
 * The Pagefind index of the built site (dist/pagefind/), through Pagefind's Node API.
 *
 * `buildSearchIndex(dist)` walks dist/ for .html files, keeps the pages that carry
 * data-pagefind-body (record pages; list and overview pages are not read into Pagefind at all)
 * and hands them to Pagefind one by one (addHTMLFile, a few in flight) instead of addDirectory.
 * Pagefind keeps every page's words in memory until it writes the index (and copies them once
 * more while it builds it), so its memory grows with the words indexed: about 160 KB a page.
 * Above `shardPages` pages the site is indexed as several Pagefind indexes ("shards", every
 * Nth page, so each holds a like mix of records), one after the other, each freed before the
 * next: dist/pagefind/ is the first, dist/pagefind/shard-2/ … the others, listed in
 * dist/pagefind/shards.json, which the search page merges (Pagefind's mergeIndex) before it searches.
 *
 * Where it runs: `npm run build` runs it as its own step after `astro build` has exited
 * (scripts/search-index.ts), so Pagefind's memory never stacks on Astro's live process; a bare
 * `astro build` (tests, benchmarks) runs it in the astro:build:done hook of this integration.
 * The hook knows it is inside `npm run build` from npm's `npm_lifecycle_event` (set on every platform).
 *
 * Base paths: URLs are relative to dist/ (`/documents/x/`), the search page passes
 * `baseUrl: import.meta.env.BASE_URL` so results carry the base under any SITE_BASE.
 * Language: zh-CN (forceLanguage), matching <html lang="zh-CN">; Pagefind segments Chinese at
 * index time. Only pages with data-pagefind-body (record pages) are indexed; see src/layouts/Base.astro.
 */

/** Default pages per Pagefind index: the step then peaks near 1.6 GiB at 48,000 pages (README 站内搜索). */
export const SHARD_PAGES = 12_000;
const IN_FLIGHT = 16;
const BODY_MARK = 'data-pagefind-body';

export interface SearchIndexResult {
  pages: number;
  shards: number;
  skipped: number;
  ms: number;
}

/** Every .html file under dir, as paths relative to dir with '/' separators, sorted. */
export function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (p !== join(dir, 'pagefind')) walk(p);
      } else if (e.name.endsWith('.html')) out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** The URL Pagefind's addDirectory gives a file: `a/b/index.html` → `/a/b/`. */
export function pageUrl(rel: string): string {
  return '/' + rel.replace(/(^|\/)index\.html$/, '$1');
}

/**
 * What Pagefind needs of a record page: its <main data-pagefind-body> (text, meta, filters, anchors)
 * in a minimal document, instead of the whole file (header, footer, scripts: ignored by Pagefind but
 * sent to it base64-encoded and parsed). A page whose body element is not <main> goes whole.
 */
export function searchHtml(html: string): string {
  const start = html.indexOf('<main');
  const end = html.lastIndexOf('</main>');
  if (start < 0 || end < start || !html.slice(start, html.indexOf('>', start)).includes(BODY_MARK)) return html;
  return `<!doctype html><html lang="zh-CN"><body>${html.slice(start, end + '</main>'.length)}</body></html>`;
}

/** A container section: a document body (or the 评分细则 task tables) whose parts are also published as records. */
const CONTAINER_MARK = `data-pagefind-weight="${CONTAINER_BODY_WEIGHT}"`;
/** Paragraphs and table cells (neither nests in the site's markup); their text decides whether they are shared. */
const TEXT_BLOCK = /<(p|td)(\s[^>]*)?>([\s\S]*?)<\/\1>/g;
/** A list's items together: a container's cell may print a record's list in one run ("1.请提供… 2.请提供…"). */
const LIST_BLOCK = /<(ul|ol)(\s[^>]*)?>([\s\S]*?)<\/\1>/g;
/** Shorter blocks ("已完成", "——", a unit name) are not worth a key and may repeat by chance. */
const MIN_SHARED_CHARS = 8;

function blockKey(inner: string): string | null {
  const text = inner.replace(/<[^>]*>/g, '').replace(/\s+/g, '');
  return text.length >= MIN_SHARED_CHARS ? createHash('sha1').update(text).digest('base64') : null;
}

/**
 * Text a container page shares with the record pages split from it. A container document (the
 * showcase of 典型经验, a 责任清单 plan, a 工作要点 notice) prints every record's text again, and
 * was about half of all the words Pagefind held at a thousand notices. Its paragraphs and cells whose text a record page prints
 * too (same text, whitespace aside) are not indexed on the container (data-pagefind-ignore is added in
 * what Pagefind is given; the page on disk is unchanged): the record is the result for that text,
 * the container keeps its title, 文号, meta, headings (sub-results) and the text no record holds.
 */
export class SharedText {
  private keys = new Set<string>();

  static isContainer(html: string): boolean {
    return html.includes(CONTAINER_MARK);
  }

  /** Remembers the paragraphs, cells and lists (items together) of a record page (a page with no container section). */
  addRecordPage(html: string): void {
    for (const m of [...html.matchAll(TEXT_BLOCK), ...html.matchAll(LIST_BLOCK)]) {
      const k = blockKey(m[3]!);
      if (k) this.keys.add(k);
    }
  }

  /** The container page with its shared paragraphs and cells marked data-pagefind-ignore. */
  markShared(html: string): { html: string; marked: number } {
    let marked = 0;
    const out = html.replace(TEXT_BLOCK, (all, tag: string, attrs: string | undefined, inner: string) => {
      const k = blockKey(inner);
      if (!k || !this.keys.has(k) || attrs?.includes('data-pagefind-ignore')) return all;
      marked++;
      return `<${tag} data-pagefind-ignore${attrs ?? ''}>${inner}</${tag}>`;
    });
    return { html: out, marked };
  }
}

/** Splits the pages into shards of at most `shardPages`, every Nth page to shard N (a like mix of records in each). */
export function shardPagesOf<T>(pages: T[], shardPages: number): T[][] {
  const n = Math.max(1, Math.ceil(pages.length / Math.max(1, shardPages)));
  const shards: T[][] = Array.from({ length: n }, () => []);
  pages.forEach((p, i) => shards[i % n]!.push(p));
  return shards;
}

/** Folder of shard i (0-based) relative to dist/pagefind/: '' for the first, 'shard-2/' … */
export const shardDir = (i: number) => (i === 0 ? '' : `shard-${i + 1}/`);

async function indexShard(
  outDir: string,
  files: string[],
  outputPath: string,
  shared: SharedText,
): Promise<{ count: number; addMs: number; writeMs: number }> {
  const { index, errors: createErrors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
  if (!index || createErrors.length) throw new Error(`Pagefind createIndex failed: ${createErrors.join('; ')}`);
  try {
    let next = 0;
    let count = 0;
    const worker = async () => {
      while (next < files.length) {
        const rel = files[next++]!;
        let content = searchHtml(readFileSync(join(outDir, rel), 'utf8'));
        if (SharedText.isContainer(content)) content = shared.markShared(content).html;
        const { errors } = await index.addHTMLFile({ url: pageUrl(rel), content });
        if (errors.length) throw new Error(`Pagefind could not index ${rel}: ${errors.join('; ')}`);
        count++;
      }
    };
    const t = performance.now();
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    const added = performance.now();
    const { errors: writeErrors } = await index.writeFiles({ outputPath });
    if (writeErrors.length) throw new Error(`Pagefind writeFiles failed: ${writeErrors.join('; ')}`);
    return { count, addMs: added - t, writeMs: performance.now() - added };
  } finally {
    await index.deleteIndex();
  }
}

/**
 * Builds dist/pagefind/ for the built site in `outDir`. Fails (throws) on any Pagefind error and
 * when no page carries data-pagefind-body.
 */
export async function buildSearchIndex(
  outDir: string,
  o: { shardPages?: number; log?: (s: string) => void } = {},
): Promise<SearchIndexResult> {
  const t = performance.now();
  const log = o.log ?? (() => {});
  const all = htmlFiles(outDir);
  // Pages without data-pagefind-body would be read, segmented and held by Pagefind only to be dropped.
  const pages: string[] = [];
  const shared = new SharedText();
  for (const rel of all) {
    const html = readFileSync(join(outDir, rel), 'utf8');
    if (!html.includes(BODY_MARK)) continue;
    pages.push(rel);
    const body = searchHtml(html);
    if (!SharedText.isContainer(body)) shared.addRecordPage(body);
  }
  if (!pages.length) throw new Error(`Pagefind: no page with ${BODY_MARK} in ${outDir} (was the site built?)`);
  log(`Pagefind: ${pages.length} of ${all.length} pages carry ${BODY_MARK} (read in ${((performance.now() - t) / 1000).toFixed(1)} s)`);
  const shards = shardPagesOf(pages, o.shardPages ?? SHARD_PAGES);
  const root = join(outDir, 'pagefind');
  // An index written before (another shard count) would leave stale shards and fragments behind.
  rmSync(root, { recursive: true, force: true });
  try {
    let count = 0;
    for (const [i, files] of shards.entries()) {
      const outputPath = join(root, shardDir(i));
      // A fresh Pagefind process per shard: its memory is returned to the system before the next one.
      if (i > 0) await pagefind.close();
      const r = await indexShard(outDir, files, outputPath, shared);
      count += r.count;
      const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
      if (shards.length > 1) log(`Pagefind shard ${i + 1}/${shards.length}: ${r.count} pages (added in ${secs(r.addMs)}, written in ${secs(r.writeMs)}) → ${outputPath}`);
    }
    mkdirSync(root, { recursive: true });
    writeFileSync(join(root, SHARDS_FILE), JSON.stringify({ shards: shards.slice(1).map((_, i) => shardDir(i + 1)) }) + '\n');
    const ms = performance.now() - t;
    log(`Pagefind indexed ${count} pages (zh-CN, ${shards.length} index${shards.length > 1 ? 'es' : ''}) → ${root} in ${(ms / 1000).toFixed(1)} s`);
    return { pages: count, shards: shards.length, skipped: all.length - pages.length, ms };
  } finally {
    await pagefind.close();
  }
}

/** True inside `npm run build`, which indexes in its own step after `astro build` (package.json). */
export const indexedByBuildStep = () => process.env.npm_lifecycle_event === 'build';

export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'cjzl-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        if (indexedByBuildStep()) {
          logger.info('Pagefind: left to the search-index step of `npm run build` (scripts/search-index.ts)');
          return;
        }
        await buildSearchIndex(fileURLToPath(dir), { log: (s) => logger.info(s) });
      },
    },
  };
}
