/**
 * Issue 11 §2 — several 责任清单 and scoring lists on the site: the seeds plus two more lists
 * (tests/fixtures/isolation/lists: a 2023 and a revised 2024 list, each with a scoring table) go
 * through the real ingest CLI and one astro build of a scratch project (tests/helpers/scratch-build.ts).
 * /indicators/ and /scoring/ are indexes of the lists, each list on /indicators/list/<key>/ and /scoring/list/<key>/ (issue 13);
 * /units/ shows each list under its own heading; the seed list keeps its record ids and URLs. The seed site itself (one list) is tested by tests/indicators/site.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseHtml } from 'parse5';
import { ingestAndBuild, removeScratch, scratchDir } from '../helpers/scratch-build';
import { indicatorLists, groupByList, scoringLists } from '../../src/lib/indicators';

const SEEDS = 'content/sources';
const LISTS = 'tests/fixtures/isolation/lists';

/** Text of an HTML page without tags (whitespace collapsed). */
function text(html: string): string {
  const out: string[] = [];
  const walk = (n: any) => {
    if (n.nodeName === '#text') out.push(n.value);
    if (n.nodeName === 'script' || n.nodeName === 'style') return;
    for (const c of n.childNodes ?? []) walk(c);
  };
  walk(parseHtml(html));
  return out.join('').replace(/\s+/g, ' ');
}

describe('lists: pure shaping', () => {
  const ind = (id: string, order: number, list?: string) => ({ id, order, seq: order, kind: 'indicator' as const, text: id, materials: [], materialsIntro: null, units: [], unitNote: null, status: 'pending' as const, limits: { timeWindow: [], words: null, wordsFromNote: false, count: [], seal: false }, area: null, areaNo: null, source: { file: 'a.txt', lines: [1, 1] as [number, number] }, ...(list ? { list } : {}) });
  it('one list: every record in it, groups as groupByArea (keys a0 …)', () => {
    const lists = indicatorLists([ind('002', 2), ind('001', 1)], [{ title: '清单', areas: [] }]);
    expect(lists.map((l) => [l.title, l.indicators.map((r) => r.id)])).toEqual([['清单', ['001', '002']]]);
    expect(groupByList(lists).map((g) => [g.key, g.listTitle])).toEqual([['a0', undefined]]);
  });
  it('several lists: in their order, each with its records, group keys prefixed and the first group of each list headed', () => {
    const metas = [{ title: '乙', list: 'b', order: 2, areas: [] }, { title: '甲', list: 'a', order: 1, areas: [] }];
    const lists = indicatorLists([ind('001', 1, 'a'), ind('b--001', 1, 'b'), ind('b--002', 2, 'b')], metas);
    expect(lists.map((l) => [l.key, l.indicators.map((r) => r.id)])).toEqual([['a', ['001']], ['b', ['b--001', 'b--002']]]);
    expect(groupByList(lists).map((g) => [g.key, g.list, g.listTitle])).toEqual([['l1-a0', 'a', '甲'], ['l2-a0', 'b', '乙']]);
  });
  it('scoring lists: by the checks\' order; one check takes every criterion', () => {
    expect(scoringLists([{ order: 2 }, { order: 1 }], [{}]).map((l) => l.criteria.map((c) => c.order))).toEqual([[1, 2]]);
    const two = scoringLists([{ order: 1, list: 'y' }, { order: 1, list: 'x' }], [{ list: 'y', order: 2 }, { list: 'x', order: 1 }]);
    expect(two.map((l) => [l.key, l.criteria.length])).toEqual([['x', 1], ['y', 1]]);
  });
});

