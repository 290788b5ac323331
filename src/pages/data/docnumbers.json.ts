/**
 * 文号 lookup table (open data + used by bench/tests): canonical 发文字号 → document page.
 * Built from the documents collection; the /search/ page embeds the same table to jump
 * straight to a document when the query is a 文号 in any bracket variant.
 */
import { getCollection } from 'astro:content';
import { buildDocNumberTable } from '../../lib/search';

export async function GET() {
  const docs = await getCollection('documents');
  const table = buildDocNumberTable(
    docs.map((d) => ({ docNumber: d.data.docNumber, path: `documents/${d.data.id ?? d.id}/`, title: d.data.title })),
  );
  return new Response(JSON.stringify(table) + '\n', {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}
