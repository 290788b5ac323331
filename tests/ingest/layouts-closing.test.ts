/**
 * Layouts (issue 11 §1): the closing of a 公文 — signature dates in Chinese numerals (〇, ○ and 零),
 * two issuing bodies (signed one under the other, or on one line after a title naming both).
 * Fixtures: tests/fixtures/layouts/closing/.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDate } from '../../scripts/ingest/patterns';
import { expectCovered, facts, ingestFamily, type Family } from '../helpers/layouts';

let f: Family;
beforeAll(async () => {
  f = await ingestFamily('closing');
});

describe('closing', () => {
  it('dates in Chinese numerals with 〇, ○ or 零', () => {
    expect(parseDate('二〇〇四年六月二十六日')).toBe('2004-06-26');
    expect(parseDate('一九九七年四月八日')).toBe('1997-04-08');
    expect(parseDate('二○一九年十二月三十一日')).toBe('2019-12-31');
    expect(parseDate('二零二零年一月十日')).toBe('2020-01-10');
    expect(facts(f.first('chinese-dates.txt'))).toEqual({ title: '淇县人民政府关于表彰2019年度依法行政工作先进单位的通报', docNumber: '淇政〔2020〕3号', issuers: ['淇县人民政府'], date: '2020-01-10' });
    expect(f.first('chinese-dates.txt').kind).toBe('通报');
  });

  it('two bodies signed one under the other: two issuers, the joint title head not a third', () => {
    const d = f.first('two-issuers.txt');
    expect(d.issuers).toEqual(['中共淇县县委办公室', '淇县人民政府办公室']);
    expect(d.signedDate).toBe('2023-12-31');
    expect(d.title).toBe('中共淇县县委办公室淇县人民政府办公室关于成立淇县法治政府建设示范创建工作领导小组的通知');
  });

  it('two bodies named in the title (A、B关于…) and signed on one line: two issuers', () => {
    expect(facts(f.first('two-issuers-one-line.txt'))).toEqual({
      title: '淇县人民政府办公室、淇县司法局关于印发行政执法“三项制度”工作方案的通知',
      docNumber: '淇政办〔2019〕40号',
      issuers: ['淇县人民政府办公室', '淇县司法局'],
      date: '2019-10-08',
    });
  });

  it('an 附件： list whose entries are printed one a paragraph (blank lines between) is one list', () => {
    const d = f.first('attachment-list.txt');
    expect(d.attachments.map((a) => `${a.seq} ${a.title}`)).toEqual(['1 淇县行政执法统计年报表', '2 淇县行政执法统计年报填报说明', '3 淇县行政执法单位联系人名单']);
    expect(facts(d)).toEqual({ title: '淇县人民政府办公室关于报送行政执法统计年报的通知', docNumber: '淇政办〔2024〕2号', issuers: ['淇县人民政府办公室'], date: '2024-01-08' });
  });

  it('every line of every file is in the output', () => expectCovered(f));
});
