// Issue 7: `npm run package` writes release/<专栏id>-<YYYYMMDD>.zip of dist/ + a manifest
// (SHA-256 per file, the config used); the archive is reproducible byte for byte.
import { describe, it, expect, inject, beforeAll, afterAll } from 'vitest';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, utimesSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { unzipSync } from 'fflate';
import { buildPackage, configUsed, releaseDate, newestDocumentDate, MANIFEST_NAME, type Manifest } from '../../scripts/package';
import { parseSiteConfig } from '../../src/lib/site';
import { allFiles } from '../helpers/html';
import { runAstroBuild } from '../setup/build';


const cfg = parseSiteConfig(readFileSync('site.config.yaml', 'utf8'));
const date = { date: '2024-05-06', source: 'config' as const };

describe('release package', () => {
  let dist: string;
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'cjzl-pkg-'));
    dist = join(work, 'dist');
    cpSync(inject('distDir'), dist, { recursive: true });
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('is byte-identical for the same dist, whatever the files’ timestamps', () => {
    const a = buildPackage(dist, cfg, date).zip;
    const b = buildPackage(dist, cfg, date).zip;
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
    for (const f of allFiles(dist).slice(0, 20)) utimesSync(join(dist, f), new Date(), new Date(2001, 1, 1));
    const c = buildPackage(dist, cfg, date).zip;
    expect(createHash('sha256').update(c).digest('hex')).toBe(createHash('sha256').update(a).digest('hex'));
    // …and it does depend on the content.
    const other = buildPackage(dist, { ...cfg, name: cfg.name + '（测试）' }, date).zip;
    expect(Buffer.compare(Buffer.from(a), Buffer.from(other))).not.toBe(0);
  });

  it('holds every file of dist in sorted order plus a manifest with SHA-256 and the config', () => {
    const { zip, manifest } = buildPackage(dist, cfg, date);
    const entries = unzipSync(zip);
    const names = Object.keys(entries);
    const files = allFiles(dist);
    expect(names).toEqual([...files, MANIFEST_NAME]);
    const inside = JSON.parse(new TextDecoder().decode(entries[MANIFEST_NAME])) as Manifest;
    expect(inside).toEqual(JSON.parse(JSON.stringify(manifest)));
    expect(inside.config).toEqual(JSON.parse(JSON.stringify(cfg)));
    expect(inside.files.map((f) => f.path)).toEqual(files);
    expect(inside.base).toBe('/');
    for (const f of inside.files) {
      const bytes = entries[f.path]!;
      expect(bytes.length).toBe(f.size);
      expect(createHash('sha256').update(bytes).digest('hex'), f.path).toBe(f.sha256);
    }
  });

  it('records the site URL the build used (SITE_URL at build time), not the one in the file', () => {
    const fake = mkdtempSync(join(tmpdir(), 'cjzl-pkg-'));
    try {
      writeFileSync(join(fake, 'index.html'), '<link rel="canonical" href="https://www.xxx.gov.cn/zfjs/cjzl/">');
      const used = configUsed(fake, cfg);
      expect(used.siteUrl).toBe('https://www.xxx.gov.cn');
      expect({ ...used, siteUrl: cfg.siteUrl }).toEqual(cfg);
      const { manifest } = buildPackage(fake, cfg, date);
      expect(manifest.config.siteUrl).toBe('https://www.xxx.gov.cn');
      expect(manifest.base).toBe('/zfjs/cjzl/');
    } finally {
      rmSync(fake, { recursive: true, force: true });
    }
  });

  it('takes the release date from the config, then SOURCE_DATE_EPOCH, then the newest document', () => {
    expect(releaseDate({ ...cfg, releaseDate: '2025-01-02' }, {})).toEqual({ date: '2025-01-02', source: 'config' });
    expect(releaseDate({ ...cfg, releaseDate: undefined }, { SOURCE_DATE_EPOCH: '1700000000' })).toEqual({ date: '2023-11-14', source: 'SOURCE_DATE_EPOCH' });
    const newest = newestDocumentDate();
    expect(newest).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(releaseDate({ ...cfg, releaseDate: undefined }, {})).toEqual({ date: newest, source: 'documents' });
  });

  it('`npm run package` writes release/<id>-<YYYYMMDD>.zip and its manifest', () => {
    const out = join(work, 'release');
    const tsx = resolve('node_modules/tsx/dist/cli.mjs');
    const env = { ...process.env, SOURCE_DATE_EPOCH: '1700000000' };
    const r1 = spawnSync(process.execPath, [tsx, 'scripts/package.ts', '--dist', dist, '--out', out], { encoding: 'utf8', env });
    expect(r1.status, r1.stderr).toBe(0);
    const zip = join(out, `${cfg.id}-20231114.zip`);
    expect(existsSync(zip)).toBe(true);
    expect(readdirSync(out).sort()).toEqual([`${cfg.id}-20231114.manifest.json`, `${cfg.id}-20231114.zip`]);
    const first = readFileSync(zip);
    const r2 = spawnSync(process.execPath, [tsx, 'scripts/package.ts', '--dist', dist, '--out', out], { encoding: 'utf8', env: { ...env, TZ: 'America/New_York' } });
    expect(r2.status, r2.stderr).toBe(0);
    expect(Buffer.compare(first, readFileSync(zip))).toBe(0);
  });

  it('two builds of the same inputs give byte-identical dist/ folders (so the same release)', () => {
    // Both fresh builds run back to back under one hold of the build lock (same inputs even while
    // others regenerate content/ in a shared checkout).
    const first = join(inject('buildRoot'), 'det-a', 'dist');
    const again = join(inject('buildRoot'), 'det-b', 'dist');
    runAstroBuild([first, again], '/');
    const a = allFiles(first);
    expect(allFiles(again)).toEqual(a);
    const differ = a.filter((f) => Buffer.compare(readFileSync(join(first, f)), readFileSync(join(again, f))) !== 0);
    expect(differ).toEqual([]);
  }, 300_000);

  it('refuses a folder that is not a build', () => {
    expect(() => buildPackage(join(work, 'nope'), cfg, date)).toThrow(/npm run build/);
  });
});
