/**
 * .pdf with a text layer — unpdf (a serverless build of Mozilla's pdf.js).
 *
 * pdf.js gives text items with positions; lines are rebuilt from them:
 *   - items grouped into lines by their baseline (y), ordered by x; the space between two items
 *     is kept only between Latin letters/digits (never next to a Chinese character);
 *   - lines grouped into paragraphs: a larger vertical gap than the page's usual line pitch, a
 *     first-line indent, or a previous line that stops well short of the right margin ends a
 *     paragraph. One paragraph becomes one line of the decoded text, paragraphs are separated by
 *     a blank line (the convention of every other reader);
 *   - running headers and footers are removed and counted: lines in the top or bottom margin band
 *     of a page that are page numbers (— 1 —, -1-, 1, 1/3, 第1页 共3页, Page 1 of 3) or that repeat
 *     on several pages (digits ignored).
 * A PDF without a text layer (a scan) is refused: it says so and what to do (OCR first, or send the
 * .docx).
 */
import { getDocumentProxy } from 'unpdf';
import { IngestError } from '../errors';
import { count, type Reader } from './types';

interface Item {
  str: string;
  x: number;
  y: number;
  w: number;
  size: number;
}

interface Line {
  text: string;
  x: number;
  right: number;
  y: number;
  size: number;
}

