/**
 * The one interface every source format is read through: bytes → decoded text, plus what the
 * reader removed. The decoded text is the notice's "source" from here on: clean, segment, the
 * coverage invariant and every "第 x–y 行" on the site count ITS lines (for a .txt/.md file the
 * file's own lines; for .docx/.doc/.html/.pdf the lines of the text the reader produced).
 */
export interface ReadOptions {
  /** File name, for messages. */
  file: string;
  /** Refuse files larger than this many bytes. */
  maxBytes: number;
}

export interface ReadResult {
  /** The notice text: one paragraph per line, tables as tab-separated rows. LF line ends. */
  text: string;
  /** What was read and how, for the report: 'UTF-8', 'GB18030', 'DOCX (mammoth)', 'PDF (unpdf, 3 pages)', … */
  encoding: string;
  /** Line endings of a text source before they became LF. */
  lineEnding?: string;
  /**
   * What the reader removed that never reaches the decoded text, counted by kind
   * (page chrome of an .html page, running headers and page numbers of a .pdf, …).
   * These join the clean stage's artefact counts in the file's report.
   */
  artefacts?: Record<string, number>;
}

export interface Reader {
  /** Short name of the format: 'text', 'docx', 'doc', 'html', 'pdf'. */
  format: string;
  /** What the format is, for messages ("Word 97–2003 document (.doc)"). */
  label: string;
  read(bytes: Uint8Array, options: ReadOptions): Promise<ReadResult>;
}

/** Adds n to counts[kind]. */
export function count(counts: Record<string, number>, kind: string, n = 1): void {
  if (n > 0) counts[kind] = (counts[kind] ?? 0) + n;
}
