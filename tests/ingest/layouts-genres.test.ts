/**
 * Layouts (issue 11 §1): the genres of 公文 a county receives — forwarding notices (转发…的通知 followed
 * by the text it forwards: parent and child), 复函, 批复, 答复 to a 提案 (issuer from the title; no
 * signature), 决定 with the issuer on its own line over the title. Fixtures: tests/fixtures/layouts/genres/.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { expectCovered, facts, ingestFamily, type Family } from '../helpers/layouts';

let f: Family;
beforeAll(async () => {
  f = await ingestFamily('genres');
});

describe('genres', () => {
  it('forwarding notice: the outer notice (its title over three lines) is the parent of the forwarded one', () => {
    const [outer, inner] = f.docs('forwarding.txt');
    expect(facts(outer!)).toEqual({
      title: '淇县人民政府办公室转发鹤壁市人民政府办公室关于加强行政规范性文件备案审查工作的通知',
      docNumber: '淇政办〔2023〕30号',
      issuers: ['淇县人民政府办公室'],
      date: '2023-07-20',
    });
    expect(facts(inner!)).toEqual({ title: '鹤壁市人民政府办公室关于加强行政规范性文件备案审查工作的通知', docNumber: '鹤政办〔2023〕12号', issuers: ['鹤壁市人民政府办公室'], date: '2023-07-03' });
    expect(inner!.parent).toBe(outer!.id);
    expect(inner!.relation).toBe('转发');
    expect(outer!.children).toEqual([inner!.id]);
  });

  it('a chain 县转发市转发省: parent, child, grandchild — each forwarded document under the one that forwards it', () => {
    const [county, city, province] = f.docs('forwarding-chain.txt');
    expect([county, city, province].map((d) => d!.docNumber)).toEqual(['淇政办〔2024〕8号', '鹤政办〔2024〕5号', '豫政办〔2024〕11号']);
    expect(county!.title).toBe('淇县人民政府办公室转发鹤壁市人民政府办公室关于转发河南省人民政府办公厅关于做好行政复议体制改革后续工作的通知的通知');
    expect(city!.title).toBe('鹤壁市人民政府办公室关于转发河南省人民政府办公厅关于做好行政复议体制改革后续工作的通知的通知');
    expect(city!.parent).toBe(county!.id);
    expect(province!.parent).toBe(city!.id);
    expect([city!.relation, province!.relation]).toEqual(['转发', '转发']);
    expect(province!.issuers).toEqual(['河南省人民政府办公厅']);
    expect(f.outline(province!.id).map((h) => h.marker)).toEqual(['一、', '二、']);
  });

  it('复函 over two lines', () => {
    expect(facts(f.first('reply-letter.txt'))).toEqual({ title: '淇县人民政府办公室关于同意设立淇县公共法律服务中心的复函', docNumber: '淇政办函〔2022〕18号', issuers: ['淇县人民政府办公室'], date: '2022-06-15' });
  });

  it('批复 whose title breaks inside its bracketed period', () => {
    const d = f.first('approval.txt');
    expect(facts(d)).toEqual({ title: '鹤壁市人民政府关于淇县国土空间总体规划（2021—2035年）的批复', docNumber: '鹤政文〔2023〕45号', issuers: ['鹤壁市人民政府'], date: '2023-10-09' });
    expect(d.recipients).toBe('淇县人民政府');
  });

  it('答复 to a 提案: issuer read from the title (对…的答复), the addressee is the recipient', () => {
    const d = f.first('answer-to-proposal.txt');
    expect(facts(d)).toEqual({ title: '淇县人民政府办公室对县政协十届二次会议第25号提案的答复', docNumber: '淇政办函〔2023〕9号', issuers: ['淇县人民政府办公室'], date: '2023-06-30' });
    expect(d.recipients).toBe('王某某委员');
  });

  it('决定 with the issuing body on its own line over 关于…的决定', () => {
    const d = f.first('decision.txt');
    expect(facts(d)).toEqual({ title: '淇县人民政府关于废止部分行政规范性文件的决定', docNumber: '淇政〔2023〕12号', issuers: ['淇县人民政府'], date: '2023-11-02' });
    expect(d.kind).toBe('决定');
  });

  it('倡议书 addressed to 广大市民朋友们 and signed by an office called …办', () => {
    const d = f.first('appeal.txt');
    expect(facts(d)).toEqual({ title: '文明出行倡议书', docNumber: undefined, issuers: ['淇县文明办'], date: '2024-04-01' });
    expect(d.recipients).toBe('广大市民朋友们');
  });

  it('every line of every file is in the output', () => expectCovered(f));
});
