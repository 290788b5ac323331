/**
 * The no-change fast path (scripts/ingest/unchanged.ts, entered through start.ts as `npm run ingest`
 * does): unchanged inputs and outputs skip the run; a changed source, errata, themes or ingest
 * version, a hand-edited, deleted or extra generated file each give the full run, which restores
 * content/. A few CLI runs (each full run spawns the ingest), the other cases through decide().
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decide, parseArgs } from '../../scripts/ingest/unchanged';
import { fileTree } from '../helpers/file-tree';

const FIXTURES = ['layouts/genres/forwarding.txt', 'layouts/closing/attachment-list.txt', 'layouts/docnumbers/order.txt'];

const tree = (dir: string) => fileTree(join(dir, 'content'));

describe('ingest: nothing changed → nothing to do', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ingest-unchanged-'));
  const sources = join(dir, 'sources');
  const out = join(dir, 'out');
  const cache = join(dir, 'cache');
  const errata = join(dir, 'errata.yaml');
  mkdirSync(sources);
  mkdirSync(out);
  for (const f of FIXTURES) copyFileSync(join('tests/fixtures', f), join(sources, f.split('/').pop()!));
  writeFileSync(errata, '[]\n');
  const argv = ['--sources', sources, '--out', out, '--errata', errata];
  const args = parseArgs(argv);
  /** As `npm run ingest` runs it: plain Node on start.ts. */
  const run = (...extra: string[]) => {
    const r = spawnSync(process.execPath, ['scripts/ingest/start.ts', ...argv, ...extra], { encoding: 'utf8', env: { ...process.env, CJZL_INGEST_CACHE: cache } });
    expect(r.stderr).not.toMatch(/ERROR/);
    expect(r.status).toBe(0);
    return r.stdout;
  };
  const verdict = () => decide(args, { cacheDir: cache });
  const reason = () => {
    const d = verdict();
    return d.unchanged ? 'unchanged' : d.reason;
  };

  it('the first run is a full run; the second, with nothing changed, parses nothing and touches no file', () => {
    expect(run()).toMatch(/full run \(no record of an earlier run/);
    const first = tree(out);
    expect([...first.keys()].some((p) => p.startsWith('documents/'))).toBe(true);
    const mtimes = [...first.keys()].map((p) => statSync(join(out, 'content', p)).mtimeMs);
    const again = run();
    expect(again).toMatch(/unchanged since the last run: 3 source\(s\)/);
    expect(again).not.toMatch(/extractor |full run/);
    expect([...first.keys()].map((p) => statSync(join(out, 'content', p)).mtimeMs)).toEqual(mtimes);
    expect(tree(out)).toEqual(first);
    expect(run('--check')).toMatch(/ingest --check: content\/ is up to date/);
    // --full and --no-cache always run the whole ingest.
    expect(run('--full')).toMatch(/full run \(--full\)/);
    expect(reason()).toBe('unchanged');
    expect(decide(parseArgs([...argv, '--no-cache']), { cacheDir: cache })).toMatchObject({ unchanged: false, reason: '--no-cache' });
  });

  it('a hand-edited or a deleted generated file gives the full run, which restores it', () => {
    const before = tree(out);
    const doc = [...before.keys()].find((p) => p.startsWith('documents/'))!;
    const json = [...before.keys()].find((p) => p.startsWith('data/'))!;
    writeFileSync(join(out, 'content', doc), before.get(doc)!.replace('title:', 'title: 改'));
    rmSync(join(out, 'content', json));
    expect(reason()).toMatch(/content\/data\/.*\.json is missing/);
    expect(run()).toMatch(/full run \(content\/data\/.*\.json is missing\)/);
    expect(tree(out)).toEqual(before);
    writeFileSync(join(out, 'content', doc), before.get(doc)! + '\n多出的一行\n');
    expect(run()).toMatch(new RegExp(`full run \\(content/${doc}\\b.* differs from what the ingest wrote`));
    expect(tree(out)).toEqual(before);
    expect(reason()).toBe('unchanged');
  });

  it('an extra file in a generated folder, a changed, added or removed source, errata or ingest version each miss', () => {
    const docs = join(out, 'content', 'documents');
    writeFileSync(join(docs, 'zz-hand-made.mdx'), '---\nid: zz-hand-made\n---\n');
    expect(reason()).toBe("content/documents/zz-hand-made.mdx is not the ingest's output");
    rmSync(join(docs, 'zz-hand-made.mdx'));
    expect(reason()).toBe('unchanged');

    const one = join(sources, 'order.txt');
    const text = readFileSync(one);
    appendFileSync(one, '\n补充一行。\n');
    expect(reason()).toBe('source order.txt changed');
    writeFileSync(one, text);
    expect(reason()).toBe('unchanged');

    writeFileSync(join(sources, 'new.txt'), '关于新文件的通知\n\n正文。\n');
    expect(reason()).toBe('new source new.txt');
    rmSync(join(sources, 'new.txt'));
    // A hidden file is not a source (listSources), so it changes nothing.
    writeFileSync(join(sources, '.gitkeep'), '');
    expect(reason()).toBe('unchanged');
    rmSync(one);
    expect(reason()).toBe('source order.txt removed');
    writeFileSync(one, text);

    writeFileSync(errata, '[]\n# reviewed\n');
    expect(reason()).toBe(`${errata} changed`);
    writeFileSync(errata, '[]\n');

    expect(decide(args, { cacheDir: cache, version: 'another-version' })).toMatchObject({ unchanged: false, reason: expect.stringMatching(/ingest program/) });
    expect(reason()).toBe('unchanged');
    // Other options (another output folder) are another manifest.
    expect(decide(parseArgs(['--sources', sources, '--out', join(dir, 'elsewhere'), '--errata', errata]), { cacheDir: cache })).toMatchObject({ unchanged: false, reason: expect.stringMatching(/no record/) });
  });

  it('a run that changed a source brings content/ to the new output; reverting the source restores it', () => {
    const before = tree(out);
    const one = join(sources, 'attachment-list.txt');
    const text = readFileSync(one);
    appendFileSync(one, '\n另附说明一段，供核对。\n');
    expect(run()).toMatch(/full run \(source attachment-list\.txt changed\)/);
    expect(tree(out)).not.toEqual(before);
    expect(reason()).toBe('unchanged');
    writeFileSync(one, text);
    expect(run()).toMatch(/full run \(source attachment-list\.txt changed\)/);
    expect(tree(out)).toEqual(before);
    rmSync(dir, { recursive: true, force: true });
  });
});
