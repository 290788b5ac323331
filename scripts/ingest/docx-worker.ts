/** Child process for docxToTextSync: .docx bytes on stdin → {"text"} or {"error"} on stdout. */
import { docxToText } from './docx';
import { isIngestError } from './errors';

const file = process.argv[2] ?? 'input.docx';
const chunks: Buffer[] = [];
process.stdin.on('data', (c: Buffer) => chunks.push(c));
process.stdin.on('end', () => {
  docxToText(Buffer.concat(chunks), file).then(
    (text) => process.stdout.write(JSON.stringify({ text })),
    (e: unknown) => {
      const err = isIngestError(e) ? { code: e.code, line: e.line, detail: e.detail, expected: e.expected, action: e.action } : { code: 'docx', detail: String((e as Error)?.message ?? e) };
      process.stdout.write(JSON.stringify({ error: err }));
      process.exitCode = 1;
    },
  );
});
