/**
 * The real seeds through the real pipeline: parseSources (decode → clean → segment) and then the
 * indicator and scoring extractors, exactly as `npm run ingest` runs them.
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { parseSources } from '../../scripts/ingest/index';
import { buildIndicatorRecords, findChecklistTables, indicatorsExtractor } from '../../scripts/ingest/extractors/indicators';
import { buildScoringRecords } from '../../scripts/ingest/extractors/scoring';
import { extractors } from '../../scripts/ingest/extractors/index';

const DIR = fileURLToPath(new URL('../../content/sources', import.meta.url));
const { roots, documents } = await parseSources(DIR);

describe('indicators from the segmenter output', () => {
  const found = findChecklistTables(roots);
  const warnings: string[] = [];
  const { records, meta } = buildIndicatorRecords(found[0]!, { warn: (m) => warnings.push(m) });
  const get = (id: string) => records.find((r) => r.id === id)!;

  it('one checklist table, in the 附件 of 夏法政办〔2023〕12号', () => {
    expect(found).toHaveLength(1);
    expect(found[0]!.root.data.file).toBe('001_35814a2464d1ba9f.txt');
    expect(documents.find((d) => d.id === records[0]!.document)?.kind).toBeTruthy();
  });
  it('100 / 2 / 2, no warnings, areas checked against the plan headings', () => {
    expect(meta.counts).toEqual({ indicator: 100, bonus: 2, veto: 2 });
    expect(warnings).toEqual([]);
  });
  it('statuses 31 done / 27 not-required / 46 pending', () => {
    const by = (s: string) => records.filter((r) => r.status === s).length;
    expect([by('done'), by('not-required'), by('pending')]).toEqual([31, 27, 46]);
  });
  it('materials and units of several indicators', () => {
    expect(get('005').materials).toHaveLength(2);
    expect(get('005').status).toBe('done');
    expect(get('036').units).toEqual(['政府办']);
    expect(get('036').unitNote).toBe('（各部门配合提供重大行政决策后评估相关资料）');
    expect(get('039').units).toEqual(['金融服务中心', '教体局']);
    expect(get('043').units).toContain('人力资源社会保障局');
    expect(get('047').status).toBe('not-required');
    expect(get('089').materialsIntro).toBe('请提供2021年以来，本级政府的下列材料：');
    expect(get('099').text).toContain('专题培训；强化执法培训');
    expect(get('bonus-1').units).toEqual(['本级政府', '县直单位', '各乡镇']);
  });
  it('five 说明 notes, the bookmark artefact cleaned', () => {
    expect(meta.notes).toHaveLength(5);
    expect(meta.notes.map((n) => n.text).join('')).not.toContain('bookmark');
  });
  it('themes come from the shared matcher', () => {
    const out = indicatorsExtractor.extract({ roots, documents: new Map(documents.map((d) => [d.id, d])) });
    const r33 = out.find((o) => o.id === '033')!;
    expect((r33.data.themes as { id: string }[]).map((t) => t.id)).toContain('falv-guwen');
  });
  it('both extractors are registered', () => {
    expect(extractors.map((e) => e.name)).toEqual(expect.arrayContaining(['indicators', 'scoring']));
  });
});

describe('scoring from the segmenter output', () => {
  const out = buildScoringRecords(roots, () => {});
  it('21 items from 19 printed rows over 4 page parts, 4 baseline rows, 1 points mismatch (the source), 6 task details', () => {
    expect(out.items).toHaveLength(21);
    expect(new Set(out.items.map((i) => i.part)).size).toBe(4);
    expect(out.items.filter((i) => i.baseline)).toHaveLength(4);
    expect(out.checks.filter((c) => !c.ok)).toHaveLength(1);
    expect(out.tasks.map((t) => t.audience)).toEqual(['省辖市、省直管县市政府', '省辖市、省直管县市政府', '省辖市、省直管县市政府', '省直行政执法部门', '省直行政执法部门', '省直行政执法部门']);
  });
});
