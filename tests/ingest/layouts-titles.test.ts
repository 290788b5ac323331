/**
 * Layouts (issue 11 §1): a title printed over several lines — with blank lines between them (how
 * titles arrive from Word and web pages) or without, or with its characters spaced — is one title;
 * the recipients line is never the title. Fixtures: tests/fixtures/layouts/titles/.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { expectCovered, facts, ingestFamily, type Family } from '../helpers/layouts';

let f: Family;
beforeAll(async () => {
  f = await ingestFamily('titles');
});

describe('titles over several lines', () => {
  it('three lines with blank lines between them: one document, one title, then 文号, recipients, body', () => {
    expect(f.docs('blank-lines.txt')).toHaveLength(1);
    expect(facts(f.first('blank-lines.txt'))).toEqual({
      title: '淇县人民政府办公室关于进一步做好城乡居民医疗保险参保缴费工作的通知',
      docNumber: '淇政办〔2023〕21号',
      issuers: ['淇县人民政府办公室'],
      date: '2023-09-12',
    });
    expect(f.first('blank-lines.txt').recipients).toBe('各乡（镇）人民政府、街道办事处，县政府各部门');
    expect(f.outline(f.first('blank-lines.txt').id).map((h) => h.marker)).toEqual(['一、', '二、']);
  });

  it('three lines without blank lines: one title', () => {
    expect(f.docs('no-blank-lines.txt')).toHaveLength(1);
    expect(facts(f.first('no-blank-lines.txt'))).toEqual({
      title: '鹤壁市司法局关于开展2024年度法治政府建设示范创建评估工作的通知',
      docNumber: '鹤司〔2024〕15号',
      issuers: ['鹤壁市司法局'],
      date: '2024-05-20',
    });
  });

  it('spaced characters (淇 县 防 汛 …): the title without the spaces', () => {
    expect(f.first('spaced.txt').title).toBe('淇县防汛抗旱应急预案');
    expect(f.first('spaced.txt').signedDate).toBe('2022-05-06');
  });

  it('a notice copied from its recipients line on: the recipients are recipients, never the title', () => {
    const d = f.first('recipients-first.txt');
    expect(d.recipients).toBe('各乡（镇）人民政府，县直各单位');
    expect(d.title).not.toMatch(/各乡|人民政府，/);
  });

  it('every line of every file is in the output', () => expectCovered(f));
});
