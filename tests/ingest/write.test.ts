/**
 * The write step (scripts/ingest/write.ts): each output is compared byte for byte with the file
 * there — the same text is unchanged; a longer or shorter file, one differing in a single byte of
 * the same length, and a missing file are changed; a generated file no longer produced is stale;
 * writing restores exactly the output (UTF-8) and touches nothing unchanged.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contentHash } from '../../scripts/ingest/unchanged';
import { planOutput, writeOutput } from '../../scripts/ingest/write';

const text = (n: number) => `---\ntitle: 关于印发《示范县创建方案》的通知 ${n}\n---\n\n${'依法行政，'.repeat(50 * n)}\n`;

describe('ingest write step', () => {
  it('finds exactly the files that differ, then writes them as the output says', () => {
    const out = mkdtempSync(join(tmpdir(), 'cjzl-write-'));
    try {
      const output = ['same', 'longer', 'shorter', 'flipped', 'missing'].map((name, i) => ({ path: `content/documents/${name}.mdx`, content: text(i + 1) }));
      output.push({ path: 'content/data/documents.json', content: '[\n  {"id": "同"}\n]\n' });
      const report = { collections: { documents: output.length - 1 }, output };
      mkdirSync(join(out, 'content/documents'), { recursive: true });
      mkdirSync(join(out, 'content/data'), { recursive: true });
      const put = (p: string, s: string | Buffer) => writeFileSync(join(out, p), s);
      put(output[0]!.path, output[0]!.content);
      put(output[1]!.path, output[1]!.content + '。');
      put(output[2]!.path, output[2]!.content.slice(0, -2));
      const flipped = Buffer.from(output[3]!.content);
      flipped[flipped.length - 3] ^= 1;
      put(output[3]!.path, flipped);
      put(output[5]!.path, output[5]!.content);
      put('content/documents/gone.mdx', text(9));
      utimesSync(join(out, output[0]!.path), 1_000_000, 1_000_000);

      const plan = planOutput(report, out);
      expect(plan.changed.sort()).toEqual(['content/documents/flipped.mdx', 'content/documents/longer.mdx', 'content/documents/missing.mdx', 'content/documents/shorter.mdx']);
      expect(plan.stale).toEqual(['content/documents/gone.mdx']);
      expect(plan.existing.has('content/documents/missing.mdx')).toBe(false);
      expect(plan.existing.has('content/documents/flipped.mdx')).toBe(true);
      expect(plan.hashes).toBeUndefined();
      const hashed = planOutput(report, out, { hash: true });
      for (const f of output) expect(hashed.hashes!.get(f.path)).toBe(contentHash(f.content));

      writeOutput(report, out, plan);
      for (const f of output) expect(readFileSync(join(out, f.path), 'utf8')).toBe(f.content);
      expect(() => statSync(join(out, 'content/documents/gone.mdx'))).toThrow();
      expect(statSync(join(out, output[0]!.path)).mtimeMs).toBe(1_000_000_000);
      const again = planOutput(report, out);
      expect(again.changed).toEqual([]);
      expect(again.stale).toEqual([]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
