/** Open data: the scoring standard rows (every cell as printed in `cells`), the points check and the 工作任务细则. */
import { loadIndicatorData } from '../../lib/indicators-data';

export async function GET() {
  const { criteria, check, tasks } = await loadIndicatorData();
  const body = { criteria, check: check ?? null, taskDetails: tasks };
  return new Response(JSON.stringify(body, null, 2) + '\n', {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}
