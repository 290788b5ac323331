import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

/**
 * Builds the Pagefind index through its Node API at astro:build:done
 * (createIndex → addDirectory → writeFiles → close), failing the build on any error.
 *
 * Base paths: `dir` is the build output root (dist/ — its files are served at the Astro `base`),
 * so the index is written to <outDir>/pagefind/ and is reached at `${base}pagefind/` under any
 * SITE_BASE. Page URLs in the index are relative to that root; the search page passes
 * `baseUrl: import.meta.env.BASE_URL` to pagefind.options() so results carry the base.
 * Language: zh-CN (forceLanguage), matching <html lang="zh-CN">; Pagefind segments Chinese at index
 * time. Only pages with data-pagefind-body (record pages) are indexed; see src/layouts/Base.astro.
 */
export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'cjzl-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        try {
          const { index, errors: createErrors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
          if (!index || createErrors.length) throw new Error(`Pagefind createIndex failed: ${createErrors.join('; ')}`);
          const { page_count, errors: addErrors } = await index.addDirectory({ path: outDir });
          if (addErrors.length) throw new Error(`Pagefind addDirectory failed: ${addErrors.join('; ')}`);
          if (page_count === 0) throw new Error(`Pagefind found no pages to index in ${outDir}`);
          const outputPath = join(outDir, 'pagefind');
          const { errors: writeErrors } = await index.writeFiles({ outputPath });
          if (writeErrors.length) throw new Error(`Pagefind writeFiles failed: ${writeErrors.join('; ')}`);
          logger.info(`Pagefind indexed ${page_count} pages (zh-CN) → ${outputPath}`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
