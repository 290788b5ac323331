/**
 * The indicator list as an Excel workbook (exceljs): one sheet 指标清单 with a frozen, bold header
 * row, sized and wrapped columns and an auto-filter; a second sheet 说明 with the table's notes and
 * the source. Deterministic: fixed workbook dates, so the same records give the same file content.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { EXPORT_COLUMNS, exportRow, type IndicatorLike } from './indicators-core';

export interface XlsxMeta {
  title: string;
  notes: { n: number; text: string }[];
  source: string;
}

const FIXED_DATE = new Date(Date.UTC(2023, 7, 31));

export async function indicatorsXlsx(list: IndicatorLike[], meta: XlsxMeta): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '法治政府建设示范创建专栏';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  const ws = wb.addWorksheet('指标清单', { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  ws.columns = EXPORT_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  for (const r of [...list].sort((a, b) => a.order - b.order)) ws.addRow(exportRow(r));
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.alignment = { vertical: 'middle', horizontal: 'center' };
  head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF1F1F1' } };
  ws.eachRow((row, n) => {
    if (n > 1) row.alignment = { vertical: 'top', wrapText: true };
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: EXPORT_COLUMNS.length } };

  const notes = wb.addWorksheet('说明');
  notes.columns = [{ header: meta.title, key: 'text', width: 100 }];
  notes.getRow(1).font = { bold: true };
  for (const n of meta.notes) notes.addRow({ text: `${n.n}. ${n.text}` });
  notes.addRow({ text: '“领域”一栏是本站按工作推进方案“主要任务”（一）至（九）所作的派生分组，原表无此栏。' });
  notes.addRow({ text: meta.source });
  notes.eachRow((row) => (row.alignment = { wrapText: true, vertical: 'top' }));

  const buf = await wb.xlsx.writeBuffer();
  return fixZipDates(new Uint8Array(buf as ArrayBuffer));
}

/**
 * exceljs zips with JSZip, which stamps every entry with the current time: re-zip the same entries,
 * in the same order, with FIXED_DATE so two builds give byte-identical files (issue 8).
 */
async function fixZipDates(bytes: Uint8Array): Promise<Uint8Array> {
  const src = await JSZip.loadAsync(bytes);
  const out = new JSZip();
  for (const f of Object.values(src.files)) {
    if (f.dir) continue;
    out.file(f.name, await f.async('uint8array'), { date: FIXED_DATE, createFolders: false });
  }
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE', platform: 'DOS' });
}
