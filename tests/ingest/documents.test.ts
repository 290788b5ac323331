import { describe, expect, it } from 'vitest';
import { parseSources } from '../../scripts/ingest/index';
import { linkDocuments } from '../../scripts/ingest/link';
import { kindOf, parseContacts, regionOf } from '../../scripts/ingest/documents';
import type { DocumentMeta } from '../../scripts/ingest/types';

const { roots, documents } = await parseSources('content/sources');
const { documents: published } = linkDocuments(documents);
const byNumber = (n: string) => published.find((d) => d.docNumber === n)!;
const byTitle = (t: string) => published.find((d) => d.title === t)!;
const inFile = (prefix: string) => published.filter((d) => d.source.file.startsWith(prefix));
const brief = (d: DocumentMeta) => ({ title: d.title, docNumber: d.docNumber ?? null, parent: d.parent ?? null, kind: d.kind });

describe('documents of the five seeds', () => {
  it('there are 15 documents with unique ASCII ids', () => {
    expect(published).toHaveLength(15);
    const ids = published.map((d) => d.id);
    expect(new Set(ids).size).toBe(15);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9][a-z0-9-]*$/);
  });

  it('004: 郑法政办〔2019〕7号 forwards 豫法政办〔2019〕10号, 豫法政办〔2018〕15号 and 豫法政办〔2019〕12号', () => {
    const docs = inFile('004_');
    expect(docs.map((d) => d.docNumber)).toEqual(['郑法政办〔2019〕7号', '豫法政办〔2019〕10号', '豫法政办〔2018〕15号', '豫法政办〔2019〕12号']);
    const top = byNumber('郑法政办〔2019〕7号');
    expect(top.title).toBe('郑州市法治政府建设领导小组办公室关于转发《河南省法治政府建设领导小组办公室关于开展第二批行政执法责任制示范点创建工作的通知》等文件的通知');
    expect(top.children).toEqual(docs.slice(1).map((d) => d.id));
    for (const d of docs.slice(1)) {
      expect(d.parent).toBe(top.id);
      expect(d.relation).toBe('转发');
      expect(d.issuers).toEqual(['河南省法治政府建设领导小组办公室']);
      expect(d.level).toBe('省');
    }
    expect(byNumber('豫法政办〔2019〕10号').title).toBe('河南省法治政府建设领导小组办公室关于开展第二批行政执法责任制示范点创建工作的通知');
    expect(byNumber('豫法政办〔2018〕15号').title).toBe('河南省法治政府建设领导小组办公室关于印发《河南省行政执法责任制示范点创建标准》的通知');
    expect(byNumber('豫法政办〔2019〕12号').title).toBe('河南省法治政府建设领导小组办公室关于做好2019年行政执法责任制有关工作的通知');
    expect(top).toMatchObject({ signedDate: '2019-07-23', level: '市', region: '郑州市', issuers: ['郑州市法治政府建设领导小组办公室'] });
    expect(byNumber('豫法政办〔2019〕10号').printedDate).toBe('2019-07-01');
    expect(byNumber('豫法政办〔2018〕15号').printedDate).toBe('2018-08-10');
    expect(byNumber('豫法政办〔2019〕12号').printedDate).toBe('2019-07-11');
    // The three 附件 of the forwarding notice are the three forwarded records.
    expect(top.attachments.map((a) => [a.seq, a.id])).toEqual([
      [1, byNumber('豫法政办〔2019〕10号').id],
      [2, byNumber('豫法政办〔2018〕15号').id],
      [3, byNumber('豫法政办〔2019〕12号').id],
    ]);
  });

  it('002: the 舞阳县 forwarding notice, the 2022 工作要点 and its three 附件', () => {
    const docs = inFile('002_');
    expect(docs.map(brief)).toEqual([
      { title: '舞阳县法治政府建设领导小组办公室关于转发《2022年度全省推进服务型行政执法建设工作要点》的通知', docNumber: null, parent: null, kind: '通知' },
      { title: '2022年度全省推进服务型行政执法建设工作要点', docNumber: null, parent: docs[0]!.id, kind: '工作要点' },
      { title: '学习贯彻习近平法治思想暨第二届全省服务型行政执法比武活动实施方案', docNumber: null, parent: docs[1]!.id, kind: '方案' },
      { title: '全省推进服务型行政执法建设表现突出的单位和个人推荐方案', docNumber: null, parent: docs[1]!.id, kind: '方案' },
      { title: '全省推进服务型行政执法建设表现突出的单位和个人推荐对象汇总表', docNumber: null, parent: docs[1]!.id, kind: '表格' },
    ]);
    expect(docs[0]).toMatchObject({ signedDate: '2022-06-15', level: '县', region: '舞阳县', recipients: '各乡镇、县直及驻舞各行政执法单位' });
    expect(docs[1]!.relation).toBe('转发');
    expect(docs.slice(2).map((d) => [d.relation, d.label])).toEqual([
      ['附件', '附件 1'],
      ['附件', '附件 2'],
      ['附件', '附件 3'],
    ]);
    expect(docs[1]!.attachments.map((a) => a.id)).toEqual(docs.slice(2).map((d) => d.id));
    expect(docs[1]!.level).toBe('省');
  });

  it('001: the 夏法政办〔2023〕12号 notice, its 工作推进方案 and the 填报材料责任清单', () => {
    const docs = inFile('001_');
    expect(docs.map(brief)).toEqual([
      { title: '夏邑县法治政府建设领导小组办公室关于印发《夏邑县创建全省法治政府建设示范县工作推进方案》的通知', docNumber: '夏法政办〔2023〕12号', parent: null, kind: '通知' },
      { title: '夏邑县创建全省法治政府建设示范县工作推进方案', docNumber: null, parent: docs[0]!.id, kind: '方案' },
      { title: '夏邑县争创河南省法治政府建设示范县填报材料责任清单', docNumber: null, parent: docs[1]!.id, kind: '清单' },
    ]);
    expect(docs[0]).toMatchObject({ signedDate: '2023-08-31', level: '县', region: '夏邑县', recipients: '各乡（镇）党委政府，县直各有关单位' });
    expect(docs[1]!.attachments).toEqual([{ seq: 1, title: '夏邑县争创河南省法治政府建设示范县填报材料责任清单', id: docs[2]!.id }]);
  });

  it('003: 惠政文〔2016〕35号 and the 工作要点 it prints (two records: the notice and the printed document)', () => {
    const docs = inFile('003_');
    expect(docs.map(brief)).toEqual([
      { title: '郑州市惠济区人民政府关于印发惠济区2016年推进依法行政建设法治政府工作要点的通知', docNumber: '惠政文〔2016〕35号', parent: null, kind: '通知' },
      { title: '惠济区2016年推进依法行政建设法治政府工作要点', docNumber: null, parent: docs[0]!.id, kind: '工作要点' },
    ]);
    expect(docs[0]).toMatchObject({ signedDate: '2016-05-15', printedDate: '2016-05-15', level: '县', region: '郑州市惠济区', issuers: ['郑州市惠济区人民政府'] });
    expect(docs[1]!.relation).toBe('印发');
    expect(docs[1]!.cites).toEqual(['中发〔2015〕36号', '中发〔2015〕37号', '豫政〔2007〕1号', '豫依法行政〔2015〕2号']);
  });

  it('000: the 第二批依法行政示范单位展示 article (no 文号)', () => {
    const docs = inFile('000_');
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({ title: '依法行政擎画中原幸福蓝图', subtitle: '第二批河南省依法行政示范单位展示', kind: '展示', level: '省', region: '河南省' });
    expect(docs[0]!.docNumber).toBeUndefined();
    expect(docs[0]!.source).toEqual({ file: '000_f1c3323b8e7f9c89.txt', lines: [3, 157] });
  });

  it('cites: every 文号 in the text, normalised to 〔〕, resolved when the corpus holds it', () => {
    const d10 = byNumber('豫法政办〔2019〕10号');
    expect(d10.cites).toEqual(['豫法政〔2019〕1号', '豫法政办〔2018〕15号']);
    expect(d10.citations).toEqual([{ docNumber: '豫法政〔2019〕1号' }, { docNumber: '豫法政办〔2018〕15号', id: byNumber('豫法政办〔2018〕15号').id }]);
    const top = byNumber('郑法政办〔2019〕7号');
    expect(top.cites).toEqual(['豫法政办〔2019〕10号', '豫法政办〔2019〕12号', '豫法政办〔2018〕15号']);
    expect(top.citations?.every((c) => c.id)).toBe(true);
  });

  it('contacts keep phone numbers; personal mobiles are marked', () => {
    const d10 = byNumber('豫法政办〔2019〕10号');
    expect(d10.contacts).toHaveLength(1);
    expect(d10.contacts[0]).toMatchObject({ name: '苗理想', phone: '16637113810', email: 'hnzrz2019@126.com', phones: [{ number: '16637113810', mobile: true }] });
    const wp = byTitle('2022年度全省推进服务型行政执法建设工作要点');
    expect(wp.contacts[0]).toMatchObject({
      names: ['夏新军', '赵睿'],
      phones: [
        { number: '0371-65900356', mobile: false },
        { number: '68102986', mobile: false, note: '传真' },
      ],
      emails: ['hnyfxztjc@126.com'],
    });
    // Empty form fields (联系人：/电话： in a blank table) are not contacts.
    expect(byNumber('豫法政办〔2019〕12号').contacts).toHaveLength(1);
  });

  it('every document keeps its source lines inside its file', () => {
    for (const r of roots) for (const d of r.children) {
      expect(d.data.source.file).toBe(r.data.file);
      expect(d.data.source.lines[0]).toBeLessThanOrEqual(d.data.source.lines[1]);
      expect(d.data.source.lines[1]).toBeLessThanOrEqual(r.position.end.line);
    }
  });
});

