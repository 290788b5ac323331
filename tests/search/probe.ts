// Ad-hoc probe of a built index: npx tsx tests/search/probe.ts <dist> [--default] "query" ["query" …]
// Prints the top 10 of each query with score, type, title and url (ranking = the page's RANKING unless --default).
import { launchBrowser, serveDir } from '../helpers/browser';
import { RANKING } from '../../src/components/SearchResults.client';
import { prepareQuery, SHARDS_FILE } from '../../src/lib/search';
const [dist, ...rest] = process.argv.slice(2);
const useDefault = rest.includes('--default');
const queries = rest.filter((q) => q !== '--default');
const server = await serveDir(dist!, '/');
const browser = await launchBrowser();
const page = await browser.newPage();
await page.goto(server.url(''));
const out = await page.evaluate(
  async ({ u, qs, ranking, shardsFile }) => {
    const pf = await import(u);
    if (ranking) await pf.options({ ranking });
    const dir = u.replace(/[^/]*$/, '');
    const r = await fetch(dir + shardsFile);
    const shards: unknown = r.ok ? ((await r.json()) as { shards?: unknown }).shards : [];
    for (const s of Array.isArray(shards) ? shards : []) await pf.mergeIndex(dir + s, ranking ? { ranking } : {});
    const res: string[] = [];
    for (const q of qs) {
      const s = await pf.search(q);
      res.push(`## ${q} (${s.results.length})`);
      for (const r of s.results.slice(0, 10)) {
        const d = await r.data();
        res.push(`  ${r.score.toFixed(3)} [${d.filters?.type?.[0] ?? '?'}] ${d.meta.title}  ${d.url}  words=${d.word_count}`);
      }
    }
    return res.join('\n');
  },
  { u: server.url('pagefind/pagefind.js'), qs: queries.map(prepareQuery), ranking: useDefault ? null : RANKING, shardsFile: SHARDS_FILE },
);
console.log(out);
await browser.close();
await server.close();
