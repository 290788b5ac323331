/**
 * Duplicates (issue 8): whatever copy of a notice staff drop into content/sources/ is published once,
 * with both sources named — the 文号 document, what it prints or attaches, and files without any 文号 —
 * and extractors never see the copy. Issue 11: two notices are one notice only when their text says
 * so — a same-title notice without 文号 and with another text is a second document (published too);
 * a same-文号 notice with another text is a second version: the first is published, the other skipped
 * with a WARNING naming both files and the first differing line (an error under --strict).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runIngest, type IngestReport } from '../../scripts/ingest/run';
import { loadErrata } from '../../scripts/ingest/errata';
import { IngestError } from '../../scripts/ingest/errors';
import { firstDifference, linkDocuments, type SourceLine } from '../../scripts/ingest/link';
import type { DocumentMeta } from '../../scripts/ingest/types';

const SEEDS = 'content/sources';
const SEED_FILES = readdirSync(SEEDS).sort();
const errata = loadErrata('content/errata.yaml');

function sourcesWith(extra: Record<string, string | Buffer>): { dir: string; src: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ingest-dup-'));
  const src = join(dir, 'sources');
  mkdirSync(src);
  for (const f of SEED_FILES) copyFileSync(join(SEEDS, f), join(src, f));
  for (const [name, content] of Object.entries(extra)) writeFileSync(join(src, name), content);
  return { dir, src };
}

function refused(e: unknown): IngestError[] {
  expect(e).toBeInstanceOf(AggregateError);
  return (e as AggregateError).errors as IngestError[];
}

const docPaths = (r: IngestReport) => r.output.map((f) => f.path).sort();

describe('a copy of each seed next to the seeds', () => {
  let seedsOnly: IngestReport;

  it('the seeds alone: documents 15, indicators 104, cases 35 (the counts a copy must not change)', async () => {
    seedsOnly = await runIngest({ sources: SEEDS, errata });
    expect(seedsOnly.duplicates).toEqual([]);
    expect(seedsOnly.collections).toMatchObject({ documents: 15, indicators: 104, cases: 35 });
    expect(seedsOnly.collections.workpoints).toBeGreaterThan(0);
  });

  for (const seed of SEED_FILES) {
    it(`${seed} twice: ingest succeeds, every record once, the report and the kept records name both files`, async () => {
      const copy = `005_dup_of_${seed.slice(0, 3)}.txt`;
      const { dir, src } = sourcesWith({ [copy]: readFileSync(join(SEEDS, seed)) });
      const r = await runIngest({ sources: src, errata });

      // Same records as the seeds alone, in every collection (documents, work points, indicators, cases, …).
      expect(r.collections).toEqual(seedsOnly.collections);
      expect(r.collections).toMatchObject({ documents: 15, indicators: 104, cases: 35, workpoints: seedsOnly.collections.workpoints });
      expect(docPaths(r)).toEqual(docPaths(seedsOnly));
      expect(r.documents.map((d) => d.id).sort()).toEqual(seedsOnly.documents.map((d) => d.id).sort());

      // Every document of the copy is reported as a duplicate of the same document of the seed.
      const fromSeed = seedsOnly.documents.filter((d) => d.source.file === seed);
      expect(r.duplicates).toHaveLength(fromSeed.length);
      expect(r.duplicates.map((d) => d.kept).sort()).toEqual(fromSeed.map((d) => d.id).sort());
      for (const d of r.duplicates) {
        expect(d.sources).toHaveLength(2);
        expect(d.sources[0]).toMatch(new RegExp(`^${seed}:\\d+-\\d+$`));
        expect(d.sources[1]).toMatch(new RegExp(`^${copy}:\\d+-\\d+$`));
        // The same line range in both files (the copy is byte-identical).
        expect(d.sources[1]!.split(':')[1]).toBe(d.sources[0]!.split(':')[1]);
      }
      // The kept records name both sources, in the data and in the published frontmatter.
      for (const kept of r.documents.filter((d) => d.source.file === seed)) {
        expect(kept.sources?.map((s) => s.file)).toEqual([seed, copy]);
        expect(kept.sources?.[1]!.lines).toEqual(kept.source.lines);
        const mdx = r.output.find((f) => f.path === `content/documents/${kept.id}.mdx`)!.content;
        expect(mdx).toContain(seed);
        expect(mdx).toContain(copy);
      }
      // No published record comes from the copy; both files are fully covered.
      expect(r.records.filter((x) => x.data.source.file === copy)).toEqual([]);
      for (const f of r.files) expect(f.coverage.missing, f.file).toEqual([]);
      rmSync(dir, { recursive: true, force: true });
    });
  }

  it('the CLI report prints one DUPLICATE line per document, naming both files (003: the notice and the 工作要点 it prints)', () => {
    const { dir, src } = sourcesWith({ '005_dup.txt': readFileSync(join(SEEDS, '003_90638f697cd6c391.txt')) });
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/ingest/cli.ts', '--sources', src, '--out', dir], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.split('\n').filter((l) => l.includes('DUPLICATE'));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/DUPLICATE 发文字号 惠政文〔2016〕35号 .*published once as hzw-2016-35; sources 003_90638f697cd6c391\.txt:3-16 and 005_dup\.txt:3-16/);
    expect(lines[1]).toMatch(/DUPLICATE "惠济区2016年推进依法行政建设法治政府工作要点" \(part of a duplicate notice.*\): published once as 2016-hjqntjyfxzjsfzzf; sources 003_90638f697cd6c391\.txt:18-130 and 005_dup\.txt:18-130/);
    expect(readdirSync(join(dir, 'content', 'documents'))).toHaveLength(15);
    rmSync(dir, { recursive: true, force: true });
  });

  it('a copy that content/errata.yaml does not name still matches the corrected original (compared as printed)', async () => {
    // 000 carries nine errata (one restricted to line 89, one where the same words elsewhere on the line were right).
    expect(errata.filter((e) => e.file === '000_f1c3323b8e7f9c89.txt').length).toBeGreaterThan(5);
    const { dir, src } = sourcesWith({ '000_zz_copy.txt': readFileSync(join(SEEDS, '000_f1c3323b8e7f9c89.txt')) });
    const r = await runIngest({ sources: src, errata });
    expect(r.duplicates.map((d) => [d.reason, d.kept])).toEqual([['text', 'yfxzqhzyxflt']]);
    const kept = r.documents.find((d) => d.id === 'yfxzqhzyxflt')!;
    expect(kept.errata?.length).toBeGreaterThan(5); // published with the corrections
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('another text: a second notice (no 文号) or a second version skipped with a warning (same 文号)', () => {
  const seedText = (f: string) => readFileSync(join(SEEDS, f), 'utf8');
  const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

  it('no 文号, same title, other text (a revised 000): two documents, both published with distinct ids, no warning', async () => {
    const orig = seedText('000_f1c3323b8e7f9c89.txt');
    const revised = orig.replace('修订工作制度73项', '修订工作制度75项');
    expect(revised).not.toBe(orig);
    const { dir, src } = sourcesWith({ '005_revised.txt': revised });
    const r = await runIngest({ sources: src, errata });
    expect(r.warnings).toEqual([]);
    expect(r.duplicates).toEqual([]);
    const two = r.documents.filter((d) => d.title === '依法行政擎画中原幸福蓝图');
    expect(two.map((d) => d.source.file)).toEqual(['000_f1c3323b8e7f9c89.txt', '005_revised.txt']);
    expect(new Set(two.map((d) => d.id)).size).toBe(2);
    expect(r.collections.documents).toBe(16);
    // Both articles' cases are published: the second article's ids are prefixed by its set (unique by construction).
    expect(r.collections.cases).toBe(70);
    expect(r.collections.casesets).toBe(2);
    const ids = r.records.filter((x) => x.collection === 'cases').map((x) => x.id);
    expect(new Set(ids).size).toBe(70);
    const second = r.records.filter((x) => x.collection === 'cases' && x.data.source.file === '005_revised.txt');
    expect(second.every((x) => x.id.startsWith(`${two[1]!.id}--`))).toBe(true);
    expect(r.records.find((x) => x.collection === 'cases' && x.data.source.file === '005_revised.txt' && String(x.data.body).includes('75项'))).toBeDefined();
    for (const f of r.files) expect(f.coverage.missing, f.file).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('the same 文号 with a changed 附件 (a revised 001 责任清单): the first version published, the changed part skipped with a WARNING; --strict: exit 1, nothing written', () => {
    const orig = seedText('001_35814a2464d1ba9f.txt');
    const needle = '编制并对外公布本级政府工作部门的权责清单';
    const at = orig.indexOf(needle, orig.indexOf('填报材料责任清单'));
    expect(at).toBeGreaterThan(0);
    const revised = orig.slice(0, at) + '编制并公开本级政府工作部门的权责清单' + orig.slice(at + needle.length);
    const { dir, src } = sourcesWith({ '005_revised.txt': revised });
    const line = orig.slice(0, at).split('\n').length;
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/ingest/cli.ts', '--sources', src, '--out', dir], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\n1 warning\(s\)/);
    const w = r.stdout.slice(r.stdout.lastIndexOf('1 warning(s)'));
    expect(w).toMatch(new RegExp(`WARNING 005_revised\\.txt:${line} "夏邑县争创河南省法治政府建设示范县填报材料责任清单" at 005_revised\\.txt:58-678 is part of a copy of a notice published from 001_35814a2464d1ba9f\\.txt:58-678, but the text differs`));
    expect(w).toContain(`001_35814a2464d1ba9f.txt:${line} `);
    expect(w).toContain('Published the version in 001_35814a2464d1ba9f.txt');
    expect(w).toMatch(/what to do: keep only the version that should be published/);
    // The 104 indicators once (the kept version), 15 documents.
    expect(readdirSync(join(dir, 'content', 'documents')).filter((f) => f.endsWith('.mdx'))).toHaveLength(15);
    expect(readdirSync(join(dir, 'content', 'indicators'))).toHaveLength(104);

    const strictOut = mkdtempSync(join(tmpdir(), 'ingest-strict-'));
    const s = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/ingest/cli.ts', '--strict', '--sources', src, '--out', strictOut], { encoding: 'utf8' });
    expect(s.status).toBe(1);
    expect(s.stderr).toMatch(new RegExp(`ERROR 005_revised\\.txt:${line}: .*but the text differs.*\\(a warning, an error under --strict\\)`));
    expect(s.stderr).toContain('nothing was written');
    expect(readdirSync(strictOut)).toEqual([]);
    rmSync(strictOut, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  });

  it('the same 文号 with a changed sentence in the notice itself (a revised 003): 惠政文〔2016〕35号 from 003 published, the revision and the 工作要点 it prints skipped with one warning', async () => {
    const orig = seedText('003_90638f697cd6c391.txt');
    const revised = orig.replace('请认真贯彻执行。', '请认真贯彻落实。');
    expect(revised).not.toBe(orig);
    const { dir, src } = sourcesWith({ '005_revised.txt': revised });
    const r = await runIngest({ sources: src, errata });
    expect(r.warnings.map((w) => [w.code, w.file, w.line])).toEqual([['conflict', '005_revised.txt', lineOf(orig, '请认真贯彻执行。')]]);
    expect(r.warnings[0]!.detail).toContain('(惠政文〔2016〕35号)');
    expect(r.warnings[0]!.detail).toContain('has the same 发文字号 as 003_90638f697cd6c391.txt:3-16');
    expect(r.warnings[0]!.detail).toContain('skipped this one and its 1 part(s)');
    expect(r.collections).toMatchObject({ documents: 15, indicators: 104, cases: 35 });
    expect(r.records.filter((x) => x.data.source.file === '005_revised.txt')).toEqual([]);
    const strict = await runIngest({ sources: src, errata, strict: true }).then(() => [], (e) => (e as AggregateError).errors as IngestError[]);
    expect(strict.map((e) => [e.code, e.file])).toEqual([['conflict', '005_revised.txt']]);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('link: duplicates decided on documents', () => {
  const doc = (over: Partial<DocumentMeta>): DocumentMeta => ({ id: 'x', title: 't', issuers: [], kind: '通知', children: [], attachments: [], contacts: [], cites: [], source: { file: 'a.txt', lines: [1, 2] }, ...over });
  const texts = new Map<string, string[]>();
  const lines = (d: DocumentMeta): SourceLine[] => (texts.get(d.id) ?? []).map((text, i) => ({ line: d.source.lines[0] + i, text }));

  it('a part of a dropped duplicate is a duplicate of the corresponding part; a part the kept record lacks is kept under it', () => {
    const a = doc({ id: 'a', docNumber: '甲〔2020〕1号', children: ['a-f1'] });
    const af = doc({ id: 'a-f1', title: '附表', parent: 'a', relation: '附件', label: '附件 1', source: { file: 'a.txt', lines: [3, 9] } });
    const b = doc({ id: 'a-2', docNumber: '甲〔2020〕1号', children: ['a-2-f1', 'a-2-f2'], source: { file: 'b.txt', lines: [1, 2] } });
    const bf = doc({ id: 'a-2-f1', title: '附表', parent: 'a-2', relation: '附件', label: '附件 1', source: { file: 'b.txt', lines: [3, 9] } });
    const bf2 = doc({ id: 'a-2-f2', title: '另一表', parent: 'a-2', relation: '附件', label: '附件 2', source: { file: 'b.txt', lines: [10, 12] } });
    const { documents, duplicates, conflicts } = linkDocuments([a, af, b, bf, bf2]);
    expect(conflicts).toEqual([]);
    expect(documents.map((d) => d.id)).toEqual(['a', 'a-f1', 'a-2-f2']);
    expect(duplicates.map((d) => [d.reason, d.kept, d.dropped, d.partOf ?? null])).toEqual([
      ['发文字号', 'a', 'a-2', null],
      ['part', 'a-f1', 'a-2-f1', 'a-2'],
    ]);
    expect(af.sources?.map((s) => `${s.file}:${s.lines.join('-')}`)).toEqual(['a.txt:3-9', 'b.txt:3-9']);
    expect(bf2.parent).toBe('a');
    expect(a.children).toEqual(['a-f1', 'a-2-f2']);
  });

  it('no 文号: same title and text → duplicate; same title, other text → another document; an attachment of another notice with a shared title is neither', () => {
    texts.clear();
    const x = doc({ id: 'x', title: '某县工作要点', source: { file: 'a.txt', lines: [1, 3] } });
    const same = doc({ id: 'x-2', title: '某县工作要点', source: { file: 'b.txt', lines: [5, 8] } });
    const other = doc({ id: 'x-3', title: '某县 工作要点', source: { file: 'c.txt', lines: [1, 3] } });
    const p = doc({ id: 'p', docNumber: '乙〔2021〕2号', children: ['p-f1'], source: { file: 'd.txt', lines: [1, 2] } });
    const form = doc({ id: 'p-f1', title: '某县工作要点', parent: 'p', relation: '附件', source: { file: 'd.txt', lines: [3, 4] } });
    texts.set('x', ['某县工作要点', '一、依法 行政', '二、公正文明执法']);
    texts.set('x-2', ['', '某县 工作要点', '一、依法行政', '二、公正文明执法']); // the same text, other line breaks and spaces
    texts.set('x-3', ['某县工作要点', '一、依法行政', '二、严格规范执法']);
    texts.set('p', ['乙〔2021〕2号', '通知']);
    texts.set('p-f1', ['某县工作要点', '（空白表）']);
    const { documents, duplicates, conflicts } = linkDocuments([x, same, other, p, form], { lines });
    expect(documents.map((d) => d.id)).toEqual(['x', 'x-3', 'p', 'p-f1']);
    expect(duplicates.map((d) => [d.reason, d.kept, d.dropped, d.sources])).toEqual([['text', 'x', 'x-2', ['a.txt:1-3', 'b.txt:5-8']]]);
    expect(conflicts).toEqual([]);
  });

  it('firstDifference ignores whitespace and line breaks, and names the end of the shorter text', () => {
    const l = (...t: string[]) => t.map((text, i) => ({ line: 10 + i, text }));
    expect(firstDifference(l('甲乙', '丙'), l('甲', '乙 丙'))).toBeUndefined();
    expect(firstDifference(l('甲乙', '丙丁'), l('甲乙丙'))).toEqual({ kept: { line: 11, text: '丙丁' }, other: { line: 10, text: '' } });
  });
});

describe('the same notice twice with the duplicate check bypassed: the extractors read both, ids unique by construction', () => {
  it('indicators: two 责任清单 lists (the second prefixed by its document); cases: the second article prefixed by its set', async () => {
    const { indicatorsExtractor } = await import('../../scripts/ingest/extractors/indicators');
    const { casesExtractor } = await import('../../scripts/ingest/extractors/cases');
    const { parseSources } = await import('../../scripts/ingest/index');
    const { dir, src } = sourcesWith({ '005_dup.txt': readFileSync(join(SEEDS, '001_35814a2464d1ba9f.txt')), '006_dup.txt': readFileSync(join(SEEDS, '000_f1c3323b8e7f9c89.txt')) });
    const { roots, documents } = await parseSources(src, { errata: [] });
    const ctx = { roots, documents: new Map(documents.map((d) => [d.id, d])) };
    const ind = indicatorsExtractor.extract(ctx).filter((r) => r.collection === 'indicators');
    expect(ind).toHaveLength(208);
    expect(new Set(ind.map((r) => r.id)).size).toBe(208);
    const lists = [...new Set(ind.map((r) => r.data.list))];
    expect(lists).toHaveLength(2);
    // The first list keeps its printed ids; the second is prefixed by its list.
    expect(ind.filter((r) => r.data.list === lists[0]).map((r) => r.id)).toContain('001');
    expect(ind.filter((r) => r.data.list === lists[1]).every((r) => r.id.startsWith(`${lists[1]}--`))).toBe(true);
    const cases = casesExtractor.extract(ctx).filter((r) => r.collection === 'cases');
    expect(cases).toHaveLength(70);
    expect(new Set(cases.map((r) => r.id)).size).toBe(70);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('a 1.4 MB source: 001 repeated 25 times in one file', () => {
  it('parses, drops 72 repeated documents, extracts the 104 indicators once, coverage 100% (timing: README)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ingest-big-'));
    const src = join(dir, 'sources');
    mkdirSync(src);
    const one = readFileSync(join(SEEDS, '001_35814a2464d1ba9f.txt'), 'utf8');
    writeFileSync(join(src, '001_x25.txt'), Array.from({ length: 25 }, () => one).join('\n'));
    expect(Buffer.byteLength(readFileSync(join(src, '001_x25.txt')))).toBeGreaterThan(1_400_000);
    const r = await runIngest({ sources: src, errata: [] });
    expect(r.files[0]!.documents).toHaveLength(75);
    expect(r.duplicates).toHaveLength(72);
    expect(r.duplicates.filter((d) => d.reason === '发文字号')).toHaveLength(24);
    expect(r.collections).toMatchObject({ documents: 3, indicators: 104 });
    expect(r.documents.find((d) => d.docNumber === '夏法政办〔2023〕12号')!.sources).toHaveLength(25);
    expect(r.files[0]!.coverage.ratio).toBe(1);
    rmSync(dir, { recursive: true, force: true });
  });
});
