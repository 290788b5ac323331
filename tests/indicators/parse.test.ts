import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildIndicatorRecords, findChecklistTables, indicatorsExtractor } from '../../scripts/ingest/extractors/indicators';
import { regroupChecklist, kindOfSection } from '../../scripts/ingest/extractors/indicators/checklist';
import { piecesFromTabbedLines } from '../../scripts/ingest/extractors/indicators/cells';
import { findLimits, splitMaterials, splitUnits, statusOf } from '../../scripts/ingest/extractors/indicators/fields';
import { loadAreaMap, parseAreaMap } from '../../scripts/ingest/extractors/indicators/areas';
import { doc, heading, para, root, tableFromLines } from './helpers';

const SRC = fileURLToPath(new URL('../../content/sources/001_35814a2464d1ba9f.txt', import.meta.url));

// ---------------------------------------------------------------- fixture: a small table
const FIXTURE = [
  '\t序号', '\t三级指标', '\t填报材料', '\t责任单位', '',
  '\t1', '\t编制并对外公布权责清单。', '\t请提供权责清单的公开网址。', '\t已完成', '',
  '\t2', '\t全面落实负面清单制度。', '\t不需提供申报材料。', '\t——', '',
  '\t', '', '', '3', '', '', '\t全面推行法律顾问、公职律师制度。',
  '\t1.请提供2021年以来法律顾问工作的情况说明。', '2.请提供典型案例。（不超过5件）', '',
  '\t司法局', '政府办（各部门配合提供相关资料）', '',
  '\t4', '\t规范使用文书格式范本。', '\t不需提供申报材料。', '\t', '', '', '——', '',
  '\t1', '\t2021年以来法治政府建设有关工作获得的市级以上的表彰、奖励。', '\t获得相关表彰奖励的正式文件证明（数量不超过10个）。', '\t本级政府、县直单位、各乡镇梳理', '',
  '\t1', '\t在申报材料中，故意编造、虚构有关数据的。', '\t无。', '\t',
];

function fixtureRoot() {
  const table = tableFromLines(FIXTURE, 100, { head: true });
  const notes = [para('说明：', 95), para('1.上报的材料“2021年以来”的，截止时间为2023年6月底。', 96), para('2.情况说明600字左右，明确字数要求的除外。', 97)];
  return root('fixture.txt', [doc('fixture-doc', [para('示范县填报材料责任清单', 93), ...notes, table])]);
}

const TINY_AREAS = `
areas:
  - { no: 1, marker: （一）, label: 依法全面履行政府职能 }
  - { no: 2, marker: （二）, label: 完善依法行政制度体系 }
mapping:
  - { seqs: 1-2, area: 1, reason: 清单 }
  - { seqs: 3-4, area: 2, reason: 法律顾问与文书 }
`;

describe('填报材料责任清单 regrouping (fixture table)', () => {
  const r = fixtureRoot();
  const found = findChecklistTables([r]);
  const warnings: string[] = [];
  const { records, meta } = buildIndicatorRecords(found[0]!, { areaMap: parseAreaMap(TINY_AREAS, 4), warn: (m) => warnings.push(m) });

  it('finds the table by its head cells', () => {
    expect(found).toHaveLength(1);
  });
  it('reads 4 indicators, then the restart at 1 as a bonus item and the second restart as a veto item', () => {
    expect(records.map((x) => `${x.kind}:${x.seq}`)).toEqual(['indicator:1', 'indicator:2', 'indicator:3', 'indicator:4', 'bonus:1', 'veto:1']);
    expect(records.map((x) => x.id)).toEqual(['001', '002', '003', '004', 'bonus-1', 'veto-1']);
    expect(meta.counts).toEqual({ indicator: 4, bonus: 1, veto: 1 });
  });
  it('takes a seq printed alone after blank lines and a —— left without its tab', () => {
    const three = records[2]!;
    expect(three.text).toBe('全面推行法律顾问、公职律师制度。');
    expect(three.source.lines[0]).toBe(115);
    const four = records[3]!;
    expect(four.status).toBe('not-required');
    expect(four.statusRaw).toBe('——');
  });
  it('splits numbered materials and keeps the unit note apart', () => {
    const three = records[2]!;
    expect(three.materials).toEqual(['请提供2021年以来法律顾问工作的情况说明。', '请提供典型案例。（不超过5件）']);
    expect(three.units).toEqual(['司法局', '政府办']);
    expect(three.unitNote).toBe('（各部门配合提供相关资料）');
    expect(three.limits).toMatchObject({ timeWindow: ['2021年以来'], count: ['不超过5件'], words: '600字左右', wordsFromNote: true });
    expect(three.status).toBe('pending');
  });
  it('statuses: 已完成 → done, 不需提供申报材料/—— → not-required', () => {
    expect(records.map((x) => x.status)).toEqual(['done', 'not-required', 'pending', 'not-required', 'pending', 'not-required']);
  });
  it('assigns the declared areas, none to bonus/veto items', () => {
    expect(records.map((x) => x.areaNo)).toEqual([1, 1, 2, 2, null, null]);
    expect(records[0]!.area).toBe('依法全面履行政府职能');
  });
  it('reads the 说明 notes above the table', () => {
    expect(meta.notes.map((n) => n.n)).toEqual([1, 2]);
    expect(meta.notes[0]!.text).toContain('截止时间为2023年6月底');
  });
  it('warns (does not fail) when an area label is not a heading of the plan', () => {
    expect(warnings.some((w) => w.includes('依法全面履行政府职能'))).toBe(true);
  });
});

