/**
 * Review pass: numbered notes under a 说明：/注： label are a numbered list of paragraphs (role
 * 'note', printed text kept whole), never section headings — they used to become h4/h5 headings,
 * so a whole table sat under "5.部分材料…" in the page outline and in search results.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseText } from '../../scripts/ingest/index';
import { documentBody, outline } from '../../scripts/ingest/emit';
import { NOTE_LABEL } from '../../scripts/ingest/patterns';
import type { BlockNode, DocumentNode } from '../../scripts/ingest/types';

const text = readFileSync('tests/fixtures/ingest/review/notes.txt', 'utf8');
const docs = parseText('notes.txt', text, { encoding: 'UTF-8' }).root.children as DocumentNode[];
const all: BlockNode[] = docs.flatMap((d) => d.children);
const at = (line: number) => all.find((b) => b.position.start.line === line)!;

describe('notes under 说明：/注： are paragraphs, not headings', () => {
  it('说明： then 1. 2. on their own lines: paragraphs with role note, text as printed (marker and all sentences)', () => {
    expect(at(3)).toMatchObject({ type: 'paragraph', text: '说明：' });
    expect(at(4)).toEqual({ type: 'paragraph', role: 'note', text: '1.上报的材料“2021年以来”的，截止时间为2023年6月底。', position: { start: { line: 4 }, end: { line: 4 } } });
    // the short note with a second sentence is not split into a heading + body
    expect(at(5)).toMatchObject({ type: 'paragraph', role: 'note', text: '2.部分材料已完成不再重复填报。“责任单位”一栏中涉及部门按要求报送。' });
    expect(at(6).type).toBe('table');
  });

  it('注：1. on the label line, then 2. 3.: the run continues while the numbering does; a number out of sequence ends it', () => {
    expect(at(27)).toMatchObject({ type: 'paragraph', role: 'note', text: expect.stringMatching(/^注：1\. ?设区的市/) });
    expect(at(29)).toMatchObject({ type: 'paragraph', role: 'note' });
    expect(at(31)).toMatchObject({ type: 'paragraph', role: 'note', text: expect.stringMatching(/^3\. ?其他需要说明的情况/) });
    // 5. does not continue 3.: not a note (a numbered heading, as any numbered line outside a note run)
    expect(at(33)).toMatchObject({ type: 'heading', depth: 3, marker: '5.' });
  });

  it('numbered items without a note label stay headings with their depth from the numbering', () => {
    expect(at(15)).toMatchObject({ type: 'heading', depth: 1, marker: '一、' });
    expect(at(17)).toMatchObject({ type: 'heading', depth: 3, marker: '1.', text: '加强领导。', rest: '各单位要高度重视。' });
    expect(at(19)).toMatchObject({ type: 'heading', depth: 3, marker: '2.' });
  });

  it('no note shows up in the outline or as a markdown heading', () => {
    for (const d of docs) {
      expect(outline(d).map((h) => h.marker + h.text).join('|')).not.toMatch(/上报的材料|部分材料|设区的市|完成时限|其他需要说明/);
      const headings = documentBody(d).filter((n) => n.type === 'heading');
      for (const h of headings) expect(JSON.stringify(h)).not.toMatch(/上报的材料|部分材料|设区的市|完成时限|其他需要说明/);
    }
  });

  it('the label pattern: 说明 注 备注 填表说明, not words that merely start with 注', () => {
    for (const t of ['说明：', '注：1.设区的市', '备注:', '填表说明：']) expect(NOTE_LABEL.test(t), t).toBe(true);
    for (const t of ['注重制度建设，', '说明书', '注意到']) expect(NOTE_LABEL.test(t), t).toBe(false);
  });
});

describe('notes on the real seeds', () => {
  const parse = (f: string) => parseText(f, readFileSync(`content/sources/${f}`, 'utf8'), { encoding: 'UTF-8' }).root.children as DocumentNode[];

  it('001 填报材料责任清单: the five 说明 notes are paragraphs; the checklist has no heading above its table', () => {
    const fj1 = parse('001_35814a2464d1ba9f.txt')[2]!;
    const notes = fj1.children.filter((b) => b.type === 'paragraph' && b.role === 'note');
    expect(notes.map((b) => b.position.start.line)).toEqual([61, 62, 63, 64, 65]);
    expect(notes.map((b) => (b.type === 'paragraph' ? b.text.slice(0, 2) : ''))).toEqual(['1.', '2.', '3.', '4.', '5.']);
    expect(fj1.children.some((b) => b.type === 'heading')).toBe(false);
  });

  it('004 豫法政办〔2019〕12号: 注 1.–3. of both blank forms are notes; its 一、…四、 and （一）… stay headings', () => {
    const d = parse('004_68eba3d49fe9447e.txt')[3]!;
    const notes = d.children.filter((b) => b.type === 'paragraph' && b.role === 'note').map((b) => b.position.start.line);
    expect(notes).toEqual([262, 264, 266, 282, 284, 286]);
    const hs = d.children.filter((b) => b.type === 'heading').map((b) => (b.type === 'heading' ? b.marker : ''));
    expect(hs).toEqual(['一、', '二、', '（一）', '（二）', '（三）', '三、', '四、']);
  });
});

describe('outline[] lists the headings the page shows', () => {
  it('004 郑法政办〔2019〕7号: its 一、…四、 are whole sentences printed as paragraphs, so its outline is empty; 豫法政办〔2019〕12号 keeps its sections', () => {
    const docs = parseText('004.txt', readFileSync('content/sources/004_68eba3d49fe9447e.txt', 'utf8'), { encoding: 'UTF-8' }).root.children as DocumentNode[];
    const notice = docs[0]!;
    expect(notice.children.filter((b) => b.type === 'heading')).toHaveLength(4); // still numbered items in the tree (work points)
    expect(outline(notice)).toEqual([]);
    expect(documentBody(notice).filter((n) => n.type === 'heading')).toEqual([]);
    expect(outline(docs[3]!).map((h) => h.marker)).toEqual(['一、', '二、', '（一）', '（二）', '（三）', '三、', '四、']);
  });
});
