// Issue 8: OCR corrections are marked on the pages of EXTRACTED records too (cases, work points,
// scoring items, indicators). scripts/ingest/errata.ts `recordErrata` gives every record whose
// source lines hold a corrected span an `errata` list: {line, original, corrected, reason,
// field?, occurrence} — field = dotted frontmatter path, absent = the MDX body.
import { describe, expect, it } from 'vitest';
import { applyErrata, loadErrata, mdastText, recordErrata, textFields, type AppliedErratum, type Erratum } from '../../scripts/ingest/errata';
import { runIngest } from '../../scripts/ingest/run';

const E = (original: string, corrected: string, extra: Partial<Erratum> = {}): Erratum => ({ file: 'f.txt', original, corrected, reason: 'OCR', ...extra });
const para = (value: string) => ({ type: 'paragraph', children: [{ type: 'text', value }] });

/** A three-line source: line 2 holds a doubled word the erratum corrects; line 3 the same words, right in the source. */
const SOURCE = ['某县烟草局', '加强对违法违法行为人员的教育，完成指导106次。', '查处违法行为12起。'].join('\n');

function fixture(): { text: string; applied: AppliedErratum[] } {
  return applyErrata(SOURCE, 'f.txt', [E('违法违法行为', '违法行为')]);
}

describe('applyErrata columns', () => {
  it('records where each corrected span sits in its corrected line, also after earlier corrections on that line move it', () => {
    const r = applyErrata('甲乙乙丙 乙乙丁', 'f.txt', [E('乙乙', '乙'), E('甲', '甲甲甲')]);
    expect(r.text).toBe('甲甲甲乙丙 乙丁');
    const lines = r.text.split('\n');
    for (const a of r.applied) expect(lines[a.line - 1]!.slice(a.column, a.column + a.corrected.length)).toBe(a.corrected);
    expect(r.applied.map((a) => a.column)).toEqual([3, 6, 0]);
  });
});

describe('recordErrata', () => {
  it('a record whose source lines hold the corrected line gets the span, by field and occurrence, and in its MDX body', () => {
    const { text, applied } = fixture();
    const record = {
      data: { id: 'x', unit: '某县烟草局', body: '加强对违法行为人员的教育，完成指导106次。查处违法行为12起。', source: { file: 'f.txt', lines: [1, 3] as [number, number] } },
      body: [para('加强对违法行为人员的教育，完成指导106次。查处违法行为12起。')],
    };
    const errata = recordErrata(record, text, applied);
    expect(errata).toEqual([
      { line: 2, original: '违法违法行为', corrected: '违法行为', reason: 'OCR', occurrence: 0 },
      { line: 2, original: '违法违法行为', corrected: '违法行为', reason: 'OCR', field: 'body', occurrence: 0 },
    ]);
  });

  it('the same words that were right in the source stay unmarked (the second 违法行为 comes from line 3)', () => {
    const { text, applied } = fixture();
    const errata = recordErrata({ data: { id: 'x', body: '查处违法行为12起。', source: { file: 'f.txt', lines: [3, 3] } } }, text, applied);
    expect(errata).toEqual([]);
    const both = recordErrata({ data: { id: 'x', items: ['查处违法行为12起。', '加强对违法行为人员的教育'], source: { file: 'f.txt', lines: [2, 3] } } }, text, applied);
    expect(both.map((e) => e.field)).toEqual(['items.1']);
  });

  it('a record whose source range does not hold the corrected line gets nothing, even when its text has the corrected words', () => {
    const { text, applied } = fixture();
    expect(recordErrata({ data: { id: 'y', body: '加强对违法行为人员的教育', source: { file: 'f.txt', lines: [3, 3] } } }, text, applied)).toEqual([]);
    expect(recordErrata({ data: { id: 'y', body: '加强对违法行为人员的教育', source: { file: 'other.txt', lines: [1, 3] } } }, text, applied)).toEqual([]);
  });

  it('a field equal to the corrected text (a title from a table cell) is marked when the range has no uncorrected twin; a tie with one is left unmarked', () => {
    const r = applyErrata('三\t全面推进行政执法量权基准制度\t组织…\n全面推进行政裁量权基准制度', 'f.txt', [E('全面推进行政执法量权基准制度', '全面推进行政裁量权基准制度')]);
    const one = recordErrata({ data: { id: 't', title: '全面推进行政裁量权基准制度', source: { file: 'f.txt', lines: [1, 1] } } }, r.text, r.applied);
    expect(one).toEqual([{ line: 1, original: '全面推进行政执法量权基准制度', corrected: '全面推进行政裁量权基准制度', reason: 'OCR', field: 'title', occurrence: 0 }]);
    const tie = recordErrata({ data: { id: 't', title: '全面推进行政裁量权基准制度', source: { file: 'f.txt', lines: [1, 2] } } }, r.text, r.applied);
    expect(tie).toEqual([]);
  });

  it('text that does not come from the range (its surroundings disagree) and reference fields (document, themes, ids) are not searched', () => {
    const { text, applied } = fixture();
    const errata = recordErrata(
      {
        data: {
          id: 'z',
          note: '另见其他违法行为的处理',
          document: { id: 'd', title: '加强对违法行为人员的教育' },
          themes: [{ id: 't', label: '违法行为', terms: ['违法行为'] }],
          source: { file: 'f.txt', lines: [1, 3] },
        },
      },
      text,
      applied,
    );
    expect(errata).toEqual([]);
  });

  it('textFields walks nested strings with dotted paths; mdastText joins text nodes', () => {
    expect(textFields({ id: 'a', b: 'x', c: [{ d: 'y' }, 'z'], citySlug: 'q', source: { file: 'f' } })).toEqual([
      { field: 'b', text: 'x' },
      { field: 'c.0.d', text: 'y' },
      { field: 'c.1', text: 'z' },
    ]);
    expect(mdastText([para('甲'), { type: 'heading', children: [{ type: 'strong', children: [{ type: 'text', value: '乙' }] }] }])).toBe('甲\n乙');
  });
});