interface Page {
  lines: Line[];
  width: number;
  height: number;
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/;

/** Page numbers as printed in running headers/footers. */
export const PAGE_NUMBER = /^(?:[—–\-－~～]*\s*\d{1,4}\s*[—–\-－~～]*|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|共\s*\d{1,4}\s*页\s*第\s*\d{1,4}\s*页|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$/i;

/** Two pieces of one line: a space between them only when both sides are Latin/digits. */
function joinPieces(a: string, b: string, gap: number, size: number): string {
  if (!a) return b;
  const left = a[a.length - 1]!;
  const right = b[0] ?? '';
  if (CJK.test(left) || CJK.test(right)) return a.replace(/\s+$/, '') + b.replace(/^\s+/, '');
  if (/\s$/.test(a) || /^\s/.test(b)) return a + b;
  return gap > size * 0.2 ? `${a} ${b}` : a + b;
}

/** A gap of most of a character or more between two items: a column break or spaced-out words. */
const WIDE = 0.8;

function buildLines(items: Item[]): Line[] {
  const sorted = items.filter((i) => i.str.trim().length) // whitespace items: spacing comes from the positions.sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: Item[][] = [];
  for (const it of sorted) {
    const g = groups[groups.length - 1];
    // Same line: baseline within 40% of the font size of the line's first item.
    if (g && Math.abs(g[0]!.y - it.y) <= Math.max(g[0]!.size, it.size) * 0.4) g.push(it);
    else groups.push([it]);
  }
  const lines: Line[] = [];
  for (const g of groups) {
    g.sort((a, b) => a.x - b.x);
    // Runs of items separated by wide gaps: three or more runs are the cells of a table row (tabs,
    // as every reader writes rows); two are words spaced apart on one line (two ideographic spaces).
    const runs: string[] = [];
    let text = '';
    let end = -Infinity;
    for (const it of g) {
      const gap = it.x - end;
      if (text && gap > it.size * WIDE) {
        runs.push(text);
        text = it.str;
      } else text = joinPieces(text, it.str, gap, it.size);
      end = Math.max(end, it.x + it.w);
    }
    runs.push(text);
    // Spaces between Chinese characters are letter-spacing, not words.
    const cells = runs.map((r) => r.replace(new RegExp(`(?<=${CJK.source})[ \\t]+(?=${CJK.source})`, 'g'), '').trim()).filter((r) => r);
    if (!cells.length) continue;
    const size = Math.max(...g.map((i) => i.size));
    lines.push({ text: cells.join(cells.length >= 3 ? '\t' : '\u3000\u3000'), x: g[0]!.x, right: end, y: g[0]!.y, size });
  }
  return lines;
}

function median(xs: number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** The key under which a running header/footer repeats: digits and spaces ignored. */
const runningKey = (t: string) => t.replace(/[\d\s]+/g, '#');

/** Removes running headers, footers and page numbers from every page; returns the counts. */
function removeRunning(pages: Page[], artefacts: Record<string, number>): void {
  const band = (p: Page, l: Line) => (l.y > p.height * 0.9 ? 'header' : l.y < p.height * 0.1 ? 'footer' : undefined);
  const seen = new Map<string, number>();
  for (const p of pages) {
    const keys = new Set(p.lines.filter((l) => band(p, l)).map((l) => `${band(p, l)}:${runningKey(l.text)}`));
    for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  for (const p of pages) {
    p.lines = p.lines.filter((l) => {
      const where = band(p, l);
      if (!where) return true;
      if (PAGE_NUMBER.test(l.text.replace(/\s+/g, ' ').trim())) {
        count(artefacts, 'pdf-page-number');
        return false;
      }
      if (pages.length > 1 && (seen.get(`${where}:${runningKey(l.text)}`) ?? 0) >= 2) {
        count(artefacts, where === 'header' ? 'pdf-running-header' : 'pdf-running-footer');
        return false;
      }
      return true;
    });
  }
}

/** Lines of all pages → paragraphs (one per output line, blank line between). */
function paragraphs(pages: Page[]): string[] {
  const all = pages.flatMap((p) => p.lines);
  const left = median(all.map((l) => Math.round(l.x)));
  const right = Math.max(...all.map((l) => l.right));
  const out: string[] = [];
  for (const p of pages) {
    const pitches: number[] = [];
    for (let i = 1; i < p.lines.length; i++) pitches.push(p.lines[i - 1]!.y - p.lines[i]!.y);
    const pitch = median(pitches.filter((d) => d > 0)) || 14;
    let para = '';
    for (let i = 0; i < p.lines.length; i++) {
      const l = p.lines[i]!;
      const prev = p.lines[i - 1];
      if (l.text.includes('\t')) {
        // A table row: a line of its own; rows of one table follow each other without blank lines.
        if (para) out.push(para, '');
        para = '';
        if (out.length && out[out.length - 1] === '' && out[out.length - 2]?.includes('\t')) out.pop();
        out.push(l.text, '');
        continue;
      }
      const newPara =
        !prev ||
        prev.text.includes('\t') ||
        prev.y - l.y > pitch * 1.3 || // a gap
        l.x > left + l.size * 1.2 || // first-line indent, or centred
        prev.right < right - prev.size * 2 || // the previous line stops short
        Math.abs(prev.size - l.size) > 0.5; // a change of type size (title, heading)
      if (newPara && para) {
        out.push(para, '');
        para = '';
      }
      para = para ? joinPieces(para, l.text, 1, l.size) : l.text;
    }
    if (para) out.push(para, '');
  }
  return out;
}

async function readPdf(bytes: Uint8Array, file: string): Promise<{ text: string; pages: number; artefacts: Record<string, number> }> {
  let pdf;
  try {
    // pdf.js may take ownership of (detach) the buffer: give it a copy.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  } catch (e) {
    throw new IngestError({
      code: 'unreadable',
      file,
      detail: `not a readable PDF (${(e as Error)?.message ?? String(e)})`,
      expected: 'a PDF file with a text layer',
      action: 'open it in a PDF reader to check it; export it again from Word/WPS as PDF, or send the notice as .docx',
      cause: e,
    });
  }
  try {
    const pages: Page[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const raw of content.items) {
        if (!('str' in raw)) continue;
        const t = raw.transform as number[];
        const size = Math.hypot(t[2]!, t[3]!) || Math.abs(t[3]!) || raw.height || 10;
        items.push({ str: raw.str, x: t[4]! - x0, y: t[5]! - y0, w: raw.width, size });
      }
      pages.push({ lines: buildLines(items), width: x1 - x0, height: y1 - y0 });
    }
    const chars = pages.reduce((s, p) => s + p.lines.reduce((a, l) => a + l.text.replace(/\s/g, '').length, 0), 0);
    if (chars < 10 * pages.length && chars < 50) {
      throw new IngestError({
        code: 'empty',
        file,
        line: 1,
        detail: `the PDF has no text layer (${pages.length} page(s), ${chars} character(s) of text): it is a scan or a picture of the notice`,
        expected: 'a PDF with a text layer (exported from Word/WPS, not scanned)',
        action: 'run OCR on the scan first (and check its text), or send the notice as .docx or .txt',
      });
    }
    const artefacts: Record<string, number> = {};
    removeRunning(pages, artefacts);
    const text = paragraphs(pages).join('\n').replace(/\n{3,}/g, '\n\n').trim() + '\n';
    return { text, pages: pages.length, artefacts };
  } finally {
    await pdf.destroy();
  }
}

export const pdfReader: Reader = {
  format: 'pdf',
  label: 'PDF document (.pdf)',
  async read(bytes, { file }) {
    const { text, pages, artefacts } = await readPdf(bytes, file);
    return { text, encoding: `PDF (unpdf/pdf.js, ${pages} page${pages === 1 ? '' : 's'})`, artefacts };
  },
};
