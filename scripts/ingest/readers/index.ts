/**
 * THE table of source formats: which reader reads a file, chosen by its signature (the first bytes:
 * %PDF, a zip holding word/document.xml, an OLE compound file holding a WordDocument stream, an HTML
 * start) and its extension. When they disagree — a .doc that is really a .docx, a page saved as .doc,
 * a PDF named .txt; common in government offices — the signature wins and the report says so (the
 * note is added to the file's encoding label). Formats we do not read are refused here, naming the
 * format and what to do.
 */
import { extname } from 'node:path';
import { tooLarge } from '../decode';
import { IngestError } from '../errors';
import { textReader } from './text';
import type { ReadOptions, ReadResult, Reader } from './types';

/**
 * A reader whose module (and library: mammoth, word-extractor, rehype-parse, unpdf) loads on its
 * first file, so a corpus of text files never loads them (a second of `npm run ingest`'s start).
 */
function lazy(format: string, label: string, load: () => Promise<Reader>): Reader {
  let loaded: Promise<Reader> | undefined;
  return { format, label, read: async (bytes, options) => (await (loaded ??= load())).read(bytes, options) };
}
const docxReader = lazy('docx', 'Word document (.docx)', async () => (await import('./docx')).docxReader);
const docReader = lazy('doc', 'Word 97–2003 document (.doc)', async () => (await import('./doc')).docReader);
const htmlReader = lazy('html', 'web page (.html/.htm)', async () => (await import('./html')).htmlReader);
const pdfReader = lazy('pdf', 'PDF document (.pdf)', async () => (await import('./pdf')).pdfReader);

export type { ReadOptions, ReadResult, Reader } from './types';

export interface Format {
  /** Signature name (what sniff() returns) and/or extensions (lower case, with the dot). */
  name: string;
  extensions: readonly string[];
  /** What it is, for messages. */
  label: string;
  reader?: Reader;
  /** For a format we refuse: what to do instead. */
  refuse?: string;
}

export const FORMATS: readonly Format[] = [
  { name: 'text', extensions: ['.txt', '.md'], label: 'text file', reader: textReader },
  { name: 'docx', extensions: ['.docx'], label: 'Word document (.docx)', reader: docxReader },
  { name: 'doc', extensions: ['.doc'], label: 'Word 97–2003 document (.doc)', reader: docReader },
  { name: 'html', extensions: ['.html', '.htm', '.shtml', '.xhtml'], label: 'web page (.html)', reader: htmlReader },
  { name: 'pdf', extensions: ['.pdf'], label: 'PDF document', reader: pdfReader },
  {
    name: 'ofd',
    extensions: ['.ofd'],
    label: 'OFD document (the national format for e-documents, 版式文件)',
    refuse: 'open it in an OFD reader (e.g. 数科OFD阅读器) and export it as PDF with a text layer or as Word (.docx), or ask the sender for the .docx',
  },
  {
    name: 'wps',
    extensions: ['.wps', '.wpt'],
    label: 'WPS Writer document (.wps)',
    refuse: 'open it in WPS and save it (另存为) as Word .docx, then put the .docx in content/sources/',
  },
  {
    name: 'mht',
    extensions: ['.mht', '.mhtml'],
    label: 'web archive (.mht, a page saved as one file)',
    refuse: 'open it in the browser (or Word) and save it as "Web page, HTML only" (.html), or as .docx',
  },
  {
    name: 'rtf',
    extensions: ['.rtf'],
    label: 'Rich Text Format document (RTF)',
    refuse: 'open it in Word/WPS and save it as .docx',
  },
  {
    name: 'image',
    extensions: ['.jpg', '.jpeg', '.png', '.gif', '.tif', '.tiff', '.bmp', '.webp'],
    label: 'image (a scan or photo of the notice)',
    refuse: 'run OCR on it, check the text and save it as .txt (or with content/errata.yaml for OCR mistakes), or ask the sender for the .docx',
  },
  {
    name: 'office',
    extensions: ['.xls', '.xlsx', '.et', '.ppt', '.pptx', '.dps', '.csv'],
    label: 'spreadsheet or presentation',
    refuse: 'a notice must be a document: copy the table into the notice saved as .docx (tables are kept), or save the notice as .docx/.txt',
  },
  {
    name: 'archive',
    extensions: ['.zip', '.rar', '.7z', '.gz', '.tar'],
    label: 'archive',
    refuse: 'unpack it and put each notice into content/sources/ on its own',
  },
];

