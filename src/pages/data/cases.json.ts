/** Open data: every 典型经验 record plus the article it comes from (dist/data/cases.json). */
import type { APIRoute } from 'astro';
import { loadCases, loadCaseSets, plainCase } from '../../lib/cases-data';

export const GET: APIRoute = async () => {
  const cases = (await loadCases()).map(plainCase);
  const sets = await loadCaseSets();
  return new Response(JSON.stringify({ count: cases.length, sets, cases }) + '\n', {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
