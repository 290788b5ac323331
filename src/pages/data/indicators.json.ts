/** Open data: every indicator record (三级指标, 加分项, 否决项), field names as in the schema, table order. */
import { loadIndicatorData, plainIndicator } from '../../lib/indicators-data';

export async function GET() {
  const { indicators } = await loadIndicatorData();
  return new Response(JSON.stringify(indicators.map(plainIndicator)) + '\n', {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}
