/**
 * The one helper that builds every internal URL. It respects Astro's `base`
 * (SITE_BASE), so the column can be published under a sub-path of the portal.
 * Never write an internal href as a literal "/…" in a template: call `url()`.
 */
const BASE: string = (import.meta.env?.BASE_URL as string | undefined) ?? '/';

export function joinBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : base + '/';
  const p = path.replace(/^\/+/, '');
  return b + p;
}

/** url('documents/') → '/zfjs/cjzl/documents/' under that base. Page paths should end with '/'. */
export function url(path = ''): string {
  return joinBase(BASE, path);
}
