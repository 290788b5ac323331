/**
 * Stable ASCII ids and URL slugs from Chinese names, through pinyin-pro (toneless, lower case).
 *   slugify('城市管理') → 'chengshiguanli'
 *   caseId(['郑州市', '二七区', '城市管理局']) → 'zhengzhoushi-erqiqu-chengshiguanliju'
 */
import { pinyin } from 'pinyin-pro';

export function slugify(text: string): string {
  const syl = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }) as string[];
  return syl
    .join('')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Id from the parts of a name (region parts, then the rest), joined by '-'. */
export function caseId(parts: string[]): string {
  return parts.filter((p) => p).map(slugify).filter(Boolean).join('-');
}

/** Make ids unique in order: the second 'x' becomes 'x-2'. */
export function uniqueIds(ids: string[]): string[] {
  const seen = new Map<string, number>();
  return ids.map((id) => {
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    return n === 1 ? id : `${id}-${n}`;
  });
}
