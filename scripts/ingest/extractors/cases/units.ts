/**
 * Recognising the unit lines of an exemplary-case article (郑州市二七区城市管理局, 济源黄河河务局 …).
 *
 * A unit line is short, has no sentence punctuation, ends with an organisation word, and starts
 * with a region (resolved through the gazetteer) or names a provincial unit. Decided from the text
 * alone, never from line numbers. When the segmenter has glued a unit line to the paragraph before
 * or after it, splitLeading / splitTrailing recover it.
 */
import { resolveRegion, type RegionResolution } from '../../regions';

/** Words an organisation name ends with (longest first). */
export const ORG_END = ['综合行政执法局', '分局', '局', '委员会', '委', '厅', '办公室', '办', '中心', '院', '大队', '支队', '队', '所', '站', '公司', '政府'];
const ORG_END_RE = new RegExp(`(?:${ORG_END.join('|')})$`, 'u');
const PUNCT = /[。，,；;：:！!？?、“”"（）()《》\s]/u;
const MAX_UNIT = 30;

export interface UnitName {
  name: string;
  region: RegionResolution;
}

/** The unit a line names, or undefined when the line is not a unit line. */
export function unitLine(text: string): UnitName | undefined {
  const name = text.trim();
  const len = [...name].length;
  if (len < 4 || len > MAX_UNIT) return undefined;
  if (PUNCT.test(name) || /\d/.test(name)) return undefined;
  if (!ORG_END_RE.test(name)) return undefined;
  const region = resolveRegion(name);
  if (region.method === 'none') return undefined;
  if (!region.rest) return undefined; // a bare place name is not a unit
  return { name, region };
}

/**
 * A paragraph that starts with a unit name glued to its practice text
 * ('开封市应急局开展减时限…'): the unit and the rest, when the prefix is a unit line.
 * Prefers the shortest organisation ending, extended by a following 'X分局' (焦作市公安局高新分局).
 */
export function splitLeading(text: string): { unit: UnitName; rest: string } | undefined {
  const t = text.trim();
  const limit = Math.min(t.length, MAX_UNIT);
  for (let i = 4; i <= limit; i++) {
    const head = t.slice(0, i);
    if (PUNCT.test(head.slice(-1))) return undefined;
    if (!ORG_END_RE.test(head)) continue;
    let end = i;
    const ext = /^[\u4e00-\u9fff]{1,6}?分局/u.exec(t.slice(i));
    if (ext && !PUNCT.test(ext[0])) end = i + ext[0].length;
    const unit = unitLine(t.slice(0, end));
    const rest = t.slice(end);
    if (unit && [...rest].length >= 8) return { unit, rest };
  }
  return undefined;
}

/**
 * A paragraph whose last characters are the next unit's name ('…拉近了与服务对象义马市城市管理局'):
 * the text before and the unit. The unit must start right after a character that ends no sentence
 * and must resolve to a region.
 */
export function splitTrailing(text: string): { before: string; unit: UnitName } | undefined {
  const t = text.trim();
  if (!ORG_END_RE.test(t)) return undefined;
  const chars = [...t];
  for (let n = Math.min(MAX_UNIT, chars.length - 8); n >= 4; n--) {
    const tail = chars.slice(-n).join('');
    if (PUNCT.test(tail)) continue;
    const unit = unitLine(tail);
    const before = chars.slice(0, -n).join('');
    // glued by a page-break join: the text before stops mid-sentence, not on punctuation
    if (unit && !PUNCT.test(before.slice(-1))) return { before, unit };
  }
  return undefined;
}
