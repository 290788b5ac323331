import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  activeFilterCount,
  buildDocNumberTable,
  looksLikeDocNumber,
  lookupDocNumber,
  normaliseDocNumber,
  normaliseQuery,
  parseDocNumber,
  parseSearchParams,
  relatedThemes,
  sortFacetValues,
  stateToSearchParams,
  toggleFilter,
  toHalfWidth,
  toPagefindFilters,
} from '../../src/lib/search';

describe('normaliseDocNumber', () => {
  const canonical = '豫法政办〔2018〕15号';
  it.each([
    '豫法政办〔2018〕15号',
    '豫法政办[2018]15号',
    '豫法政办(2018)15号',
    '豫法政办（2018）15号',
    '豫法政办【2018】15号',
    '豫法政办［2018］15号',
    '豫法政办﹝2018﹞15号',
    '豫法政办〔２０１８〕１５号',
    ' 豫法政办 〔2018〕 15 号 ',
    '豫法政办〔2018〕15',
    '豫法政办〔2018〕第15号',
    '豫法政办2018年15号',
    '豫法政办〔2018〕015号',
  ])('%s → 豫法政办〔2018〕15号', (variant) => {
    expect(normaliseDocNumber(variant)).toBe(canonical);
  });

  it('keeps the issuer code and numbers of other documents', () => {
    expect(normaliseDocNumber('惠政文[2016]35号')).toBe('惠政文〔2016〕35号');
    expect(normaliseDocNumber('中发（2015）36 号')).toBe('中发〔2015〕36号');
    expect(normaliseDocNumber('夏法政办(2023)12号')).toBe('夏法政办〔2023〕12号');
    expect(parseDocNumber('郑法政办[2019]7号')).toEqual({ code: '郑法政办', year: 2019, serial: 7, canonical: '郑法政办〔2019〕7号' });
  });

  it.each(['', '行政执法责任制', '2018', '豫法政办', '豫法政办 2019 10', '示范点 15号', '豫法政办〔2018〕15号 责任制', 'abc[2018]15号'])(
    'rejects %j',
    (text) => {
      expect(normaliseDocNumber(text)).toBeNull();
      expect(looksLikeDocNumber(text)).toBe(false);
    },
  );

  it('every bracket variant of any generated 文号 normalises to the same canonical form', () => {
    const code = fc.stringMatching(/^[豫郑夏惠法政办文发]{2,6}$/);
    const pairs: [string, string][] = [['〔', '〕'], ['[', ']'], ['(', ')'], ['（', '）'], ['【', '】'], ['［', '］']];
    fc.assert(
      fc.property(code, fc.integer({ min: 1990, max: 2099 }), fc.integer({ min: 1, max: 999 }), fc.constantFrom(...pairs), (c, y, n, [o, cl]) => {
        expect(normaliseDocNumber(`${c}${o}${y}${cl}${n}号`)).toBe(`${c}〔${y}〕${n}号`);
      }),
    );
  });
});

