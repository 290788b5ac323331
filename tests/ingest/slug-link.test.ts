import { describe, expect, it } from 'vitest';
import { docNumberSlug, slug, titleSlug, uniqueId } from '../../scripts/ingest/slug';
import { findDocNumbers, parseDate, parseDocNumber, matchMarker } from '../../scripts/ingest/patterns';
import { linkDocuments } from '../../scripts/ingest/link';
import type { DocumentMeta } from '../../scripts/ingest/types';

describe('slug', () => {
  it('pinyin initials, ASCII kept, everything else a separator', () => {
    expect(slug('郑法政办')).toBe('zfzb');
    expect(slug('惠济区 2016 年 A-B')).toBe('hjq-2016-n-a-b');
    expect(slug('《》')).toBe('');
  });
  it('docNumberSlug accepts 〔〕 [] () forms', () => {
    expect(docNumberSlug('郑法政办〔2019〕7号')).toBe('zfzb-2019-7');
    expect(docNumberSlug('商法政办[2022]08号')).toBe('sfzb-2022-8');
    expect(docNumberSlug('豫政办（2021）15号')).toBe('yzb-2021-15');
    expect(docNumberSlug('不是文号')).toBeUndefined();
  });
  it('titleSlug puts the year first and caps the initials', () => {
    expect(titleSlug('惠济区2016年推进依法行政建设法治政府工作要点')).toBe('2016-hjqntjyfxzjsfzzf');
    expect(titleSlug('会议纪要')).toBe('hyjy');
  });
  it('uniqueId numbers repeats in order', () => {
    const taken = new Set<string>();
    expect([uniqueId('a', taken), uniqueId('a', taken), uniqueId('a', taken)]).toEqual(['a', 'a-2', 'a-3']);
  });
});

describe('patterns', () => {
  it('文号 in any bracket style, normalised to 〔〕, with the agency trimmed from running text', () => {
    expect(parseDocNumber('商法政办[2022]8号')).toBe('商法政办〔2022〕8号');
    expect(parseDocNumber('淇政办〔2020〕 12 号')).toBe('淇政办〔2020〕12号');
    expect(findDocNumbers('要认真贯彻落实中发〔2015〕36号文件精神，对照《标准》（豫法政办[2018]15号）和豫政（2007）1号')).toEqual(['中发〔2015〕36号', '豫法政办〔2018〕15号', '豫政〔2007〕1号']);
  });
  it('dates in Arabic or Chinese numerals, with stray spaces', () => {
    expect(parseDate('2019 年 7 月 23 日')).toBe('2019-07-23');
    expect(parseDate('二〇二二年五月十日')).toBe('2022-05-10');
    expect(parseDate('二〇一九年十二月三十一日')).toBe('2019-12-31');
    expect(parseDate('2019年13月1日')).toBeUndefined();
  });
  it('numbering markers and their depth', () => {
    expect(matchMarker('十二、任务')).toMatchObject({ depth: 1, ordinal: 12 });
    expect(matchMarker('(三)任务')).toMatchObject({ depth: 2, ordinal: 3, marker: '(三)' });
    expect(matchMarker('10. 任务')).toMatchObject({ depth: 3, ordinal: 10, rest: '任务' });
    expect(matchMarker('（12）任务')).toMatchObject({ depth: 4, ordinal: 12 });
    expect(matchMarker('2.3万元')).toBeUndefined();
  });
});

describe('link', () => {
  const doc = (over: Partial<DocumentMeta>): DocumentMeta => ({ id: 'x', title: 't', issuers: [], kind: '通知', children: [], attachments: [], contacts: [], cites: [], source: { file: 'a.txt', lines: [1, 2] }, ...over });

  it('resolves cited 文号 to ids and leaves the others unresolved', () => {
    const a = doc({ id: 'a', docNumber: '甲〔2020〕1号', cites: ['乙〔2020〕2号', '丙〔2020〕3号'] });
    const b = doc({ id: 'b', docNumber: '乙〔2020〕2号' });
    const { documents } = linkDocuments([a, b]);
    expect(documents[0]!.citations).toEqual([{ docNumber: '乙〔2020〕2号', id: 'b' }, { docNumber: '丙〔2020〕3号' }]);
  });

  it('publishes a duplicate 发文字号 once, names both sources and re-points children', () => {
    const a = doc({ id: 'a', docNumber: '甲〔2020〕1号' });
    const a2 = doc({ id: 'a-2', docNumber: '甲〔2020〕1号', children: ['c'], source: { file: 'b.txt', lines: [1, 9] } });
    const c = doc({ id: 'c', parent: 'a-2', source: { file: 'b.txt', lines: [5, 9] } });
    const { documents, duplicates } = linkDocuments([a, a2, c]);
    expect(documents.map((d) => d.id)).toEqual(['a', 'c']);
    expect(duplicates).toEqual([{ docNumber: '甲〔2020〕1号', kept: 'a', dropped: 'a-2', sources: ['a.txt:1-2', 'b.txt:1-9'], reason: '发文字号', title: 't' }]);
    expect(documents[0]!.sources?.map((s) => s.file)).toEqual(['a.txt', 'b.txt']);
    expect(documents[1]!.parent).toBe('a');
    expect(documents[0]!.children).toEqual(['c']);
  });

  it('an attachment entry resolves to the child whose title quotes it', () => {
    const p = doc({ id: 'p', children: ['k'], attachments: [{ seq: 1, title: '《某某创建标准》' }] });
    const k = doc({ id: 'k', parent: 'p', title: '某办公室关于印发《某某创建标准》的通知' });
    linkDocuments([p, k]);
    expect(p.attachments[0]!.id).toBe('k');
  });
});
