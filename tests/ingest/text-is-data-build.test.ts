/**
 * Text is data, end to end: random notice text goes through the REAL ingest CLI and the REAL
 * `astro build`, and every paragraph comes out on its page as the same text, with nothing in it
 * turned into markup or code.
 *
 * fast-check generates (fixed seed) SAMPLES notices of the seeds' genre — issuer + 关于…的通知 title,
 * 文号, 主送, numbered sections 一、 with paragraphs and items 1. — whose paragraph text is random and
 * full of MDX/HTML/JS/markdown syntax. They are written as .txt files, ingested with
 * `scripts/ingest/cli.ts --sources DIR --out DIR`, and the site is built ONCE against that content
 * in a scratch project (tests/helpers/scratch-build.ts) — one build for all samples, not one per
 * sample, so failures are reported per sample (input and page text) instead of shrunk.
 *
 * Checked on the built output:
 * - every paragraph/heading of every sample, normalised as clean.ts normalises it (spaces touching
 *   Chinese removed, runs collapsed — and only whitespace may change), is the text of one element
 *   of the page's document body and appears literally in the page's visible text; the title is in <h1>;
 * - the document body holds only p/h2–h6 elements with class/id attributes (no em, code, a, html…
 *   made from the source);
 * - no page of the scratch build has an element the normal build never has (no <component>, iframe,
 *   img…), a <script> that is not one of the site's own (compared with the normal build), an on*
 *   attribute or a javascript: URL.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import fc from 'fast-check';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { normaliseSpaces } from '../../scripts/ingest/clean';
import { DOC_NUMBER_ANY, isStructuralStart, matchMarker } from '../../scripts/ingest/patterns';
import { htmlFiles, loadPage, type El, type Page } from '../helpers/html';
import { buildScratchProject, makeScratchProject, removeScratch, runIngestCli, scratchDir } from '../helpers/scratch-build';

const SEED = 8_2026;
const SAMPLES = 24;

/** Fragments that are code or markup in MDX, HTML, JS or markdown. */
const SYNTAX = [
  '{', '}', '{x}', '{{a.b}}', '{/* c */}', '{...props}', '${x}', '${a + b}', '<script>alert(1)</script>', '<script src="x.js"></script>',
  '<Component />', '<Foo bar="1">', '<Foo.Bar />', '<x-y>', '<>', '</>', '</main>', '</body>', '<!-- c -->', '<!--', '-->',
  '<iframe src="https://example.com"></iframe>', '<img src=x onerror=alert(1)>', '<svg onload=alert(1)>', '<a href="javascript:alert(1)">点此</a>',
  '<div onclick="alert(1)">', '<style>body{display:none}</style>', '<br>', 'import x from \'y\'', 'import {a} from "b"', 'export const a = 1',
  'export default {}', '`code`', '``', '```', '```js', '~~~', 'javascript:alert(1)', '[a](javascript:alert(1))', '[链接](https://example.com)',
  '![图](x.png)', '<https://example.com>', 'https://example.com/a?b=1', 'www.example.com', 'a@example.com', '&lt;', '&amp;', '&#123;', '&#x3C;',
  '&nbsp;', '\\', '\\{', '*强调*', '_x_', '~~删~~', '[^1]', '$$', ':::note', '| a | b |', '<?php ?>', '<![CDATA[x]]>', '\'"', 'alert`1`',
];
const CJK = ['通知', '法治政府', '行政执法', '依法行政', '，', '。', '：', '；', '、', '“', '”', '《', '》', '（', '）', '2023年', '第3条', '示范创建', '推进'];
/** How a paragraph may begin: Chinese words or syntax (never a numbering marker, #/- list marks or 附件/联系人 labels). */
const LEADS = [
  '为落实', '各单位要', '坚持', '按照', '据悉，', 'import x from "y" ', 'export const a = 1 ', 'export default ', '{x}', '{{a}}', '<script>',
  '<Component />', '`code`', '```', '<!-- c -->', '</main>', 'javascript:alert(1) ', '${x}', '&lt;', '> 引用', '#标签', '<div>', '[a](b)', '</script>', 'www.example.com ',
];
/** Short syntax for titles and headings (which must stay short lines without sentence punctuation). */
const SHORT = ['{x}', '{{a}}', '<Component />', '`code`', '${x}', '&lt;', '</main>', '<script>', '</script>', '<!--', '<!-- c -->', '*强调*', 'import x'];
const LEAD_PHRASES = ['加强组织领导。', '明确工作责任。', '强化督促检查。', '做好宣传引导。', '严格规范执法。'];
const TOPICS = ['法治政府建设', '行政执法', '示范创建', '普法宣传', '政务公开'];
const COUNTIES = ['测试县', '示例县', '样本县', '模拟县'];
const CN = ['一', '二', '三', '四'];

