/**
 * With several 责任清单: each list's records as JSON (plainIndicator, table order), fetched on
 * demand by its page's 下载当前结果（CSV） (/indicators/list/<key>/), so a visitor never downloads
 * every list for one. With one list there is none (data/indicators.json serves).
 */
import type { APIRoute } from 'astro';
import { loadIndicatorData, plainIndicator } from '../../../lib/indicators-data';
import { listJsonPath } from '../../../lib/indicators';

export async function getStaticPaths() {
  const { lists } = await loadIndicatorData();
  if (lists.length < 2) return [];
  return lists.map((_, i) => ({ params: { list: listJsonPath(lists, i).replace(/^data\/indicators\/|\.json$/g, '') }, props: { i } }));
}

export const GET: APIRoute = async ({ props }) => {
  const { lists } = await loadIndicatorData();
  const list = lists[(props as { i: number }).i]!;
  return new Response(JSON.stringify(list.indicators.map(plainIndicator)) + '\n', {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
