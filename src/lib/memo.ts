/**
 * Derivations computed once per build instead of once per page (issue 13).
 *
 * The loaders in src/lib/*-data.ts return the same array for the whole build, so an index derived
 * from that array (id → position, parent → children, 文号 → document…) can be kept with it: every
 * page of a kind then looks its record up in O(1) instead of scanning or re-sorting the whole
 * collection (n pages × n records grew quadratically). Keyed weakly on the array object, so a test
 * or a caller passing a fresh array gets a fresh index; the arrays are never mutated after loading.
 */
export function perArray<A extends object, R>(derive: (list: A) => R): (list: A) => R {
  const cache = new WeakMap<A, R>();
  return (list) => {
    if (cache.has(list)) return cache.get(list) as R;
    const value = derive(list);
    cache.set(list, value);
    return value;
  };
}

/** Position of each id in a list (first occurrence). */
export function positions(list: readonly { id: string }[]): Map<string, number> {
  const at = new Map<string, number>();
  list.forEach((x, i) => {
    if (!at.has(x.id)) at.set(x.id, i);
  });
  return at;
}