describe('record errata on the real seeds (content/errata.yaml)', () => {
  it('the cases, work points and task rows that hold a corrected span carry it; records elsewhere do not', async () => {
    const r = await runIngest({ sources: 'content/sources', errata: loadErrata('content/errata.yaml') });
    const find = (collection: string, id: string) => r.records.find((x) => x.collection === collection && x.id === id)!;
    const errata = (collection: string, id: string) => (find(collection, id).data.errata ?? []) as { field?: string; original: string; corrected: string; occurrence: number; line: number }[];

    const qinyang = errata('cases', 'qinyangxian-yancaoju').filter((e) => e.field === 'body');
    expect(qinyang).toMatchObject([{ original: '违法违法行为', corrected: '违法行为', line: 107, occurrence: 0 }]);
    const body = find('cases', 'qinyangxian-yancaoju').data.body as string;
    expect(body).toContain('违法行为人员');

    const puyang = errata('cases', 'puyangshi-renliziyuanshehuibaozhangju').filter((e) => e.field === 'body');
    expect(puyang.map((e) => [e.original, e.corrected, e.line, e.occurrence])).toEqual([
      ['工作认定', '工伤认定', 89, 0],
      ['工作认定', '工伤认定', 89, 1],
      ['工作认定', '工伤认定', 89, 2],
    ]);

    // 法律事务咨询小组 was right in the source; only the second 法律事务 (在律事务) is marked.
    expect(errata('cases', 'puyangshi-sifaju').filter((e) => e.field === 'body').map((e) => e.occurrence)).toEqual([1]);

    for (const id of ['yfzb-2019-12-t1-3', 'yfzb-2019-12-t2-3']) {
      expect(errata('workpoints', id)).toMatchObject([{ field: 'title', occurrence: 0, original: '全面推进行政执法量权基准制度' }]);
    }
    expect(errata('scoring', 'task-detail-1-3').map((e) => e.field ?? '(mdx)')).toEqual(['(mdx)', 'cells.1', 'content']);
    // The heading on line 223 was right in the source: its work point carries no erratum.
    expect(find('workpoints', 'yfzb-2019-12-3').data.errata).toBeUndefined();

    // Every recorded span is really there.
    for (const rec of r.records) {
      for (const e of (rec.data.errata ?? []) as { field?: string; corrected: string; occurrence: number }[]) {
        if (rec.collection === 'documents' || e.field === undefined) continue;
        const value = e.field.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], rec.data) as string;
        expect(value.split(e.corrected).length - 1, `${rec.id} ${e.field}`).toBeGreaterThan(e.occurrence);
      }
    }
  });
});
