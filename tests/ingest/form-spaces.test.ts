/**
 * Review pass: the blanks of a form keep the space that separates them. The cjk-space rule used to
 * print the 申报表 of 豫法政办〔2019〕10号 as "盖章年月日" (source "盖 章 年 月 日": seal here, then a
 * date to fill in) and the 汇总表 of 002 as "推荐单位：（印章）联系人：电话：".
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { clean, normaliseSpaces } from '../../scripts/ingest/clean';
import { parseText } from '../../scripts/ingest/index';
import type { TableNode } from '../../scripts/ingest/types';

describe('clean: form blanks keep one separating space', () => {
  it('a blank date 年 月 日, and the space before it', () => {
    expect(normaliseSpaces('盖 章 年 月 日')).toBe('盖章 年 月 日');
    expect(normaliseSpaces('年  月  日')).toBe('年 月 日');
    expect(normaliseSpaces('申报单位 盖章')).toBe('申报单位盖章');
  });

  it('a written date is still closed up', () => {
    expect(normaliseSpaces('2019 年 7 月 23 日')).toBe('2019年7月23日');
    expect(normaliseSpaces('二〇一九年 七 月 一 日')).toBe('二〇一九年七月一日');
  });

  it('empty fields followed by the next label', () => {
    expect(normaliseSpaces('推荐单位：（印章） 联系人： 电话：')).toBe('推荐单位：（印章） 联系人： 电话：');
    expect(normaliseSpaces('填表单位： 联系人：')).toBe('填表单位： 联系人：');
  });

  it('running text after a colon is still closed up', () => {
    expect(normaliseSpaces('具体验收方式如下： 各地要按时报送')).toBe('具体验收方式如下：各地要按时报送');
    expect(normaliseSpaces('通知如下： 一、工作')).toBe('通知如下：一、工作');
    expect(normaliseSpaces('参加人数：1. 各省辖市。市级部门 60 人')).toBe('参加人数：1.各省辖市。市级部门60人');
  });

  it('a list of dates of the same unit keeps its separating spaces (004 工作任务细则 完成期限 "9 月 10 月 11 月")', () => {
    expect(normaliseSpaces('9 月 10 月 11 月')).toBe('9月 10月 11月');
    expect(normaliseSpaces('8月 9月 10月')).toBe('8月 9月 10月');
    expect(normaliseSpaces('2019年 2020年')).toBe('2019年 2020年');
    expect(normaliseSpaces('2019年7月 23日')).toBe('2019年7月23日');
    expect(normaliseSpaces('9 月公布行政执法权责清单; 12 月公布')).toBe('9月公布行政执法权责清单; 12月公布');
  });

  it('counts only the spaces it removes', () => {
    const r = clean('盖 章 年 月 日');
    expect(r.normalisations['cjk-space']).toBe(1);
  });
});

describe('form blanks on the seeds', () => {
  it('004 申报表 (豫法政办〔2019〕10号): the seal/date cells read "年 月 日" and "盖章 年 月 日"', () => {
    const docs = parseText('004.txt', readFileSync('content/sources/004_68eba3d49fe9447e.txt', 'utf8'), { encoding: 'UTF-8' }).root.children;
    const t = docs[1]!.children.filter((b): b is TableNode => b.type === 'table').find((x) => x.position.start.line === 111)!;
    expect(t.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['申报单位盖章', '年 月 日'],
      ['推荐单位意见', '盖章 年 月 日'],
    ]);
  });

  it('002 汇总表: the three fields above the table stay apart', () => {
    const docs = parseText('002.txt', readFileSync('content/sources/002_219e36a7a20b3a16.txt', 'utf8'), { encoding: 'UTF-8' }).root.children;
    const p = docs[4]!.children.find((b) => b.position.start.line === 150)!;
    expect(p).toMatchObject({ type: 'paragraph', text: '推荐单位：（印章） 联系人： 电话：' });
  });
});
