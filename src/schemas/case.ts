import { z } from 'astro/zod';
import { recordErrataSchema, sourceSchema } from './common';

/**
 * Theme reference stored by every record type (cases, indicators, work points):
 * `themes: { id, label, terms }[]` — terms are the synonyms found in the record's own text.
 */
export const caseThemeSchema = z.object({ id: z.string(), label: z.string(), terms: z.array(z.string()).default([]) });

export const figureSchema = z.object({
  text: z.string(),
  number: z.number(),
  multiplier: z.enum(['万', '亿']).optional(),
  unit: z.string(),
  approx: z.boolean(),
  /** UTF-16 offsets into `body`. */
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
});

export const regionResolutionSchema = z.object({
  method: z.enum(['exact', 'alias', 'historical', 'prefix', 'province', 'none']),
  printed: z.string(),
  official: z.string().optional(),
  code: z.string().optional(),
  note: z.string().optional(),
});

/** A 典型经验 (exemplary case): one commended unit and its practice. */
export const caseSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  seq: z.number().int().positive(),
  unit: z.string(),
  city: z.string().optional(),
  citySlug: z.string().regex(/^[a-z0-9-]+$/).optional(),
  county: z.string().optional(),
  regionCode: z.string().optional(),
  regionResolution: regionResolutionSchema,
  department: z.string(),
  departmentSlug: z.string().regex(/^[a-z0-9-]+$/),
  batch: z.string().optional(),
  batchYear: z.number().int().optional(),
  set: z.string(),
  document: z.object({ id: z.string(), title: z.string() }),
  body: z.string(),
  figures: z.array(figureSchema).default([]),
  themes: z.array(caseThemeSchema).default([]),
  attribution: z.string().optional(),
  errata: recordErrataSchema,
  source: sourceSchema,
});

/** The article a set of cases comes from (title, batch, introduction). */
export const caseSetSchema = z.object({
  id: z.string(),
  title: z.string(),
  subtitle: z.string().optional(),
  batch: z.string().optional(),
  batchYear: z.number().int().optional(),
  intro: z.string(),
  expectedCount: z.number().int().optional(),
  count: z.number().int(),
  cases: z.array(z.string()),
  attribution: z.string().optional(),
  document: z.object({ id: z.string(), title: z.string() }),
  warnings: z.array(z.string()).default([]),
  source: sourceSchema,
});

export type CaseEntryData = z.infer<typeof caseSchema>;
export type CaseSetEntryData = z.infer<typeof caseSetSchema>;