const ascii = (bytes: Uint8Array, from: number, to: number) => Buffer.from(bytes.subarray(from, to)).toString('latin1');

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/** The format the first bytes say, or undefined for text and unknown bytes. */
export function sniff(bytes: Uint8Array): string | undefined {
  if (ascii(bytes, 0, 1024).includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // Zip member names are stored as plain bytes in the local headers and the central directory.
    const names = Buffer.from(bytes).toString('latin1');
    if (names.includes('word/document.xml')) return 'docx';
    if (/OFD\.xml/i.test(names)) return 'ofd';
    if (names.includes('xl/workbook') || names.includes('ppt/presentation')) return 'office';
    return 'archive';
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // OLE compound file: a Word document holds a stream named "WordDocument" (UTF-16LE in the directory).
    const dir = Buffer.from(bytes).toString('latin1');
    if (dir.includes('W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0')) return 'doc';
    if (dir.includes('W\0o\0r\0k\0b\0o\0o\0k\0') || dir.includes('P\0o\0w\0e\0r\0P\0o\0i\0n\0t\0')) return 'office';
    return 'ole';
  }
  if (ascii(bytes, 0, 5) === '{\\rtf') return 'rtf';
  if (
    startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) ||
    startsWith(bytes, [0xff, 0xd8, 0xff]) ||
    ascii(bytes, 0, 4) === 'GIF8' ||
    startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) ||
    startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]) ||
    ascii(bytes, 0, 2) === 'BM'
  )
    return 'image';
  // An HTML page: a doctype or <html>/<head>/<meta> first (after a BOM, spaces and comments).
  const head = ascii(bytes, 0, 2048)
    .replace(/^\xef\xbb\xbf/, '')
    .replace(/^(?:\s|<!--[\s\S]*?-->|<\?xml[^>]*>)+/, '');
  if (/^<(?:!doctype\s+html|html[\s>]|head[\s>]|meta\s)/i.test(head)) return 'html';
  return undefined;
}

const byName = new Map(FORMATS.map((f) => [f.name, f]));
const byExtension = new Map(FORMATS.flatMap((f) => f.extensions.map((e) => [e, f] as const)));

/** Extensions of the formats we read (for messages and the README). */
export const READ_EXTENSIONS = FORMATS.filter((f) => f.reader).flatMap((f) => f.extensions);

function refusal(file: string, f: Format, ext: string, bySignature: boolean): IngestError {
  return new IngestError({
    code: 'unsupported-format',
    file,
    detail: `this is ${/^[aeiou]/i.test(f.label) ? 'an' : 'a'} ${f.label}${bySignature && !f.extensions.includes(ext) ? ` (by its first bytes; it is named ${ext || 'without an extension'})` : ''}, which the ingest does not read`,
    expected: `a notice as ${READ_EXTENSIONS.join(', ')}`,
    action: f.refuse!,
  });
}

export interface Choice {
  reader: Reader;
  /** Why the reader differs from the extension, when it does. */
  note?: string;
}

/** The reader for a file: its signature first, then its extension; refuses what we do not read. */
export function chooseReader(file: string, bytes: Uint8Array): Choice {
  const ext = extname(file).toLowerCase();
  const named = byExtension.get(ext);
  const sig = sniff(bytes);
  if (sig === 'ole') {
    const f = named?.name === 'wps' ? named : { name: 'ole', extensions: [], label: 'Office file that is not a Word document', refuse: 'open it in Word/WPS and save the notice as .docx' };
    throw refusal(file, f, ext, true);
  }
  // A zip that is not a Word document but is named .docx: the .docx reader says what is wrong with it.
  if (sig === 'archive' && named?.name === 'docx') return { reader: docxReader };
  const bySig = sig ? byName.get(sig) : undefined;
  // A .wps saved by WPS is an OLE file holding a WordDocument stream: still refused as .wps (WPS's own format).
  if (named?.refuse && (!bySig || named.name === 'wps')) throw refusal(file, named, ext, false);
  if (bySig) {
    if (!bySig.reader) throw refusal(file, bySig, ext, true);
    const note = named !== bySig ? `read as ${bySig.label} by its signature (the file is named ${ext || 'without an extension'})` : undefined;
    return { reader: bySig.reader, ...(note ? { note } : {}) };
  }
  if (named?.reader) {
    // A binary format whose first bytes are not that format: often text saved under the wrong name.
    if (named.name !== 'text' && named.name !== 'html') return { reader: textReader, note: `read as text: the first bytes are not a ${named.label} (the file is named ${ext})` };
    return { reader: named.reader };
  }
  throw new IngestError({
    code: 'unsupported-format',
    file,
    detail: `unknown file type${ext ? ` "${ext}"` : ' (no extension)'}`,
    expected: `a notice as ${READ_EXTENSIONS.join(', ')}`,
    action: 'save the notice as .docx or as text (.txt/.md), or move this file out of content/sources/',
  });
}

/** bytes → decoded text, through the one reader the table chooses. */
export async function readSource(file: string, bytes: Uint8Array, options: Omit<ReadOptions, 'file'>): Promise<ReadResult> {
  if (bytes.length > options.maxBytes) throw tooLarge(file, bytes.length, options.maxBytes);
  const { reader, note } = chooseReader(file, bytes);
  const result = await reader.read(bytes, { file, ...options });
  return note ? { ...result, encoding: `${result.encoding} — ${note}` } : result;
}
