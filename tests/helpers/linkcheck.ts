/**
 * Link checker over a built folder served at `base` by a server that does not rewrite URLs.
 * How to use: const { problems } = checkSite(distDir, '/zfjs/cjzl/'); expect(problems).toEqual([]);
 */
import { existsSync, readFileSync, statSync } from 'node:fs';

const isFile = (p: string) => existsSync(p) && statSync(p).isFile();
import { join } from 'node:path';
import { allFiles, htmlFiles, loadPage, pageUrlOf, refsOf, type Page } from './html';

const ORIGIN = 'http://portal.test';

export interface Problem { page: string; ref: string; why: string }

export function checkSite(dist: string, base: string): { problems: Problem[]; pages: number; internal: number; external: string[] } {
  const problems: Problem[] = [];
  const external = new Set<string>();
  let internal = 0;
  const pages = new Map<string, Page>();
  const page = (file: string) => {
    let p = pages.get(file);
    if (!p) pages.set(file, (p = loadPage(dist, file)));
    return p;
  };
  const ids = (p: Page) => new Set(p.all('*').map((e) => p.attr(e, 'id')).filter(Boolean) as string[]);
  const files = htmlFiles(dist);
  for (const file of files) {
    const p = page(file);
    const pageUrl = new URL(base + pageUrlOf(file), ORIGIN);
    for (const r of refsOf(p)) {
      const v = r.value.trim();
      if (/^(mailto|tel):/i.test(v)) continue;
      if (/^javascript:/i.test(v)) {
        problems.push({ page: file, ref: v, why: 'javascript: URL' });
        continue;
      }
      if (v === '') {
        problems.push({ page: file, ref: `${r.tag}[${r.attr}]`, why: 'empty URL' });
        continue;
      }
      const u = new URL(v, pageUrl);
      if (u.origin !== ORIGIN) {
        if (r.resource) problems.push({ page: file, ref: v, why: `resource from another host (${r.tag})` });
        else external.add(u.origin + u.pathname);
        continue;
      }
      internal++;
      if (!u.pathname.startsWith(base)) {
        problems.push({ page: file, ref: v, why: `outside the base ${base}` });
        continue;
      }
      const rel = decodeURIComponent(u.pathname.slice(base.length));
      const target = rel === '' || rel.endsWith('/') ? rel + 'index.html' : rel;
      if (!isFile(join(dist, target))) {
        problems.push({ page: file, ref: v, why: `no file ${target}${isFile(join(dist, rel, 'index.html')) ? ' (missing trailing slash; the server does not redirect)' : ''}` });
        continue;
      }
      if (u.hash && target.endsWith('.html')) {
        const id = decodeURIComponent(u.hash.slice(1));
        if (!ids(page(target)).has(id)) problems.push({ page: file, ref: v, why: `no element id="${id}" in ${target}` });
      }
    }
  }
  // Stylesheets: url(...) and @import must stay on this host.
  for (const f of allFiles(dist).filter((f) => f.endsWith('.css'))) {
    const css = readFileSync(join(dist, f), 'utf8');
    for (const m of css.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]/g)) {
      const v = (m[1] ?? m[2])!;
      if (v.startsWith('data:')) continue;
      const u = new URL(v, new URL(base + f, ORIGIN));
      if (u.origin !== ORIGIN) problems.push({ page: f, ref: v, why: 'stylesheet loads from another host' });
      else if (!isFile(join(dist, decodeURIComponent(u.pathname.slice(base.length))))) problems.push({ page: f, ref: v, why: 'missing file' });
    }
  }
  return { problems, pages: files.length, internal, external: [...external].sort() };
}

