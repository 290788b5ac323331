import { z } from 'astro/zod';
import { recordErrataSchema, sourceSchema } from './common';

const pathCell = z.string();

/** One printed row of the 河南省行政执法责任制示范点创建标准 (every cell kept in `cells`). */
export const criterionSchema = z.object({
  id: z.string(),
  kind: z.literal('criterion'),
  document: z.string(),
  /** The scoring list (document) it belongs to; present only when the corpus holds several lists. */
  list: z.string().optional(),
  order: z.number().int().positive(),
  part: z.number().int().positive(),
  path: z.tuple([pathCell, pathCell, pathCell]),
  overall: z.string(),
  work: z.string(),
  requirement: z.string(),
  overallPoints: z.number().nullable(),
  workPoints: z.number().nullable(),
  points: z.number().nullable(),
  standard: z.string().nullable(),
  standardPoints: z.array(z.number()),
  method: z.string().nullable(),
  rule: z.string().nullable(),
  baseline: z.boolean(),
  veto: z.boolean(),
  bonus: z.boolean(),
  inherited: z.object({ overall: z.boolean(), work: z.boolean(), requirement: z.boolean() }),
  alignment: z.enum(['as-printed', 'regrouped']),
  /** Why the item is not read straight off its printed line (row shifted, cell printed a line early …). */
  realigned: z.array(z.string()).default([]),
  cells: z.array(z.string()),
  group: z.tuple([z.number().int(), z.number().int(), z.number().int()]),
  errata: recordErrataSchema,
  source: sourceSchema,
});

const checkSchema = z.object({
  level: z.enum(['total', 'overall', 'work', 'requirement']),
  path: z.array(z.string()),
  stated: z.number().nullable(),
  sum: z.number(),
  parts: z.array(z.object({ label: z.string(), points: z.number().nullable() })),
  ok: z.boolean(),
  message: z.string(),
  lines: z.array(z.number()).optional(),
});

/** The points check of a scoring table (one record per list: "check", or "<list>--check" for a later list). */
export const scoringCheckSchema = z.object({
  id: z.string().regex(/^(?:[a-z0-9-]+--)?check$/),
  kind: z.literal('check'),
  title: z.string(),
  document: z.string(),
  /** With several scoring lists: the list key (as on its criteria) and its place in the corpus (1 = first). */
  list: z.string().optional(),
  order: z.number().int().positive().optional(),
  ok: z.boolean(),
  checks: z.array(checkSchema),
  mismatches: z.array(z.string()),
  /** Items read away from their printed line, with the reasons (see criterion.realigned). */
  realigned: z.array(z.object({ id: z.string(), line: z.number(), notes: z.array(z.string()) })).default([]),
  source: sourceSchema,
});

/** A 工作任务细则 row (序号/内容/细则/完成期限) of 豫法政办〔2019〕12号. */
export const taskDetailSchema = z.object({
  id: z.string(),
  kind: z.literal('task-detail'),
  document: z.string(),
  table: z.number().int().positive(),
  audience: z.string().nullable(),
  seq: z.number().int(),
  seqLabel: z.string(),
  content: z.string(),
  detail: z.string(),
  details: z.array(z.string()),
  deadline: z.string(),
  cells: z.array(z.string()),
  errata: recordErrataSchema,
  source: sourceSchema,
});

export const scoringSchema = z.discriminatedUnion('kind', [criterionSchema, scoringCheckSchema, taskDetailSchema]);

export type Criterion = z.infer<typeof criterionSchema>;
export type ScoringCheck = z.infer<typeof scoringCheckSchema>;
export type TaskDetail = z.infer<typeof taskDetailSchema>;
export type ScoringRecord = z.infer<typeof scoringSchema>;
