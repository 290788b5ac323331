/**
 * Layouts (issue 11 §1): regulations (第一章 / 第一节 / 第一条) and plans with decimal numbering
 * (1 / 1.1 / 7.2) have real heading levels: a document's depth is the rank of each kind of heading
 * it uses. Fixtures: tests/fixtures/layouts/headings/.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { matchArticle, matchDecimal } from '../../scripts/ingest/patterns';
import { expectCovered, ingestFamily, type Family } from '../helpers/layouts';

let f: Family;
beforeAll(async () => {
  f = await ingestFamily('headings');
});

const outline = (file: string) => f.outline(f.first(file).id).map((h) => `${h.depth} ${h.marker}${h.text}`);

describe('heading levels', () => {
  it('章 > 节 > 条 > （一）', () => {
    expect(outline('regulation.txt')).toEqual([
      '1 第一章总则',
      '3 第一条',
      '3 第二条',
      '1 第二章监督内容',
      '2 第一节日常监督',
      '3 第三条',
      '4 （一）行政执法主体资格；',
      '4 （二）行政执法程序。',
      '3 第四条',
      '2 第二节专项监督',
      '3 第五条',
      '1 第三章附则',
      '3 第六条',
    ]);
    // on the page: number and name apart as printed; an article's number heads its text
    const body = f.record(f.first('regulation.txt').id).bodyText;
    expect(body).toContain('第二章\u3000监督内容');
    expect(body).toContain('第三条\n县司法局对下列事项实施监督：');
  });

  it('章 > 一、 (a 工作规则 numbering its articles 一、二、)', () => {
    expect(outline('rules-with-items.txt').map((l) => l.slice(0, 6))).toEqual(['1 第一章总', '2 一、县政', '2 二、县政', '1 第二章会', '2 三、县政', '2 四、县政']);
  });

  it('1 > 1.1 in a plan; a number inside a sentence or a year is no heading', () => {
    expect(outline('decimal-plan.txt')).toEqual([
      '1 1总则',
      '2 1.1编制目的',
      '2 1.2编制依据',
      '1 2组织体系',
      '2 2.1县地质灾害应急指挥部',
      '2 2.2指挥部办公室',
      '1 7附则',
      '2 7.1预案管理',
      '2 7.2实施时间',
    ]);
    expect(matchDecimal('2.2022年以来')).toBeUndefined();
    expect(matchDecimal('15172.500')).toBeUndefined();
    expect(matchDecimal('3个乡镇已完成', true)).toBeUndefined();
    expect(matchArticle('第一条规定的情形')).toBeUndefined();
  });

  it('every line of every file is in the output', () => expectCovered(f));
});
