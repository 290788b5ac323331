/**
 * The files a unit hands in, written in the browser (loaded lazily, only when the user exports):
 *   ledgerXlsx()  — .xlsx with exceljs (the library of the indicator export): 整改台账, 自查台账, 情况说明, 完成度
 *   reportDocx()  — 自查自评报告 .docx with docx: 完成度 overall and by 领域, the items not done with
 *                   their reasons, the open problems with measures and deadlines.
 * Both return bytes (Uint8Array) so the tests read them back in Node.
 */
import { ITEM_COLUMNS, PROBLEM_COLUMNS, STATEMENT_COLUMNS, reportBlocks, type CompletionRow, type Report } from './ledger-report';

type ExcelModule = typeof import('exceljs');

async function excel(): Promise<ExcelModule> {
  const mod = (await import('exceljs')) as unknown as ExcelModule & { default?: ExcelModule };
  return (mod.default ?? mod) as ExcelModule;
}

/** Name of the hidden sheet that carries the ledger file itself, so an .xlsx can be imported like the .json. */
export const DATA_SHEET = '台账数据';
const CHUNK = 30000; // an Excel cell holds at most 32 767 characters

export async function ledgerXlsx(r: Report, ledgerJson?: string): Promise<Uint8Array> {
  const ExcelJS = await excel();
  const wb = new ExcelJS.Workbook();
  wb.creator = '法治政府建设示范创建专栏 · 自查自评';
  const sheet = (name: string, cols: [string, string, number][], rows: Record<string, unknown>[], overdue?: (row: Record<string, unknown>) => boolean) => {
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = cols.map(([key, header, width]) => ({ key, header, width }));
    for (const x of rows) {
      const added = ws.addRow(x);
      if (overdue?.(x)) added.getCell(cols.findIndex(([k]) => k === 'due' || k === 'deadline') + 1).font = { color: { argb: 'FFB00020' }, bold: true };
    }
    const head = ws.getRow(1);
    head.font = { bold: true };
    head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF1F1F1' } };
    ws.eachRow((row, n) => n > 1 && (row.alignment = { vertical: 'top', wrapText: true }));
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: cols.length } };
    return ws;
  };
  const od = (x: Record<string, unknown>) => Boolean(x.overdue);
  sheet('整改台账', [...PROBLEM_COLUMNS, ['overdueText', '逾期', 8]], r.problems.map((p) => ({ ...p, overdueText: p.overdue ? '逾期' : '' })), od);
  sheet('自查台账', [...ITEM_COLUMNS, ['overdueText', '逾期', 8]], r.items.map((i) => ({ ...i, overdueText: i.overdue ? '逾期' : '' })), od);
  sheet('情况说明', STATEMENT_COLUMNS, r.statements as unknown as Record<string, unknown>[]);
  const comp = (c: CompletionRow) => ({ ...c, reached: c.reached === null ? '' : c.reached ? '已达到' : '未达到' });
  sheet(
    '完成度',
    [
      ['label', '范围', 30],
      ['done', '已完成', 8],
      ['applicable', '适用项（不含不涉及）', 12],
      ['na', '不涉及', 8],
      ['percent', '完成度', 10],
      ['reached', `目标 ${r.target}`, 10],
    ],
    [comp(r.overall), ...r.byArea.map(comp), ...r.byUnit.map((u) => comp({ ...u, label: `责任单位：${u.label}` }))],
  );
  if (ledgerJson) {
    const data = wb.addWorksheet(DATA_SHEET, { state: 'veryHidden' });
    for (let i = 0; i < ledgerJson.length; i += CHUNK) data.addRow([ledgerJson.slice(i, i + CHUNK)]);
  }
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

/** The ledger file text carried by an .xlsx of ledgerXlsx(), or an error message in Chinese. */
export async function ledgerTextFromXlsx(bytes: ArrayBuffer): Promise<{ ok: true; text: string } | { ok: false; error: string }> {
  const ExcelJS = await excel();
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes);
  } catch (e) {
    return { ok: false, error: `不是有效的 Excel 文件（${(e as Error).message}）。文件未导入，台账没有任何改动。` };
  }
  const ws = wb.getWorksheet(DATA_SHEET);
  if (!ws) return { ok: false, error: `这个 Excel 文件不是本页导出的台账（没有“${DATA_SHEET}”工作表）。请导入本页导出的 JSON 或 Excel 文件。` };
  const parts: string[] = [];
  ws.eachRow((row) => parts.push(String(row.getCell(1).value ?? '')));
  return { ok: true, text: parts.join('') };
}

export async function reportDocx(r: Report): Promise<Uint8Array> {
  const d = await import('docx');
  const { Document, Packer, Paragraph, TextRun, Table, TableRow, TableCell, HeadingLevel, WidthType, AlignmentType } = d;
  const p = (text: string, opts: { bold?: boolean; center?: boolean; size?: number } = {}) =>
    new Paragraph({
      alignment: opts.center ? AlignmentType.CENTER : undefined,
      children: [new TextRun({ text, bold: opts.bold, size: opts.size, font: { eastAsia: '仿宋_GB2312', ascii: 'Times New Roman' } })],
    });
  const h = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun({ text, font: { eastAsia: '黑体' } })] });
  const table = (head: string[], rows: string[][]) =>
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: head.map((t) => new TableCell({ children: [p(t, { bold: true })] })) }),
        ...rows.map((cells) => new TableRow({ cantSplit: true, children: cells.map((t) => new TableCell({ children: [p(t)] })) })),
      ],
    });
  const children = reportBlocks(r).map((b) =>
    b.kind === 'title'
      ? p(b.text, { bold: true, center: true, size: 36 })
      : b.kind === 'meta'
        ? p(b.text, { center: true })
        : b.kind === 'heading'
          ? h(b.text)
          : b.kind === 'para'
            ? p(b.text, { bold: b.bold })
            : table(b.head, b.rows),
  );
  const doc = new Document({ creator: '法治政府建设示范创建专栏', title: r.title, sections: [{ children }] });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
