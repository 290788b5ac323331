/** Open data: the indicator list as an Excel workbook (exceljs; header row frozen, columns sized). */
import { loadIndicatorData } from '../../lib/indicators-data';
import { indicatorsXlsx } from '../../lib/indicators-xlsx';
import { sourceLabel } from '../../lib/indicators';

export async function GET() {
  const { indicators, meta } = await loadIndicatorData();
  const bytes = await indicatorsXlsx(indicators, {
    title: meta?.title ?? '填报材料责任清单',
    notes: meta?.notes ?? [],
    source: meta ? sourceLabel(meta.source) : '',
  });
  return new Response(new Uint8Array(bytes), {
    headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  });
}
