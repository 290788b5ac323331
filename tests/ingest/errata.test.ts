import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { applyErrata, loadErrata, parseErrata } from '../../scripts/ingest/errata';
import { IngestError } from '../../scripts/ingest/errors';
import { parseText } from '../../scripts/ingest/index';
import { assignIds } from '../../scripts/ingest/documents';
import { documentRecord, emitRecord } from '../../scripts/ingest/emit';
import { coverage } from '../../scripts/ingest/coverage';

describe('errata', () => {
  it('applies every occurrence and records each with its line', () => {
    const r = applyErrata('甲乙丙\n乙丁\n戊', 'f.txt', [{ file: 'f.txt', original: '乙', corrected: '已', reason: 'OCR' }]);
    expect(r.text).toBe('甲已丙\n已丁\n戊');
    expect(r.applied.map((a) => a.line)).toEqual([1, 2]);
  });

  it('a line restricts the correction to that line', () => {
    const r = applyErrata('乙\n乙', 'f.txt', [{ file: 'f.txt', original: '乙', corrected: '已', reason: 'r', line: 2 }]);
    expect(r.text).toBe('乙\n已');
  });

  it('an original that is not in the file fails with the file and the text', () => {
    let err: unknown;
    try {
      applyErrata('甲乙丙', 'x.txt', [{ file: 'x.txt', original: '不存在', corrected: '存在', reason: 'r' }]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(IngestError);
    expect((err as IngestError).code).toBe('erratum-not-found');
    expect((err as IngestError).message).toMatch(/^x\.txt: .*"不存在"/);
  });

  it('malformed errata files are refused with the entry at fault', () => {
    expect(() => parseErrata('- file: a.txt\n  original: 甲\n  corrected: 乙\n')).toThrow(/entry 1 has no "reason"/);
    expect(() => parseErrata('file: a.txt')).toThrow(/YAML list/);
    expect(() => parseErrata('- [unclosed')).toThrow(IngestError);
    expect(parseErrata('')).toEqual([]);
  });

  it('content/errata.yaml: every entry applies to the seeds, is recorded on the document and keeps coverage at 100%', () => {
    const errata = loadErrata('content/errata.yaml');
    expect(errata.length).toBeGreaterThan(0);
    for (const file of new Set(errata.map((e) => e.file))) {
      const text = readFileSync(`content/sources/${file}`, 'utf8');
      const p = parseText(file, text, { encoding: 'UTF-8' }, { errata });
      assignIds([p.root]);
      const mine = errata.filter((e) => e.file === file);
      const recorded = p.root.children.flatMap((d) => d.data.errata ?? []);
      for (const e of mine) {
        expect(recorded.some((r) => r.original === e.original && r.corrected === e.corrected && r.reason === e.reason)).toBe(true);
        expect(p.text).not.toContain(e.original);
      }
      // The corrected text is in the emitted body of the document that records it.
      for (const d of p.root.children) for (const r of d.data.errata ?? []) {
        const mdx = emitRecord(documentRecord(d)).content;
        expect(mdx).toContain(r.corrected);
        expect(r.line).toBeGreaterThanOrEqual(d.position.start.line);
        expect(r.line).toBeLessThanOrEqual(d.position.end.line);
      }
      const cov = coverage(file, p.clean, p.root.children.map((d) => emitRecord(documentRecord(d)).content));
      expect(cov.missing).toEqual([]);
    }
  });
});
