import { describe, it, expect } from 'vitest';
import { readFileSync, mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSiteConfig, loadSiteConfig, psbLink, sectionExists, SECTIONS } from '../../src/lib/site';
import { rehypeMaskMobile, rehypeTableScroll } from '../../src/integrations/rehype-cjzl';

const minimal = `id: demo\nname: 示范专栏\ndescription: 简介\nsiteUrl: https://www.example.gov.cn\nhost: 某县人民政府\n`;

describe('site config', () => {
  it('the repository config file is valid and masks mobiles by default', () => {
    const cfg = parseSiteConfig(readFileSync('site.config.yaml', 'utf8'));
    expect(cfg.id).toMatch(/^[a-z0-9-]+$/);
    expect(cfg.name.length).toBeGreaterThan(0);
    expect(cfg.maskMobile).toBe(true);
  });
  it('fills defaults for optional fields', () => {
    const cfg = parseSiteConfig(minimal);
    expect(cfg.maskMobile).toBe(true);
    expect(cfg.contact).toEqual({});
    expect(parseSiteConfig(minimal + 'maskMobile: false\n').maskMobile).toBe(false);
  });
  it('names the file and every bad field', () => {
    expect(() => parseSiteConfig('id: Bad Id\nname: ""\nsiteUrl: ftp://x\n', 'my.yaml')).toThrowError(/my\.yaml: invalid site configuration[\s\S]*id:[\s\S]*name:[\s\S]*description:[\s\S]*siteUrl:[\s\S]*host:/);
    expect(() => parseSiteConfig(minimal + 'unknownField: 1\n')).toThrowError(/unknownField|Unrecognized/);
    expect(() => parseSiteConfig('id: [')).toThrowError(/not valid YAML/);
  });
  it('SITE_URL overrides siteUrl', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cjzl-cfg-'));
    writeFileSync(join(dir, 'c.yaml'), minimal);
    const old = process.env.SITE_URL;
    process.env.SITE_URL = 'https://portal.example.gov.cn';
    try {
      expect(loadSiteConfig(join(dir, 'c.yaml')).siteUrl).toBe('https://portal.example.gov.cn');
    } finally {
      if (old === undefined) delete process.env.SITE_URL;
      else process.env.SITE_URL = old;
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('links the 公安备案号 by its record code', () => {
    expect(psbLink('豫公网安备 41000000000001号')).toBe('https://beian.mps.gov.cn/#/query/webSearch?code=41000000000001');
    expect(psbLink('无')).toBeUndefined();
  });
  it('knows which sections are built', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cjzl-sec-'));
    mkdirSync(join(dir, 'src/pages/cases'), { recursive: true });
    writeFileSync(join(dir, 'src/pages/cases/index.astro'), '');
    expect(sectionExists('cases', dir)).toBe(true);
    expect(sectionExists('indicators', dir)).toBe(false);
    expect(sectionExists('', dir)).toBe(true);
    expect(SECTIONS.map((s) => s.label)).toEqual(['首页', '文件库', '指标体系', '典型经验', '工作要点', '时间轴', '自查自评', '搜索']);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('rehype plugins for record bodies', () => {
  const tree = () => ({
    type: 'root',
    children: [
      { type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: '联系电话：16637113810，0371-65900356' }] },
      { type: 'element', tagName: 'table', properties: {}, children: [] },
    ],
  });
  it('wraps each table in a labelled, focusable scroll region', () => {
    const t = tree();
    rehypeTableScroll()(t);
    const wrap = t.children[1] as unknown as { tagName: string; properties: Record<string, unknown>; children: { tagName: string }[] };
    expect(wrap.tagName).toBe('div');
    expect(wrap.properties).toMatchObject({ className: ['table-scroll'], tabIndex: 0, role: 'region' });
    expect(String(wrap.properties.ariaLabel)).toMatch(/表格 1/);
    expect(wrap.children[0]!.tagName).toBe('table');
  });
  it('masks mobile numbers only when enabled', () => {
    const on = tree();
    rehypeMaskMobile({ enabled: true })(on);
    expect((on.children[0]!.children[0] as { value: string }).value).toBe('联系电话：166****3810，0371-65900356');
    const off = tree();
    rehypeMaskMobile({ enabled: false })(off);
    expect((off.children[0]!.children[0] as { value: string }).value).toContain('16637113810');
  });
});

describe('config text', () => {
  it('drops the space a folded YAML line break leaves between Chinese characters, keeps others', () => {
    const cfg = parseSiteConfig(minimal.replace('description: 简介', 'description: >-\n  汇集通知和典型经验，\n  方便各单位查阅 Word 与 PDF 文件。'));
    expect(cfg.description).toBe('汇集通知和典型经验，方便各单位查阅 Word 与 PDF 文件。');
  });
});
