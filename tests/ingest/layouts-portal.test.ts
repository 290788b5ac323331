/**
 * Layouts (issue 11 §1): a page copied or saved from a government portal — the portal's metadata
 * block (索引号 / 主题分类 / 发文机关 / 成文日期 / 标题 / 发文字号 / 发布日期) in rows split by tabs, `|`
 * or colons, misaligned or with empty cells, or one `标签：值` line per field (what the .html reader
 * writes) — is metadata: used for the facts, kept in `portal`, never body or title; the id never
 * takes a year from the 索引号; site lines (信息来源 / 浏览次数 / 【打印】【关闭】 / 分享到) are named
 * artefacts. Fixtures: tests/fixtures/layouts/portal/.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { takePortalBlock } from '../../scripts/ingest/portal';
import { expectCovered, facts, ingestFamily, type Family } from '../helpers/layouts';

let f: Family;
beforeAll(async () => {
  f = await ingestFamily('portal');
});

const labels = (id: string) => ((f.record(id).data.portal ?? []) as { label: string; value: string }[]).map((p) => `${p.label}=${p.value}`);

describe('portal metadata block', () => {
  it('tab rows under site lines: metadata, not body; site lines counted as artefacts', () => {
    const d = f.first('tabs.txt');
    expect(facts(d)).toEqual({ title: '淇县人民政府办公室关于建立行政执法协调监督工作体系的实施意见', docNumber: '淇政办〔2024〕6号', issuers: ['淇县人民政府办公室'], date: '2024-03-05' });
    expect(d.publishedDate).toBe('2024-03-08');
    expect(labels(d.id)).toEqual([
      '索引号=11410622MB1234567X/2030-00012',
      '主题分类=政府法制',
      '发文机关=淇县人民政府办公室',
      '成文日期=2024年03月05日',
      '标题=淇县人民政府办公室关于建立行政执法协调监督工作体系的实施意见',
      '发文字号=淇政办〔2024〕6号',
      '发布日期=2024年03月08日',
    ]);
    const body = f.record(d.id).bodyText;
    expect(body).not.toMatch(/索引号|主题分类|浏览次数|打印|分享到/);
    expect(d.id).not.toMatch(/2030/);
    const file = f.report.files.find((x) => x.file === 'tabs.txt')!;
    expect(file.artefacts).toMatchObject({ 'site-info': 2, 'site-buttons': 1, 'site-share': 1 });
  });

  it('| rows with an empty cell and a missing value: fields kept as printed, an empty 发文字号 gives no 文号', () => {
    const d = f.first('pipes.txt');
    expect(facts(d)).toEqual({ title: '淇县司法局关于开展行政执法案卷评查的通知', docNumber: undefined, issuers: ['淇县司法局'], date: '2024-04-02' });
    expect(labels(d.id)).toEqual(['索引号=11410622MB1234567X/2030-00019', '主题分类=', '发文机关=淇县司法局', '成文日期=2024年04月02日', '标题=淇县司法局关于开展行政执法案卷评查的通知', '发文字号=', '发布日期=2024年04月03日']);
    expect(d.id).not.toMatch(/2030/);
  });

  it('one 标签：值 line per field (the .html reader contract)', () => {
    const d = f.first('field-lines.txt');
    expect(facts(d)).toEqual({ title: '淇县人民政府关于公布第一批重大行政决策事项目录的通知', docNumber: '淇政〔2024〕9号', issuers: ['淇县人民政府'], date: '2024-05-10' });
    expect(labels(d.id)).toHaveLength(7);
    expect(f.record(d.id).bodyText).not.toMatch(/索引号/);
  });

  it('a row of labels over a row of values, then two fields on one line', () => {
    const d = f.first('labels-over-values.txt');
    expect(labels(d.id)).toEqual(['索引号=11410622MB1234567X/2030-00030', '主题分类=政府法制', '发文字号=淇司〔2024〕11号', '发文机关=淇县司法局', '成文日期=2024年06月01日']);
    expect(facts(d)).toEqual({ title: '淇县司法局关于调整行政复议咨询电话的通告', docNumber: '淇司〔2024〕11号', issuers: ['淇县司法局'], date: '2024-06-01' });
  });

  it('the page title over site lines and the block (two fields a line, split by a full-width space)', () => {
    const d = f.first('title-first.txt');
    expect(facts(d)).toEqual({ title: '淇县人民政府关于调整县政府法律顾问的通知', docNumber: '淇政〔2024〕14号', issuers: ['淇县人民政府'], date: '2024-06-28' });
    expect(labels(d.id)).toEqual(['索引号=11410622MB1234567X/2030-00041', '主题分类=政府法制', '发文机关=淇县人民政府', '成文日期=2024年06月28日', '发文字号=淇政〔2024〕14号', '发布日期=2024年07月02日']);
    expect(f.docs('title-first.txt')).toHaveLength(1);
  });

  it('portals that name the fields 发布机构 / 生成日期 / 名称 / 文号, and a notice with no title line of its own', () => {
    const d = f.first('aliases.txt');
    expect(facts(d)).toEqual({ title: '淇县市场监督管理局关于公布行政处罚裁量基准的公告', docNumber: '淇市监〔2024〕20号', issuers: ['淇县市场监督管理局'], date: '2024-08-01' });
    expect(f.record(d.id).bodyText).not.toMatch(/名称|文号/);
  });

  it('a notice whose first lines are a 公文 header, not a portal block, is left alone', () => {
    const lines = ['签发人：王某某', '', '淇县人民政府关于某事的通知'].map((text, i) => ({ text, lines: [i + 1] }));
    expect(takePortalBlock(lines).fields).toEqual([]);
  });

  it('every line of every file is in the output (metadata rows found in the record’s portal fields)', () => expectCovered(f));
});
