// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import remarkGfm from 'remark-gfm';
import pagefind from './src/integrations/pagefind.ts';

// SITE_BASE publishes the column under a sub-path of the portal (e.g. /zfjs/cjzl/).
const base = process.env.SITE_BASE || '/';
const site = process.env.SITE_URL || 'https://www.example.gov.cn';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  markdown: { remarkPlugins: [remarkGfm] },
  integrations: [mdx(), pagefind()],
});
