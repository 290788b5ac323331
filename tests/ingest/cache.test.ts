/**
 * The ingest's content-hash cache (scripts/ingest/cache.ts): a notice whose bytes, errata and
 * ingest version are unchanged is not parsed again, and the cache never changes the output —
 * the seeds ingested with a cold cache, a warm cache and no cache give the same files byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashSources, IngestCache } from '../../scripts/ingest/cache';
import { loadErrata } from '../../scripts/ingest/errata';
import { runIngest, type IngestReport } from '../../scripts/ingest/run';

const SOURCES = 'content/sources';
const errata = loadErrata('content/errata.yaml');
const files = readdirSync(SOURCES).filter((f) => !f.startsWith('.'));

const outputOf = (r: IngestReport) => r.output.map((f) => `${f.path}\n${f.content}`);
const coverageOf = (r: IngestReport) => r.files.map((f) => [f.file, f.coverage.found, f.coverage.total]);

describe('ingest cache', () => {
  it('cold, warm and no cache give byte-identical output; a warm run parses nothing; a changed erratum or ingest version misses', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cjzl-ingest-cache-'));
    try {
      const cold = await runIngest({ sources: SOURCES, errata, cache: new IngestCache({ dir, version: 'v1' }) });
      expect(cold.fromCache).toBe(0);
      const warmCache = new IngestCache({ dir, version: 'v1' });
      const warm = await runIngest({ sources: SOURCES, errata, cache: warmCache });
      expect(warm.fromCache).toBe(files.length);
      expect(warmCache.misses).toBe(0);
      const none = await runIngest({ sources: SOURCES, errata });
      expect(none.fromCache).toBe(0);

      expect(outputOf(warm)).toEqual(outputOf(none));
      expect(outputOf(cold)).toEqual(outputOf(none));
      expect(coverageOf(warm)).toEqual(coverageOf(none));
      expect(none.output.length).toBeGreaterThan(100);

      // An erratum that names one file: that file is parsed again, the others come from the cache.
      const named = errata[0]!.file;
      const changed = errata.map((e, i) => (i === 0 ? { ...e, reason: `${e.reason}（复核）` } : e));
      const c3 = new IngestCache({ dir, version: 'v1' });
      const afterErratum = await runIngest({ sources: SOURCES, errata: changed, cache: c3 });
      expect(afterErratum.fromCache).toBe(files.length - 1);
      expect(c3.misses).toBe(1);
      const again = await runIngest({ sources: SOURCES, errata: changed });
      expect(outputOf(afterErratum)).toEqual(outputOf(again));
      expect(files).toContain(named);

      // Another ingest version: nothing comes from the cache.
      const v2 = await runIngest({ sources: SOURCES, errata, cache: new IngestCache({ dir, version: 'v2' }) });
      expect(v2.fromCache).toBe(0);
      expect(outputOf(v2)).toEqual(outputOf(none));

      // A damaged cache entry is a miss, not a wrong output.
      const c4 = new IngestCache({ dir, version: 'v1' });
      for (const f of readdirSync(c4.dir)) writeFileSync(join(c4.dir, f), 'not a parsed notice');
      const damaged = await runIngest({ sources: SOURCES, errata, cache: c4 });
      expect(damaged.fromCache).toBe(0);
      expect(outputOf(damaged)).toEqual(outputOf(none));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);

  it('the ingest version changes when any file of the ingest changes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cjzl-ingest-version-'));
    try {
      cpSync('scripts/ingest', dir, { recursive: true });
      const before = hashSources(dir);
      expect(before).toMatch(/^[0-9a-f]{16}$/);
      expect(hashSources(dir)).toBe(before);
      appendFileSync(join(dir, 'segment.ts'), '\n// changed\n');
      expect(hashSources(dir)).not.toBe(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