describe('buildDocNumberTable / lookupDocNumber', () => {
  const table = buildDocNumberTable([
    { docNumber: '豫法政办〔2018〕15号', path: 'documents/a/', title: '河南省行政执法责任制示范点创建标准' },
    { docNumber: '惠政文〔2016〕35号', path: 'documents/b/', title: '惠济区工作要点' },
    { docNumber: undefined, path: 'documents/c/', title: '无文号' },
  ]);
  it('indexes canonical 文号 only', () => {
    expect(Object.keys(table)).toEqual(['惠政文〔2016〕35号', '豫法政办〔2018〕15号'].sort((a, b) => a.localeCompare(b)));
  });
  it('finds a document from a variant spelling', () => {
    expect(lookupDocNumber('豫法政办[2018]15号', table)?.path).toBe('documents/a/');
    expect(lookupDocNumber('惠政文（2016）35号', table)?.path).toBe('documents/b/');
  });
  it('returns null for unknown 文号 and ordinary queries', () => {
    expect(lookupDocNumber('豫法政办〔2018〕16号', table)).toBeNull();
    expect(lookupDocNumber('行政执法', table)).toBeNull();
  });
  it('refuses two documents with one 文号', () => {
    expect(() =>
      buildDocNumberTable([
        { docNumber: '豫法政办〔2018〕15号', path: 'documents/a/', title: 'A' },
        { docNumber: '豫法政办[2018]15号', path: 'documents/b/', title: 'B' },
      ]),
    ).toThrow(/豫法政办〔2018〕15号.*documents\/a\/.*documents\/b\//);
  });
});

describe('normaliseQuery', () => {
  it('folds full width, strips quotes and book-title marks, collapses spaces', () => {
    expect(normaliseQuery('  《重大行政决策程序暂行条例》　落实 ')).toBe('重大行政决策程序暂行条例 落实');
    expect(normaliseQuery('“双随机、一公开”')).toBe('双随机、一公开');
    expect(normaliseQuery('ＡＢＣ１２３')).toBe('ABC123');
  });
  it('toHalfWidth maps the full-width ASCII block and the ideographic space', () => {
    expect(toHalfWidth('（２０１８）\u3000［x］')).toBe('(2018) [x]');
  });
});

describe('search state in the URL', () => {
  it('round-trips query and repeated facet values', () => {
    const qs = '?q=%E8%A1%8C%E6%94%BF%E6%89%A7%E6%B3%95&type=%E6%8C%87%E6%A0%87&year=2023&year=2022';
    const state = parseSearchParams(qs);
    expect(state).toEqual({ q: '行政执法', filters: { type: ['指标'], year: ['2023', '2022'] } });
    expect(parseSearchParams(stateToSearchParams(state))).toEqual(state);
  });
  it('ignores unknown keys and empty values', () => {
    expect(parseSearchParams('q=&foo=1&type=&unit=%20')).toEqual({ q: '', filters: {} });
    expect(stateToSearchParams({ q: ' ', filters: {} })).toBe('');
  });
  it('toggles a facet value on and off', () => {
    const s1 = toggleFilter({ q: 'x', filters: {} }, 'type', '指标');
    expect(s1.filters).toEqual({ type: ['指标'] });
    const s2 = toggleFilter(s1, 'type', '文件');
    expect(s2.filters.type).toEqual(['指标', '文件']);
    expect(activeFilterCount(s2.filters)).toBe(2);
    expect(toggleFilter(toggleFilter(s2, 'type', '指标'), 'type', '文件').filters).toEqual({});
  });
  it('builds Pagefind filters (one value as string, several as any-of)', () => {
    expect(toPagefindFilters({ type: ['指标'], year: ['2023', '2022'] })).toEqual({ type: '指标', year: { any: ['2023', '2022'] } });
    expect(toPagefindFilters({})).toEqual({});
  });
});

describe('sortFacetValues', () => {
  it('orders types in record order, years newest first, others by count', () => {
    expect(sortFacetValues('type', { 工作要点: 9, 文件: 1, 指标: 5 }).map(([v]) => v)).toEqual(['文件', '指标', '工作要点']);
    expect(sortFacetValues('year', { '2016': 1, '2023': 2, '2019': 5 }).map(([v]) => v)).toEqual(['2023', '2019', '2016']);
    expect(sortFacetValues('unit', { 县司法局: 2, 县财政局: 7 }).map(([v]) => v)).toEqual(['县财政局', '县司法局']);
  });
});

describe('relatedThemes', () => {
  const themes = [
    { id: 'xzzf', label: '行政执法', synonyms: ['执法'] },
    { id: 'zwgk', label: '政务公开' },
    { id: 'xzfy', label: '行政复议' },
  ];
  it('suggests themes sharing words with the query, best first', () => {
    expect(relatedThemes('行政执法记录仪', themes).map((t) => t.id)).toEqual(['xzzf', 'xzfy']);
    expect(relatedThemes('政务公开标准化', themes).map((t) => t.id)).toEqual(['zwgk']);
  });
  it('suggests nothing for unrelated or one-character queries', () => {
    expect(relatedThemes('烟草', themes)).toEqual([]);
    expect(relatedThemes('法', themes)).toEqual([]);
  });
});

describe('result presentation', () => {
  it('reads the record type from the type filter', async () => {
    const { resultType } = await import('../../src/lib/search');
    expect(resultType({ type: ['指标'] })).toBe('指标');
    expect(resultType({ type: ['责任单位'] })).toBe('责任单位');
    expect(resultType({ type: [] })).toBeNull();
    expect(resultType(undefined)).toBeNull();
  });
  it('describes where a result sits without repeating the title', async () => {
    const { describePlace } = await import('../../src/lib/search');
    expect(describePlace({ document: '夏邑县创建全省法治政府建设示范县工作推进方案', section: '三、主要任务', unit: '县司法局' }, 'x')).toBe(
      '《夏邑县创建全省法治政府建设示范县工作推进方案》 › 三、主要任务 · 县司法局',
    );
    expect(describePlace({ unit: '郑州市二七区城市管理局', region: '郑州市' }, '郑州市二七区城市管理局')).toBe('郑州市');
    expect(describePlace({}, '标题', '一、参评范围')).toBe('一、参评范围');
    expect(describePlace({}, '标题')).toBe('');
    expect(describePlace({ document: '方案', section: '四、创建步骤', deadline: '2023年9月底前' }, '（二）全面自查')).toBe(
      '《方案》 › 四、创建步骤 · 时间节点：2023年9月底前',
    );
  });
});

describe('tidyExcerpt', () => {
  // Excerpt HTML as Pagefind returns it ("<mark>" around matches) <-> parts, for readable cases.
  const parts = (html: string) =>
    html
      .split(/(<mark>.*?<\/mark>)/)
      .filter(Boolean)
      .map((x) => (x.startsWith('<mark>') ? { text: x.slice(6, -7), mark: true } : { text: x, mark: false }));
  const html = (ps: { text: string; mark: boolean }[]) => ps.map((p) => (p.mark ? `<mark>${p.text}</mark>` : p.text)).join('');
  const tidy = async (h: string) => html((await import('../../src/lib/search')).tidyExcerpt(parts(h)));

  it('drops the rest of a cut numbering marker and stray punctuation at the start', async () => {
    expect(await tidy('.探索<mark>行政</mark><mark>指导</mark>融入')).toBe('探索<mark>行政指导</mark>融入');
    expect(await tidy('）培育<mark>指导</mark>')).toBe('培育<mark>指导</mark>');
    expect(await tidy('…，开展<mark>行政</mark>指导')).toBe('…开展<mark>行政</mark>指导');
    expect(await tidy('…、<mark>司法</mark>局')).toBe('…<mark>司法</mark>局');
  });
  it('merges adjacent marks into one highlight', async () => {
    expect(await tidy('<mark>权</mark><mark>责</mark><mark>清单</mark>和<mark>流程图</mark>')).toBe('<mark>权责清单</mark>和<mark>流程图</mark>');
  });
  it('keeps a whole marker, opening brackets and quotes', async () => {
    expect(await tidy('4.探索<mark>行政</mark>')).toBe('4.探索<mark>行政</mark>');
    expect(await tidy('（一）培育<mark>指导</mark>')).toBe('（一）培育<mark>指导</mark>');
    expect(await tidy('…“<mark>四单一网</mark>”制度')).toBe('…“<mark>四单一网</mark>”制度');
    expect(await tidy('《<mark>条例</mark>》')).toBe('《<mark>条例</mark>》');
  });
  it("turns Pagefind's \". \" block separator between Chinese text into 。, also across a <mark>", async () => {
    expect(await tidy('处罚制度. 各省辖市')).toBe('处罚制度。各省辖市');
    expect(await tidy('<mark>司法</mark>局. <mark>司法</mark>局承担')).toBe('<mark>司法</mark>局。<mark>司法</mark>局承担');
    expect(await tidy('濮阳市<mark>司法</mark>. 完善')).toBe('濮阳市<mark>司法</mark>。完善');
    expect(await tidy('培育<mark>指导</mark>.')).toBe('培育<mark>指导</mark>。');
    expect(await tidy('做法。 请提供')).toBe('做法。请提供');
  });
  it('leaves Latin text, numbered lists and decimal points alone', async () => {
    expect(await tidy('依据 ISO 9001. Also fine')).toBe('依据 ISO 9001. Also fine');
    expect(await tidy('33. 全面推行<mark>法律</mark>顾问')).toBe('33. 全面推行<mark>法律</mark>顾问');
    expect(await tidy('达到2.5万元')).toBe('达到2.5万元');
  });
  it('never loses, adds or moves a <mark>, and changes nothing but punctuation and spaces', async () => {
    const { tidyExcerpt } = await import('../../src/lib/search');
    const piece = fc.oneof(
      fc.constantFrom('.', '. ', '）', '，', '。', ' ', '…', '（', '4', '行政', '指导', '局', 'ISO', '9001'),
      fc.string({ maxLength: 3 }),
    );
    // what tidyExcerpt may drop or rewrite: leading junk, ". " → 。, spaces after 。
    const JUNK = /[\s.,;:!?'"`\-–—·、，。；：！？）)\]】〕》〉」』”’]/gu;
    const letters = (ps: { text: string }[]) => ps.map((p) => p.text).join('').replace(JUNK, '');
    const marks = (ps: { text: string; mark: boolean }[]) => ps.filter((p) => p.mark).map((p) => p.text.replace(JUNK, '')).filter(Boolean);
    fc.assert(
      fc.property(fc.array(fc.record({ text: piece, mark: fc.boolean() }), { maxLength: 12 }), (input) => {
        const out = tidyExcerpt(input);
        expect(letters(out)).toBe(letters(input));
        expect(marks(out).join('')).toBe(marks(input).join(''));
        // no two marks side by side (they are merged)
        out.forEach((p, i) => expect(p.mark && out[i + 1]?.mark).toBeFalsy());
        for (const p of out) expect(p.text.length).toBeGreaterThan(0);
      }),
    );
  });
});

describe('bestSubResult', () => {
  const sub = (title: string, url: string, scores: number[]) => ({
    title,
    url,
    excerpt: title,
    locations: scores.map((_, i) => i),
    weighted_locations: scores.map((s) => ({ weight: 1, balanced_score: s })),
  });
  it('picks the section with the most weighted matches, not the first one', async () => {
    const { bestSubResult } = await import('../../src/lib/search');
    const subs = [sub('文件', '/d/', [1]), sub('一、参评范围', '/d/#a', [1]), sub('二、评选流程', '/d/#b', [2, 3])];
    expect(bestSubResult(subs, '/d/', '文件')?.url).toBe('/d/#b');
  });
  it('returns null when the best match is the page itself or an untitled section', async () => {
    const { bestSubResult } = await import('../../src/lib/search');
    expect(bestSubResult([sub('评分细则', '/s/', [5, 5]), sub('任务细则', '/s/#t', [1])], '/s/', '评分细则')).toBeNull();
    expect(bestSubResult([sub('', '/s/#x', [9])], '/s/', '评分细则')).toBeNull();
    expect(bestSubResult([], '/s/', 'x')).toBeNull();
    expect(bestSubResult(undefined, '/s/', 'x')).toBeNull();
  });
});

describe('prepareQuery / expandAbbreviations', () => {
  it('expands whole-word unit abbreviations after normalising', async () => {
    const { prepareQuery, expandAbbreviations } = await import('../../src/lib/search');
    expect(prepareQuery('城管局')).toBe('城市管理局');
    expect(prepareQuery(' 人社局　“法治人社” ')).toBe('人力资源社会保障局 法治人社');
    expect(expandAbbreviations('城管执法')).toBe('城管执法');
    expect(expandAbbreviations('市监局 食品安全')).toBe('市场监管局 食品安全');
    expect(prepareQuery('行政执法')).toBe('行政执法');
  });
});

describe('resultTitle', () => {
  it('adds the summary to an uninformative title, shortened', async () => {
    const { resultTitle } = await import('../../src/lib/search');
    expect(resultTitle({ title: '第 1 项：三级指标', summary: '编制并对外公布本级政府工作部门的权责清单' }, '/x/')).toBe('第 1 项：三级指标 编制并对外公布本级政府工作部门的权责清单');
    expect(resultTitle({ title: 'T', summary: 'x'.repeat(60) }, '/x/', 10)).toBe('T ' + 'x'.repeat(10) + '…');
    expect(resultTitle({ title: '郑州市二七区城市管理局' }, '/x/')).toBe('郑州市二七区城市管理局');
    expect(resultTitle({}, '/cases/a/')).toBe('/cases/a/');
  });
});

describe('documentsSplitIntoRecords', () => {
  it('collects document ids given as strings or { id }', async () => {
    const { documentsSplitIntoRecords } = await import('../../src/lib/search');
    const ids = documentsSplitIntoRecords([{ document: 'a' }, { document: { id: 'b' } }, { document: null }, {}, { document: 'a' }]);
    expect([...ids].sort()).toEqual(['a', 'b']);
  });
});

describe('refineHighlightUrl', () => {
  it('puts the typed words first and drops single-character segments', async () => {
    const { refineHighlightUrl } = await import('../../src/lib/search');
    const href = '/indicators/058/?highlight=%E5%BA%94%E6%80%A5&highlight=%E9%A2%84&highlight=%E6%A1%88#m';
    const out = new URL(refineHighlightUrl(href, '应急预案'), 'http://h');
    expect(out.pathname).toBe('/indicators/058/');
    expect(out.hash).toBe('#m');
    expect(out.searchParams.getAll('highlight')).toEqual(['应急预案', '应急']);
  });
  it('keeps absolute URLs absolute and leaves URLs without terms alone', async () => {
    const { refineHighlightUrl } = await import('../../src/lib/search');
    const out = refineHighlightUrl('http://h/a/?highlight=%E9%A6%96%E5%B8%AD', '首席 税务');
    expect(out.startsWith('http://h/a/?')).toBe(true);
    expect(new URL(out).searchParams.getAll('highlight')).toEqual(['首席', '税务']);
    expect(refineHighlightUrl('/a/', '首席')).toBe('/a/');
  });
});
