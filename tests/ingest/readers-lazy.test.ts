/**
 * The .docx/.doc/.html/.pdf readers load on first use (scripts/ingest/readers/index.ts `lazy`): the
 * stand-ins the format table hands out name the same format and label as the readers they load.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { docReader } from '../../scripts/ingest/readers/doc';
import { docxReader } from '../../scripts/ingest/readers/docx';
import { htmlReader } from '../../scripts/ingest/readers/html';
import { chooseReader } from '../../scripts/ingest/readers/index';
import { pdfReader } from '../../scripts/ingest/readers/pdf';

describe('lazy readers', () => {
  it('name the format and label of the reader they load', () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]);
    const cases = [
      ['a.docx', zip, docxReader],
      ['a.html', new TextEncoder().encode('<!doctype html><html><body>x</body></html>'), htmlReader],
      ['a.pdf', new TextEncoder().encode('%PDF-1.7\n'), pdfReader],
    ] as const;
    for (const [file, bytes, real] of cases) {
      const { reader } = chooseReader(file, bytes);
      expect([reader.format, reader.label], file).toEqual([real.format, real.label]);
    }
    const doc = chooseReader('notice.doc', readFileSync('tests/fixtures/readers/notice.doc')).reader;
    expect([doc.format, doc.label]).toEqual([docReader.format, docReader.label]);
  });
});
