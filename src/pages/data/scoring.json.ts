/** Open data: the scoring standard rows (every cell as printed in `cells`), the points check and the 工作任务细则. */
import { loadIndicatorData } from '../../lib/indicators-data';

export async function GET() {
  const { criteria, check, scoring, tasks } = await loadIndicatorData();
  // With several scoring lists: the criteria name their `list`, and `checks` holds every list's check (`check` is the first's).
  const body = { criteria, check: check ?? null, ...(scoring.length > 1 ? { checks: scoring.map((l) => l.check ?? null) } : {}), taskDetails: tasks };
  return new Response(JSON.stringify(body) + '\n', {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}
