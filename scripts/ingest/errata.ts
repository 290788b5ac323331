/**
 * Errata — explicit OCR corrections from content/errata.yaml, applied at ingest.
 *
 *   - file: 000_f1c3323b8e7f9c89.txt
 *     original: 就民式执法
 *     corrected: 扰民式执法
 *     reason: OCR misread 扰 as 就
 *     line: 129          # optional: only this line
 *
 * Every occurrence in the file (or on the given line) is replaced; each replacement is
 * recorded with its line so the document can mark the corrected span (校). An erratum
 * whose original text is not found stops the ingest with file and text.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { IngestError } from './errors';

export interface Erratum {
  file: string;
  original: string;
  corrected: string;
  reason: string;
  line?: number;
}

export interface AppliedErratum extends Erratum {
  line: number;
}

const ERRATA_FILE = 'content/errata.yaml';

export function parseErrata(yamlText: string, path = ERRATA_FILE): Erratum[] {
  let data: unknown;
  try {
    data = parse(yamlText);
  } catch (e) {
    const line = (e as { linePos?: { line: number }[] }).linePos?.[0]?.line;
    throw new IngestError({ code: 'errata-file', file: path, line, detail: String((e as Error).message), expected: 'valid YAML', action: 'fix the YAML syntax of the errata file' });
  }
  if (data == null) return [];
  if (!Array.isArray(data)) {
    throw new IngestError({ code: 'errata-file', file: path, expected: 'a YAML list of {file, original, corrected, reason}', action: 'write each correction as a list item starting with "- file:"' });
  }
  return data.map((raw, i) => {
    const e = raw as Record<string, unknown>;
    for (const k of ['file', 'original', 'corrected', 'reason'] as const) {
      if (typeof e?.[k] !== 'string' || !(e[k] as string).length) {
        throw new IngestError({
          code: 'errata-file',
          file: path,
          detail: `entry ${i + 1} has no "${k}"`,
          expected: 'every erratum to have file, original, corrected and reason (non-empty text)',
          action: `add "${k}:" to entry ${i + 1}`,
        });
      }
    }
    if (/\n/.test(e.original as string)) {
      throw new IngestError({ code: 'errata-file', file: path, detail: `entry ${i + 1}: original spans lines`, expected: 'an original text within one line', action: 'split the correction into one erratum per line' });
    }
    const out: Erratum = { file: e.file as string, original: e.original as string, corrected: e.corrected as string, reason: e.reason as string };
    if (typeof e.line === 'number') out.line = e.line;
    return out;
  });
}

export function loadErrata(path = ERRATA_FILE): Erratum[] {
  if (!existsSync(path)) return [];
  return parseErrata(readFileSync(path, 'utf8'), path);
}

/** Apply the errata of one file to its decoded text. Throws when an original is not found. */
export function applyErrata(text: string, file: string, errata: Erratum[]): { text: string; applied: AppliedErratum[] } {
  if (!errata.length) return { text, applied: [] };
  const lines = text.split('\n');
  const applied: AppliedErratum[] = [];
  for (const e of errata) {
    let found = 0;
    lines.forEach((l, i) => {
      if (e.line !== undefined && e.line !== i + 1) return;
      if (!l.includes(e.original)) return;
      const n = l.split(e.original).length - 1;
      lines[i] = l.split(e.original).join(e.corrected);
      for (let k = 0; k < n; k++) applied.push({ ...e, line: i + 1 });
      found += n;
    });
    if (!found) {
      throw new IngestError({
        code: 'erratum-not-found',
        file,
        line: e.line,
        detail: `content/errata.yaml: original text "${e.original}" (→ "${e.corrected}") is not in the file`,
        expected: 'the original text of every erratum to occur in its file',
        action: 'correct the "original" in content/errata.yaml (copy it from the source), or delete the erratum if the source was fixed',
      });
    }
  }
  return { text: lines.join('\n'), applied };
}
