/**
 * The site configuration: one YAML file (site.config.yaml at the project root, or the path in
 * SITE_CONFIG), validated with zod. Used by the layout (header/footer), feeds, astro.config.mjs
 * and scripts/package.ts. See README.md (Site configuration) for the fields.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'astro/zod';

const CJK = '\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u3000-\\u303f';
/** A YAML folded line break between Chinese characters becomes a space: drop it. */
export const joinCjk = (s: string) => s.replace(new RegExp(`(?<=[${CJK}])\\s+(?=[${CJK}])`, 'gu'), '');
const nonEmpty = z.string().trim().min(1).transform(joinCjk);

export const siteConfigSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, '专栏 id: lower-case ASCII letters, digits and "-" (used in file names)'),
    name: nonEmpty,
    description: nonEmpty,
    siteUrl: z.url().refine((u) => /^https?:\/\//.test(u), 'siteUrl must be http(s)://…'),
    host: nonEmpty,
    organizer: nonEmpty.optional(),
    contact: z
      .object({
        phone: nonEmpty.optional(),
        email: z.email().optional(),
        address: nonEmpty.optional(),
      })
      .strict()
      .default({}),
    siteCode: nonEmpty.optional(),
    icp: nonEmpty.optional(),
    psb: nonEmpty.optional(),
    maskMobile: z.boolean().default(true),
    releaseDate: z
      .union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.date().transform((d) => d.toISOString().slice(0, 10))])
      .optional(),
  })
  .strict();

export type SiteConfig = z.infer<typeof siteConfigSchema>;

/** Parses and validates config text; errors name the file and every bad field. */
export function parseSiteConfig(text: string, file = 'site.config.yaml'): SiteConfig {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (e) {
    throw new Error(`${file}: not valid YAML — ${(e as Error).message}`);
  }
  const r = siteConfigSchema.safeParse(raw ?? {});
  if (!r.success) {
    const lines = r.error.issues.map((i) => `  - ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`${file}: invalid site configuration:\n${lines.join('\n')}\nFix the field(s) above; see README.md (Site configuration).`);
  }
  return r.data;
}

export function siteConfigPath(): string {
  return resolve(process.cwd(), process.env.SITE_CONFIG || 'site.config.yaml');
}

let cached: SiteConfig | undefined;
/** Loads site.config.yaml (or $SITE_CONFIG) from the project root; SITE_URL overrides siteUrl. */
export function loadSiteConfig(path = siteConfigPath()): SiteConfig {
  const cfg = parseSiteConfig(readFileSync(path, 'utf8'), path);
  if (process.env.SITE_URL) cfg.siteUrl = siteConfigSchema.shape.siteUrl.parse(process.env.SITE_URL);
  return cfg;
}

/** The config for pages (cached per build). */
export function site(): SiteConfig {
  return (cached ??= loadSiteConfig());
}

/** 公安备案 link: the record code is the digits in the 备案号. */
export function psbLink(psb: string): string | undefined {
  const code = psb.match(/\d{6,}/)?.[0];
  return code ? `https://beian.mps.gov.cn/#/query/webSearch?code=${code}` : undefined;
}

export const ICP_LINK = 'https://beian.miit.gov.cn/';

/** The column's sections, in nav order. `dir` is the folder under src/pages that holds the section. */
export const SECTIONS = [
  { path: '', label: '首页', dir: '' },
  { path: 'documents/', label: '文件库', dir: 'documents' },
  { path: 'indicators/', label: '指标体系', dir: 'indicators' },
  { path: 'cases/', label: '典型经验', dir: 'cases' },
  { path: 'workpoints/', label: '工作要点', dir: 'workpoints' },
  { path: 'timeline/', label: '时间轴', dir: 'timeline' },
  { path: 'self-check/', label: '自查自评', dir: 'self-check' },
  { path: 'search/', label: '搜索', dir: 'search' },
] as const;

/**
 * Whether a section's pages exist in this build (src/pages/<dir>/index.astro or <dir>.astro).
 * Nav entries and the header search form appear only for sections that exist, so no page ever
 * links to a page that is not built (sections are owned by different engineers and land separately).
 */
const sectionCache = new Map<string, boolean>();
export function sectionExists(dir: string, root = process.cwd()): boolean {
  if (!dir) return true;
  // Asked by the header of every page: the file checks are made once per build (they were 1.6 s of
  // a 1,000-notice build, 48,000 pages × the sections), not once per page.
  const key = `${root}\0${dir}`;
  let found = sectionCache.get(key);
  if (found === undefined) {
    const pages = resolve(root, 'src/pages');
    found = [`${dir}/index.astro`, `${dir}.astro`, `${dir}/index.md`, `${dir}/index.mdx`].some((f) => existsSync(resolve(pages, f)));
    sectionCache.set(key, found);
  }
  return found;
}
