/**
 * decode — bytes → text.
 *
 * BOM first (UTF-8, UTF-16LE, UTF-16BE); without a BOM, strict UTF-8; otherwise the
 * encoding `chardet` detects, decoded with `iconv-lite` (GB18030 covers GBK and GB2312).
 * CRLF and CR become LF. Empty, binary, undecodable and too-large input is refused with
 * an IngestError naming file, line, what was expected and what to do.
 */
import { analyse } from 'chardet';
import iconv from 'iconv-lite';
import { IngestError } from './errors';

export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;

export interface DecodeOptions {
  /** File name for messages. */
  file: string;
  /** Refuse files larger than this many bytes (default 2 MB: a notice is a few hundred KB at most). */
  maxBytes?: number;
}

export type LineEnding = 'LF' | 'CRLF' | 'CR' | 'mixed' | 'none';

export interface Decoded {
  text: string;
  /** The encoding used: 'UTF-8', 'UTF-8 (BOM)', 'UTF-16LE (BOM)', 'UTF-16BE (BOM)', 'GB18030', … */
  encoding: string;
  lineEnding: LineEnding;
}

const CJK_ENCODINGS = new Set(['GB18030', 'GBK', 'GB2312', 'Big5', 'EUC-JP', 'EUC-KR', 'Shift_JIS', 'ISO-2022-CN']);

function lineOfOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function lineOfIndex(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function detectLineEnding(text: string): LineEnding {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const cr = (text.match(/\r(?!\n)/g) ?? []).length;
  const lf = (text.match(/(?<!\r)\n/g) ?? []).length;
  const kinds = [crlf > 0, cr > 0, lf > 0].filter(Boolean).length;
  if (kinds === 0) return 'none';
  if (kinds > 1) return 'mixed';
  return crlf ? 'CRLF' : cr ? 'CR' : 'LF';
}

/** Share of characters that are U+FFFD or C0/C1 controls other than tab/newline/CR/FF. */
function badCharIndex(text: string): { ratio: number; first: number } {
  let bad = 0;
  let first = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const isBad = c === 0xfffd || c === 0 || (c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || (c >= 0x7f && c < 0xa0);
    if (isBad) {
      bad++;
      if (first < 0) first = i;
    }
  }
  return { ratio: text.length ? bad / text.length : 0, first };
}

function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function cjkShare(text: string): number {
  const nonSpace = text.replace(/\s/g, '');
  if (!nonSpace.length) return 0;
  const cjk = (nonSpace.match(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/g) ?? []).length;
  return cjk / nonSpace.length;
}

/** The refusal of a file above the size limit (every reader checks the size first). */
export function tooLarge(file: string, size: number, maxBytes: number): IngestError {
  return new IngestError({
    code: 'too-large',
    file,
    detail: `the file has ${size} bytes, the limit is ${maxBytes}`,
    expected: `a notice of at most ${maxBytes} bytes`,
    action: 'check that this is a notice and not an archive or a scan; split it, or raise the limit with --max-bytes',
  });
}

export function decode(input: Uint8Array, options: DecodeOptions): Decoded {
  const { file } = options;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const bytes = input;
  if (bytes.length > maxBytes) throw tooLarge(file, bytes.length, maxBytes);
  if (bytes.length === 0) {
    throw new IngestError({
      code: 'empty',
      file,
      line: 1,
      detail: 'the file is empty (0 bytes)',
      expected: 'the text of a notice',
      action: 'export the notice again as text (.txt/.md) or Word (.docx) and replace the file',
    });
  }

  let text: string | undefined;
  let encoding = '';
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    text = strictUtf8(bytes.subarray(3));
    encoding = 'UTF-8 (BOM)';
    if (text === undefined) {
      throw undecodable(file, 'the file starts with a UTF-8 byte-order mark but is not valid UTF-8', bytes, firstBadUtf8(bytes));
    }
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le');
    encoding = 'UTF-16LE (BOM)';
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be');
    encoding = 'UTF-16BE (BOM)';
  } else {
    const nul = bytes.indexOf(0);
    if (nul >= 0) {
      throw new IngestError({
        code: 'binary',
        file,
        line: lineOfOffset(bytes, nul),
        detail: `NUL byte at offset ${nul}: this is a binary file (or UTF-16 without a byte-order mark)`,
        expected: 'a text file (UTF-8, GB18030/GBK or UTF-16 with BOM) or a .docx',
        action: 'open the notice in Word or a text editor and save it as .docx or as UTF-8 text',
      });
    }
    text = strictUtf8(bytes);
    if (text !== undefined) {
      encoding = 'UTF-8';
    } else {
      const candidates = analyse(bytes);
      const top = candidates[0];
      const named = top?.name ?? 'unknown';
      // Chinese office exports are GB18030/GBK; chardet sometimes names a sibling CJK encoding.
      const gb = iconv.decode(Buffer.from(bytes), 'gb18030');
      const gbBad = badCharIndex(gb);
      if ((CJK_ENCODINGS.has(named) || cjkShare(gb) > 0.3) && gbBad.ratio === 0) {
        text = gb;
        encoding = named === 'GB18030' ? 'GB18030' : `GB18030 (chardet: ${named})`;
      } else if (top && iconv.encodingExists(named) && !CJK_ENCODINGS.has(named)) {
        const other = iconv.decode(Buffer.from(bytes), named);
        if (badCharIndex(other).ratio === 0 && cjkShare(other) > 0.3) {
          text = other;
          encoding = named;
        }
      }
      if (text === undefined) {
        throw undecodable(
          file,
          `not valid UTF-8, and neither GB18030 nor the detected ${named} (confidence ${top?.confidence ?? 0}) decodes it cleanly`,
          bytes,
          firstBadUtf8(bytes),
        );
      }
    }
  }

  if (encoding.startsWith('UTF-16')) {
    // UTF-16 must come in whole 2-byte units and pair its surrogates; otherwise it is not text.
    const lone = text.search(LONE_SURROGATE);
    if (lone >= 0 || bytes.length % 2 !== 0) {
      throw new IngestError({
        code: 'undecodable',
        file,
        line: lone >= 0 ? lineOfIndex(text, lone) : undefined,
        detail: lone >= 0 ? `an unpaired UTF-16 surrogate at character ${lone}: the bytes are not valid ${encoding}` : `an odd number of bytes (${bytes.length}) for ${encoding}`,
        expected: 'text in UTF-8 (with or without BOM), GB18030/GBK, or UTF-16 with BOM',
        action: 'open the notice in a text editor or Word and save it as UTF-8 text or .docx',
      });
    }
  }

  const bad = badCharIndex(text);
  if (bad.ratio > 0.01) {
    throw new IngestError({
      code: bad.ratio > 0.1 ? 'binary' : 'undecodable',
      file,
      line: lineOfIndex(text, bad.first),
      detail: `${(bad.ratio * 100).toFixed(1)}% of the characters decoded as ${encoding} are replacement or control characters`,
      expected: 'readable text in UTF-8, GB18030/GBK or UTF-16 with BOM',
      action: 'open the notice in Word or a text editor and save it again as UTF-8 text or .docx',
    });
  }
  const lineEnding = detectLineEnding(text);
  text = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  if (!text.trim()) {
    throw new IngestError({
      code: 'empty',
      file,
      line: 1,
      detail: 'the file holds only whitespace',
      expected: 'the text of a notice',
      action: 'export the notice again and replace the file',
    });
  }
  return { text, encoding, lineEnding };
}

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function firstBadUtf8(bytes: Uint8Array): number {
  // Walk UTF-8 sequences until one is malformed.
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const n = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (!n) return i;
    for (let k = 1; k < n; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += n;
  }
  return -1;
}

function undecodable(file: string, detail: string, bytes: Uint8Array, offset: number): IngestError {
  return new IngestError({
    code: 'undecodable',
    file,
    line: offset >= 0 ? lineOfOffset(bytes, offset) : undefined,
    detail,
    expected: 'text in UTF-8 (with or without BOM), GB18030/GBK, or UTF-16 with BOM',
    action: 'open the notice in a text editor or Word and save it as UTF-8 text or .docx',
  });
}
