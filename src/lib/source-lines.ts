/**
 * What a source's line numbers count. A .txt/.md notice is shown by its own lines; a .docx, .doc,
 * .html or .pdf notice is read into text first (scripts/ingest/readers/), and its line numbers — in
 * "来源：… 第 x–y 行", in errata, in the ingest report — count the lines of that text: one paragraph a
 * line, a table row a line, the portal metadata block of a web page first. The label says so.
 */
const CONVERTED = /\.(?:docx?|html?|shtml|xhtml|pdf)$/i;

/** '' for a text source; "（按转换后的文本计）" for a source the ingest converted to text first. */
export function lineCountNote(file: string): string {
  return CONVERTED.test(file) ? '（按转换后的文本计）' : '';
}

/** "004_….txt 第 12–80 行", "notice.pdf 第 3 行（按转换后的文本计）". */
export function sourceRange(source: { file: string; lines: readonly [number, number] | number[] }): string {
  const [a, b] = source.lines as [number, number];
  return `${source.file} 第 ${a}${b !== a ? `–${b}` : ''} 行${lineCountNote(source.file)}`;
}