describe('field parsers', () => {
  it('materials: an intro line before numbered items, and "2.2022年…" is item 2', () => {
    expect(splitMaterials('请提供2021年以来，下列材料：\n1.甲；\n2.2022年乙\n3.丙。')).toEqual({ intro: '请提供2021年以来，下列材料：', items: ['甲；', '2022年乙', '丙。'] });
    expect(splitMaterials('请提供查询平台网址。')).toEqual({ intro: null, items: ['请提供查询平台网址。'] });
  });
  it('units: 领域 names map to units, duplicates collapse, notes in brackets kept', () => {
    expect(splitUnits('市场监管、劳动保障、教育培训、卫生健康').units).toEqual(['市场监管局', '人力资源社会保障局', '教体局', '卫生健康委']);
    expect(splitUnits('自然资源局\n（其他部门已提供）')).toEqual({ units: ['自然资源局'], unitNote: '（其他部门已提供）' });
    expect(splitUnits('生态环境局\n生态环境分局').units).toEqual(['生态环境局']);
    expect(splitUnits('——').units).toEqual([]);
  });
  it('status', () => {
    expect(statusOf('请提供网址。', '已完成').status).toBe('done');
    expect(statusOf('不需提供申报材料。', '——').status).toBe('not-required');
    expect(statusOf('请提供网址。', '司法局').status).toBe('pending');
  });
  it('limits: seal, explicit 字数 wins over the note default', () => {
    expect(findLimits('情况说明。（盖章提供）')).toMatchObject({ seal: true, words: '600字左右', wordsFromNote: true });
    expect(findLimits('2022年…情况说明。（1000字以内）')).toMatchObject({ words: '1000字以内', wordsFromNote: false, timeWindow: ['2022年'] });
    expect(findLimits('请提供2021、2022年的统计。').timeWindow).toEqual(['2021、2022年']);
    expect(findLimits('请提供网址。').words).toBeNull();
  });
  it('section kinds come from the wording, order only as a fallback', () => {
    expect(kindOfSection(['发生严重违法行政行为的。'], 1)).toBe('veto');
    expect(kindOfSection(['获得表彰、奖励。'], 2)).toBe('bonus');
    expect(kindOfSection(['其他事项。'], 1)).toBe('bonus');
  });
});

