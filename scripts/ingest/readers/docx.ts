/** .docx (Word 2007+): mammoth, through ../docx.ts (numbering written out, tables as tab-separated rows). */
import { docxToText } from '../docx';
import type { Reader } from './types';

export const docxReader: Reader = {
  format: 'docx',
  label: 'Word document (.docx)',
  async read(bytes, { file }) {
    return { text: await docxToText(bytes, file), encoding: 'DOCX (mammoth)' };
  },
};