describe('document helpers', () => {
  it('kindOf reads the genre from the title ending', () => {
    expect(kindOf('关于做好2019年行政执法责任制有关工作的通知')).toBe('通知');
    expect(kindOf('工作推进方案')).toBe('方案');
    expect(kindOf('一览表')).toBe('表格');
    expect(kindOf('2024年法治政府建设工作安排')).toBe('工作安排');
    expect(kindOf('随便什么', '附件')).toBe('附件');
    // Every 文种 of the 公文 regulations has a kind of its own (not 文件).
    expect(kindOf('国务院办公厅对十届全国人大四次会议第1号建议的答复')).toBe('答复');
    expect(kindOf('国务院关于同意设立某某综合保税区的批复')).toBe('批复');
    expect(kindOf('国务院办公厅关于某某问题的复函')).toBe('函');
    expect(kindOf('某某条例')).toBe('条例');
    expect(kindOf('国家某某应急预案')).toBe('预案');
    expect(kindOf('文明出行倡议书')).toBe('倡议书');
    expect(kindOf('某某工作会议纪要')).toBe('纪要');
    expect(kindOf('中华人民共和国国务院令')).toBe('命令');
  });

  it('regionOf reads level and region from an issuing body', () => {
    expect(regionOf('郑州市惠济区人民政府')).toEqual({ level: '县', region: '郑州市惠济区' });
    expect(regionOf('河南省法治政府建设领导小组办公室')).toEqual({ level: '省', region: '河南省' });
    expect(regionOf('郑州市法治政府建设领导小组办公室')).toEqual({ level: '市', region: '郑州市' });
    expect(regionOf('舞阳县法治政府建设领导小组办公室')).toEqual({ level: '县', region: '舞阳县' });
  });

  it('parseContacts: names, numbers (office, fax, mobile) and e-mail of one block', () => {
    const n = (text: string, line: number) => ({ text, position: { start: { line }, end: { line } } });
    const [c] = parseContacts([n('联系人：王五 联系电话：0393-1234567', 1), n('手机：13912345678', 2)]);
    expect(c).toMatchObject({ names: ['王五'], phones: [{ number: '0393-1234567', mobile: false }, { number: '13912345678', mobile: true }], lines: [1, 2] });
  });
});
