import { z } from 'astro/zod';
import { recordErrataSchema, sourceSchema } from './common';

/** ISO day; a YAML timestamp (unquoted 2023-09-30 read as a Date) is turned back into the same string. */
const isoDate = z.union([
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  z.date().transform((d) => d.toISOString().slice(0, 10)),
]);

/** One deadline: ISO date (last day of the window) + precision + the original wording. */
export const deadlineSchema = z.object({
  /** null when the wording gives no date (按照市部署时间); `note` says so. */
  date: isoDate.nullable(),
  precision: z.enum(['day', 'month', 'period']).optional(),
  text: z.string(),
  start: isoDate.optional(),
  /** 每年 / 每半年 / 每季度 / 每月 重复 (the date is the first window after the document's date). */
  recurring: z.enum(['yearly', 'half-yearly', 'quarterly', 'monthly']).optional(),
  note: z.string().optional(),
  /** What falls due on this date when one text names several (task table rows). */
  label: z.string().optional(),
});

export const quotaSchema = z.object({
  text: z.string(),
  value: z.number(),
  max: z.number().optional(),
  unit: z.string(),
  qualifier: z.string().optional(),
  clause: z.string().optional(),
});

export const themeRefSchema = z.object({ id: z.string(), label: z.string(), terms: z.array(z.string()).default([]) });

/** A work point (工作要点 / 任务): a numbered item of a notice, or a row of a 完成期限 task table. */
export const workpointSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** item = a numbered heading of the notice; row = a row of a task table (工作任务细则). */
  kind: z.enum(['item', 'row']),
  document: z.object({ id: z.string(), docNumber: z.string().optional(), title: z.string() }),
  /** The document's working year (filters). */
  year: z.number().int().optional(),
  /** Ancestor headings, joined with ' › ' (一、着力提升执法水平). */
  section: z.string(),
  sectionPath: z.array(z.string()).default([]),
  seq: z.number().int(),
  marker: z.string(),
  /** Reading order inside the document (1-based). */
  order: z.number().int(),
  /** The item this one is a sub-item of (组织验收 › 听取汇报). */
  parent: z.string().optional(),
  title: z.string(),
  /** The step's timing as printed in parentheses (2023年9月初, 按照市部署时间). */
  timing: z.string().optional(),
  body: z.string().default(''),
  deadlines: z.array(deadlineSchema).default([]),
  quotas: z.array(quotaSchema).default([]),
  units: z.array(z.string()).default([]),
  themes: z.array(themeRefSchema).default([]),
  errata: recordErrataSchema,
  source: sourceSchema,
});

export type WorkPoint = z.infer<typeof workpointSchema>;
export type WorkPointDeadline = z.infer<typeof deadlineSchema>;
