import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseFile } from '../../scripts/ingest/index';
import { assignIds } from '../../scripts/ingest/documents';
import { documentRecord, emitRecord } from '../../scripts/ingest/emit';
import { coverage } from '../../scripts/ingest/coverage';

const dir = 'tests/fixtures/ingest/unseen';
const expected = JSON.parse(readFileSync(`${dir}/expected.json`, 'utf8')) as Record<string, Record<string, unknown>[]>;

describe('unseen notices of the same genre → right title, 文号, issuer and date, no crash', () => {
  for (const [file, docs] of Object.entries(expected)) {
    it(file, async () => {
      const p = await parseFile(file, readFileSync(`${dir}/${file}`));
      const metas = assignIds([p.root]);
      expect(metas).toHaveLength(docs.length);
      docs.forEach((want, i) => expect(metas[i], `${file} document ${i + 1}`).toMatchObject(want));
      for (const [i, want] of docs.entries()) {
        if (!('docNumber' in want)) expect(metas[i]!.docNumber, `${file} document ${i + 1} has no 文号`).toBeUndefined();
      }
      // Nothing lost there either.
      const cov = coverage(file, p.clean, p.root.children.map((d) => emitRecord(documentRecord(d)).content));
      expect(cov.missing).toEqual([]);
    });
  }

  it('plan-crlf.txt: CRLF, markdown marks and a one-line 版记 (印发机关 + date)', async () => {
    const p = await parseFile('plan-crlf.txt', readFileSync(`${dir}/plan-crlf.txt`));
    expect(p.root.data.lineEnding).toBe('CRLF');
    const [notice, plan, annex] = assignIds([p.root]);
    expect(plan!.parent).toBe(notice!.id);
    expect(annex!.parent).toBe(plan!.id);
    expect(plan!.attachments).toEqual([{ seq: 1, title: '任务分工表', id: annex!.id }]);
    const headings = p.root.children[1]!.children.filter((b) => b.type === 'heading');
    expect(headings.map((h) => (h.type === 'heading' ? [h.depth, h.marker, h.text] : []))).toEqual([
      [1, '一、', '总体目标'],
      [1, '二、', '主要任务'],
      [2, '（一）', '推进政务公开。'],
    ]);
  });

  it('halfwidth.txt: a half-width "." ends the lead phrase of a numbered item', async () => {
    const p = await parseFile('halfwidth.txt', readFileSync(`${dir}/halfwidth.txt`));
    const hs = p.root.children[0]!.children.filter((b) => b.type === 'heading');
    expect(hs.map((h) => (h.type === 'heading' ? [h.depth, h.text, h.rest ?? null] : []))).toEqual([
      [1, '工作目标', null],
      [2, '总体要求.', '坚持问题导向,补齐短板.'],
      [3, '明确责任.', '各单位要落实主体责任.'],
      [1, '工作要求', null],
    ]);
    const [d] = assignIds([p.root]);
    expect(d!.contacts[0]).toMatchObject({ names: ['李四'], phones: [{ number: '0370-3210000', mobile: false }] });
  });
});
