// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import { remarkAutolinkCjk } from './src/integrations/remark-autolink-cjk.ts';
import pagefind from './src/integrations/pagefind.ts';
import devIngest from './src/integrations/dev-ingest.ts';
import contentStore from './src/integrations/content-store.ts';
import { rehypeTableScroll, rehypeMaskMobile } from './src/integrations/rehype-cjzl.ts';
import { rehypeErrataMarks } from './src/integrations/rehype-errata.ts';
import { rehypeNoticeLayout } from './src/integrations/rehype-notice-layout.ts';
import { loadSiteConfig } from './src/lib/site.ts';

// One site config file (site.config.yaml, zod-validated); SITE_URL overrides its siteUrl.
const config = loadSiteConfig();
// SITE_BASE publishes the column under a sub-path of the portal (e.g. /zfjs/cjzl/).
const rawBase = process.env.SITE_BASE || '/';
const base = ('/' + rawBase.replace(/^\/+|\/+$/g, '') + '/').replace(/^\/\/$/, '/');

export default defineConfig({
  site: config.siteUrl,
  base,
  trailingSlash: 'always',
  // concurrency: pages are written while the next ones render (one at a time, a 1,000-notice build
  // waited ~18 s on file writes); the pages are the same.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  // Tests build into temp folders (`astro build --outDir …`); CJZL_CACHE_DIR keeps their caches apart.
  ...(process.env.CJZL_CACHE_DIR ? { cacheDir: process.env.CJZL_CACHE_DIR } : {}),
  devToolbar: { enabled: false },
  // Astro 7: markdown.remarkPlugins is deprecated — plugins go on the unified processor.
  // GFM comes from remark-gfm explicitly (tables in the MDX records); smartypants off so the
  // quotes of the source notices are rendered as written.
  // Record bodies: tables get a scroll wrapper; personal mobile numbers are masked (maskMobile);
  // Bare addresses that GFM links end at the first Chinese character (remarkAutolinkCjk).
  // OCR corrections listed in a record's frontmatter `errata` are marked 校.
  markdown: {
    processor: unified({
      gfm: false,
      smartypants: false,
      remarkPlugins: [remarkGfm, remarkAutolinkCjk],
      rehypePlugins: [rehypeNoticeLayout, rehypeErrataMarks, rehypeTableScroll, [rehypeMaskMobile, { enabled: config.maskMobile }]],
    }),
  },
  // devIngest: `astro dev` re-runs the ingest when content/sources/ or content/errata.yaml changes.
  // contentStore: `astro build` reads the content store from Astro's cache file instead of bundling it (memory at scale).
  integrations: [mdx(), sitemap({ filter: (page) => !page.includes('/embed/') }), pagefind(), devIngest(), contentStore()],
});
