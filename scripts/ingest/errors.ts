/**
 * IngestError: the one error type every ingest stage throws for bad input.
 * It always names the file, the line when known, what was expected and what to do,
 * so staff who drop a notice into content/sources/ can act on the message.
 */
export type IngestErrorCode =
  | 'empty' // the file has no text
  | 'binary' // NUL bytes or not text at all
  | 'undecodable' // bytes that no supported encoding decodes cleanly
  | 'too-large' // above the size limit
  | 'unsupported-format' // extension we do not read
  | 'docx' // a .docx that could not be read
  | 'unreadable' // a .pdf/.doc/.html its reader cannot open (corrupt, encrypted, not what its name says)
  | 'erratum-not-found' // content/errata.yaml names text the file does not contain
  | 'errata-file' // content/errata.yaml itself is malformed
  | 'extractor' // --strict: an extractor skipped part of a notice or failed on one file (a warning otherwise)
  | 'conflict' // --strict: the same 发文字号 in two versions (link.ts conflictWarning; a warning otherwise)
  | 'duplicate-record' // --strict: a record id came twice (a fault of the ingest; a warning otherwise)
  | 'output'; // emitted output failed its own check

export interface IngestErrorInit {
  code: IngestErrorCode;
  file: string;
  line?: number;
  expected: string;
  action: string;
  detail?: string;
  cause?: unknown;
}

export class IngestError extends Error {
  readonly code: IngestErrorCode;
  readonly file: string;
  readonly line?: number;
  readonly expected: string;
  readonly action: string;
  readonly detail?: string;

  constructor(init: IngestErrorInit) {
    const where = init.line ? `${init.file}:${init.line}` : init.file;
    super(
      `${where}: ${init.detail ? init.detail + ' — ' : ''}expected ${init.expected}. What to do: ${init.action}`,
      init.cause ? { cause: init.cause } : undefined,
    );
    this.name = 'IngestError';
    this.code = init.code;
    this.file = init.file;
    this.line = init.line;
    this.expected = init.expected;
    this.action = init.action;
    this.detail = init.detail;
  }
}

export function isIngestError(e: unknown): e is IngestError {
  return e instanceof IngestError;
}

/**
 * A warning of the ingest report: something in one notice was not published (a second version of a
 * notice, a table or numbering an extractor could not read, an extractor that failed on one file),
 * while everything else was. Names the file, the line, what happened and what to do. The CLI prints
 * every warning at the end of the report; `--strict` turns them into errors (`warningError`).
 */
export interface IngestWarning {
  /** Why: a skipped version of a notice, a part an extractor skipped, an extractor that failed on one file, a record id that came twice. */
  code: 'conflict' | 'extractor' | 'skipped' | 'duplicate-record';
  file: string;
  line: number;
  /** What happened (names every place involved). */
  detail: string;
  action: string;
  /** The extractor that skipped something (absent for the link stage). */
  extractor?: string;
}

/** One line of the report: `WARNING file:line what — what to do`. */
export function formatWarning(w: IngestWarning): string {
  return `WARNING ${w.file}:${w.line} ${w.extractor ? `[${w.extractor}] ` : ''}${w.detail} — what to do: ${w.action}`;
}

/** `--strict`: a warning becomes an error with the same file, line and advice. */
export function warningError(w: IngestWarning): IngestError {
  return new IngestError({
    code: w.code === 'skipped' ? 'extractor' : w.code,
    file: w.file,
    line: w.line,
    detail: `${w.extractor ? `[${w.extractor}] ` : ''}${w.detail} (a warning, an error under --strict)`,
    expected: 'every part of every notice to be published',
    action: w.action,
  });
}