describe('areas.yaml', () => {
  it('covers seq 1–100 exactly once and names nine areas', () => {
    const m = loadAreaMap(100);
    expect(m.areas.map((a) => a.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(m.bySeq.size).toBe(100);
  });
  it('rejects overlaps and gaps with a message naming the seq', () => {
    expect(() => parseAreaMap(TINY_AREAS.replace('3-4', '2-4'), 4)).toThrow(/seq 2 is mapped twice/);
    expect(() => parseAreaMap(TINY_AREAS.replace('3-4', '3'), 4)).toThrow(/seq 4 not mapped/);
  });
});

// ---------------------------------------------------------------- the real seed, as a hand-built TableNode
describe('real seed 001 (table cells built from the source lines)', () => {
  const lines = readFileSync(SRC, 'utf8').split('\n');
  const start = lines.findIndex((l) => l === '\t序号') + 1; // 1-based line of the head
  const table = tableFromLines(lines.slice(start - 1), start, { head: true });
  const noteStart = lines.findIndex((l) => l.startsWith('说明')) + 1;
  const notes = lines.slice(noteStart - 1, start - 1).map((l, i) => para(l.replace('[bookmark: _GoBack]', ''), noteStart + i)).filter((b) => b.type === 'paragraph' && b.text.trim());
  const plan = lines
    .map((l, i) => ({ l: l.trim(), i }))
    .filter(({ l, i }) => i > 20 && i < 33 && /^（[一二三四五六七八九]）/.test(l))
    .map(({ l, i }) => heading(2, l.slice(0, 3), '一二三四五六七八九'.indexOf(l[1]!) + 1, l.slice(3).split('。')[0]!, i + 1, l.slice(3).split('。').slice(1).join('。')));
  const r = root('001_35814a2464d1ba9f.txt', [doc('plan', plan), doc('checklist-doc', [...notes, table])]);
  const warnings: string[] = [];
  const { records, meta } = buildIndicatorRecords(findChecklistTables([r])[0]!, { warn: (m) => warnings.push(m) });
  const get = (id: string) => records.find((x) => x.id === id)!;

  it('counts 100 三级指标, 2 加分项, 2 否决项 with no warnings', () => {
    expect(meta.counts).toEqual({ indicator: 100, bonus: 2, veto: 2 });
    expect(records.filter((x) => x.kind === 'indicator').map((x) => x.seq)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(warnings).toEqual([]);
  });
  it('restarts into bonus (表彰奖励, 推广经验) and veto (严重违法, 弄虚作假) items', () => {
    expect(get('bonus-1').text).toContain('表彰、奖励');
    expect(get('bonus-2').text).toContain('推广');
    expect(get('veto-1').text).toContain('严重违法行政行为');
    expect(get('veto-2').text).toContain('编造、虚构');
    expect(get('bonus-1').source.lines[0]).toBe(661);
  });
  it('statuses add up: done 31, not-required 27 (25 + 2 否决项 无), pending 46', () => {
    const by = (s: string) => records.filter((x) => x.status === s).length;
    expect([by('done'), by('not-required'), by('pending')]).toEqual([31, 27, 46]);
  });
  it('indicator 33 (法律顾问) belongs to 司法局', () => {
    expect(get('033').text).toContain('法律顾问');
    expect(get('033').units).toEqual(['司法局']);
    expect(get('033').areaNo).toBe(3);
  });
  it('indicator 23: the seq printed alone on its own line is found', () => {
    expect(get('023').units).toEqual(['政府办']);
    expect(get('023').source.lines).toEqual([184, 198]);
  });
  it('indicator 53: four materials, six units', () => {
    expect(get('053').materials).toHaveLength(4);
    expect(get('053').materials[1]).toMatch(/^2022年本级政府市场监管/);
    expect(get('053').units).toEqual(['司法局', '市场监管局', '生态环境局', '城市管理局', '交通运输局', '应急管理局']);
  });
  it('indicator 61: nine units incl. 生态环境分局 normalised, 1000字以内', () => {
    expect(get('061').units).toHaveLength(9);
    expect(get('061').units).toContain('生态环境局');
    expect(get('061').limits.words).toBe('1000字以内');
  });
  it('indicator 70: seal required; 69: unit note; 98: intro + note', () => {
    expect(get('070').limits.seal).toBe(true);
    expect(get('070').status).toBe('done');
    expect(get('069').unitNote).toBe('（其他部门已提供）');
    expect(get('098').materialsIntro).toBe('请提供2021年以来，下列材料：');
    expect(get('098').unitNote).toBe('（各政府部门配合提供相关材料）');
  });
  it('the five 说明 notes', () => {
    expect(meta.notes.map((n) => n.n)).toEqual([1, 2, 3, 4, 5]);
    expect(meta.notes[1]!.text).toContain('600字左右');
  });
  it('every row keeps its raw cells', () => {
    for (const x of records) expect(x.text.length).toBeGreaterThan(5);
    expect(records.filter((x) => x.status === 'pending').every((x) => x.materials.length > 0)).toBe(true);
  });
  it('the extractor returns 104 indicator records and one meta record', () => {
    const out = indicatorsExtractor.extract({ roots: [r], documents: new Map() });
    expect(out.filter((o) => o.collection === 'indicators')).toHaveLength(104);
    expect(out.filter((o) => o.collection === 'indicatormeta').map((o) => o.id)).toEqual(['checklist']);
  });
});

describe('the tab-line cell splitter agrees with the table cells', () => {
  it('regroups the same 104 rows from raw lines', () => {
    const lines = readFileSync(SRC, 'utf8').split('\n');
    const start = lines.findIndex((l) => l === '\t序号') + 5;
    const { rows, issues } = regroupChecklist(piecesFromTabbedLines(lines.slice(start), start + 1));
    expect(issues).toEqual([]);
    expect(rows).toHaveLength(104);
  });
});
