import type { AstroIntegration } from 'astro';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import type { Plugin } from 'vite';

/**
 * `astro build` only: the page generator reads the content store from Astro's cache file at run time
 * instead of getting it bundled into its code (issue 13, memory at scale).
 *
 * Astro hands the content store (every record's frontmatter and rendered HTML) to the prerenderer
 * as a virtual module, `astro:data-layer-content`, whose code is the whole store file inlined as one
 * string literal: `export default JSON.parse("…")` — about 95 MB at 1,000 notices. Vite/Rolldown then
 * bundles that string (the build holds it several times over: file, a validating parse, the module
 * code, the bundler's copy, the output chunk: 1.4 GB of heap at 1,000 notices during "Building
 * static entrypoints"), and the prerenderer keeps the 95 MB source of the chunk alive while it writes
 * the pages, next to the parsed store.
 *
 * Here that module is replaced, for the build, by a few lines that read the same file
 * (`<cacheDir>/data-store.json`, written by the content sync before bundling starts) and decode it
 * with devalue, as Astro's own runtime does (`ImmutableDataStore.fromModule`: a Map is used as is).
 * The pages get the same entries; only where the bytes come from changes. `astro dev` is untouched
 * (it watches and hot-reloads the store through the original module), and so is the chunked store
 * (`experimental.collectionStorage`), which this does not handle.
 */
const DATA_STORE_ID = 'astro:data-layer-content';
const RESOLVED_ID = '\0cjzl:data-store-from-disk';

export function dataStoreFromDisk(storeFile: string, devaluePath: string): Plugin {
  return {
    name: 'cjzl:data-store-from-disk',
    enforce: 'pre',
    // Before Astro's own resolver for the id (astro-content-virtual-mod-plugin), which would read and inline the file.
    resolveId: {
      order: 'pre',
      handler(id) {
        return id === DATA_STORE_ID ? RESOLVED_ID : undefined;
      },
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      return [
        `import { existsSync, readFileSync } from 'node:fs';`,
        `import { setFlagsFromString } from 'node:v8';`,
        `import { runInNewContext } from 'node:vm';`,
        `import { unflatten } from ${JSON.stringify(devaluePath)};`,
        `const file = ${JSON.stringify(storeFile)};`,
        // Decoding the store is the build's memory peak: the file's text and its flat array (~0.5 GB at
        // 1,000 notices) next to the decoded store. V8 would collect them only at its next full
        // collection, after the first pages have allocated on top, and it keeps the pages it once used:
        // so one full collection before (what bundling left) and one after, through V8's gc() in a fresh context.
        `let gc = () => {};`,
        `try { setFlagsFromString('--expose-gc'); gc = runInNewContext('gc'); } catch {}`,
        `gc();`,
        `const store = existsSync(file) ? unflatten(JSON.parse(readFileSync(file, 'utf8'))) : new Map();`,
        `gc();`,
        `export default store;`,
      ].join('\n');
    },
  };
}

/**
 * After the content sync, `astro build` keeps the loaders' store (Astro's `globalContentLayer`, a
 * module-level singleton) alive to the end, though the build reads the store from its file from then
 * on: about 0.3 GB of heap at 1,000 notices held through bundling and page generation. Releasing it
 * needs Astro's internal module (not in its exports map: loaded by path, require(esm) of Node 22.12+);
 * when that path moves in a later Astro, nothing is released and the build goes on as before.
 */
function releaseLoaderStore(): boolean {
  try {
    const require = createRequire(import.meta.url);
    const astroDir = dirname(require.resolve('astro/package.json'));
    const instance = require(join(astroDir, 'dist/content/instance.js')) as { globalContentLayer?: { get(): unknown; dispose(): void } };
    const layer = instance.globalContentLayer;
    if (!layer?.get()) return false;
    layer.dispose();
    return true;
  } catch {
    return false;
  }
}

/** Above this store file size (about 400 generated notices), page generation runs with a lower heap growing factor. */
const BIG_STORE_BYTES = 40 * 1024 * 1024;

export default function contentStore(): AstroIntegration {
  let storeFile: string | undefined;
  return {
    name: 'cjzl-content-store',
    hooks: {
      'astro:build:start': ({ logger }) => {
        logger.debug(releaseLoaderStore() ? 'released the loaders\' content store (the build reads it from the cache file)' : 'the loaders\' content store was not released (Astro internals moved?)');
        if (storeFile && existsSync(storeFile) && statSync(storeFile).size > BIG_STORE_BYTES) {
          // A large corpus: V8 may let the heap grow to several times what is alive before its next full
          // collection (its factor goes up to 4 when collections are cheap), and it keeps the pages it
          // once used. Capping the factor at 1.5 for page generation kept a 1,000-notice build at
          // 1.78 GiB instead of 2.05 GiB, for ~15 % more CPU time in that phase (more full collections).
          setFlagsFromString('--heap-growing-percent=50');
          logger.debug('large content store: heap growing factor capped at 1.5 for page generation');
        }
      },
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        const storage = (config.experimental as { collectionStorage?: unknown } | undefined)?.collectionStorage;
        if (storage !== undefined && storage !== 'single-file') return;
        // devalue: the encoder of Astro's store file, resolved from Astro itself (the same copy its runtime uses).
        const devaluePath = createRequire(createRequire(import.meta.url).resolve('astro/package.json')).resolve('devalue');
        storeFile = fileURLToPath(new URL('data-store.json', config.cacheDir));
        updateConfig({ vite: { plugins: [dataStoreFromDisk(storeFile, devaluePath)] } });
      },
    },
  };
}
