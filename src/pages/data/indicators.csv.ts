/** Open data: the indicator list as CSV (UTF-8 with BOM so Excel opens it as UTF-8). */
import { loadIndicatorData } from '../../lib/indicators-data';
import { toCsv } from '../../lib/indicators';

export async function GET() {
  const { indicators } = await loadIndicatorData();
  return new Response(toCsv(indicators), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
}
