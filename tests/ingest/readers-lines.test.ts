/** Source line labels: a converted source (.docx/.doc/.html/.pdf) says its line numbers count the converted text. */
import { describe, expect, it } from 'vitest';
import { lineCountNote, sourceRange } from '../../src/lib/source-lines';
import { sourceLabel } from '../../src/lib/documents';

describe('source line labels', () => {
  it('text sources show their own lines; converted sources say the lines are of the converted text', () => {
    expect(sourceRange({ file: '004_a.txt', lines: [12, 80] })).toBe('004_a.txt 第 12–80 行');
    expect(sourceRange({ file: 'n.md', lines: [3, 3] })).toBe('n.md 第 3 行');
    for (const f of ['n.pdf', 'n.HTML', 'n.htm', 'n.doc', 'n.docx']) expect(lineCountNote(f)).toBe('（按转换后的文本计）');
    expect(sourceLabel({ file: 'notice.pdf', lines: [3, 40] })).toBe('来源：notice.pdf 第 3–40 行（按转换后的文本计）');
  });
});
