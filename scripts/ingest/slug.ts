/**
 * Stable ASCII ids for records: pinyin initials of Chinese text (pinyin-pro), digits and
 * Latin letters kept, everything else a separator. Reusable by every extractor.
 *
 *   slug('郑法政办')                 → 'zfzb'
 *   docNumberSlug('郑法政办〔2019〕7号') → 'zfzb-2019-7'
 *   titleSlug('2022年度…工作要点')     → '2022-ndqstjfwxxzzfjs' (year first, initials capped)
 */
import { pinyin } from 'pinyin-pro';

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

/** Pinyin initials for Han characters, lower-case ASCII letters/digits kept, other runs → '-'. */
export function slug(text: string, maxLength = 48): string {
  const chars = [...text.normalize('NFKC')];
  const han = chars.filter((c) => HAN.test(c)).join('');
  const initials = han ? pinyin(han, { pattern: 'first', toneType: 'none', type: 'array' }) : [];
  let k = 0;
  let out = '';
  for (const c of chars) {
    if (HAN.test(c)) out += (initials[k++] ?? '').toLowerCase().replace(/[^a-z]/g, '');
    else if (/[A-Za-z0-9]/.test(c)) out += c.toLowerCase();
    else out += '-';
  }
  out = out.replace(/-+/g, '-').replace(/^-|-$/g, '');
  if (out.length > maxLength) out = out.slice(0, maxLength).replace(/-$/, '');
  return out;
}

/** 郑法政办〔2019〕7号 → zfzb-2019-7 (any bracket style). */
export function docNumberSlug(docNumber: string): string | undefined {
  const m = /^(.+?)\s*[〔\[［(（【]\s*(\d{4})\s*[〕\]］)）】]\s*第?\s*(\d+)\s*号$/.exec(docNumber.trim());
  if (!m) return undefined;
  const agency = slug(m[1]!);
  return agency ? `${agency}-${m[2]}-${Number(m[3])}` : undefined;
}

/** A title → year (when it names one) + pinyin initials, capped. */
export function titleSlug(title: string, maxInitials = 16): string {
  const year = /(19|20)\d{2}/.exec(title)?.[0];
  const rest = year ? title.replace(year, '') : title;
  const body = slug(rest.replace(/[《》“”"（）()]/g, ''), 200).replace(/-/g, '').slice(0, maxInitials);
  return [year, body].filter(Boolean).join('-') || 'untitled';
}

/** Make ids unique in order of appearance: the second 'x' becomes 'x-2'. */
export function uniqueId(id: string, taken: Set<string>): string {
  let out = id;
  for (let n = 2; taken.has(out); n++) out = `${id}-${n}`;
  taken.add(out);
  return out;
}
