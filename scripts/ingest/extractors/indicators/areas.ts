/**
 * The declared seq → area mapping (scripts/ingest/data/areas.yaml), loaded and checked.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export interface Area {
  no: number;
  marker: string;
  label: string;
}
export interface AreaRule {
  from: number;
  to: number;
  area: number;
  reason: string;
}
export interface AreaMap {
  areas: Area[];
  rules: AreaRule[];
  /** seq → area number, for 三级指标 */
  bySeq: Map<number, number>;
}

export const AREAS_FILE = fileURLToPath(new URL('../../data/areas.yaml', import.meta.url));

function fail(msg: string): never {
  throw new Error(`scripts/ingest/data/areas.yaml: ${msg}`);
}

/** Parses and validates the mapping text. `count` = number of 三级指标 it must cover (1…count). */
const parsedText = new Map<string, unknown>();

export function parseAreaMap(text: string, count = 100): AreaMap {
  // The YAML is parsed once per process (a corpus of many 责任清单 loads it once per list); the
  // parsed document is only read below.
  if (!parsedText.has(text)) parsedText.set(text, parse(text));
  const doc = parsedText.get(text) as { areas?: unknown; mapping?: unknown };
  if (!Array.isArray(doc?.areas)) fail('expected a list `areas:` of { no, marker, label }');
  if (!Array.isArray(doc?.mapping)) fail('expected a list `mapping:` of { seqs, area, reason }');
  const areas: Area[] = doc.areas.map((a: any, i: number) => {
    if (typeof a?.no !== 'number' || typeof a?.label !== 'string' || typeof a?.marker !== 'string') {
      fail(`areas[${i}]: expected { no: number, marker: string, label: string }`);
    }
    return { no: a.no, marker: a.marker, label: a.label };
  });
  const known = new Set(areas.map((a) => a.no));
  const rules: AreaRule[] = doc.mapping.map((m: any, i: number) => {
    const seqs = String(m?.seqs ?? '');
    const r = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(seqs.trim());
    if (!r) fail(`mapping[${i}]: seqs "${seqs}" must be "n" or "n-m"`);
    if (!known.has(m.area)) fail(`mapping[${i}] (seqs ${seqs}): area ${m.area} is not one of the declared areas`);
    if (typeof m.reason !== 'string' || !m.reason.trim()) fail(`mapping[${i}] (seqs ${seqs}): a reason is required`);
    const from = Number(r[1]);
    const to = r[2] ? Number(r[2]) : from;
    if (to < from) fail(`mapping[${i}]: range ${seqs} runs backwards`);
    return { from, to, area: m.area, reason: m.reason.trim() };
  });
  const bySeq = new Map<number, number>();
  for (const rule of rules) {
    for (let s = rule.from; s <= rule.to; s++) {
      if (bySeq.has(s)) fail(`seq ${s} is mapped twice (ranges overlap)`);
      bySeq.set(s, rule.area);
    }
  }
  const missing: number[] = [];
  for (let s = 1; s <= count; s++) if (!bySeq.has(s)) missing.push(s);
  if (missing.length) fail(`seq ${missing.join(', ')} not mapped to any area; add them to a range`);
  const extra = [...bySeq.keys()].filter((s) => s < 1 || s > count);
  if (extra.length) fail(`seq ${extra.join(', ')} mapped but the table has only ${count} 三级指标`);
  return { areas, rules, bySeq };
}

export function loadAreaMap(count = 100, file = AREAS_FILE): AreaMap {
  return parseAreaMap(readFileSync(file, 'utf8'), count);
}
