/**
 * Issue 11 §2 — no notice stops the others. Every decodable notice is published as a document with
 * all its text; record ids are unique by construction; what an extractor cannot read is skipped with a
 * WARNING (file:line, what to do) and the rest goes on; --strict turns warnings into errors.
 * Fixtures: tests/fixtures/isolation/<case>/ (short notices written for these tests).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runIngest, type IngestReport } from '../../scripts/ingest/run';
import { extractors as registered } from '../../scripts/ingest/extractors/index';
import { idPrefixes } from '../../scripts/ingest/extractors/workpoints';
import { clean } from '../../scripts/ingest/clean';
import type { Extractor, RecordOut } from '../../scripts/ingest/types';

const FIX = 'tests/fixtures/isolation';
const ingest = (dir: string, extra: { extractors?: Extractor[]; strict?: boolean } = {}) => runIngest({ sources: join(FIX, dir), errata: [], ...extra });
const of = (r: IngestReport, collection: string) => r.records.filter((x) => x.collection === collection);

/** Every record id unique in its collection, every file covered 100%. */
function expectWhole(r: IngestReport) {
  for (const c of Object.keys(r.collections)) {
    const ids = of(r, c).map((x) => x.id);
    expect(new Set(ids).size, c).toBe(ids.length);
  }
  for (const f of r.files) expect(f.coverage.missing, f.file).toEqual([]);
}

describe('numbering a careful reader can place is never a refusal: ids unique by construction', () => {
  it('a regulation (第一章/第一条 with （一）（二） under two 条), a 1/1.1/7.2 plan and restarting 1. 2. lists: every document published, work point ids unique, no warning', async () => {
    const r = await ingest('numbering');
    expect(r.warnings).toEqual([]);
    expect(r.documents.map((d) => d.source.file)).toEqual(['a-regulation.txt', 'b-plan.txt', 'c-restart.txt']);
    expectWhole(r);
    const ids = of(r, 'workpoints').map((x) => x.id);
    // The numbering restarts under one parent: the second 1. is <n>r2, not a second "1".
    const restart = of(r, 'workpoints').filter((x) => x.data.source.file === 'c-restart.txt');
    expect(restart.length).toBeGreaterThanOrEqual(7);
    expect(ids.some((id) => /-1r2(?:-|$)/.test(id))).toBe(true);
    // The two 一、 sections of c-restart are distinct in the ids of their items.
    const firstUnderSecondYi = restart.find((x) => String(x.data.title).startsWith('各乡镇要把法治政府建设'));
    expect(firstUnderSecondYi?.id).toMatch(/-1r2-1$/);
  });

  it('three notices with one title and no 文号 (ids x, x-2, x-3): the work points of x-2 never take the id of x › 2 › 1', async () => {
    const r = await ingest('suffix');
    expectWhole(r);
    expect(r.warnings).toEqual([]);
    const docs = r.documents.map((d) => d.id);
    expect(docs).toHaveLength(3);
    expect(docs[1]).toBe(`${docs[0]}-2`);
    const wp = of(r, 'workpoints');
    const byDoc = (id: string) => wp.filter((x) => (x.data.document as { id: string }).id === id).map((x) => x.id);
    // x › 二 › 1 is x-2-1; x-2's item 1 would spell the same id: it gets x-2--1.
    expect(byDoc(docs[0]!)).toContain(`${docs[0]}-2-1`);
    expect(byDoc(docs[1]!)).toEqual([`${docs[1]}--1`, `${docs[1]}--2`]);
    expect(byDoc(docs[2]!)).toEqual([`${docs[2]}--1`]);
  });

  it('idPrefixes: "--" only for an id that another id plus path steps spells (x-2, x-2r2 … not x-fj1)', () => {
    const p = idPrefixes(['x', 'x-2', 'x-fj1', 'y-2024-3', 'y-2024-3-2', 'z-t1-4']);
    expect(Object.fromEntries(p)).toEqual({ x: 'x-', 'x-2': 'x-2--', 'x-fj1': 'x-fj1-', 'y-2024-3': 'y-2024-3-', 'y-2024-3-2': 'y-2024-3-2--', 'z-t1-4': 'z-t1-4-' });
  });
});

