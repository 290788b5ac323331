/**
 * Review pass: the 工作任务细则 tables of 豫法政办〔2019〕12号 number their rows 一 二 三 (no 、).
 * The records keep the number in `marker` and the task in `title`; where the two are shown as one
 * line of text (search result titles, 上级条目 links) numberedTitle separates them, so a reader never
 * sees "一全面梳理…".
 */
import { describe, expect, it } from 'vitest';
import { parseSources } from '../../scripts/ingest/index';
import { createWorkpointsExtractor, type WorkPointData } from '../../scripts/ingest/extractors/workpoints';
import { numberedTitle } from '../../src/lib/workpoints';

const { roots, documents } = await parseSources('content/sources');
const data = createWorkpointsExtractor()
  .extract({ roots, documents: new Map(documents.map((d) => [d.id, d])) })
  .map((r) => r.data as WorkPointData);

describe('task table rows numbered 一 二 三', () => {
  const rows = data.filter((d) => d.kind === 'row');

  it('marker is the bare numeral, title the 内容 cell without it', () => {
    expect(rows.map((r) => [r.id, r.marker, r.title])).toEqual([
      ['yfzb-2019-12-t1-1', '一', '全面梳理行政执法权责事项'],
      ['yfzb-2019-12-t1-2', '二', '全面审定行政执法资格'],
      ['yfzb-2019-12-t1-3', '三', '全面推进行政裁量权基准制度'],
      ['yfzb-2019-12-t2-1', '一', '全面梳理行政执法权责事项'],
      ['yfzb-2019-12-t2-2', '二', '全面审定行政执法资格'],
      ['yfzb-2019-12-t2-3', '三', '全面推进行政裁量权基准制度'],
    ]);
  });

  it('the section is the table caption; the 注 notes of the blank form above it are not part of it', () => {
    expect([...new Set(rows.map((r) => r.section))]).toEqual(['工作任务细则（省辖市、省直管县市政府）', '工作任务细则（省直行政执法部门）']);
  });

  it('no work point title starts with its own numbering', () => {
    for (const d of data) expect(d.title, d.id).not.toMatch(/^(?:[一二三四五六七八九十]+|\d+)(?:[、.．]|(?=[\u4e00-\u9fff]))(?!项|个|是|批|级|年|月|日|季|号|次|类|家|件|种|条)/u);
  });

  it('numberedTitle: a bare numeral gets a space, a printed 、 or . is kept as is', () => {
    expect(rows.map(numberedTitle).slice(0, 3)).toEqual(['一 全面梳理行政执法权责事项', '二 全面审定行政执法资格', '三 全面推进行政裁量权基准制度']);
    expect(numberedTitle({ marker: '1.', title: '营造“以赛促学”浓厚氛围' })).toBe('1.营造“以赛促学”浓厚氛围');
    expect(numberedTitle({ marker: '（一）', title: '组织领导机制' })).toBe('（一）组织领导机制');
    expect(numberedTitle({ marker: '1、', title: '听取汇报' })).toBe('1、听取汇报');
    expect(numberedTitle({ marker: '12', title: '强化考核' })).toBe('12 强化考核');
    expect(numberedTitle({ marker: '', title: '无编号' })).toBe('无编号');
  });
});
