// Issue 8: record pages mark OCR corrections like document pages do — the case page (composed with
// its figure <mark>s), the work point page and the 工作任务细则 rows of the scoring page show
// <span class="erratum" title="原文：…（reason）">corrected<sup class="erratum-mark">校</sup></span>.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadPage, type El, type Page } from '../helpers/html';

interface Rec { id: string; body?: string; errata?: { field?: string; original: string; corrected: string; reason: string; occurrence: number }[] }
const json = (name: string) => JSON.parse(readFileSync(`content/data/${name}.json`, 'utf8')) as Rec[];

describe('errata marks on record pages (built site)', () => {
  let dist: string;
  const pages = new Map<string, Page>();
  const page = (path: string) => {
    let p = pages.get(path);
    if (!p) pages.set(path, (p = loadPage(dist, `${path}index.html`)));
    return p;
  };
  const hasClass = (p: Page, el: El, c: string) => (p.attr(el, 'class') ?? '').split(/\s+/).includes(c);
  const marks = (p: Page, root?: El) => p.all('span', root).filter((s) => hasClass(p, s, 'erratum'));
  const markInfo = (p: Page, s: El) => ({ text: p.text(s), title: p.attr(s, 'title') ?? '', sup: p.all('sup', s).filter((x) => hasClass(p, x, 'erratum-mark')).map((x) => p.text(x)) });
  const practice = (p: Page) => p.all('section').find((s) => p.attr(s, 'class')?.includes('practice'))!;

  beforeAll(() => {
    dist = inject('distDir');
    expect(dist, 'needs the site build (tests/setup/build.ts)').toBeTruthy();
  });

  it('沁阳县烟草局: 违法行为 is marked 校 with 违法违法行为 in the title, and the figures keep their <mark>', () => {
    const p = page('cases/qinyangxian-yancaoju/');
    const m = marks(p, practice(p)).map((s) => markInfo(p, s));
    expect(m).toHaveLength(1);
    expect(m[0]!.text).toBe('违法行为校');
    expect(m[0]!.sup).toEqual(['校']);
    expect(m[0]!.title).toMatch(/^原文：违法违法行为（.+）$/);
    expect(p.all('mark', practice(p)).map((x) => p.text(x))).toContain('106次');
  });

  it('濮阳市人力资源社会保障局: the three 工伤认定 are marked, each with 工作认定 in the title', () => {
    const p = page('cases/puyangshi-renliziyuanshehuibaozhangju/');
    const m = marks(p, practice(p)).map((s) => markInfo(p, s));
    expect(m.map((x) => x.text)).toEqual(['工伤认定校', '工伤认定校', '工伤认定校']);
    for (const x of m) expect(x.title).toMatch(/^原文：工作认定（/);
  });

  it('every case with a corrected body shows as many marks as it records, and the practice text is the body exactly', () => {
    const cases = json('cases').filter((c) => c.errata?.some((e) => e.field === 'body'));
    expect(cases.length).toBeGreaterThanOrEqual(7);
    for (const c of cases) {
      const p = page(`cases/${c.id}/`);
      const sec = practice(p);
      const want = c.errata!.filter((e) => e.field === 'body');
      const got = marks(p, sec).map((s) => markInfo(p, s));
      expect(got.map((x) => x.text), c.id).toEqual(want.map((e) => `${e.corrected}校`));
      expect(got.map((x) => x.title), c.id).toEqual(want.map((e) => `原文：${e.original}（${e.reason}）`));
      const paras = p.all('p', sec).filter((x) => !p.attr(x, 'class'));
      const text = paras.map((x) => p.text(x).replaceAll('校', '')).join('');
      expect(text, c.id).toBe(c.body!.replaceAll('\n', '').replaceAll('校', ''));
    }
  });

  it('the work point 全面推进行政裁量权基准制度 (task table row) marks its title; the heading that was right in the source does not', () => {
    for (const id of ['yfzb-2019-12-t1-3', 'yfzb-2019-12-t2-3']) {
      const p = page(`workpoints/${id}/`);
      const h1 = p.all('h1')[0]!;
      const m = marks(p, h1).map((s) => markInfo(p, s));
      expect(m, id).toHaveLength(1);
      expect(m[0]!.text).toBe('全面推进行政裁量权基准制度校');
      expect(m[0]!.title).toMatch(/^原文：全面推进行政执法量权基准制度（/);
      // The Pagefind title stays the plain title (no 校).
      const metaTitle = p.all('*').filter((x) => p.attr(x, 'data-pagefind-meta') === 'title').map((x) => p.text(x));
      expect(metaTitle).toHaveLength(1);
      expect(metaTitle[0]).toMatch(/全面推进行政裁量权基准制度$/);
      expect(metaTitle[0]).not.toContain('校');
    }
    const right = page('workpoints/yfzb-2019-12-3/');
    expect(p0(right)).toContain('行政裁量权基准');
    expect(marks(right).length).toBe(0);
  });

  it('the scoring page marks the 内容 cell of both 工作任务细则 rows', () => {
    const p = page('scoring/');
    for (const id of ['task-detail-1-3', 'task-detail-2-3']) {
      const tr = p.all('tr').find((r) => p.attr(r, 'id') === id)!;
      const m = marks(p, tr).map((s) => markInfo(p, s));
      expect(m.map((x) => x.text), id).toEqual(['全面推进行政裁量权基准制度校']);
      expect(m[0]!.title).toMatch(/^原文：全面推进行政执法量权基准制度（/);
    }
    expect(marks(p)).toHaveLength(2);
  });

  function p0(p: Page): string {
    return p.text(p.all('h1')[0]!);
  }
});
