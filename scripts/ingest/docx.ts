/**
 * .docx → notice text, with mammoth (a well-kept .docx reader).
 *
 * mammoth gives semantic HTML (p, h1–h6, ol/ul/li, table/tr/td, strong/em/a, br); this module
 * turns that HTML into the same plain-text conventions as the .txt seeds, so the rest of the
 * pipeline is shared:
 *   - one paragraph per line (lines of one Word paragraph joined; the segmenter re-joins titles);
 *   - Word's automatic numbering written out as printed (一、 / （一） / 1. / ① … from numbering.xml,
 *     docx-numbering.ts); numbering mammoth still reports as ol/li becomes 1. / （1） by nesting;
 *   - a table row per line, cells separated by tabs (the 'rows' table style), a cell's
 *     paragraphs joined with U+2028 LINE SEPARATOR, which the segmenter turns back into the
 *     cell's '\n' (so "司法局 / 政府办" stay two lines of one cell);
 *   - headings keep only their text (level comes from the numbering, never from styles).
 */
import mammoth from 'mammoth';
import { IngestError } from './errors';
import { CELL_BREAK } from './patterns';
import { materialiseNumbering } from './docx-numbering';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(cp) ? String.fromCodePoint(cp) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

interface Tag {
  name: string;
  close: boolean;
  selfClose: boolean;
}

/** Tokenise mammoth's HTML (it is regular: no comments, no scripts, attributes quoted). */
function* tokens(html: string): Generator<{ tag: Tag } | { text: string }> {
  const re = /<(\/?)([a-zA-Z0-9]+)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*(\/?)>|([^<]+)/g;
  for (const m of html.matchAll(re)) {
    if (m[5] !== undefined) yield { text: decodeEntities(m[5]) };
    else yield { tag: { name: m[2]!.toLowerCase(), close: m[1] === '/', selfClose: m[4] === '/' } };
  }
}

/** mammoth HTML → notice text lines. */
export function htmlToNoticeText(html: string): string {
  const lines: string[] = [];
  let buf = '';
  const lists: { ordered: boolean; n: number }[] = [];
  let row: string[] | null = null;
  let cell: string[] | null = null;
  const flushBlock = () => {
    const t = buf.replace(/[ \t]*\n[ \t]*/g, '\n').trim();
    buf = '';
    if (!t) return;
    if (cell) cell.push(t.replace(/\s*\n\s*/g, CELL_BREAK));
    else lines.push(...t.split('\n'));
  };
  for (const tok of tokens(html)) {
    if ('text' in tok) {
      buf += tok.text.replace(/\t/g, ' ');
      continue;
    }
    const { name, close } = tok.tag;
    switch (name) {
      case 'p':
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6':
        flushBlock();
        break;
      case 'br':
        buf += '\n';
        break;
      case 'ol':
      case 'ul':
        flushBlock();
        if (close) lists.pop();
        else lists.push({ ordered: name === 'ol', n: 0 });
        break;
      case 'li':
        flushBlock();
        if (!close) {
          const l = lists[lists.length - 1];
          if (l?.ordered) {
            l.n++;
            buf += lists.length > 1 ? `（${l.n}）` : `${l.n}.`;
          }
        }
        break;
      case 'table':
        // A blank line before and after a table keeps it apart from the paragraphs around it.
        flushBlock();
        lines.push('');
        break;
      case 'tr':
        flushBlock();
        if (close && row) {
          lines.push(row.join('\t'));
          row = null;
        } else if (!close) row = [];
        break;
      case 'td':
      case 'th':
        if (close) {
          flushBlock();
          row?.push((cell ?? []).join(CELL_BREAK));
          cell = null;
        } else {
          flushBlock();
          cell = [];
        }
        break;
      default:
        break; // strong, em, a, sup, sub, img…: their text only
    }
  }
  flushBlock();
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trim() + '\n';
}

function docxError(file: string, e: unknown): IngestError {
  return new IngestError({
    code: 'docx',
    file,
    detail: `not a readable Word document (${(e as Error)?.message ?? String(e)})`,
    expected: 'a .docx saved by Word or WPS (a zip with word/document.xml)',
    action: 'open it in Word/WPS and "Save as" .docx again, or save it as UTF-8 text (.txt)',
    cause: e,
  });
}

export async function docxToText(bytes: Uint8Array, file: string): Promise<string> {
  let html: string;
  try {
    const numbered = await materialiseNumbering(bytes);
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(numbered) }, { ignoreEmptyParagraphs: true });
    html = result.value;
  } catch (e) {
    throw docxError(file, e);
  }
  const text = htmlToNoticeText(html);
  if (!text.trim()) throw noWordText(file);
  return text;
}

/** The refusal of a Word document (.docx or .doc) without text. */
export function noWordText(file: string): IngestError {
  return new IngestError({
    code: 'empty',
    file,
    line: 1,
    detail: 'the Word document has no text (a scanned image only?)',
    expected: 'a Word document with the text of the notice',
    action: 'use the text version of the notice (OCR a scan first), or replace the file',
  });
}
