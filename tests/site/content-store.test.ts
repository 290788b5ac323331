/**
 * src/integrations/content-store.ts: in `astro build` the prerenderer's `astro:data-layer-content`
 * module reads Astro's store file at run time instead of inlining it. The replacement must give the
 * pages the same store as Astro's own module (a devalue-encoded Map of collections), and must only
 * take that one id.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { dataStoreFromDisk } from '../../src/integrations/content-store';

// devalue as Astro resolves it (the encoder of its store file; not a dependency of the project itself).
const devaluePath = createRequire(createRequire(import.meta.url).resolve('astro/package.json')).resolve('devalue');
const { stringify } = (await import(pathToFileURL(devaluePath).href)) as { stringify: (v: unknown) => string };

type Hook = { handler: (id: string) => unknown } | ((id: string) => unknown);
const call = (hook: unknown, id: string) => (typeof hook === 'function' ? (hook as (id: string) => unknown)(id) : (hook as { handler: (id: string) => unknown }).handler(id));

describe('content store read from the cache file', () => {
  it('resolves only astro:data-layer-content, ahead of Astro (order pre)', () => {
    const plugin = dataStoreFromDisk('/nowhere/data-store.json', devaluePath);
    expect((plugin.resolveId as { order?: string }).order).toBe('pre');
    const id = call(plugin.resolveId as Hook, 'astro:data-layer-content');
    expect(typeof id).toBe('string');
    expect(call(plugin.resolveId as Hook, 'astro:content')).toBeUndefined();
    expect(call(plugin.load as Hook, 'astro:content')).toBeUndefined();
  });

  it('exports the same Map of collections as the store file holds (shared values kept shared)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cjzl-store-'));
    try {
      const theme = { id: 'sanxiang-zhidu', label: '行政执法三项制度', terms: ['三项制度'] };
      const store = new Map<string, Map<string, Record<string, unknown>>>([
        ['documents', new Map([['a', { id: 'a', data: { title: '通知 <b>&"', year: 2020, themes: [theme] }, rendered: { html: '<p>正文</p>', metadata: { headings: [] } }, digest: 'x1' }]])],
        ['cases', new Map([['c', { id: 'c', data: { unit: '某局', themes: [theme], figures: [{ number: 0.5, unit: '%' }] }, digest: 'x2' }]])],
      ]);
      const file = join(dir, 'data-store.json');
      writeFileSync(file, stringify(store));
      const plugin = dataStoreFromDisk(file, devaluePath);
      const id = call(plugin.resolveId as Hook, 'astro:data-layer-content') as string;
      const code = call(plugin.load as Hook, id) as string;
      const mod = join(dir, 'store.mjs');
      writeFileSync(mod, code);
      const loaded = (await import(pathToFileURL(mod).href)).default as Map<string, Map<string, { data: { themes: unknown[] } }>>;
      expect(loaded).toBeInstanceOf(Map);
      expect(loaded).toEqual(store);
      expect(loaded.get('documents')!.get('a')!.data.themes[0]).toBe(loaded.get('cases')!.get('c')!.data.themes[0]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives an empty store when the file is missing (as Astro does)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cjzl-store-'));
    try {
      const plugin = dataStoreFromDisk(join(dir, 'absent.json'), devaluePath);
      const code = call(plugin.load as Hook, call(plugin.resolveId as Hook, 'astro:data-layer-content') as string) as string;
      writeFileSync(join(dir, 'store.mjs'), code);
      const loaded = (await import(pathToFileURL(join(dir, 'store.mjs')).href)).default;
      expect(loaded).toEqual(new Map());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
