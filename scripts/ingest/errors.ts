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
  | 'erratum-not-found' // content/errata.yaml names text the file does not contain
  | 'errata-file' // content/errata.yaml itself is malformed
  | 'extractor' // a registered extractor threw
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
