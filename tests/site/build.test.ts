// Issue 2 (site half): the built pages exist and link correctly — every document has a page with
// the metadata table, source lines and 上一篇/下一篇; the library and its year/issuer filter pages
// list them; 郑法政办〔2019〕7号 links to the three documents it forwards; cited 文号 are linked or
// labelled 未收录; personal mobile numbers are masked; only record content is in the Pagefind body.
import { describe, it, expect, inject, beforeAll } from 'vitest';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { loadPage, htmlFiles, type Page, type El } from '../helpers/html';
import { parseSiteConfig } from '../../src/lib/site';

interface Meta { id: string; title: string; docNumber?: string; signedDate?: string; printedDate?: string; year?: number; issuers?: string[]; children?: string[]; parent?: string; source: { file: string; lines: [number, number] } }

function contentDocs(): Meta[] {
  const dir = 'content/documents';
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .map((f) => {
      const fm = readFileSync(join(dir, f), 'utf8').match(/^---\n([\s\S]*?)\n---/)![1]!;
      const d = parseYaml(fm) as Meta;
      return { ...d, id: d.id ?? f.replace(/\.mdx$/, '') };
    });
}

describe('built site pages', () => {
  let dist: string;
  let docs: Meta[];
  const pages = new Map<string, Page>();
  const page = (path: string) => {
    let p = pages.get(path);
    if (!p) pages.set(path, (p = loadPage(dist, `${path}index.html`)));
    return p;
  };
  const hrefs = (p: Page, root?: El) => p.all('a', root).map((a) => p.attr(a, 'href') ?? '');
  const cfg = parseSiteConfig(readFileSync('site.config.yaml', 'utf8'));

  beforeAll(() => {
    dist = inject('distDir');
    docs = contentDocs();
  });

  it('has the documents from the ingest (content/documents)', () => {
    expect(docs.length).toBeGreaterThanOrEqual(14); // 4 + 5 + 3 + 1 + 1 documents in the five seeds (issue 2)
  });

  it('renders a page for every document, with the metadata table, source lines and pager', () => {
    for (const d of docs) {
      const p = page(`documents/${d.id}/`);
      const h1 = p.all('h1');
      expect(h1.length, d.id).toBe(1);
      expect(p.text(h1[0]!).trim()).toBe(d.title);
      const ths = p.all('th').map((t) => p.text(t).trim());
      // 发布日期 where the notice gives one; a printed date is labelled 印发日期, never passed off as 发布日期.
      const pubLabel = (d as { publishedDate?: string }).publishedDate || !d.printedDate ? '发布日期' : '印发日期';
      for (const label of ['发文机关', '发文字号', '成文日期', pubLabel]) expect(ths, d.id).toContain(label);
      if (d.printedDate) {
        const row = p.all('th').find((t) => p.text(t).trim() === pubLabel)!;
        expect(p.html).toContain(`<time datetime="${d.printedDate}"`);
        expect(row).toBeDefined();
      }
      if (d.docNumber) expect(p.html).toContain(d.docNumber);
      const [a, b] = d.source.lines;
      expect(p.html, d.id).toContain(`来源：${d.source.file} 第 ${a}${a !== b ? `–${b}` : ''} 行`);
      expect(p.html).toContain('上一篇');
      expect(p.html).toContain('下一篇');
    }
  });

  it('lists every document in the library and its table view, newest first', () => {
    const lib = page('documents/');
    const table = page('documents/table/');
    for (const d of docs) {
      expect(hrefs(lib)).toContain(`/documents/${d.id}/`);
      expect(hrefs(table)).toContain(`/documents/${d.id}/`);
    }
    const dates = table.all('time').map((t) => table.attr(t, 'datetime')!);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('has a pre-rendered page for each year and issuer filter, reachable by plain links', () => {
    const lib = page('documents/');
    const years = hrefs(lib).filter((h) => /^\/documents\/year\/\d{4}\/$/.test(h));
    const issuers = hrefs(lib).filter((h) => /^\/documents\/issuer\/[0-9a-f]{8}\/$/.test(h));
    // A document files under its own date's year, else the year the ingest gave it (文号, parent's date).
    const yearOf = (d: Meta) => (d.signedDate ?? d.printedDate)?.slice(0, 4) ?? (d.year ? String(d.year) : undefined);
    const expectYears = new Set(docs.map(yearOf).filter(Boolean));
    expect(new Set(years.map((h) => h.split('/')[3]))).toEqual(expectYears);
    expect(issuers.length).toBe(new Set(docs.flatMap((d) => d.issuers ?? [])).size);
    for (const h of [...years, ...issuers]) expect(existsSync(join(dist, h, 'index.html')), h).toBe(true);
    // Each year page lists exactly that year's documents, attachments and printed 方案 included.
    for (const y of expectYears) {
      const yp = page(`documents/year/${y}/`);
      const listed = hrefs(yp, yp.all('main')[0]).filter((h) => /^\/documents\/(?!year|issuer|table)[^/]+\/$/.test(h));
      expect(new Set(listed), y).toEqual(new Set(docs.filter((d) => yearOf(d) === y).map((d) => `/documents/${d.id}/`)));
    }
    expect(docs.filter((d) => yearOf(d) === '2023')).toHaveLength(3);
  });

  it('the page of 郑法政办〔2019〕7号 links to the three documents it forwards', () => {
    const zz = docs.find((d) => d.docNumber === '郑法政办〔2019〕7号');
    expect(zz).toBeDefined();
    const p = page(`documents/${zz!.id}/`);
    const linked = new Set(hrefs(p));
    for (const n of ['豫法政办〔2019〕10号', '豫法政办〔2018〕15号', '豫法政办〔2019〕12号']) {
      const target = docs.find((d) => d.docNumber === n);
      expect(target, n).toBeDefined();
      expect(linked.has(`/documents/${target!.id}/`), n).toBe(true);
    }
  });

  it('every cited 文号 is a link to the document or labelled 未收录', () => {
    for (const d of docs) {
      const p = page(`documents/${d.id}/`);
      const rel = p.all('section').find((s) => p.attr(s, 'class') === 'relations');
      if (!rel) continue;
      for (const li of p.all('li', rel)) {
        const t = p.text(li);
        if (!/〔\d{4}〕\d+号/.test(t)) continue;
        expect(p.all('a', li).length > 0 || t.includes('未收录'), `${d.id}: ${t}`).toBe(true);
      }
    }
  });

  it('masks personal mobile numbers on every page (maskMobile)', () => {
    expect(cfg.maskMobile).toBe(true);
    for (const f of htmlFiles(dist)) {
      const text = readFileSync(join(dist, f), 'utf8').replace(/<[^>]+>/g, ' ');
      expect(text.match(/(?<!\d)1[3-9]\d{9}(?!\d)/g), f).toBeNull();
    }
  });

  it('publishes the documents as open data (data/documents.json) with page URLs', () => {
    const data = JSON.parse(readFileSync(join(dist, 'data/documents.json'), 'utf8')) as { count: number; documents: (Meta & { url: string })[] };
    expect(data.count).toBe(docs.length);
    expect(data.documents.map((d) => d.id).sort()).toEqual(docs.map((d) => d.id).sort());
    for (const d of data.documents) {
      expect(d.url).toBe(`/documents/${d.id}/`);
      expect(existsSync(join(dist, d.url, 'index.html')), d.url).toBe(true);
      expect(d.source.file).toMatch(/^\d{3}_[0-9a-f]+\.txt$/);
    }
    expect(data.documents.find((d) => d.docNumber === '郑法政办〔2019〕7号')?.children).toHaveLength(3);
  });

  it('masks personal mobile numbers in every published text file, open data and feeds included', () => {
    const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? (e.name === 'pagefind' ? [] : walk(join(dir, e.name))) : [join(dir, e.name)]);
    const textFiles = walk(dist).filter((f) => /\.(html|json|csv|xml|ics|txt)$/.test(f));
    expect(textFiles.some((f) => f.endsWith('data/documents.json'))).toBe(true);
    for (const f of textFiles) {
      expect(readFileSync(f, 'utf8').match(/(?<![\d-])1[3-9]\d{9}(?!\d)/g), f).toBeNull();
    }
  });

  it('indexes only record content: chrome is outside the Pagefind body, list pages have none', () => {
    for (const d of docs) {
      const p = page(`documents/${d.id}/`);
      const bodies = p.all('*').filter((e) => p.attr(e, 'data-pagefind-body') !== undefined);
      expect(bodies.map((b) => b.tagName)).toEqual(['main']);
      for (const tag of ['header', 'footer', 'nav']) for (const el of p.all(tag, bodies[0])) {
        expect(p.ancestors(el).some((a) => p.attr(a, 'data-pagefind-ignore') !== undefined), `${d.id} ${tag}`).toBe(true);
      }
      const filters = p.all('*').map((e) => p.attr(e, 'data-pagefind-filter')).filter(Boolean);
      expect(filters).toContain('type');
      if (d.issuers?.length) expect(filters).toContain('issuer');
      if (d.signedDate || d.printedDate || d.year) expect(filters).toContain('year');
      const metas = p.all('*').map((e) => p.attr(e, 'data-pagefind-meta')).filter(Boolean);
      expect(metas).toContain('title');
      if (d.docNumber) expect(metas).toContain('docNumber');
    }
    for (const list of ['', 'documents/', 'documents/table/', 'about/']) expect(page(list).html).not.toContain('data-pagefind-body');
  });

  it('home shows the column name, introduction, counts and the latest documents', () => {
    const p = page('');
    expect(p.text(p.all('h1')[0]!)).toBe(cfg.name);
    expect(p.html).toContain(cfg.description.slice(0, 20));
    expect(p.html).toContain(`>${docs.length}</span>`);
    const latest = hrefs(p).filter((h) => /^\/documents\/[^/]+\/$/.test(h) && !/\/(year|issuer|table)\//.test(h));
    expect(latest.length).toBe(Math.min(8, docs.length));
    // Every section, and the theme overview, is an entry point from the home page.
    for (const h of ['/documents/', '/indicators/', '/cases/', '/workpoints/', '/timeline/', '/themes/', '/search/']) {
      if (existsSync(join(dist, h, 'index.html'))) expect(hrefs(p, p.all('main')[0]), h).toContain(h);
    }
    expect(existsSync(join(dist, 'themes', 'index.html'))).toBe(true);
  });

  it('every page carries the footer lines from the site config', () => {
    for (const f of htmlFiles(dist).filter((f) => !f.startsWith('embed/'))) {
      const html = readFileSync(join(dist, f), 'utf8');
      if (!html.includes('class="site-footer"')) continue; // pages with their own layout (none expected)
      expect(html, f).toContain(`主办单位：${cfg.host}`);
      if (cfg.siteCode) expect(html, f).toContain(`网站标识码：${cfg.siteCode}`);
      if (cfg.icp) expect(html, f).toContain(cfg.icp);
    }
  });
});
