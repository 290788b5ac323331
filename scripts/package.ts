/**
 * npm run package — the thing a web officer uploads: release/<专栏id>-<YYYYMMDD>.zip of dist/
 * plus a manifest (every file with its size and SHA-256, and the site config used).
 *
 * Reproducible: entries in sorted order, a fixed entry time, fixed attributes and compression
 * level, so the same dist/ gives the same bytes (tests/site/package.test.ts checks it).
 * The date in the name (and the entry time) comes from, in order: site.config.yaml `releaseDate`,
 * SOURCE_DATE_EPOCH, the newest document date in content/documents — never the clock.
 *
 * Usage: npm run build && npm run package [-- --dist dist --out release]
 * Library: fflate (small, no dependencies; its streaming Zip keeps the order we add entries in).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { Zip, ZipDeflate } from 'fflate';
import { loadSiteConfig, type SiteConfig } from '../src/lib/site';

export const MANIFEST_NAME = 'cjzl-manifest.json';

export interface ManifestFile { path: string; size: number; sha256: string }
export interface Manifest {
  id: string;
  name: string;
  releaseDate: string;
  dateSource: 'config' | 'SOURCE_DATE_EPOCH' | 'documents';
  /** Base path the build was made for (read from the built home page's canonical link). */
  base: string | null;
  config: SiteConfig;
  fileCount: number;
  totalBytes: number;
  files: ManifestFile[];
}

/** Every file under dir (relative paths with '/'), in code-unit order. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  // Code-unit order, independent of locale.
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Newest 成文/印发 date among content/documents/*.mdx frontmatter (YYYY-MM-DD), if any. */
export function newestDocumentDate(root = process.cwd()): string | undefined {
  const dir = join(root, 'content/documents');
  if (!existsSync(dir)) return undefined;
  let best: string | undefined;
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.mdx'))) {
    const fm = readFileSync(join(dir, f), 'utf8').match(/^---\n([\s\S]*?)\n---/)?.[1] ?? '';
    for (const m of fm.matchAll(/^(?:signedDate|printedDate):\s*["']?(\d{4}-\d{2}-\d{2})/gm)) if (!best || m[1]! > best) best = m[1];
  }
  return best;
}

export function releaseDate(cfg: SiteConfig, env = process.env, root = process.cwd()): { date: string; source: Manifest['dateSource'] } {
  if (cfg.releaseDate) return { date: cfg.releaseDate, source: 'config' };
  if (env.SOURCE_DATE_EPOCH && /^\d+$/.test(env.SOURCE_DATE_EPOCH)) {
    return { date: new Date(Number(env.SOURCE_DATE_EPOCH) * 1000).toISOString().slice(0, 10), source: 'SOURCE_DATE_EPOCH' };
  }
  const d = newestDocumentDate(root);
  if (d) return { date: d, source: 'documents' };
  throw new Error('package: no release date — set releaseDate in site.config.yaml or SOURCE_DATE_EPOCH (no documents to take it from).');
}

function canonicalOf(dist: string): URL | null {
  const index = join(dist, 'index.html');
  if (!existsSync(index)) return null;
  const href = readFileSync(index, 'utf8').match(/<link rel="canonical" href="([^"]+)"/)?.[1];
  return href ? new URL(href) : null;
}

function detectBase(dist: string): string | null {
  return canonicalOf(dist)?.pathname ?? null;
}

/**
 * The config the build really used: the site URL is read back from the built pages (SITE_URL at build
 * time overrides the file), so the manifest never names a URL the pages do not carry.
 */
export function configUsed(dist: string, cfg: SiteConfig): SiteConfig {
  const origin = canonicalOf(dist)?.origin;
  return origin && origin !== 'null' ? { ...cfg, siteUrl: origin } : cfg;
}

/** Builds the archive bytes and the manifest for a dist folder. Pure apart from reading dist. */
export function buildPackage(dist: string, cfg: SiteConfig, date: { date: string; source: Manifest['dateSource'] }): { zip: Uint8Array; manifest: Manifest } {
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`package: ${dist} has no index.html — run \`npm run build\` first.`);
  const paths = listFiles(dist).filter((p) => p !== MANIFEST_NAME);
  const files: ManifestFile[] = [];
  const contents = new Map<string, Buffer>();
  for (const p of paths) {
    const buf = readFileSync(join(dist, p));
    contents.set(p, buf);
    files.push({ path: p, size: buf.length, sha256: createHash('sha256').update(buf).digest('hex') });
  }
  const manifest: Manifest = {
    id: cfg.id,
    name: cfg.name,
    releaseDate: date.date,
    dateSource: date.source,
    base: detectBase(dist),
    config: configUsed(dist, cfg),
    fileCount: files.length,
    totalBytes: files.reduce((s, f) => s + f.size, 0),
    files,
  };
  const [y, m, d] = date.date.split('-').map(Number) as [number, number, number];
  // fflate writes DOS time from local-time getters: a local Date keeps the bytes TZ-independent.
  const mtime = new Date(y, m - 1, d, 12, 0, 0);
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failure = err;
    else chunks.push(chunk);
  });
  const add = (name: string, data: Uint8Array) => {
    const entry = new ZipDeflate(name, { level: 9, mem: 8 });
    entry.mtime = mtime;
    entry.os = 3; // unix
    entry.attrs = 0o100644 << 16;
    zip.add(entry);
    entry.push(data, true);
  };
  for (const p of paths) add(p, contents.get(p)!);
  add(MANIFEST_NAME, Buffer.from(JSON.stringify(manifest, null, 2) + '\n', 'utf8'));
  zip.end();
  if (failure) throw failure;
  const total = chunks.reduce((s, c) => s + c.length, 0);
  const out = new Uint8Array(total);
  let off = 0;
  for (const c of chunks) {
    out.set(c, off);
    off += c.length;
  }
  return { zip: out, manifest };
}

export function runPackage(opts: { dist?: string; out?: string; root?: string } = {}): { zipPath: string; manifestPath: string; manifest: Manifest; bytes: number } {
  const root = opts.root ?? process.cwd();
  const dist = resolve(root, opts.dist ?? 'dist');
  const outDir = resolve(root, opts.out ?? 'release');
  const cfg = loadSiteConfig();
  const date = releaseDate(cfg, process.env, root);
  const { zip, manifest } = buildPackage(dist, cfg, date);
  mkdirSync(outDir, { recursive: true });
  const stem = `${cfg.id}-${date.date.replaceAll('-', '')}`;
  const zipPath = join(outDir, `${stem}.zip`);
  const manifestPath = join(outDir, `${stem}.manifest.json`);
  writeFileSync(zipPath, zip);
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
  return { zipPath, manifestPath, manifest, bytes: zip.length };
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('scripts/package.ts')) {
  const args = process.argv.slice(2);
  const opt = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  try {
    const r = runPackage({ dist: opt('dist'), out: opt('out') });
    const sha = createHash('sha256').update(readFileSync(r.zipPath)).digest('hex');
    console.log(`package: ${relative(process.cwd(), r.zipPath)} — ${r.manifest.fileCount} files, ${(r.bytes / 1024).toFixed(1)} KiB zipped (${(r.manifest.totalBytes / 1024).toFixed(1)} KiB unpacked)`);
    console.log(`         base ${r.manifest.base ?? '?'}, date ${r.manifest.releaseDate} (from ${r.manifest.dateSource}), sha256 ${sha}`);
    console.log(`         manifest: ${relative(process.cwd(), r.manifestPath)} (also inside the archive as ${MANIFEST_NAME})`);
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}
