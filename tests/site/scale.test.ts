/**
 * Issue 13 (scale): pages that held a whole collection now hold only their own part, and per-page
 * lookups are indexed once per loaded list without going stale for another list.
 */
import { describe, expect, inject, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPage } from '../helpers/html';
import { filterCases, prevNextCase, type CaseLike } from '../../src/lib/cases';
import { childrenOf, prevNext as wpPrevNext, type WorkPointLike } from '../../src/lib/workpoints';
import { prevNext as docPrevNext, related, type DocEntry } from '../../src/lib/documents';

const dist = inject('distDir');

describe('pages hold their own part, not the whole collection', () => {
  it('every case facet page lists exactly its own cases, none hidden', () => {
    const cases = (JSON.parse(readFileSync(join(dist, 'data/cases.json'), 'utf8')) as { cases: CaseLike[] }).cases;
    const keys = { city: 'city', department: 'department', theme: 'theme' } as const;
    let pages = 0;
    for (const [dir, key] of Object.entries(keys)) {
      for (const slug of readdirSync(join(dist, 'cases', dir))) {
        const p = loadPage(dist, `cases/${dir}/${slug}/index.html`);
        const cards = p.all('li').filter((li) => p.attr(li, 'data-case') !== undefined);
        expect(cards.every((li) => p.attr(li, 'hidden') === undefined)).toBe(true);
        expect(cards.map((li) => p.text(p.all('h3', li)[0]!).trim())).toEqual(filterCases(cases, { [key]: slug }).map((c) => c.unit));
        pages++;
      }
    }
    expect(pages).toBeGreaterThan(10);
    // the list page itself still carries every case for the in-place filter
    const all = loadPage(dist, 'cases/index.html');
    expect(all.all('li').filter((li) => all.attr(li, 'data-case') !== undefined)).toHaveLength(cases.length);
  });

  it('the search page does not embed the 文号 table; it points to data/docnumbers.json', () => {
    const html = readFileSync(join(dist, 'search/index.html'), 'utf8');
    expect(html).not.toContain('id="search-docnumbers"');
    expect(html).toMatch(/data-docnumbers="\/data\/docnumbers\.json"/);
    expect(existsSync(join(dist, 'data/docnumbers.json'))).toBe(true);
  });
});

describe('indexes kept with a list are never reused for another list', () => {
  const wp = (id: string, line: number, parent?: string) => ({
    id, kind: 'item' as const, document: { id: 'd', title: 'D' }, section: 's', seq: line, marker: `${line}.`, order: line, title: id,
    ...(parent ? { parent } : {}), body: '', deadlines: [], quotas: [], units: [], themes: [], source: { file: 'f.txt', lines: [line, line] as [number, number] },
  });
  it('work points: prev/next and children follow the list passed in', () => {
    const a = [wp('a', 1), wp('b', 2, 'a'), wp('c', 3)] as unknown as WorkPointLike[];
    const b = [wp('c', 3), wp('a', 1), wp('x', 2, 'a')] as unknown as WorkPointLike[];
    expect(wpPrevNext(a, 'a').next?.id).toBe('b');
    expect(childrenOf(a, 'a').map((p) => p.id)).toEqual(['b']);
    expect(wpPrevNext(b, 'a').next?.id).toBe('x');
    expect(childrenOf(b, 'a').map((p) => p.id)).toEqual(['x']);
  });
  it('documents and cases: prev/next and children follow the list passed in', () => {
    const doc = (id: string, parent?: string): DocEntry => ({ id, data: { title: id, issuers: [], kind: '通知', children: [], attachments: [], contacts: [], cites: [], ...(parent ? { parent } : {}), source: { file: 'f', lines: [1, 1] } } });
    const one = [doc('p'), doc('k1', 'p'), doc('q')];
    const two = [doc('q'), doc('p'), doc('k2', 'p')];
    expect(docPrevNext(one, 'p').next?.id).toBe('k1');
    expect(related(one[0]!, one).children.map((d) => d.id)).toEqual(['k1']);
    expect(docPrevNext(two, 'p').next?.id).toBe('k2');
    expect(related(two[1]!, two).children.map((d) => d.id)).toEqual(['k2']);
    const c = (id: string, seq: number) => ({ id, seq, unit: id, department: 'x', departmentSlug: 'x', themes: [], body: '' }) as unknown as CaseLike;
    expect(prevNextCase([c('a', 1), c('b', 2)], 'a').next?.id).toBe('b');
    expect(prevNextCase([c('a', 1), c('z', 2)], 'a').next?.id).toBe('z');
  });
});

describe('record pages stay light (issue 13: page weight at 48,000 pages)', () => {
  const records = ['indicators/050', 'cases/qinyangxian-yancaoju', 'workpoints/2016-hjqntjyfxzjsfzzf-5-16', 'documents/2016-hjqntjyfxzjsfzzf'];

  it('no inline script and no data-astro-cid attribute: one cached site.js in <head>, page styles global under .main', () => {
    for (const r of records) {
      const p = loadPage(dist, `${r}/index.html`);
      const scripts = p.all('script');
      expect(scripts.map((s) => p.attr(s, 'src')), r).toEqual(['/site.js']);
      expect(p.html, r).not.toMatch(/data-astro-cid-/);
      // the tool buttons need JavaScript: site.js builds them, the page carries an empty box
      expect(p.all('button').filter((b) => p.attr(b, 'data-font-set') !== undefined), r).toHaveLength(0);
      expect(p.all('div').some((d) => p.attr(d, 'class') === 'tools'), r).toBe(true);
    }
    expect(existsSync(join(dist, 'site.js'))).toBe(true);
  });

  it('相关内容: at most 3 links a list, no empty list, the shared themes named once and linked to their theme pages', () => {
    for (const r of records.slice(0, 3)) {
      const p = loadPage(dist, `${r}/index.html`);
      const section = p.all('section').find((s) => p.attr(s, 'class') === 'related')!;
      const groups = p.all('div', section).filter((d) => p.attr(d, 'class') === 'related-group');
      expect(groups.length, r).toBeGreaterThan(0);
      for (const g of groups) expect(p.all('li', g).length, r).toBeGreaterThanOrEqual(1);
      for (const g of groups) expect(p.all('li', g).length, r).toBeLessThanOrEqual(3);
      const themeLinks = p.all('a', section).map((a) => p.attr(a, 'href')!).filter((h) => h.startsWith('/themes/'));
      expect(themeLinks.length, r).toBeGreaterThan(0);
      expect(new Set(themeLinks).size, r).toBe(themeLinks.length);
      for (const h of themeLinks) expect(existsSync(join(dist, h, 'index.html')), h).toBe(true);
      expect(p.text(section), r).not.toContain('暂无');
    }
  });
});
