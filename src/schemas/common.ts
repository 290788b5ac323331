import { z } from 'astro/zod';

/** Source of every record: file in content/sources and a 1-based line range. */
export const sourceSchema = z.object({
  file: z.string(),
  lines: z.tuple([z.number().int().positive(), z.number().int().positive()]),
});
