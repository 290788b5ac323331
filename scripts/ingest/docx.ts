/** .docx → text placeholder (filled below). */
export async function docxToText(_bytes: Uint8Array, _file: string): Promise<string> {
  throw new Error('docx: not yet');
}
export function docxToTextSync(_bytes: Uint8Array, _file: string): string {
  throw new Error('docx: not yet');
}
