// Issue 8 (site half): src/lib/errata.ts splits a record's text into plain and corrected segments
// for src/components/Corrected.astro, and composes with other marks (the case page's figures).
import { describe, expect, it } from 'vitest';
import { errataSegments, erratumSpans, erratumTitle, splitParagraphs, splitSegments, type RecordErratum } from '../../src/lib/errata';
import { highlightSegments } from '../../src/lib/cases';
import { rehypeErrataMarks } from '../../src/integrations/rehype-errata';

const e = (corrected: string, occurrence: number, field = 'body', original = `${corrected}?`): RecordErratum => ({ line: 1, original, corrected, reason: 'OCR', field, occurrence });

describe('errataSegments', () => {
  it('marks exactly the recorded occurrence of the corrected text in the named field', () => {
    const text = '法律事务咨询小组，确保法律事务办理质量';
    const err = e('法律事务', 1, 'body', '在律事务');
    expect(errataSegments(text, [err], 'body')).toEqual([{ text: '法律事务咨询小组，确保' }, { text: '法律事务', erratum: err, last: true }, { text: '办理质量' }]);
    expect(errataSegments(text, [err], 'title')).toEqual([{ text }]);
    expect(errataSegments(text, undefined, 'body')).toEqual([{ text }]);
  });

  it('several spans, in text order; an occurrence that does not exist marks nothing', () => {
    const text = '工伤认定联席会议，工伤认定案件，指导认定';
    const errs = [e('工伤认定', 1), e('工伤认定', 0), e('工伤认定', 5)];
    expect(erratumSpans(text, errs, 'body').map((s) => [s.start, s.end])).toEqual([[0, 4], [9, 13]]);
    const segs = errataSegments(text, errs, 'body');
    expect(segs.map((s) => [s.text, !!s.erratum])).toEqual([['工伤认定', true], ['联席会议，', false], ['工伤认定', true], ['案件，指导认定', false]]);
    expect(segs.map((s) => s.text).join('')).toBe(text);
  });

  it('the tooltip is the original and the reason, as on document pages; markup in source text stays a string', () => {
    expect(erratumTitle({ original: '<b>{x}</b>', reason: '原因' })).toBe('原文：<b>{x}</b>（原因）');
  });
});

describe('composition with the case page figure marks', () => {
  const body = '加强对违法行为人员的教育，完成指导106次。\n调解纠纷12起。';
  const figures = [
    { text: '106次', number: 106, unit: '次', approx: false, start: body.indexOf('106次'), end: body.indexOf('106次') + 4 },
    { text: '12起', number: 12, unit: '起', approx: false, start: body.indexOf('12起'), end: body.indexOf('12起') + 3 },
  ];

  it('splits the figure segments at the corrected spans; both flags survive and paragraphs keep their shape', () => {
    expect(highlightSegments(body, figures).flat().filter((s) => s.figure)).toHaveLength(2);
    const err = e('违法行为', 0);
    const paras = splitParagraphs(body, highlightSegments(body, figures), [err], 'body');
    expect(paras).toHaveLength(2);
    expect(paras[0]!.map((s) => [s.text, s.figure, !!s.erratum])).toEqual([
      ['加强对', false, false],
      ['违法行为', false, true],
      ['人员的教育，完成指导', false, false],
      ['106次', true, false],
      ['。', false, false],
    ]);
    expect(paras[1]!.map((s) => [s.text, s.figure, !!s.erratum])).toEqual([['调解纠纷', false, false], ['12起', true, false], ['。', false, false]]);
  });

  it('a corrected span that overlaps a figure is cut at the figure edge; only its last piece carries the 校', () => {
    const err = e('指导106', 0);
    const segs = splitSegments(body, highlightSegments(body, figures)[0]!, [err], 'body');
    const marked = segs.filter((s) => s.erratum);
    expect(marked.map((s) => [s.text, s.figure, !!s.last])).toEqual([['指导', false, false], ['106', true, true]]);
    expect(segs.map((s) => s.text).join('')).toBe(body.split('\n')[0]);
  });
});

describe('rehypeErrataMarks and record errata', () => {
  it('leaves the frontmatter-field entries of records to the page (only entries without field mark the MDX body)', () => {
    const tree = { type: 'root', children: [{ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: '甲全面推进乙' }] }] };
    rehypeErrataMarks()(tree as never, { data: { astro: { frontmatter: { errata: [{ original: 'x', corrected: '全面推进', reason: 'r', occurrence: 0, field: 'title' }] } } } });
    expect(JSON.stringify(tree)).not.toContain('erratum');
    rehypeErrataMarks()(tree as never, { data: { astro: { frontmatter: { errata: [{ original: 'x', corrected: '全面推进', reason: 'r', occurrence: 0 }] } } } });
    expect(JSON.stringify(tree)).toContain('"className":["erratum"]');
  });
});
