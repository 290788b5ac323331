/**
 * npm run build's search step: builds dist/pagefind/ after `astro build` has exited, so Pagefind's
 * memory never stacks on Astro's (see src/integrations/pagefind.ts).
 *
 *   node scripts/search-index.ts [--dist dist] [--shard-pages 12000]
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSearchIndex, SHARD_PAGES } from '../src/integrations/pagefind.ts';

const { values } = parseArgs({
  options: { dist: { type: 'string', default: 'dist' }, 'shard-pages': { type: 'string', default: String(SHARD_PAGES) } },
});
const shardPages = Number(values['shard-pages']);
if (!Number.isInteger(shardPages) || shardPages < 1) {
  console.error(`search-index: --shard-pages must be a whole number above 0 (got "${values['shard-pages']}")`);
  process.exit(2);
}
try {
  await buildSearchIndex(resolve(values.dist!), { shardPages, log: (s) => console.log(s) });
} catch (e) {
  console.error(`search-index: ${(e as Error).message}`);
  process.exit(1);
}
