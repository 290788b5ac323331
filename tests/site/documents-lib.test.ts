import { describe, it, expect } from 'vitest';
import {
  docDate, docYear, formatDateZh, sortNewest, issuerSlug, yearFacets, issuerFacets, normalizeDocNumber,
  resolveCites, related, prevNext, maskMobile, sourceLabel, documentsOpenData, type DocEntry, type DocData,
} from '../../src/lib/documents';

function doc(id: string, over: Partial<DocData> = {}): DocEntry {
  return {
    id,
    data: { title: `标题${id}`, issuers: [], kind: '通知', children: [], attachments: [], contacts: [], cites: [], source: { file: 'f.txt', lines: [1, 2] }, ...over },
  };
}

const parent = doc('zz7', { docNumber: '郑法政办〔2019〕7号', issuers: ['郑州市法治政府建设领导小组办公室'], signedDate: '2019-07-23', children: ['y10', 'y15'], cites: ['豫法政办〔2019〕10号', '豫法政办[2018]15号', '豫法政〔2019〕1号', '郑法政办〔2019〕7号'] });
const y10 = doc('y10', { docNumber: '豫法政办〔2019〕10号', issuers: ['河南省法治政府建设领导小组办公室'], signedDate: '2019-07-10', parent: 'zz7' });
const y15 = doc('y15', { docNumber: '豫法政办〔2018〕15号', issuers: ['河南省法治政府建设领导小组办公室'], printedDate: '2018-06-01', parent: 'zz7' });
const y12 = doc('y12', { docNumber: '豫法政办〔2019〕12号', issuers: ['河南省法治政府建设领导小组办公室'], signedDate: '2019-07-23', parent: 'zz7' });
const undated = doc('a-undated', { issuers: ['舞阳县法治政府建设领导小组办公室', '河南省法治政府建设领导小组办公室'] });
const all = [y15, undated, y10, parent, y12];

describe('dates', () => {
  it('uses 成文日期, else 印发日期', () => {
    expect(docDate(y10.data)).toBe('2019-07-10');
    expect(docDate(y15.data)).toBe('2018-06-01');
    expect(docYear(y15.data)).toBe('2018');
    expect(docDate(undated.data)).toBeUndefined();
  });
  it('files a document without a date of its own under the year the ingest gave it', () => {
    const plan = doc('plan', { parent: 'zz7', year: 2019 });
    expect(docDate(plan.data)).toBeUndefined();
    expect(docYear(plan.data)).toBe('2019');
    expect(docYear(undated.data)).toBeUndefined();
    expect(yearFacets([parent, plan, y15]).map((f) => [f.key, f.count])).toEqual([['2019', 2], ['2018', 1]]);
  });
  it('formats ISO dates the Chinese way', () => {
    expect(formatDateZh('2019-07-03')).toBe('2019年7月3日');
    expect(formatDateZh(undefined)).toBe('');
  });
});

describe('sortNewest', () => {
  it('puts newest first, a forwarding notice before what it forwards on the same day, undated last', () => {
    expect(sortNewest(all).map((d) => d.id)).toEqual(['zz7', 'y12', 'y10', 'y15', 'a-undated']);
  });
  it('files an undated attachment with its parent, right after it', () => {
    const att = doc('zz7-fj1', { parent: 'zz7' });
    expect(sortNewest([...all, att]).map((d) => d.id)).toEqual(['zz7', 'y12', 'zz7-fj1', 'y10', 'y15', 'a-undated']);
  });
  it('does not mutate its input and is stable for any input order', () => {
    const copy = [...all];
    sortNewest(all);
    expect(all).toEqual(copy);
    expect(sortNewest([...all].reverse())).toEqual(sortNewest(all));
  });
});

describe('facets', () => {
  it('counts years newest first', () => {
    expect(yearFacets(all)).toEqual([
      { key: '2019', label: '2019年', count: 3 },
      { key: '2018', label: '2018年', count: 1 },
    ]);
  });
  it('counts issuers (each issuer of a joint document) with stable ASCII slugs', () => {
    const f = issuerFacets(all);
    expect(f[0]).toEqual({ key: issuerSlug('河南省法治政府建设领导小组办公室'), label: '河南省法治政府建设领导小组办公室', count: 4 });
    expect(f.map((x) => x.count)).toEqual([4, 1, 1]);
    for (const x of f) expect(x.key).toMatch(/^[0-9a-f]{8}$/);
    expect(issuerSlug('郑州市法治政府建设领导小组办公室')).not.toBe(issuerSlug('河南省法治政府建设领导小组办公室'));
  });
});

