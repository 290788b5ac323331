/**
 * The real 001 seed as indicator records, through the extractor, from a TableNode built out of the
 * source lines (tests do not depend on the committed content/ or on a build).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildIndicatorRecords, findChecklistTables } from '../../scripts/ingest/extractors/indicators';
import { doc, para, root, tableFromLines } from './helpers';

const SRC = fileURLToPath(new URL('../../content/sources/001_35814a2464d1ba9f.txt', import.meta.url));

export function seedIndicators() {
  const lines = readFileSync(SRC, 'utf8').split('\n');
  const start = lines.findIndex((l) => l === '\t序号') + 1;
  const noteStart = lines.findIndex((l) => l.startsWith('说明')) + 1;
  const notes = lines
    .slice(noteStart - 1, start - 1)
    .map((l, i) => para(l.replace('[bookmark: _GoBack]', ''), noteStart + i))
    .filter((b) => b.type === 'paragraph' && b.text.trim());
  const table = tableFromLines(lines.slice(start - 1), start, { head: true });
  const r = root('001_35814a2464d1ba9f.txt', [doc('checklist-doc', [...notes, table])]);
  return buildIndicatorRecords(findChecklistTables([r])[0]!, { warn: () => {}, matchThemes: () => [] });
}
