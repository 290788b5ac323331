/** Open data: every work point (frontmatter fields) in reading order. */
import { loadWorkpoints, plain } from '../../lib/workpoints-data';

export async function GET() {
  const points = await loadWorkpoints();
  return new Response(JSON.stringify(points.map(plain)) + '\n', {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}
