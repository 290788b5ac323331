/**
 * One URL per page template of a built site (used by the axe test and scripts/bench.ts):
 * the site's own templates, then every other top-level section in the build (its index and its
 * first sub-page, e.g. one record page), so sections owned by other engineers are covered as they land.
 * How to use: templateUrls(distDir) → ['', 'documents/', 'documents/<id>/', 'indicators/', 'indicators/<id>/', …]
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function firstSubPage(dist: string, dir: string): string | undefined {
  const d = join(dist, dir);
  if (!existsSync(d)) return undefined;
  const subs = readdirSync(d)
    .filter((n) => statSync(join(d, n)).isDirectory() && existsSync(join(d, n, 'index.html')))
    .sort();
  return subs.length ? `${dir}/${subs[0]}/` : undefined;
}

/** One URL per template: the site's own templates, then every other top-level section in the build. */
export function templateUrls(dist: string): string[] {
  const urls = new Set<string>(['', 'documents/', 'documents/table/', 'about/', 'embed/latest/']);
  for (const u of [firstSubPage(dist, 'documents/year'), firstSubPage(dist, 'documents/issuer')]) if (u) urls.add(u);
  const docPage = (existsSync(join(dist, 'documents')) ? readdirSync(join(dist, 'documents')) : [])
    .filter((n) => !['year', 'issuer', 'table'].includes(n) && existsSync(join(dist, 'documents', n, 'index.html')))
    .sort()[0];
  if (docPage) urls.add(`documents/${docPage}/`);
  const own = new Set(['documents', 'about', 'embed', '_astro', 'pagefind', 'data']);
  for (const top of readdirSync(dist).sort()) {
    if (own.has(top) || !statSync(join(dist, top)).isDirectory()) continue;
    if (existsSync(join(dist, top, 'index.html'))) urls.add(`${top}/`);
    const sub = firstSubPage(dist, top);
    if (sub) urls.add(sub);
  }
  urls.add('404.html');
  return [...urls].filter((u) => existsSync(u.endsWith('.html') ? join(dist, u) : join(dist, u, 'index.html')));
}

