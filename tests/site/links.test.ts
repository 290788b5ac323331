// Issue 7: link check over the built site at base '/' and at '/zfjs/cjzl/' — zero broken internal
// links (served by a web server that does not rewrite URLs), zero resources from other hosts.
// Plain outbound links (the ICP 备案 link) are allowed.
import { describe, it, expect, inject, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildAt } from '../setup/build';
import { checkSite } from '../helpers/linkcheck';

describe('the link checker', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cjzl-links-'));
    mkdirSync(join(dir, 'a'));
    writeFileSync(join(dir, 'a', 'index.html'), '<p id="x">a</p>');
    writeFileSync(
      join(dir, 'index.html'),
      `<link rel="stylesheet" href="https://cdn.example.com/x.css"><a href="a/">ok</a><a href="a/#x">ok</a><a href="a">no slash</a>
       <a href="/zz/">outside</a><a href="missing/">missing</a><a href="a/#nope">bad anchor</a><a href="https://beian.miit.gov.cn/">ICP</a>
       <img src="//img.example.com/p.png" alt=""><form action="a/"></form>`,
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it('reports each kind of fault and allows plain outbound links', () => {
    const r = checkSite(dir, '/sub/');
    const whys = r.problems.map((p) => `${p.ref} ${p.why}`);
    expect(whys).toEqual([
      'https://cdn.example.com/x.css resource from another host (link)',
      'a no file a (missing trailing slash; the server does not redirect)',
      '/zz/ outside the base /sub/',
      'missing/ no file missing/index.html',
      'a/#nope no element id="nope" in a/index.html',
      '//img.example.com/p.png resource from another host (img)',
    ]);
    expect(r.external).toEqual(['https://beian.miit.gov.cn/']);
  });
});

describe.each([
  { base: '/', get: async () => inject('distDir') },
  { base: '/zfjs/cjzl/', get: () => buildAt('/zfjs/cjzl/') },
])('link check of the built site at base $base', ({ base, get }) => {
  let dist: string;
  beforeAll(async () => {
    dist = await get();
  }, 600_000);

  it('has no broken internal links and loads nothing from other hosts', () => {
    const { problems, pages, internal } = checkSite(dist, base);
    expect(pages).toBeGreaterThan(5);
    expect(internal).toBeGreaterThan(pages * 5);
    expect(problems).toEqual([]);
  });

  it('links out only as plain links (the MIIT filing site is one)', () => {
    const { external } = checkSite(dist, base);
    expect(external).toContain('https://beian.miit.gov.cn/');
  });
});