const fragment = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SYNTAX) },
  { weight: 3, arbitrary: fc.constantFrom(...CJK) },
  { weight: 2, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
);

/** One line of text: no line/cell breaks, no control characters (decode refuses those). */
function oneLine(s: string): string {
  return s.replace(/[\r\n\t\v\f\u0085\u2028\u2029]/g, ' ').replace(/\p{Cc}|\ufeff/gu, '');
}

/**
 * Inputs the ingest legitimately treats as structure or artefacts (clean.ts ARTEFACTS, patterns.ts)
 * are not paragraphs: those are left out of the sample, not "corrected" in the expectation.
 */
function isPlainParagraph(p: string): boolean {
  return (
    !matchMarker(p) &&
    !isStructuralStart(p) &&
    !/^(?:#{1,6}\s|[-*+]\s)/.test(p) && // markdown-heading / markdown-list prefixes (removed by clean)
    !/\*\*[^*\n]+?\*\*/.test(p) && // markdown-bold (unwrapped by clean)
    !/\[bookmark:/.test(p) && // word-bookmark (removed by clean)
    !new RegExp(DOC_NUMBER_ANY.source).test(p) && // a cited 文号 becomes a link on purpose
    !/\d{7}/.test(p) // a mobile number is masked on purpose (rehypeMaskMobile)
  );
}

const paragraph = fc
  .tuple(fc.constantFrom(...LEADS), fc.array(fragment, { minLength: 2, maxLength: 10 }))
  .map(([lead, xs]) => oneLine(lead + xs.join('')).trim() + '。')
  .filter(isPlainParagraph);

type Block = { kind: 'para'; text: string } | { kind: 'item'; lead: string; body: string };
interface Sample {
  file: string;
  issuer: string;
  title: string;
  docNumber: string;
  intro: string;
  sections: { heading: string; blocks: Block[] }[];
  date: string;
}

const block: fc.Arbitrary<Block> = fc.oneof(
  paragraph.map((text) => ({ kind: 'para' as const, text })),
  fc.tuple(fc.constantFrom(...LEAD_PHRASES), paragraph).map(([lead, body]) => ({ kind: 'item' as const, lead, body })),
);
const section = fc
  .tuple(fc.constantFrom(...TOPICS), fc.constantFrom(...SHORT), fc.array(block, { minLength: 1, maxLength: 3 }))
  .map(([topic, s, blocks]) => ({ heading: `${topic}${s}工作要求`, blocks }));
const notice = fc.record({
  county: fc.constantFrom(...COUNTIES),
  topic: fc.constantFrom(...TOPICS),
  short: fc.constantFrom(...SHORT),
  intro: paragraph,
  sections: fc.array(section, { minLength: 1, maxLength: 3 }),
  month: fc.integer({ min: 1, max: 12 }),
  day: fc.integer({ min: 1, max: 28 }),
});

function samples(): Sample[] {
  return fc.sample(notice, { seed: SEED, numRuns: SAMPLES }).map((n, i) => ({
    file: `random-${String(i + 1).padStart(3, '0')}.txt`,
    issuer: `${n.county}法治政府建设领导小组办公室`,
    title: `关于做好${n.topic}${n.short}工作的通知`,
    docNumber: `测法政办〔2023〕${i + 1}号`,
    intro: n.intro,
    sections: n.sections,
    date: `2023年${n.month}月${n.day}日`,
  }));
}

/** The notice as a county would receive it (plain text, blank lines between blocks). */
function noticeText(s: Sample): string {
  const lines = [s.issuer, s.title, s.docNumber, '各乡镇人民政府，县直各单位：', s.intro];
  let item = 0;
  s.sections.forEach((sec, k) => {
    lines.push(`${CN[k]}、${sec.heading}`);
    for (const b of sec.blocks) lines.push(b.kind === 'para' ? b.text : `${++item}.${b.lead}${b.body}`);
  });
  lines.push(s.issuer, s.date);
  return lines.join('\n\n') + '\n';
}

/** The body blocks a reader must see, as written in the source (before clean's space normalisation). */
function expectedBlocks(s: Sample): string[] {
  const out = [s.docNumber, '各乡镇人民政府，县直各单位：', s.intro];
  let item = 0;
  s.sections.forEach((sec, k) => {
    out.push(`${CN[k]}、${sec.heading}`);
    for (const b of sec.blocks) {
      if (b.kind === 'para') out.push(b.text);
      else out.push(`${++item}.${b.lead}`, b.body); // a numbered item: its lead phrase is a heading, the rest a paragraph
    }
  });
  out.push(s.issuer, s.date);
  return out;
}

/** Space normalisation of clean.ts — checked here to change nothing but whitespace. */
function normalised(raw: string): string {
  const n = normaliseSpaces(raw).trim();
  expect(n.replace(/\s+/g, ''), `clean may only change whitespace in ${JSON.stringify(raw)}`).toBe(raw.replace(/\s+/g, ''));
  return n;
}

/** Text a reader sees: no script/style/template content, nothing under [hidden]. */
function visibleText(p: Page, root: El): string {
  const walk = (n: El | { nodeName: string; value?: string; childNodes?: unknown[] }): string => {
    if (n.nodeName === '#text') return (n as { value: string }).value;
    if ('tagName' in n) {
      if (['script', 'style', 'template', 'noscript'].includes(n.tagName)) return '';
      if (p.attr(n, 'hidden') !== undefined) return '';
    }
    return ((n as { childNodes?: El[] }).childNodes ?? []).map(walk).join('');
  };
  return walk(root);
}

function decoded(href: string): string {
  try {
    return decodeURIComponent(href);
  } catch {
    return href;
  }
}

const hasClass = (p: Page, el: El, c: string) => (p.attr(el, 'class') ?? '').split(/\s+/).includes(c);
/** A script of the site: its src, its inline code — or, for a JSON data block, its type and id (the data varies with the content). */
const isData = (p: Page, el: El) => /json/.test(p.attr(el, 'type') ?? '');
const scriptKey = (p: Page, el: El) =>
  p.attr(el, 'src') !== undefined ? `src:${p.attr(el, 'src')}` : isData(p, el) ? `data:${p.attr(el, 'type')}#${p.attr(el, 'id') ?? ''}` : `inline:${p.text(el)}`;

describe('text is data through ingest AND astro build (fast-check, one build)', () => {
  const list = samples();
  let work = '';
  let dist = '';
  let docs: { id: string; source: { file: string } }[] = [];

  beforeAll(() => {
    work = scratchDir('cjzl-text-is-data-');
    const sources = join(work, 'sources');
    const out = join(work, 'out');
    mkdirSync(sources);
    for (const s of list) writeFileSync(join(sources, s.file), noticeText(s));
    let t = Date.now();
    const ingest = runIngestCli(sources, out);
    if (ingest.status !== 0) throw new Error(`ingest failed (status ${ingest.status}):\n${ingest.stdout}\n${ingest.stderr}`);
    const ingestMs = Date.now() - t;
    docs = JSON.parse(readFileSync(join(out, 'content/data/documents.json'), 'utf8'));
    const proj = makeScratchProject(join(out, 'content'), work);
    dist = join(proj, 'dist');
    t = Date.now();
    const { ms } = buildScratchProject(proj, dist);
    const paragraphs = list.reduce((n, s) => n + 1 + s.sections.reduce((m, sec) => m + sec.blocks.length, 0), 0);
    console.log(
      `[text-is-data-build] seed ${SEED}: ${list.length} notices, ${paragraphs} random paragraphs; ingest ${(ingestMs / 1000).toFixed(1)} s; ` +
        `astro build ${(ms / 1000).toFixed(1)} s (incl. waiting for the build lock); ${htmlFiles(dist).length} pages`,
    );
  }, 900_000);

  afterAll(() => {
    if (work) removeScratch(work);
  });

  it('the ingest publishes every generated notice as one document, at 100% coverage', () => {
    for (const s of list) expect(docs.filter((d) => d.source.file === s.file).length, s.file).toBe(1);
    expect(docs.length).toBe(SAMPLES);
  });

  it('every paragraph, heading and closing line of every notice is on its page as the same text, and the body holds no markup from the source', () => {
    let checked = 0;
    const autolinks: string[] = [];
    for (const s of list) {
      const id = docs.find((d) => d.source.file === s.file)!.id;
      const p = loadPage(dist, `documents/${id}/index.html`);
      const main = p.all('main')[0]!;
      const visible = visibleText(p, main);
      const h1 = p.all('h1', main)[0]!;
      expect(p.text(h1), `${s.file}: title`).toContain(normalised(s.title));
      const body = p.all('div', main).find((d) => hasClass(p, d, 'doc-body'));
      expect(body, `${s.file}: the page has a document body`).toBeTruthy();
      const blocks = p.all('*', body!).filter((e) => e !== body);
      // Only the structure the ingest makes: paragraphs and headings, with class/id — and the
      // team's one accepted exception (tests/ingest/emit.test.ts): remark-gfm turns a bare web or
      // e-mail address into a link, href http(s)/mailto made from the text itself, nothing else.
      const tags = [...new Set(blocks.map((e) => e.tagName))].sort();
      expect(tags.filter((t) => !/^(p|h[2-6]|a)$/.test(t)), `${s.file}: elements in the body`).toEqual([]);
      const attrs = [...new Set(blocks.flatMap((e) => e.attrs.map((a) => `${e.tagName === 'a' ? 'a' : 'block'}.${a.name}`)))];
      expect(attrs.filter((a) => !['block.class', 'block.id', 'a.href'].includes(a)), `${s.file}: attributes in the body`).toEqual([]);
      for (const a of blocks.filter((e) => e.tagName === 'a')) {
        const href = p.attr(a, 'href') ?? '';
        const text = p.text(a);
        expect(href, `${s.file}: link ${JSON.stringify(text)}`).toMatch(/^(https?:\/\/|mailto:)/);
        expect([text, `http://${text}`, `mailto:${text}`], `${s.file}: link href ${href}`).toContain(decoded(href));
        autolinks.push(`${s.file}: ${JSON.stringify(text)} → ${href}`);
      }
      const texts = blocks.map((e) => p.text(e));
      for (const raw of expectedBlocks(s)) {
        const want = normalised(raw);
        const hint = `${s.file}: source ${JSON.stringify(raw)}\nexpected ${JSON.stringify(want)}\npage body:\n${texts.map((x) => JSON.stringify(x)).join('\n')}`;
        expect(texts, hint).toContain(want);
        expect(visible.includes(want), hint).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(SAMPLES * 5);
    console.log(`[text-is-data-build] ${checked} blocks found as the same text; ${autolinks.length} GFM autolink(s) of bare addresses, e.g.\n  ${autolinks.slice(0, 3).join('\n  ')}`);
  });

  it('no page of the build has an element, script, event handler or javascript: URL that came from the source', () => {
    const normal = inject('distDir');
    expect(normal, 'this test compares with the site build of tests/setup/build.ts (do not set CJZL_SKIP_BUILD)').toBeTruthy();
    // What the site itself puts on its pages (the normal build of the committed content), per
    // section: a scratch page may only hold elements the normal build's pages of its section hold
    // (documents/… pages never have an <iframe>; the about page embeds one on purpose).
    const section = (f: string) => (f.includes('/') ? f.slice(0, f.indexOf('/')) : '');
    // The site's own emblem in the header (an <img class="emblem" src="…/emblem.svg" alt="">, no other
    // attribute) is the site's, on every page: not counted as an element pages may hold.
    const siteEmblem = (e: { tagName: string; attrs: { name: string; value: string }[] }) =>
      e.tagName === 'img' &&
      e.attrs.every((a) => ['class', 'src', 'alt', 'width', 'height'].includes(a.name)) &&
      e.attrs.some((a) => a.name === 'class' && a.value === 'emblem') &&
      e.attrs.some((a) => a.name === 'src' && /(?:^|\/)emblem\.svg$/.test(a.value));
    const siteTags = new Map<string, Set<string>>();
    const siteScripts = new Set<string>();
    for (const f of htmlFiles(normal)) {
      const p = loadPage(normal, f);
      const tags = siteTags.get(section(f)) ?? new Set<string>();
      for (const e of p.all('*')) if (!siteEmblem(e)) tags.add(e.tagName);
      siteTags.set(section(f), tags);
      for (const e of p.all('script')) siteScripts.add(scriptKey(p, e));
    }
    const docTags = siteTags.get('documents')!;
    for (const t of ['component', 'iframe', 'img', 'foo', 'foo.bar', 'x-y', 'style', 'em', 'code']) expect(docTags.has(t), `normal document pages have no <${t}>`).toBe(false);
    const pages = htmlFiles(dist);
    expect(pages.filter((f) => f.startsWith('documents/')).length).toBeGreaterThanOrEqual(SAMPLES);
    const found: string[] = [];
    for (const f of pages) {
      const p = loadPage(dist, f);
      const allowed = siteTags.get(section(f)) ?? new Set<string>();
      for (const e of p.all('*')) {
        if (!allowed.has(e.tagName) && !siteEmblem(e)) found.push(`${f}: <${e.tagName}>`);
        for (const a of e.attrs) {
          if (/^on/i.test(a.name)) found.push(`${f}: <${e.tagName} ${a.name}="${a.value}">`);
          if (/^\s*(?:javascript|vbscript|data):/i.test(a.value)) found.push(`${f}: <${e.tagName} ${a.name}="${a.value}">`);
        }
      }
      for (const e of p.all('script')) {
        if (!siteScripts.has(scriptKey(p, e))) found.push(`${f}: script ${scriptKey(p, e).slice(0, 120)}`);
        // A JSON data block holding the notices' text stays one valid JSON value that cannot end its <script>.
        if (isData(p, e)) {
          const raw = p.text(e);
          if (/<\/|<!--/i.test(raw)) found.push(`${f}: data script ${p.attr(e, 'id')} holds "</" or "<!--"`);
          try {
            JSON.parse(raw);
          } catch {
            found.push(`${f}: data script ${p.attr(e, 'id')} is not valid JSON`);
          }
        }
      }
    }
    expect(found).toEqual([]);
    // The source text really was hostile: the built document pages show it as text.
    const shown = list.filter((s) => {
      const id = docs.find((d) => d.source.file === s.file)!.id;
      return readFileSync(join(dist, `documents/${id}/index.html`), 'utf8').includes('&lt;');
    });
    expect(shown.length).toBeGreaterThan(SAMPLES / 2);
  });
});
