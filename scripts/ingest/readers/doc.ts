/**
 * .doc (Word 97–2003, an OLE compound file) — word-extractor (pure JavaScript, no Office needed).
 *
 * The body text as Word stores it: one paragraph per line; a table row's cells end with a cell mark
 * that word-extractor turns into a tab, so a row becomes one tab-separated line (the trailing tab of
 * the row mark is dropped). Footnotes and endnotes follow the body after a blank line (nothing of the
 * notice is dropped). Running headers and footers (getHeaders) are page furniture: their non-blank
 * lines are counted as 'doc-header-footer', not kept. Text is kept as written (filterUnicode: false:
 * word-extractor would otherwise turn “” and — into ASCII).
 */
import WordExtractor from 'word-extractor';
import { noWordText } from '../docx';
import { IngestError } from '../errors';
import { count, type Reader } from './types';

function lines(s: string): string[] {
  return s.replace(/\r\n?/g, '\n').split('\n');
}

export async function docToText(bytes: Uint8Array, file: string): Promise<{ text: string; artefacts: Record<string, number> }> {
  let doc;
  try {
    doc = await new WordExtractor().extract(Buffer.from(bytes));
  } catch (e) {
    throw new IngestError({
      code: 'unreadable',
      file,
      detail: `not a readable Word 97–2003 document (${(e as Error)?.message ?? String(e)})`,
      expected: 'a .doc saved by Word or WPS',
      action: 'open it in Word/WPS and "Save as" .docx, or save it as UTF-8 text (.txt)',
      cause: e,
    });
  }
  const opts = { filterUnicode: false };
  // A row ends with its last cell mark and the row mark (two tabs): one goes. A blank line before and
  // after a table keeps it apart from the paragraphs around it (as the .docx reader writes tables).
  const body: string[] = [];
  for (const raw of lines(doc.getBody(opts))) {
    const row = raw.includes('\t');
    const l = row ? raw.replace(/\t$/, '') : raw;
    const prevRow = body.length > 0 && body[body.length - 1]!.includes('\t');
    if (row !== prevRow && body.length && body[body.length - 1] !== '') body.push('');
    body.push(l);
  }
  const notes = [doc.getFootnotes(opts), doc.getEndnotes(opts)].filter((s) => s.trim());
  const artefacts: Record<string, number> = {};
  count(artefacts, 'doc-header-footer', lines(doc.getHeaders({ ...opts, includeFooters: true })).filter((l) => l.trim()).length);
  const text = [...body, ...notes.flatMap((n) => ['', ...lines(n)])].join('\n').replace(/\n{3,}/g, '\n\n').trim() + '\n';
  if (!text.trim()) throw noWordText(file);
  return { text, artefacts };
}

export const docReader: Reader = {
  format: 'doc',
  label: 'Word 97–2003 document (.doc)',
  async read(bytes, { file }) {
    const { text, artefacts } = await docToText(bytes, file);
    return { text, encoding: 'DOC (word-extractor)', artefacts };
  },
};
