/**
 * Helpers of the layout tests (tests/ingest/layouts-*.test.ts): ingest one family of fixture
 * notices (tests/fixtures/layouts/<family>/, short notices written for these tests in the layouts
 * of real 公文) in memory, without extractors, and read each file's documents.
 */
import { expect } from 'vitest';
import { join } from 'node:path';
import { runIngest, type IngestReport } from '../../scripts/ingest/run';
import type { DocumentMeta } from '../../scripts/ingest/types';

export const LAYOUTS = 'tests/fixtures/layouts';

export interface OutlineEntry {
  depth: number;
  marker: string;
  text: string;
}

export interface Family {
  report: IngestReport;
  /** The documents made of a file, in source order (the first is the file's outer document). */
  docs(file: string): DocumentMeta[];
  first(file: string): DocumentMeta;
  /** The emitted record (frontmatter + body) of a document. */
  record(id: string): { data: Record<string, unknown>; bodyText: string };
  outline(id: string): OutlineEntry[];
}

const textOf = (n: unknown): string => {
  const node = n as { value?: unknown; children?: unknown[] };
  return (typeof node.value === 'string' ? node.value : '') + (node.children ?? []).map(textOf).join('');
};

export async function ingestFamily(family: string): Promise<Family> {
  const report = await runIngest({ sources: join(LAYOUTS, family), errata: [], extractors: [] });
  const docs = (file: string) => report.documents.filter((d) => d.source.file === file).sort((a, b) => a.source.lines[0] - b.source.lines[0]);
  const record = (id: string) => {
    const r = report.records.find((x) => x.collection === 'documents' && x.id === id);
    expect(r, `document record ${id}`).toBeDefined();
    return { data: r!.data, bodyText: r!.body.map(textOf).join('\n') };
  };
  return {
    report,
    docs,
    first: (file) => {
      const d = docs(file)[0];
      expect(d, `a document of ${file}`).toBeDefined();
      return d!;
    },
    record,
    outline: (id) => ((record(id).data.outline ?? []) as OutlineEntry[]).map(({ depth, marker, text }) => ({ depth, marker, text })),
  };
}

/** Every line of every file of the family is in the output (coverage 100%). */
export function expectCovered(f: Family): void {
  expect(f.report.files.length).toBeGreaterThan(0);
  for (const file of f.report.files) expect(file.coverage.missing, file.file).toEqual([]);
}

/** The four facts a careful reader takes from a notice. */
export function facts(d: DocumentMeta) {
  return { title: d.title, docNumber: d.docNumber, issuers: d.issuers, date: d.signedDate };
}
