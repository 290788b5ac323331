import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

/**
 * Builds the Pagefind index through its Node API at astro:build:done
 * (createIndex → addDirectory → writeFiles → close), failing the build on any error.
 */
export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'cjzl-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const { index, errors: createErrors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
        if (!index || createErrors.length) throw new Error(`Pagefind createIndex failed: ${createErrors.join('; ')}`);
        const { page_count, errors: addErrors } = await index.addDirectory({ path: outDir });
        if (addErrors.length) throw new Error(`Pagefind addDirectory failed: ${addErrors.join('; ')}`);
        const { errors: writeErrors } = await index.writeFiles({ outputPath: `${outDir.replace(/\/$/, '')}/pagefind` });
        if (writeErrors.length) throw new Error(`Pagefind writeFiles failed: ${writeErrors.join('; ')}`);
        await pagefind.close();
        logger.info(`Pagefind indexed ${page_count} pages`);
      },
    },
  };
}