describe('two notices are one notice only when their text says so', () => {
  it('two 答复 with the same title (printed over two lines) and no 文号, other text: two documents with distinct ids', async () => {
    const r = await ingest('dafu');
    expect(r.warnings).toEqual([]);
    expect(r.duplicates).toEqual([]);
    expect(r.documents).toHaveLength(2);
    expect(r.documents[0]!.title).toBe(r.documents[1]!.title);
    expect(r.documents[0]!.title).toContain('第12号建议的答复');
    expect(new Set(r.documents.map((d) => d.id)).size).toBe(2);
    expectWhole(r);
  });

  it('two 倡议书 with the same title from two cities: two documents, each with its own issuer', async () => {
    const r = await ingest('changyi');
    expect(r.warnings).toEqual([]);
    expect(r.documents.map((d) => d.title)).toEqual(['文明出行倡议书', '文明出行倡议书']);
    expect(r.documents.map((d) => d.source.file)).toEqual(['a.txt', 'b.txt']);
    expect(new Set(r.documents.map((d) => d.id)).size).toBe(2);
    expectWhole(r);
  });

  it('the same 文号 with another text: the first by file name published, the other skipped with one WARNING naming both files and the first differing line', async () => {
    const r = await ingest('versions');
    expect(r.documents.map((d) => d.source.file)).toEqual(['a.txt']);
    expect(r.warnings).toHaveLength(1);
    const w = r.warnings[0]!;
    expect([w.code, w.file, w.line]).toEqual(['conflict', 'b.txt', 9]);
    expect(w.detail).toContain('(某政办〔2024〕5号)');
    expect(w.detail).toMatch(/a\.txt:9 "县政府决定于2024年5月.*" \/ b\.txt:9 "县政府决定于2024年6月/);
    expect(w.action).toMatch(/remove the other file from content\/sources\//);
    // The skipped version is named in the report, so its lines count as accounted for.
    for (const f of r.files) expect(f.coverage.missing, f.file).toEqual([]);
  });
});

describe('a notice saved as a portal page and copied as text is one notice', () => {
  it('the page\'s metadata block (索引号, 主题分类, 发布日期 …) is not the notice\'s text: a duplicate, not a second version', async () => {
    const r = await ingest('portal');
    expect(r.warnings).toEqual([]);
    expect(r.documents).toHaveLength(1);
    expect(r.duplicates.map((d) => [d.reason, d.docNumber, d.sources.map((x) => x.split(':')[0])])).toEqual([['发文字号', '某政办〔2024〕5号', ['a-page.txt', 'b-copy.txt']]]);
    for (const f of r.files) expect(f.coverage.missing, f.file).toEqual([]);
  });
});

describe('several 责任清单 and scoring tables in one corpus: each read as its own list', () => {
  it('the 2023 list keeps its printed ids, the 2024 list is prefixed by its document and names its list', async () => {
    const r = await ingest('lists');
    expect(r.warnings).toEqual([]);
    expectWhole(r);
    const ind = of(r, 'indicators');
    expect(ind.map((x) => x.id)).toEqual(['001', '002', '003', '2024-mxnfzzfjssfcjgzf--001', '2024-mxnfzzfjssfcjgzf--002']);
    // The scoring table printed right after the 2023 list (and its caption) is not read into the list's last row.
    expect(ind.map((x) => x.data.units)).toEqual([['县委编办'], ['县发展改革委'], ['县司法局'], ['县委编办'], ['县司法局']]);
    const lists = [...new Set(ind.map((x) => x.data.list))];
    expect(lists).toEqual(['2023-mxnfzzfjssfcjgzf', '2024-mxnfzzfjssfcjgzf']);
    expect(ind.filter((x) => x.data.list === lists[1]).map((x) => x.data.text)).toEqual(['动态调整权责清单。', '推进证明事项告知承诺制。']);
    expect(of(r, 'indicatormeta').map((x) => [x.id, x.data.list, x.data.order])).toEqual([
      ['checklist', lists[0], 1],
      ['2024-mxnfzzfjssfcjgzf--checklist', lists[1], 2],
    ]);
    const scoring = of(r, 'scoring');
    expect(scoring.map((x) => x.id).sort()).toEqual(['2024-mxnfzzfjssfcjgzf--check', '2024-mxnfzzfjssfcjgzf--criterion-01', 'check', 'criterion-01']);
    expect(scoring.find((x) => x.id === '2024-mxnfzzfjssfcjgzf--criterion-01')!.data.list).toBe('2024-mxnfzzfjssfcjgzf');
    expect(String(scoring.find((x) => x.id === '2024-mxnfzzfjssfcjgzf--criterion-01')!.data.rule)).toContain('扣20分');
  });
});

describe('a table an extractor cannot read is skipped with a warning, the rest goes on', () => {
  it('a 责任清单 whose rows are not numbered 1, 2, 3: no indicators from it, one WARNING at the table (file:line, what to do); both documents published', async () => {
    const r = await ingest('unreadable');
    expect(r.documents.map((d) => d.source.file)).toEqual(['a-list.txt', 'b-other.txt']);
    expect(r.collections.indicators ?? 0).toBe(0);
    expect(r.warnings.map((w) => [w.code, w.extractor, w.file, w.line])).toEqual([['skipped', 'indicators', 'a-list.txt', 6]]);
    expect(r.warnings[0]!.detail).toMatch(/could not be read as a 责任清单 .*no rows numbered from 1/);
    expect(r.warnings[0]!.action).toMatch(/rows numbered 1, 2, 3/);
    expectWhole(r);
  });
});

describe('an extractor that fails on one notice does not stop the others', () => {
  /** Throws on the notice whose text holds 李某某 (b.txt), one record per document otherwise. */
  const fragile: Extractor = {
    name: 'fragile',
    extract(ctx) {
      const out: RecordOut[] = [];
      for (const root of ctx.roots)
        for (const doc of root.children) {
          const lines = doc.children.map((b) => ('text' in b ? b.text : ''));
          const at = doc.children.find((b) => 'text' in b && b.text.includes('李某某'));
          if (at) throw new Error(`cannot read ${root.data.file}:${at.position.start.line}`);
          out.push({ collection: 'fragile', id: doc.data.id, data: { id: doc.data.id, source: doc.data.source, n: lines.length }, body: [] });
        }
      return out;
    },
  };

  it('its records of that file are skipped with a WARNING naming file and line; the documents and the other records are published', async () => {
    const r = await ingest('dafu', { extractors: [...registered, fragile] });
    expect(r.documents).toHaveLength(2);
    expect(of(r, 'fragile').map((x) => x.data.source.file)).toEqual(['a.txt']);
    expect(r.warnings).toHaveLength(1);
    const w = r.warnings[0]!;
    expect([w.code, w.extractor, w.file, w.line]).toEqual(['extractor', 'fragile', 'b.txt', 5]);
    expect(w.detail).toMatch(/the fragile extractor failed on this file \(cannot read b\.txt:5\); its fragile records of this file are skipped, the documents are published/);
    expect(w.action).toMatch(/report it with the file attached/);
    // The other extractors are unaffected.
    expect(r.extractors.workpoints).toBeGreaterThan(0);
    for (const f of r.files) expect(f.coverage.missing, f.file).toEqual([]);
  });

  it('strict: the same run throws the warning as an error', async () => {
    const errors = await ingest('dafu', { extractors: [fragile], strict: true }).then(
      () => [],
      (e) => (e as AggregateError).errors as Error[],
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/^b\.txt:5: \[fragile\] the fragile extractor failed on this file .*\(a warning, an error under --strict\)/);
  });
});

describe('npm run ingest -- --strict', () => {
  const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/ingest/cli.ts', '--errata', join(FIX, 'no-errata.yaml'), ...args], { encoding: 'utf8' });

  it('without --strict: exit 0, the records written, the warnings counted and printed last as WARNING file:line … — what to do', () => {
    const out = mkdtempSync(join(tmpdir(), 'iso-cli-'));
    const r = cli('--sources', join(FIX, 'versions'), '--out', out);
    expect(r.status, r.stderr).toBe(0);
    const tail = r.stdout.slice(r.stdout.indexOf('ingest took'));
    expect(tail).toMatch(/\n1 warning\(s\): these parts were not published; everything else was/);
    expect(tail).toMatch(/\n {2}WARNING b\.txt:9 "某县人民政府办公室关于开展行政执法检查的通知" \(某政办〔2024〕5号\) .* — what to do: keep only the version/);
    expect(readdirSync(join(out, 'content', 'documents'))).toEqual(['mzb-2024-5.mdx']);
    rmSync(out, { recursive: true, force: true });
  });

  it('with --strict: exit 1, every warning as an ERROR with file:line, nothing written', () => {
    const out = mkdtempSync(join(tmpdir(), 'iso-cli-'));
    const r = cli('--strict', '--sources', join(FIX, 'versions'), '--out', out);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/ERROR b\.txt:9: "某县人民政府办公室关于开展行政执法检查的通知" \(某政办〔2024〕5号\) .*\(a warning, an error under --strict\)/);
    expect(r.stderr).toContain('nothing was written');
    expect(readdirSync(out)).toEqual([]);
    rmSync(out, { recursive: true, force: true });
  });

  it('with --strict and no warning (two same-title notices that are two notices): exit 0', () => {
    const out = mkdtempSync(join(tmpdir(), 'iso-cli-'));
    const r = cli('--strict', '--sources', join(FIX, 'changyi'), '--out', out);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(join(out, 'content', 'documents')).filter((f) => f.endsWith('.mdx'))).toHaveLength(2);
    rmSync(out, { recursive: true, force: true });
  });
});

