/**
 * Layouts (issue 11 §1): the 文号 in every form a county receives — 〔〕 [] () （） brackets, 明电, on
 * its own line, in brackets on the line under the title, in front of the title on one line — and
 * orders (a 令 banner over 第N号). Fixtures: tests/fixtures/layouts/docnumbers/.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { leadingDocNumber, parseDocNumber } from '../../scripts/ingest/patterns';
import { expectCovered, facts, ingestFamily, type Family } from '../helpers/layouts';

let f: Family;
beforeAll(async () => {
  f = await ingestFamily('docnumbers');
});

describe('文号 forms', () => {
  it('parses every bracket style and 明电 / 令 forms to one normal form', () => {
    expect(parseDocNumber('国办发〔2018〕118号')).toBe('国办发〔2018〕118号');
    expect(parseDocNumber('国办发[2018]118号')).toBe('国办发〔2018〕118号');
    expect(parseDocNumber('国办发(2018)118号')).toBe('国办发〔2018〕118号');
    expect(parseDocNumber('国办发（2018）118号')).toBe('国办发〔2018〕118号');
    expect(parseDocNumber('国办发明电〔2018〕15号')).toBe('国办发明电〔2018〕15号');
    expect(parseDocNumber('国令第706号')).toBe('国令第706号');
    expect(parseDocNumber('第706号')).toBeUndefined(); // only under a 令 banner
    expect(leadingDocNumber('（豫政发〔2009〕25号）')).toEqual({ docNumber: '豫政发〔2009〕25号', rest: '' });
    expect(leadingDocNumber('各省人民政府：')).toBeUndefined();
  });

  it('[] brackets under an issuer line and a title: normalised to 〔〕', () => {
    expect(facts(f.first('square-brackets.txt'))).toEqual({
      title: '濮阳市人民政府办公室关于印发濮阳市行政执法公示办法的通知',
      docNumber: '濮政办〔2019〕12号',
      issuers: ['濮阳市人民政府办公室'],
      date: '2019-04-08',
    });
  });

  it('明电 with （） brackets', () => {
    expect(facts(f.first('urgent-telegram.txt'))).toEqual({
      title: '河南省人民政府办公厅关于做好元旦春节期间安全生产工作的紧急通知',
      docNumber: '豫政办明电〔2020〕7号',
      issuers: ['河南省人民政府办公厅'],
      date: '2020-12-25',
    });
  });

  it('in brackets on the line under the title', () => {
    const d = f.first('bracketed-under-title.txt');
    expect(facts(d)).toEqual({ title: '内黄县人民政府关于公布县级行政许可事项清单的决定', docNumber: '内政〔2009〕25号', issuers: ['内黄县人民政府'], date: '2009-06-10' });
    expect(d.kind).toBe('决定');
    expect(d.id).toBe('nz-2009-25');
  });

  it('in front of the title on the same line: both read, the line kept as printed', () => {
    const d = f.first('number-before-title.txt');
    expect(facts(d)).toEqual({
      title: '鹤壁市人民政府办公室关于印发鹤壁市重大行政决策程序规定的通知',
      docNumber: '鹤政办〔2021〕30号',
      issuers: ['鹤壁市人民政府办公室'],
      date: '2021-08-03',
    });
    expect(f.record(d.id).bodyText).toContain('鹤政办〔2021〕30号鹤壁市人民政府办公室关于印发');
  });

  it('an order: 令 banner over 第N号 — number, issuer from the banner, title of what it promulgates, the regulation its child', () => {
    const [order, regulation] = f.docs('order.txt');
    expect(facts(order!)).toEqual({ title: '河南省行政规范性文件管理办法', docNumber: '河南省人民政府令第210号', issuers: ['河南省人民政府'], date: '2022-01-04' });
    expect(order!.id).toBe('hnsrmzfl-210');
    expect(regulation!.title).toBe('河南省行政规范性文件管理办法');
    expect(regulation!.parent).toBe(order!.id);
    expect(regulation!.issuers).toEqual(['河南省人民政府']);
    expect(f.outline(regulation!.id).filter((h) => h.depth === 1).map((h) => h.marker)).toEqual(['第一章', '第二章']);
  });

  it('a red-header 上行文: 份号, 密级, 紧急程度, banner, 文号 with 签发人 on its line, title over two lines, recipient', () => {
    const d = f.first('red-header.txt');
    expect(facts(d)).toEqual({ title: '河南省司法厅关于报送2023年度法治政府建设情况的报告', docNumber: '豫司〔2024〕15号', issuers: ['河南省司法厅'], date: '2024-01-20' });
    expect(d.recipients).toBe('司法部');
    expect(d.kind).toBe('报告');
    expect(f.docs('red-header.txt')).toHaveLength(1);
    expect(parseDocNumber('豫司〔2024〕15号　　签发人：王某某')).toBe('豫司〔2024〕15号');
  });

  it('every line of every file is in the output', () => expectCovered(f));
});
