import { z } from 'astro/zod';

/** Source of every record: file in content/sources and a 1-based line range. */
export const sourceSchema = z.object({
  file: z.string(),
  lines: z.tuple([z.number().int().positive(), z.number().int().positive()]),
});

/**
 * OCR corrections (content/errata.yaml) inside an extracted record (scripts/ingest/errata.ts
 * `recordErrata`): `field` is the dotted path of the frontmatter text holding the corrected span
 * ('body', 'title', 'cells.1'; absent = the MDX body), `occurrence` the 0-based index of the span
 * among the occurrences of `corrected` in that text. Pages mark it with src/components/Corrected.astro.
 */
export const recordErrataSchema = z
  .array(
    z.object({
      line: z.number().int(),
      original: z.string(),
      corrected: z.string(),
      reason: z.string(),
      field: z.string().optional(),
      occurrence: z.number().int().nonnegative(),
    }),
  )
  .default([]);
