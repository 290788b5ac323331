/**
 * Content loader for the generated MDX records (content/<collection>/*.mdx): Astro's glob loader,
 * with each record body rendered ONCE, at load time, by the site's Markdown processor (the unified
 * processor of astro.config.mjs: remark-gfm, remarkAutolinkCjk and the rehype plugins, which read
 * the record's frontmatter as before) instead of being compiled to one JavaScript module per record.
 *
 * Why: with the MDX integration every record became a module that Vite/Rollup bundled and the
 * prerenderer imported; at a thousand notices (~30,000 records) that was minutes of bundling and
 * gigabytes of heap (issue 13). The records stay MDX files (the reviewable product); the ingest
 * writes them through the mdast serializers with MDX escaping only (no JSX, no expressions, no
 * imports, no ESM), and those escapes (`\<`, `\{`, `\*` …) are CommonMark backslash escapes, so the
 * Markdown reading of a record is the same text. `render(entry)` gives `<Content />` and
 * `headings` exactly as before (the rendered HTML is kept in the content store).
 *
 * A record that does use MDX syntax (a hand-written `import`, `export` or JSX tag) would be shown as
 * text, never run: source text is data.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { glob } from 'astro/loaders';
import type { Loader, LoaderContext } from 'astro/loaders';

let fingerprint: string | undefined;
/**
 * What the rendered HTML depends on besides the record: the Markdown plugins (src/integrations/)
 * and astro.config.mjs. Mixed into each entry's digest so a changed plugin re-renders the cached
 * records (the content store keeps the HTML between builds and re-renders only changed files).
 */
function renderFingerprint(root: URL): string {
  if (fingerprint) return fingerprint;
  const h = createHash('sha256');
  const rootPath = decodeURIComponent(root.pathname);
  const dir = join(rootPath, 'src/integrations');
  for (const f of readdirSync(dir).sort()) h.update(f).update(readFileSync(join(dir, f)));
  h.update(readFileSync(join(rootPath, 'astro.config.mjs')));
  return (fingerprint = h.digest('hex').slice(0, 16));
}

type RenderFn = (entry: unknown) => Promise<{ metadata?: Record<string, unknown> } | undefined>;
interface EntryTypeLike {
  extensions: string[];
  getRenderFunction?: (config: unknown) => Promise<RenderFn>;
}

export interface RecordsOptions {
  /**
   * Render the body to HTML at load time (default true). Only collections whose pages call
   * `render(entry)` need it (documents, work points); the others (cases, indicators, scoring …) show
   * their frontmatter only, and rendering their bodies cost load time and kept HTML nobody read in
   * the content store — twice at build time, in the loader's store and in the prerenderer's copy.
   * Without it `render(entry)` gives an empty body.
   */
  render?: boolean;
}

export function mdxRecords(base: string, options: RecordsOptions = {}): Loader {
  const renders = options.render !== false;
  // retainBody: false — pages use the frontmatter and the rendered HTML, never the raw body; keeping
  // it held a second copy of every record's text in the content store (and its serialized module).
  const inner = glob({ pattern: '*.mdx', base, retainBody: false });
  return {
    name: 'cjzl-mdx-records',
    load(context: LoaderContext) {
      // The glob loader picks how to read and render a file by its extension (context.entryTypes,
      // not part of the public type): read `.mdx` records as the `.md` entry type.
      const types = (context as LoaderContext & { entryTypes?: Map<string, EntryTypeLike> }).entryTypes;
      const md = types?.get('.md');
      if (!types || !md) throw new Error('cjzl-mdx-records: Astro did not pass the Markdown entry type to the loader (astro/loaders changed?); use glob() in src/content.config.ts until this loader is updated.');
      const entryTypes = new Map(types);
      // The rendered metadata keeps headings; the copy of the frontmatter the Markdown renderer puts
      // in it (remarkPluginFrontmatter, unused here) would store every record's data twice.
      entryTypes.set('.mdx', {
        ...md,
        getRenderFunction:
          renders && md.getRenderFunction
            ? async (config: unknown) => {
                const render = await md.getRenderFunction!(config);
                return async (entry: unknown) => {
                  const out = await render(entry);
                  if (out?.metadata) delete out.metadata.frontmatter;
                  return out;
                };
              }
            : undefined,
      });
      // A cached entry is re-read when the salt changes: rendering switched on or off changes it too.
      const salt = `${renderFingerprint(context.config.root)}${renders ? '' : ':data'}`;
      const generateDigest = (data: Record<string, unknown> | string) => context.generateDigest(typeof data === 'string' ? `${salt}\n${data}` : { salt, data });
      return inner.load({ ...context, entryTypes, generateDigest } as LoaderContext);
    },
  };
}
