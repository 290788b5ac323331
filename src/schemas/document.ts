import { z } from 'astro/zod';
import { sourceSchema } from './common';

/** Frontmatter of content/documents/*.mdx — kept in sync with DocumentMeta (scripts/ingest/types.ts). */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const contactSchema = z.object({
  name: z.string().optional(),
  phone: z.string().optional(),
  email: z.string().optional(),
  text: z.string(),
  names: z.array(z.string()).optional(),
  /** `mobile: true` marks a personal mobile number: the site masks it by default. */
  phones: z.array(z.object({ number: z.string(), mobile: z.boolean(), note: z.string().optional() })).optional(),
  emails: z.array(z.string()).optional(),
  lines: z.tuple([z.number().int().positive(), z.number().int().positive()]).optional(),
});

export const documentSchema = z.object({
  id: z.string(),
  title: z.string(),
  subtitle: z.string().optional(),
  docNumber: z.string().optional(),
  issuers: z.array(z.string()).default([]),
  signedDate: isoDate.optional(),
  printedDate: isoDate.optional(),
  /** 发布日期 from a web-page metadata block. */
  publishedDate: isoDate.optional(),
  /**
   * The metadata block of the portal page the notice was copied or saved from (索引号, 主题分类, 发文机关,
   * 成文日期, 标题, 发文字号, 发布日期 …) in the page's order, with source lines; shown in the page's metadata table.
   */
  portal: z.array(z.object({ label: z.string(), value: z.string(), line: z.number().int(), valueLine: z.number().int().optional() })).optional(),
  year: z.number().int().optional(),
  recipients: z.string().optional(),
  kind: z.string(),
  level: z.enum(['省', '市', '县']).optional(),
  region: z.string().optional(),
  parent: z.string().optional(),
  /** How this document hangs under its parent. */
  relation: z.enum(['转发', '印发', '附件']).optional(),
  /** '附件 1' for an attachment. */
  label: z.string().optional(),
  children: z.array(z.string()).default([]),
  attachments: z.array(z.object({ seq: z.number(), title: z.string(), id: z.string().optional() })).default([]),
  contacts: z.array(contactSchema).default([]),
  cites: z.array(z.string()).default([]),
  /** Each cited 文号 with the id of the document when the corpus holds it (else 未收录). */
  citations: z.array(z.object({ docNumber: z.string(), id: z.string().optional() })).default([]),
  /** Numbered headings of the body (table of contents). */
  outline: z
    .array(z.object({ depth: z.number().int(), marker: z.string(), text: z.string(), lines: z.tuple([z.number().int(), z.number().int()]) }))
    .default([]),
  /**
   * OCR corrections (content/errata.yaml) applied in this document: the body holds `corrected`;
   * the page wraps each corrected span in a 校 mark with `original` in its title.
   */
  errata: z
    .array(z.object({ line: z.number().int(), original: z.string(), corrected: z.string(), reason: z.string(), occurrence: z.number().int().optional() }))
    .default([]),
  /**
   * Header and closing lines of the body (by index among its top-level blocks) with their role —
   * banner, docNumber, recipients, signature, date, contact, attachments, cc, printed … — so the page
   * lays them out as printed (rehypeNoticeLayout). Presentation only. (Not named `layout`: Astro's MDX
   * reads a frontmatter `layout` as a layout component to import.)
   */
  blockRoles: z.array(z.object({ at: z.number().int().nonnegative(), role: z.string() })).optional(),
  source: sourceSchema,
  /** When the same 发文字号 arrived in several sources: all of them (published once). */
  sources: z.array(sourceSchema).optional(),
});

export type DocumentData = z.infer<typeof documentSchema>;
