// RSS of documents, newest first (@astrojs/rss). Links carry the base (SITE_BASE) and the site URL.
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { loadDocuments } from '../lib/documents-data';
import { docDate } from '../lib/documents';
import { site } from '../lib/site';
import { url } from '../lib/url';

export async function GET(context: APIContext) {
  const cfg = site();
  const docs = await loadDocuments();
  const origin = context.site ?? new URL(cfg.siteUrl);
  return rss({
    title: `${cfg.name} - 文件`,
    description: cfg.description,
    site: new URL(url(), origin).href,
    customData: '<language>zh-CN</language>',
    items: docs.map((d) => {
      const date = docDate(d.data);
      return {
        title: d.data.docNumber ? `${d.data.title}（${d.data.docNumber}）` : d.data.title,
        link: new URL(url(`documents/${d.id}/`), origin).href,
        ...(date ? { pubDate: new Date(`${date}T00:00:00+08:00`) } : {}),
        description: [d.data.issuers.join('、'), d.data.kind].filter(Boolean).join(' · '),
      };
    }),
  });
}
