/**
 * With several 责任清单: each list as CSV (toCsv, as data/indicators.csv), offered on its page
 * (/indicators/list/<key>/) and fetched on demand by 下载当前结果（CSV）, which keeps the rows of the
 * filtered view (keepCsvRecords), so a visitor never downloads every list for one. With one list
 * there is none (data/indicators.csv serves).
 */
import type { APIRoute } from 'astro';
import { loadIndicatorData } from '../../../lib/indicators-data';
import { listCsvPath, toCsv } from '../../../lib/indicators';

export async function getStaticPaths() {
  const { lists } = await loadIndicatorData();
  if (lists.length < 2) return [];
  return lists.map((_, i) => ({ params: { list: listCsvPath(lists, i).replace(/^data\/indicators\/|\.csv$/g, '') }, props: { i } }));
}

export const GET: APIRoute = async ({ props }) => {
  const { lists } = await loadIndicatorData();
  return new Response(toCsv(lists[(props as { i: number }).i]!.indicators), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
