import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { indicatorsXlsx } from '../../src/lib/indicators-xlsx';
import { seedIndicators } from './seed';

describe('indicators.xlsx', () => {
  it('reads back with exceljs: header frozen, columns sized, 104 rows with the record text', async () => {
    const { records, meta } = seedIndicators();
    const bytes = await indicatorsXlsx(records, { title: meta.title, notes: meta.notes, source: 'x' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const ws = wb.getWorksheet('指标清单')!;
    expect(ws.rowCount).toBe(105);
    expect(ws.getRow(1).getCell(1).value).toBe('编号');
    expect(ws.getRow(1).getCell(5).value).toBe('指标内容');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getColumn(5).width).toBe(60);
    const r33 = ws.getRow(34);
    expect(r33.getCell(1).value).toBe('033');
    expect(String(r33.getCell(5).value)).toContain('法律顾问');
    expect(r33.getCell(7).value).toBe('司法局');
    expect(r33.getCell(9).value).toBe('待提供');
    expect(ws.getRow(105).getCell(1).value).toBe('veto-2');
    const notes = wb.getWorksheet('说明')!;
    expect(String(notes.getRow(3).getCell(1).value)).toMatch(/^2\. .*600字左右/);
  });
  it('is deterministic', async () => {
    const { records, meta } = seedIndicators();
    const m = { title: meta.title, notes: meta.notes, source: 'x' };
    const a = await indicatorsXlsx(records, m);
    const b = await indicatorsXlsx(records, m);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});
