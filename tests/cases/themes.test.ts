import { describe, expect, it } from 'vitest';
import { loadThemes, matchThemes, parseThemes, ThemeVocabularyError, type Theme } from '../../scripts/ingest/themes';

const themes = loadThemes();
const ids = (text: string, t: Theme[] = themes) => matchThemes(text, t).map((m) => m.id);
const termsOf = (text: string, id: string) => matchThemes(text, themes).find((m) => m.id === id)?.terms;

describe('content/themes.yaml', () => {
  it('holds a curated vocabulary of 25–35 themes with unique ASCII ids', () => {
    expect(themes.length).toBeGreaterThanOrEqual(25);
    expect(themes.length).toBeLessThanOrEqual(35);
    expect(new Set(themes.map((t) => t.id)).size).toBe(themes.length);
    for (const t of themes) {
      expect(t.id).toMatch(/^[a-z0-9-]+$/);
      expect(t.synonyms[0]).toBeTruthy();
    }
  });

  it('covers the practices named in the issue', () => {
    const labels = themes.map((t) => t.label).join('|');
    for (const l of ['行政指导', '行政调解', '执法全过程记录', '智慧执法', '证明事项', '权责清单', '法律顾问', '行政复议', '信用监管', '放管服', '柔性执法', '政务公开', '两法衔接', '规范性文件', '重大行政决策', '三项制度', '双随机', '营商环境', '普法']) {
      expect(labels).toContain(l);
    }
  });
});

describe('matchThemes', () => {
  it('finds themes and reports the terms actually found', () => {
    const m = matchThemes('积极推行行政指导、行政调解等柔性方式，多年来未发生行政复议和行政诉讼案件。', themes);
    expect(m.map((x) => x.id)).toEqual(['xingzheng-zhidao', 'tiaojie', 'fuyi-yingsu', 'rouxing-zhifa']);
    expect(m.find((x) => x.id === 'fuyi-yingsu')!.terms).toEqual(['行政复议', '行政诉讼']);
    expect(m.find((x) => x.id === 'rouxing-zhifa')!.terms).toEqual(['柔性方式']);
  });

  it('prefers the longest term of a theme at one place', () => {
    expect(termsOf('加强行政执法监督，开展案卷评查', 'zhifa-jiandu')).toEqual(['行政执法监督', '案卷评查']);
    expect(termsOf('全面落实行政执法责任制', 'zhifa-zerenzhi')).toEqual(['行政执法责任制']);
    expect(termsOf('选任公职律师', 'falv-guwen')).toEqual(['公职律师']);
  });

  it('normalises full-width plus signs and stray spaces', () => {
    expect(termsOf('加强一体化“互联网＋监管”平台建设', 'zhihui-zhifa')).toEqual(['互联网+监管']);
    expect(ids('推进 行政 指导')).toContain('xingzheng-zhidao');
  });

  it('does not count substrings judged wrong (exclude lists)', () => {
    // 建立法律顾问 contains 立法 but is about legal advisers, not legislation
    expect(ids('建立法律顾问前置审核和疑难案件会审制度')).not.toContain('zhengfu-lifa');
    expect(ids('建立法律顾问前置审核和疑难案件会审制度')).toContain('falv-guwen');
    expect(ids('树立法治思维')).not.toContain('zhengfu-lifa');
    expect(ids('完善政府立法机制')).toContain('zhengfu-lifa');
    // 执法证据 is evidence, not an enforcement certificate
    expect(ids('固定执法证据')).not.toContain('zhifa-renyuan');
    expect(ids('全面清理执法证')).toContain('zhifa-renyuan');
    // 农村信用社 is a bank, not credit supervision
    expect(ids('与农村信用社签订协议')).not.toContain('xinyong-jianguan');
    expect(ids('以税收信用等级评定支持企业融资')).toContain('xinyong-jianguan');
    // 科学法 is not 学法
    expect(ids('运用科学方法和科学法则')).not.toContain('pufa-xuefa');
  });

  it('does not invent themes from generic words', () => {
    expect(matchThemes('强化基础设施建设，打通断头路，缓解城市交通压力。', themes)).toEqual([]);
    expect(ids('坚持指导思想')).not.toContain('xingzheng-zhidao');
    expect(ids('公开招聘')).not.toContain('zhengwu-gongkai');
  });

  it('is deterministic and vocabulary-ordered', () => {
    const t = '深化“放管服”改革，全面推行行政执法公示、执法全过程记录、重大执法决定法制审核制度';
    expect(matchThemes(t, themes)).toEqual(matchThemes(t, themes));
    const order = themes.map((x) => x.id);
    const got = ids(t);
    expect([...got].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(got);
    expect(got).toEqual(expect.arrayContaining(['fangguanfu', 'quanguocheng-jilu', 'sanxiang-zhidu']));
  });

  it('works on a small custom vocabulary', () => {
    const v = parseThemes([{ id: 'a-b', label: '甲乙', synonyms: ['甲'], exclude: ['甲丙'] }]);
    expect(matchThemes('甲乙', v)).toEqual([{ id: 'a-b', label: '甲乙', terms: ['甲乙'] }]);
    expect(matchThemes('甲丙', v)).toEqual([]);
    expect(matchThemes('甲丁', v)).toEqual([{ id: 'a-b', label: '甲乙', terms: ['甲'] }]);
  });
});

describe('parseThemes errors', () => {
  it('names the entry and what is expected', () => {
    expect(() => parseThemes({})).toThrow(ThemeVocabularyError);
    expect(() => parseThemes([{ id: 'Bad Id', label: 'x', synonyms: [] }])).toThrow(/theme #1.*id must be/);
    expect(() => parseThemes([{ id: 'a', label: 'x' }, { id: 'a', label: 'y' }])).toThrow(/duplicate id 'a'/);
    expect(() => parseThemes([{ id: 'a', label: '' }])).toThrow(/label/);
    expect(() => parseThemes([{ id: 'a', label: 'x', synonyms: [1] }])).toThrow(/synonyms/);
  });
});
