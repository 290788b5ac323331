/**
 * fastFrontmatter (scripts/ingest/emit.ts) writes what `yaml`'s stringify writes with the ingest's
 * options (long strings with line breaks included, at every depth), or declines (undefined) and lets the library write it: checked on generated values
 * (fast-check, seed fixed) and on the frontmatter of every record of the seeds (most of which it answers).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { canonical, fastFrontmatter } from '../../scripts/ingest/emit';
import { loadErrata } from '../../scripts/ingest/errata';
import { runIngest } from '../../scripts/ingest/run';

const OPTIONS = { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' } as const;
const lib = (v: unknown) => stringify(canonical(v), OPTIONS);

describe('fastFrontmatter', () => {
  it('equals the yaml library on generated values whenever it answers', () => {
    const key = fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom('id', 'title', 'source', 'lines', 'a_b', 'x1', 'docNumber') },
      { weight: 1, arbitrary: fc.constantFrom('true', 'null', 'no', 'n', 'y', 'yes', 'True', 'NULL', 'FaLsE', '2023', 'a-b', 'k y', '标题') },
      { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
    );
    const str = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc.string({ unit: 'binary', maxLength: 12 }),
      // long strings with line breaks (continued on further lines by the library)
      fc.array(fc.constantFrom('一二三四五六七八九十', '法治政府建设', '\n', '\n\n', ' \n', '\n ', ' ', 'abc', '\t', '\u2028', '"', '\\', '---'), { maxLength: 16 }).map((a) => a.join('')),
      fc.constantFrom('', ' ', 'a\nb', ' lead', 'trail ', '---', '--- x', '...', '%TAG', '"q"', '\\', 'a: b', '- x', '# c', '豫法政办〔2019〕10号', '\u2028', '\u00a0x', 'tab\there', '\u0085'),
    );
    const scalar = fc.oneof({ weight: 6, arbitrary: str }, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('arr'), tie('obj')),
      arr: fc.array(tie('tree'), { maxLength: 4 }),
      obj: fc.dictionary(key, tie('tree'), { maxKeys: 4 }),
    }));
    let answered = 0;
    fc.assert(
      fc.property(fc.dictionary(key, tree, { minKeys: 1, maxKeys: 6 }), (v) => {
        const fast = fastFrontmatter(canonical(v));
        if (fast !== undefined) {
          answered++;
          expect(fast).toBe(lib(v));
        }
      }),
      { seed: 82026, numRuns: 3000 },
    );
    expect(answered).toBeGreaterThan(300);
  });

  it('equals the yaml library on every record of the seeds, and answers for most of them', async () => {
    const report = await runIngest({ sources: 'content/sources', errata: loadErrata('content/errata.yaml') });
    expect(report.records.length).toBeGreaterThan(100);
    let answered = 0;
    for (const r of report.records) {
      const c = canonical(r.data);
      const fast = fastFrontmatter(c);
      if (fast === undefined) continue;
      answered++;
      expect(fast, `${r.collection}/${r.id}`).toBe(stringify(c, OPTIONS));
    }
    expect(answered / report.records.length).toBeGreaterThan(0.8);
  }, 120_000);
});
