import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ARTEFACTS, clean, normaliseSpaces } from '../../scripts/ingest/clean';
import { parseText } from '../../scripts/ingest/index';

const seed = (name: string) => readFileSync(`content/sources/${name}`, 'utf8');
const textOf = (r: ReturnType<typeof clean>) => r.lines.map((l) => l.text);

describe('clean: the artefact list', () => {
  it('names every kind once, each with a description', () => {
    const kinds = ARTEFACTS.map((a) => a.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
    for (const a of ARTEFACTS) expect(a.description.length).toBeGreaterThan(10);
  });

  it('removes page numbers, watermark, bookmark, rules and markdown marks, counting each kind', () => {
    const input = [
      '# 标题一',
      '',
      '— 1 —',
      '',
      '扫描全能王 创建',
      '',
      '[bookmark: _GoBack]3.指标要求的材料。',
      '---',
      '**5.完善制度。**继续推进。',
      '- 附件：清单',
      '第 2 页 共 5 页',
    ].join('\n');
    const r = clean(input);
    expect(r.artefacts).toEqual({
      'markdown-heading': 1,
      'page-number-dash': 1,
      'scan-watermark': 1,
      'word-bookmark': 1,
      rule: 1,
      'markdown-bold': 1,
      'markdown-list': 1,
      'page-number-of': 1,
    });
    expect(textOf(r).filter(Boolean)).toEqual(['标题一', '3.指标要求的材料。', '5.完善制度。继续推进。', '附件：清单']);
  });

  it('removes a lone page-number line but never a table cell "\\t1" or a number inside a table', () => {
    const input = ['附件：清单', '', '1', '', '清单标题', '\t序号', '\t内容', '', '\t1', '\t第一项', '\t', '', '23', '', '\t第二项内容'].join('\n');
    const r = clean(input);
    expect(r.artefacts).toEqual({ 'page-number': 1 });
    expect(r.removed).toEqual([{ kind: 'page-number', line: 3, text: '1' }]);
    const texts = textOf(r);
    expect(texts).toContain('\t1');
    expect(texts).toContain('23');
  });

  it('001: removes the lone "1" before the 责任清单 title and keeps every "\\t<n>" cell', () => {
    const r = clean(seed('001_35814a2464d1ba9f.txt'));
    expect(r.artefacts['page-number']).toBe(1);
    expect(r.removed.find((x) => x.kind === 'page-number')?.line).toBe(56);
    const seqCells = r.lines.filter((l) => /^\t\d+$/.test(l.text)).length;
    expect(seqCells).toBe(103); // 100 三级指标 (row 23's number sits on its own line) + 2 加分项 + 2 否决项 − 1
    expect(r.lines.some((l) => l.text === '23' && l.lines[0] === 187)).toBe(true);
  });
});

describe('clean: markdown pipe tables', () => {
  it('turn into tab-separated rows; the rule line is a counted artefact; escaped pipes stay text', () => {
    const r = clean(['| 序号 | 任务 |', '| --- | :---: |', '| 1 | 甲 \\| 乙 |', '', '| 不是表格 |'].join('\n'));
    expect(r.artefacts).toEqual({ 'markdown-table': 1 });
    expect(textOf(r)).toEqual(['序号\t任务', '1\t甲|乙', '', '|不是表格|']);
    expect(r.lines.map((l) => l.lines)).toEqual([[1], [3], [4], [5]]);
    expect(r.perLine).toEqual(['序号 任务', '', '1 甲|乙', '', '|不是表格|']);
  });

  it('an .md notice with a pipe table gets a real table node', () => {
    const p = parseText('t.md', readFileSync('tests/fixtures/ingest/unseen/md-table.md', 'utf8'), { encoding: 'UTF-8' });
    const t = p.root.children[0]!.children.find((b) => b.type === 'table');
    expect(t?.type === 'table' && t.head?.cells.map((c) => c.text)).toEqual(['序号', '任务', '责任单位']);
    expect(t?.type === 'table' && t.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['1', '推进{依法}决策', '司法局'],
      ['2', '公开<权责>清单|动态调整', '各单位'],
    ]);
  });
});

describe('clean: whitespace', () => {
  it('removes stray spaces next to Chinese text and keeps spaces between Latin words/numbers', () => {
    expect(normaliseSpaces('2022 年度全省推进服务型行政执法 建设工作要点')).toBe('2022年度全省推进服务型行政执法建设工作要点');
    expect(normaliseSpaces('电话 0371-65900356 68102986（传真）')).toBe('电话0371-65900356 68102986（传真）');
    expect(normaliseSpaces('Smart App 在线　办理')).toBe('Smart App在线办理');
  });

  it('keeps the spaces that separate names and numbers in contact lines', () => {
    const r = clean('联系人：夏新军 赵 睿\n联系电话：0371-65900356 68102986（传真）');
    expect(textOf(r)).toEqual(['联系人：夏新军 赵 睿', '联系电话：0371-65900356 68102986（传真）']);
  });

  it('turns full-width indentation into nothing and counts it', () => {
    const r = clean('　　一、指导思想\n各单位：　　');
    expect(textOf(r)).toEqual(['一、指导思想', '各单位：']);
    expect(r.normalisations['full-width-space']).toBeGreaterThan(0);
  });
});

describe('clean: page-break joins keep the original line numbers', () => {
  it('000: "…依法有效" + blank + "化解社会矛盾纠纷…" becomes one line made of lines 7–9', () => {
    const r = clean(seed('000_f1c3323b8e7f9c89.txt'));
    const l = r.lines.find((x) => x.text.includes('依法有效化解社会矛盾纠纷'));
    expect(l?.lines).toEqual([7, 8, 9]);
    // The unit name after a truncated paragraph is NOT joined (it is a heading of the next case).
    expect(r.lines.some((x) => x.text === '义马市城市管理局' && x.lines[0] === 109)).toBe(true);
  });

  it('004: "（豫法政办〔2018〕15" + blanks + "号，以下简称…" is re-joined (lines 13–17)', () => {
    const r = clean(seed('004_68eba3d49fe9447e.txt'));
    const l = r.lines.find((x) => x.text.includes('（豫法政办〔2018〕15号，以下简称创建标准）'));
    expect(l?.lines).toEqual([13, 14, 15, 16, 17]);
    // A page break with a page number and a watermark inside the sentence (lines 128–136).
    const l2 = r.lines.find((x) => x.text.includes('《河南省行政执法责任制示范点创建标准》，现印发给你们'));
    expect(l2?.lines[0]).toBe(128);
    expect(l2?.lines[l2.lines.length - 1]).toBe(136);
  });

  it('does not join a title, a heading or a short label to the next line', () => {
    const input = ['全省推进服务型行政执法建设表现突出的单位和个人推荐对象汇总表', '', '推荐单位：（印章）', '', '一、各单位要按照创建通知评选流程要求对照标准推荐', '', '（一）培育指导'].join('\n');
    const r = clean(input);
    expect(r.lines.filter((l) => l.text).map((l) => l.lines)).toEqual([[1], [3], [5], [7]]);
  });

  it('perLine holds every original line after cleaning (for the coverage check)', () => {
    const r = clean('# 标题\n\n— 3 —\n正文 内容。');
    expect(r.perLine).toEqual(['标题', '', '', '正文内容。']);
  });
});