describe('the seeds plus a 2023 and a 2024 list: ingest CLI + one astro build', () => {
  let work: string;
  let dist: string;
  const page = (p: string) => readFileSync(join(dist, p, 'index.html'), 'utf8');

  beforeAll(() => {
    work = scratchDir('cjzl-iso-lists-');
    const src = join(work, 'sources');
    mkdirSync(src);
    for (const f of readdirSync(SEEDS)) copyFileSync(join(SEEDS, f), join(src, f));
    for (const f of readdirSync(LISTS)) copyFileSync(join(LISTS, f), join(src, f));
    dist = ingestAndBuild(work);
  }, 900_000);
  afterAll(() => {
    if (work) removeScratch(work);
  });

  it('the seed list keeps its ids and URLs; the other lists are prefixed by their document', () => {
    for (const p of ['indicators/001', 'indicators/bonus-1', 'indicators/veto-2', 'indicators/2023-mxnfzzfjssfcjgzf--003', 'indicators/2024-mxnfzzfjssfcjgzf--002']) expect(existsSync(join(dist, p, 'index.html')), p).toBe(true);
    const json = JSON.parse(readFileSync(join(dist, 'data/indicators.json'), 'utf8')) as { id: string; list?: string }[];
    expect(json).toHaveLength(109);
    expect(new Set(json.map((r) => r.list))).toEqual(new Set(['xyxcjqsfzzfjssfx-fj1', '2023-mxnfzzfjssfcjgzf', '2024-mxnfzzfjssfcjgzf']));
  });

  it('/indicators/: an index of the lists in corpus order, each list on its own page with its own groups, area filter and CSV data', () => {
    const html = page('indicators');
    const rows = [...html.matchAll(/<li><a href="(\/indicators\/list\/[^"]+)">([^<]+)<\/a>/g)].map((m) => [m[1], m[2]!.trim()]);
    expect(rows).toEqual([
      ['/indicators/list/xyxcjqsfzzfjssfx-fj1/', '夏邑县争创河南省法治政府建设示范县填报材料责任清单'],
      ['/indicators/list/2023-mxnfzzfjssfcjgzf/', '某县2023年争创法治政府建设示范县填报材料责任清单'],
      ['/indicators/list/2024-mxnfzzfjssfcjgzf/', '某县2024年争创法治政府建设示范县填报材料责任清单'],
    ]);
    expect(text(html)).toContain('本站收录 3 份填报材料责任清单');
    expect(html).not.toContain('data-id="001"'); // no list's rows on the index
    // The 2024 list's page: only its rows, its own groups in the area filter, its own records for the CSV.
    const l3 = page('indicators/list/2024-mxnfzzfjssfcjgzf');
    expect(text(l3)).toContain('某县2024年争创法治政府建设示范县填报材料责任清单');
    expect(l3).toMatch(/<tr data-id="2024-mxnfzzfjssfcjgzf--001"[^>]*data-area="a0"/);
    expect(l3).not.toMatch(/<tr data-id="(?:001|2023-mxnfzzfjssfcjgzf--001)"/);
    expect(l3).toMatch(/<select id="ind-area" name="area"><option value="">全部领域<\/option><option value="a0">/);
    expect(l3).toContain('data-csv="/data/indicators/2024-mxnfzzfjssfcjgzf.csv"');
    const csv3 = readFileSync(join(dist, 'data/indicators/2024-mxnfzzfjssfcjgzf.csv'), 'utf8');
    const csvIds = csv3.split('\r\n').map((l) => /^((?:[\w-]+--)?(?:\d{3}|bonus-\d+|veto-\d+)),/.exec(l)?.[1]).filter(Boolean);
    expect(csvIds.sort()).toEqual([...l3.matchAll(/<tr data-id="([^"]+)"/g)].map((m) => m[1]).sort());
    // The seed list keeps its table (104 rows) on its own page.
    expect([...page('indicators/list/xyxcjqsfzzfjssfx-fj1').matchAll(/<tr data-id="/g)]).toHaveLength(104);
  });

  it('an indicator of the 2024 list names its list; prev/next stay inside it', () => {
    const t = text(page('indicators/2024-mxnfzzfjssfcjgzf--002'));
    expect(t).toMatch(/清单\s*某县2024年争创法治政府建设示范县填报材料责任清单/);
    expect(page('indicators/2024-mxnfzzfjssfcjgzf--002')).toContain('indicators/2024-mxnfzzfjssfcjgzf--001/');
    // its area and 返回 links go to its list's page
    expect(page('indicators/2024-mxnfzzfjssfcjgzf--002')).toContain('href="/indicators/list/2024-mxnfzzfjssfcjgzf/?area=a0"');
  });

  it('/scoring/: an index of the seed standard and the two fixture standards, each on its own page with its own points check', () => {
    const s = JSON.parse(readFileSync(join(dist, 'data/scoring.json'), 'utf8'));
    expect(s.checks.map((c: { id: string }) => c.id)).toEqual(['check', '2023-mxnfzzfjssfcjgzf--check', '2024-mxnfzzfjssfcjgzf--check']);
    const titles = ['河南省行政执法责任制示范单位创建标准', '某县2023年行政执法责任制示范点创建标准', '某县2024年行政执法责任制示范点创建标准'];
    const index = page('scoring');
    // The index holds no scoring table (issue 13: every list on one page was 8 MB at 1,000 notices) …
    expect(index).not.toContain('class="score-table"');
    const links = [...index.matchAll(/<li><a href="(\/scoring\/list\/[^"]+\/)">([^<]+)<\/a>/g)].map((m) => [m[1], m[2]]);
    expect(links.map((l) => l[1])).toEqual(titles);
    // Lists of one title are told apart by the document printing them: its 文号 (or its notice's), else its title.
    const docs = JSON.parse(readFileSync(join(dist, 'data/documents.json'), 'utf8')).documents as { id: string; title: string; docNumber?: string; children?: string[] }[];
    const parentOf = (id: string) => docs.find((d) => d.children?.includes(id));
    const printedIn = s.checks.map((c: { document: string }) => {
      const d = docs.find((x) => x.id === c.document)!;
      const p = parentOf(d.id);
      return d.docNumber ?? p?.docNumber ?? p?.title ?? d.title;
    });
    expect(printedIn.slice(1)).toEqual(['某县2023年法治政府建设示范创建工作方案', '某县2024年法治政府建设示范创建工作方案（修订）']);
    const lines = [...index.matchAll(/<li><a href="\/scoring\/list\/[^"]+\/">[^<]+<\/a><span class="muted">([^<]*)<\/span>/g)].map((m) => m[1]);
    expect(lines.map((l, i) => l!.startsWith(`见${printedIn[i]}；`))).toEqual([true, true, true]);
    // A list's key is its document's (the seed standard has none: its position).
    expect(links.map((l) => l[0])).toEqual(s.checks.map((c: { list?: string }, i: number) => `/scoring/list/${c.list || i + 1}/`));
    // … each list page holds its table, its title as the h1 and its own points check.
    for (const [i, [href]] of links.entries()) {
      const html = page(href!.slice(1, -1));
      expect(html.match(/<h1[^>]*>([^<]+)<\/h1>/)?.[1]).toBe(titles[i]);
      expect(html.match(/id="check-h(?:-\d)?"/g)).toEqual(['id="check-h"']);
      expect(html).toContain('class="score-table"');
    }
    expect(page(links[2]![0]!.slice(1, -1))).toContain('id="2024-mxnfzzfjssfcjgzf--criterion-01"');
    expect(page(links[1]![0]!.slice(1, -1))).not.toContain('id="2024-mxnfzzfjssfcjgzf--criterion-01"');
  });

  it('/units/: a unit of several lists shows its indicators per list', () => {
    const t = text(page('units'));
    expect(t).toMatch(/县司法局.*某县2023年争创法治政府建设示范县填报材料责任清单：3.*某县2024年争创法治政府建设示范县填报材料责任清单：2/);
    const unit = text(page('units/xian-si-fa-ju'));
    expect(unit).toMatch(/第 3 项\s*某县2023年争创法治政府建设示范县填报材料责任清单/);
  });
});
