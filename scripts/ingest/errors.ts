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
  | 'conflict' // the same notice twice in different versions (link.ts conflictError)
  | 'duplicate-record' // two sources give an extractor the same record (one notice is probably a duplicate)
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

/** A place in a source, for messages. */
export interface SourcePlace {
  file: string;
  line: number;
}

/**
 * What an extractor throws when two places in the sources would give the same record (the same id,
 * or two tables of a kind the corpus holds once). The ingest drops duplicate notices before any
 * extractor runs, so this is a safety net; `extractorError` turns it into a message staff can act on.
 */
export class RecordCollision extends Error {
  readonly collection: string;
  readonly what: string;
  readonly places: SourcePlace[];
  readonly detail?: string;
  constructor(init: { collection: string; what: string; places: SourcePlace[]; detail?: string }) {
    super(`${init.what} comes from ${init.places.length} places: ${init.places.map((p) => `${p.file}:${p.line}`).join(', ')}${init.detail ? ` (${init.detail})` : ''}`);
    this.name = 'RecordCollision';
    this.collection = init.collection;
    this.what = init.what;
    this.places = init.places;
    this.detail = init.detail;
  }
}

const PLACE = /([^\s(),;:'"]+\.(?:txt|md|docx))(?::| line )(\d+)/g;

/**
 * An exception from a registered extractor → the IngestError the report prints. Two sources giving
 * the same record (RecordCollision, or any message about a duplicate/colliding id that names source
 * places) is explained in plain words with both places; anything else is a fault of that extractor.
 */
export function extractorError(name: string, e: unknown): IngestError {
  const message = (e as Error)?.message ?? String(e);
  let places: SourcePlace[] = [];
  let what = `a "${name}" record`;
  let note = message;
  if (e instanceof RecordCollision) {
    places = [...e.places];
    what = e.what;
    note = e.detail ?? e.collection;
  } else if (/duplicate|collide/i.test(message)) {
    for (const m of message.matchAll(PLACE)) places.push({ file: m[1]!, line: Number(m[2]) });
    places = places.filter((p, i) => places.findIndex((q) => q.file === p.file && q.line === p.line) === i);
  }
  places.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  if (places.length >= 2) {
    const named = places.map((p) => `${p.file}:${p.line}`);
    const list = `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}`;
    return new IngestError({
      code: 'duplicate-record',
      file: places[1]!.file,
      line: places[1]!.line,
      detail: `${what} comes ${places.length === 2 ? 'twice' : `${places.length} times`}, from ${list} (extractor "${name}": ${note})`,
      expected: 'each notice in content/sources/ once',
      action:
        `one of these notices is probably a duplicate of the other (the same notice twice, in one file or in two, or an old and a revised version): ` +
        `remove the copy that should not be published from content/sources/ and run the ingest again. If they really are different notices, report it with this message`,
      cause: e,
    });
  }
  return new IngestError({
    code: 'extractor',
    file: `scripts/ingest/extractors (${name})`,
    detail: `extractor "${name}" threw: ${message}`,
    expected: 'every extractor to return its records',
    action: `this is a fault in the ingest program, not in a source file: report it with this message (developers: fix the "${name}" extractor, stack below)`,
    cause: e,
  });
}
