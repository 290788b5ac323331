/** .txt / .md: decode.ts (BOM, UTF-8, GB18030/GBK, UTF-16; CRLF → LF). */
import { decode } from '../decode';
import type { Reader } from './types';

export const textReader: Reader = {
  format: 'text',
  label: 'text file (.txt/.md)',
  async read(bytes, { file, maxBytes }) {
    const d = decode(bytes, { file, maxBytes });
    return { text: d.text, encoding: d.encoding, lineEnding: d.lineEnding };
  },
};
