/**
 * Figures: numbers with units in a case's practice text (559条, 16.1亿元, 100%, 10分钟, 700余家 …).
 *
 * A figure is an Arabic number, optionally 余/多 (approximate) and a 万/亿 multiplier, then a unit
 * from UNITS (longest first), or a percent sign. Not figures: years and dates (2020年, 7月31日),
 * hotline and other bare numbers (12366), ordinals (第3), parts of a code (6S, 1+2+N).
 * Offsets are UTF-16 indices into the text given, so a page can highlight them from structured data.
 */

export interface Figure {
  /** As printed: '700余家', '16.1亿元', '100%'. */
  text: string;
  /** The number as printed, as a JS number (700, 16.1, 100). */
  number: number;
  /** Multiplier word when printed (万 / 亿). */
  multiplier?: '万' | '亿';
  /** The unit after the number and multiplier ('家', '元', '%', '个工作日'). */
  unit: string;
  /** 余 / 多 after the number: an approximate figure. */
  approx: boolean;
  start: number;
  end: number;
}

/** Counting words and measures seen in the notices, longest first when matched. */
export const UNITS = [
  '个工作日', '工作日', '户次', '家次', '人次', '小时', '分钟', '个月',
  '元', '支', '户', '名', '人', '家', '条', '项', '件', '起', '次', '天', '日', '年', '个', '份', '字', '面', '处', '类', '场', '宗', '张', '台', '辆', '所', '批', '期', '篇', '本', '座', '公里', '米', '亩', '吨', '周', '倍', '万', '亿',
].sort((a, b) => b.length - a.length);

const NUM = String.raw`\d+(?:\.\d+)?`;
const RE = new RegExp(String.raw`(?<![\dA-Za-z.+\-第])(${NUM})(余|多)?(万|亿)?(余|多)?(%|％|${UNITS.filter((u) => u !== '万' && u !== '亿').join('|')})?`, 'gu');

export function findFigures(text: string): Figure[] {
  const out: Figure[] = [];
  for (const m of text.matchAll(RE)) {
    const [whole, num, approx1, mult, approx2, unitRaw] = m;
    const start = m.index!;
    const next = text[start + whole.length] ?? '';
    let unit = unitRaw ?? '';
    // 年 / 日 / 月: dates, not figures — except a count of years (连续6年, 9年不间断) which is not a 4-digit year
    if (unit === '年' && /^(19|20)\d\d$/.test(num)) continue;
    if (unit === '日' && /月$/.test(text.slice(Math.max(0, start - 3), start))) continue; // 7月31日
    if (unit === '日') continue; // 日 alone is almost always a day of month in these texts
    if (!unit && !mult) continue; // a bare number (12366 热线, 1至9月, 3月)
    if (!unit && mult) unit = '';
    // a code like 6S / 1+2+N: number glued to Latin letters or plus
    if (/^[A-Za-z+]/.test(next) && !unit) continue;
    const f: Figure = {
      text: whole,
      number: Number(num),
      unit: unit === '％' ? '%' : unit,
      approx: !!(approx1 || approx2),
      start,
      end: start + whole.length,
    };
    if (mult) f.multiplier = mult as '万' | '亿';
    out.push(f);
  }
  return out;
}