describe('a unit name of 20+ characters stays a unit', () => {
  it('clean: a body name on its own line is not joined to the paragraph after the blank line', () => {
    const name = '郑州市管城回族区人民政府行政复议与行政应诉服务中心';
    expect([...name].length).toBeGreaterThan(20);
    const c = clean(`${name}\n\n建立行政复议案件繁简分流机制，群众满意度明显提升。\n`);
    expect(c.lines.map((l) => l.text).filter(Boolean)).toEqual([name, '建立行政复议案件繁简分流机制，群众满意度明显提升。']);
    // A sentence cut by a page break is still joined.
    const s = clean('各乡镇要把法治政府建设纳入年度工作计划并在每季度末向县\n\n司法局报送工作进展情况。\n');
    expect(s.lines.map((l) => l.text).filter(Boolean)).toEqual(['各乡镇要把法治政府建设纳入年度工作计划并在每季度末向县司法局报送工作进展情况。']);
  });

  it('a case article: the long unit line is the case unit, its practice text the body', async () => {
    const r = await ingest('units');
    expectWhole(r);
    const cases = of(r, 'cases');
    expect(cases.map((x) => x.data.unit)).toEqual(['郑州市二七区城市管理局', '郑州市管城回族区人民政府行政复议与行政应诉服务中心', '开封市应急管理局']);
    expect(String(cases[1]!.data.body)).toMatch(/^建立行政复议案件繁简分流机制/);
  });
});
