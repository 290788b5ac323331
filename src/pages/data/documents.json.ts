/**
 * Open data: every document record (frontmatter fields plus its page URL), newest first
 * (dist/data/documents.json). Personal mobile numbers are masked when site.config.yaml says so.
 */
import type { APIRoute } from 'astro';
import { loadDocuments } from '../../lib/documents-data';
import { documentsOpenData } from '../../lib/documents';
import { site } from '../../lib/site';
import { url } from '../../lib/url';

export const GET: APIRoute = async () => {
  const docs = await loadDocuments();
  const body = documentsOpenData(docs, { maskMobile: site().maskMobile, href: (id) => url(`documents/${id}/`) });
  return new Response(body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
