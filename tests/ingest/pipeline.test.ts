import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runIngest } from '../../scripts/ingest/run';
import { loadErrata } from '../../scripts/ingest/errata';
import { IngestError } from '../../scripts/ingest/errors';
import { coverage } from '../../scripts/ingest/coverage';
import { parseCorpus } from '../../scripts/ingest/index';
import { documentRecord, emitRecord } from '../../scripts/ingest/emit';
import { fileTree } from '../helpers/file-tree';

const SEEDS = 'content/sources';
const errata = loadErrata('content/errata.yaml');

function tmp(name: string): string {
  return mkdtempSync(join(tmpdir(), `ingest-${name}-`));
}

function seedsInto(dir: string, only?: string[]): string {
  const src = join(dir, 'sources');
  mkdirSync(src, { recursive: true });
  for (const f of readdirSync(SEEDS)) if (!only || only.includes(f)) copyFileSync(join(SEEDS, f), join(src, f));
  return src;
}

function cli(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/ingest/cli.ts', ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tree = fileTree;

describe('the whole ingest', () => {
  it('coverage is 100% on all five seeds, and the report names encoding, documents and artefacts per file', async () => {
    const r = await runIngest({ sources: SEEDS, errata });
    expect(r.files.map((f) => f.file)).toEqual(readdirSync(SEEDS).sort());
    for (const f of r.files) {
      expect(f.coverage.missing, f.file).toEqual([]);
      expect(f.coverage.ratio).toBe(1);
      expect(f.encoding).toBe('UTF-8');
    }
    expect(r.files.map((f) => f.documents.length)).toEqual([1, 3, 5, 2, 4]);
    expect(r.files[4]!.artefacts).toEqual({ 'markdown-list': 7, 'page-number-dash': 1, 'scan-watermark': 2 });
    expect(r.collections.documents).toBe(15);
  });

  it('coverage lists every missing line (file:line) when output loses text', async () => {
    const { files } = await parseCorpus(SEEDS, { errata });
    const p = files.find((f) => f.root.data.file.startsWith('004_'))!;
    // Drop the second document from the output: its lines must be reported, nothing else.
    const emitted = p.root.children.filter((_, i) => i !== 1).map((d) => emitRecord(documentRecord(d)).content);
    const cov = coverage(p.root.data.file, p.clean, emitted);
    expect(cov.ratio).toBeLessThan(1);
    const [a, b] = p.root.children[1]!.data.source.lines;
    expect(cov.missing.length).toBeGreaterThan(10);
    for (const m of cov.missing) {
      expect(m.line).toBeGreaterThanOrEqual(a);
      expect(m.line).toBeLessThanOrEqual(b);
    }
    expect(cov.missing.map((m) => m.line)).toEqual(expect.arrayContaining([39, 41, 45])); // 文号, title (also quoted in the forwarding notice), first paragraph
  });

  it('two ingests of the same inputs are byte-identical (no timestamps, no unordered maps)', async () => {
    const a = await runIngest({ sources: SEEDS, errata });
    const b = await runIngest({ sources: SEEDS, errata });
    expect(b.output.map((f) => f.path)).toEqual(a.output.map((f) => f.path));
    for (let i = 0; i < a.output.length; i++) expect(b.output[i]!.content, a.output[i]!.path).toBe(a.output[i]!.content);
    expect(a.output.map((f) => f.path)).toEqual([...a.output.map((f) => f.path)].sort());
  });

  it('an extractor that throws does not stop the ingest: one warning per file naming it, the documents published; --strict makes them errors', async () => {
    const boom = { name: 'boom', extract: () => { throw new Error('kaput'); } };
    const r = await runIngest({ sources: SEEDS, errata, extractors: [boom] });
    expect(r.collections.documents).toBe(15);
    expect(r.extractors.boom).toBe(0);
    expect(r.warnings.map((w) => [w.code, w.extractor, w.file])).toEqual(r.files.map((f) => ['extractor', 'boom', f.file]));
    expect(r.warnings[0]!.detail).toMatch(/the boom extractor failed on this file \(kaput\)/);
    await expect(runIngest({ sources: SEEDS, errata, extractors: [boom], strict: true })).rejects.toSatisfy((e: unknown) => {
      const inner = (e as AggregateError).errors[0] as IngestError;
      return inner instanceof IngestError && inner.code === 'extractor' && /\[boom\] the boom extractor failed on this file \(kaput\)/.test(inner.message);
    });
  });

  it('the same 发文字号 in two sources is reported and published once, naming both sources', async () => {
    const dir = tmp('dup');
    const src = seedsInto(dir, ['004_68eba3d49fe9447e.txt']);
    copyFileSync(join(src, '004_68eba3d49fe9447e.txt'), join(src, '005_resent.txt'));
    const r = await runIngest({ sources: src, extractors: [] });
    expect(r.duplicates.map((d) => d.docNumber)).toEqual(['郑法政办〔2019〕7号', '豫法政办〔2019〕10号', '豫法政办〔2018〕15号', '豫法政办〔2019〕12号']);
    expect(r.documents).toHaveLength(4);
    const top = r.documents.find((d) => d.docNumber === '郑法政办〔2019〕7号')!;
    expect(top.sources?.map((s) => s.file)).toEqual(['004_68eba3d49fe9447e.txt', '005_resent.txt']);
    expect(top.children).toHaveLength(3);
    expect(r.output.filter((f) => f.path.startsWith('content/documents/'))).toHaveLength(4);
    // Both files are still fully covered (the resent copy by the kept records).
    for (const f of r.files) expect(f.coverage.missing).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('npm run ingest (cli)', () => {
  it('writes content, --check passes, then lists changed, missing and stale files and exits 1', () => {
    const dir = tmp('cli');
    const src = seedsInto(dir);
    const w = cli(['--sources', src, '--out', dir]);
    expect(w.status, w.stderr).toBe(0);
    expect(w.stdout).toMatch(/encoding\s+UTF-8/);
    expect(w.stdout).toMatch(/coverage\s+100\.0% \(150\/150 lines; 3 artefact line\(s\) removed\)/);
    expect(w.stdout).toMatch(/artefacts\s+markdown-list×7, page-number-dash×1, scan-watermark×2/);
    const written = tree(join(dir, 'content'));
    expect([...written.keys()].filter((p) => p.startsWith('documents/'))).toHaveLength(15);
    expect(written.has('data/documents.json')).toBe(true);

    const ok = cli(['--sources', src, '--out', dir, '--check']);
    expect(ok.status, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/up to date/);

    writeFileSync(join(dir, 'content/documents/zfzb-2019-7.mdx'), 'edited by hand\n');
    rmSync(join(dir, 'content/documents/hzw-2016-35.mdx'));
    writeFileSync(join(dir, 'content/documents/old-record.mdx'), '---\nid: old-record\n---\n');
    const bad = cli(['--sources', src, '--out', dir, '--check']);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('STALE content/documents/zfzb-2019-7.mdx (differs from the ingest output)');
    expect(bad.stdout).toContain('STALE content/documents/hzw-2016-35.mdx (missing: not committed)');
    expect(bad.stdout).toContain('STALE content/documents/old-record.mdx (no longer produced by the ingest)');

    // A second write repairs it and removes the stale record; then the tree equals the first write.
    expect(cli(['--sources', src, '--out', dir]).status).toBe(0);
    expect(tree(join(dir, 'content'))).toEqual(written);
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  it('bad input: every refused file is named with its reason, exit 1, nothing written', () => {
    const dir = tmp('refuse');
    const src = seedsInto(dir, ['000_f1c3323b8e7f9c89.txt']);
    writeFileSync(join(src, '010_empty.txt'), '');
    writeFileSync(join(src, '011_scan.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    writeFileSync(join(src, '012_big.md'), '很长的通知。\n'.repeat(10000));
    writeFileSync(join(src, '013_scan.pdf'), '%PDF-1.4');
    writeFileSync(join(dir, 'errata.yaml'), '');
    const r = cli(['--sources', src, '--out', dir, '--max-bytes', '100000', '--errata', join(dir, 'errata.yaml')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/ERROR 010_empty\.txt:1: the file is empty/);
    expect(r.stderr).toMatch(/ERROR 011_scan\.txt: this is an image \(a scan or photo of the notice\) \(by its first bytes; it is named \.txt\).*run OCR/);
    expect(r.stderr).toMatch(/ERROR 012_big\.md: the file has \d+ bytes, the limit is 100000/);
    expect(r.stderr).toMatch(/ERROR 013_scan\.pdf: not a readable PDF .*What to do: open it in a PDF reader/);
    expect(r.stderr).not.toMatch(/^Warning/m); // pdf.js console noise is silenced
    expect(r.stdout).toMatch(/\[1\/5\] 000_f1c3323b8e7f9c89\.txt: UTF-8, 1 document\(s\)/);
    expect(r.stdout).toMatch(/\[2\/5\] 010_empty\.txt: REFUSED/);
    expect(r.stderr).toMatch(/ingest stopped: 4 error\(s\); nothing was written/);
    expect(existsSync(join(dir, 'content'))).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('an empty or missing sources folder is refused (it would unpublish everything)', () => {
    const dir = tmp('nosrc');
    mkdirSync(join(dir, 'sources'));
    const empty = cli(['--sources', join(dir, 'sources'), '--out', dir]);
    expect(empty.status).toBe(1);
    expect(empty.stderr).toMatch(/the folder holds no source files/);
    const missing = cli(['--sources', join(dir, 'nope'), '--out', dir]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/cannot read the folder/);
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('an erratum whose original is not in its file stops the ingest with file and text', () => {
    const dir = tmp('errata');
    const src = seedsInto(dir, ['000_f1c3323b8e7f9c89.txt']);
    writeFileSync(join(dir, 'errata.yaml'), '- file: 000_f1c3323b8e7f9c89.txt\n  original: 不在文中的字\n  corrected: 字\n  reason: test\n');
    const r = cli(['--sources', src, '--out', dir, '--errata', join(dir, 'errata.yaml')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('ERROR 000_f1c3323b8e7f9c89.txt: content/errata.yaml: original text "不在文中的字"');
    expect(existsSync(join(dir, 'content'))).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