describe('文号 and cross references', () => {
  it('normalises the bracket forms of a 文号', () => {
    for (const s of ['豫法政办[2018]15号', '豫法政办(2018)15号', '豫法政办（2018）15号', '豫法政办 〔2018〕 15 号', '豫法政办［2018］15号'])
      expect(normalizeDocNumber(s)).toBe('豫法政办〔2018〕15号');
  });
  it('resolves cited 文号 held by the corpus, keeps the others unresolved, skips itself and duplicates', () => {
    expect(resolveCites(parent.data, all)).toEqual([
      { docNumber: '豫法政办〔2019〕10号', id: 'y10', title: '标题y10' },
      { docNumber: '豫法政办[2018]15号', id: 'y15', title: '标题y15' },
      { docNumber: '豫法政〔2019〕1号' },
    ]);
  });
  it('finds parent, children (also those that only name the parent) and attachments', () => {
    const withAtt = doc('zz7', { ...parent.data, attachments: [{ seq: 1, title: '附件一', id: 'y10' }, { seq: 2, title: '未收录的附件' }] });
    const r = related(withAtt, all);
    expect(r.parent).toBeUndefined();
    expect(r.children.map((c) => c.id)).toEqual(['y10', 'y15', 'y12']);
    expect(r.attachments.map((a) => [a.seq, a.entry?.id])).toEqual([[1, 'y10'], [2, undefined]]);
    expect(related(y10, all).parent?.id).toBe('zz7');
  });
  it('gives 上一篇/下一篇 in library order', () => {
    const sorted = sortNewest(all);
    expect(prevNext(sorted, 'zz7')).toEqual({ prev: undefined, next: y12 });
    expect(prevNext(sorted, 'y10')).toEqual({ prev: y12, next: y15 });
    expect(prevNext(sorted, 'a-undated').next).toBeUndefined();
    expect(prevNext(sorted, 'nope')).toEqual({});
  });
});

describe('maskMobile', () => {
  it('masks personal mobile numbers and leaves office numbers alone', () => {
    expect(maskMobile('联系电话：16637113810')).toBe('联系电话：166****3810');
    expect(maskMobile('手机 138 1234 5678，座机 0371-65900356 67180592')).toBe('手机 138****5678，座机 0371-65900356 67180592');
    expect(maskMobile('13812341234、15900001111')).toBe('138****1234、159****1111');
  });
  it('does not touch longer digit runs or non-mobile prefixes', () => {
    expect(maskMobile('410100199001011234')).toBe('410100199001011234');
    expect(maskMobile('12345678901')).toBe('12345678901');
    expect(maskMobile('2019 年 8 月 20 日')).toBe('2019 年 8 月 20 日');
  });
});

describe('documentsOpenData', () => {
  const withMobile = doc('m1', { contacts: [{ name: '张三', phone: '16637113810', text: '联系人：张三 16637113810' }] });
  it('lists every record with its page URL, masking personal mobiles when configured', () => {
    const out = JSON.parse(documentsOpenData([withMobile, parent], { maskMobile: true, href: (id) => `/x/documents/${id}/` }));
    expect(out.count).toBe(2);
    expect(out.documents.map((d: { url: string }) => d.url)).toEqual(['/x/documents/m1/', '/x/documents/zz7/']);
    expect(out.documents[0].contacts[0].phone).toBe('166****3810');
    expect(out.documents[0].contacts[0].text).toBe('联系人：张三 166****3810');
  });
  it('keeps numbers as printed when masking is switched off', () => {
    const out = JSON.parse(documentsOpenData([withMobile], { maskMobile: false, href: (id) => id }));
    expect(out.documents[0].contacts[0].phone).toBe('16637113810');
  });
});

describe('sourceLabel', () => {
  it('shows file and line range', () => {
    expect(sourceLabel({ file: '004_x.txt', lines: [3, 36] })).toBe('来源：004_x.txt 第 3–36 行');
    expect(sourceLabel({ file: '004_x.txt', lines: [7, 7] })).toBe('来源：004_x.txt 第 7 行');
  });
});

describe('resolveCites with the ingest citations', () => {
  it('uses the ingest ids, checks they exist, and falls back to the 文号', () => {
    const d = doc('x', { cites: [], citations: [{ docNumber: '豫法政办〔2019〕10号', id: 'y10' }, { docNumber: '豫法政办〔2018〕15号' }, { docNumber: '豫法政〔2019〕1号', id: 'gone' }] });
    expect(resolveCites(d.data, all)).toEqual([
      { docNumber: '豫法政办〔2019〕10号', id: 'y10', title: '标题y10' },
      { docNumber: '豫法政办〔2018〕15号', id: 'y15', title: '标题y15' },
      { docNumber: '豫法政〔2019〕1号' },
    ]);
  });
});
