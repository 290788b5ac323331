import { z } from 'astro/zod';
import { recordErrataSchema, sourceSchema } from './common';

/** A theme found by the shared matcher (scripts/ingest/themes.ts). */
const themeRef = z.object({ id: z.string(), label: z.string(), terms: z.array(z.string()) });

/** Limits named in the 填报材料 (see scripts/ingest/extractors/indicators/fields.ts). */
export const limitsSchema = z.object({
  timeWindow: z.array(z.string()),
  words: z.string().nullable(),
  wordsFromNote: z.boolean(),
  count: z.array(z.string()),
  seal: z.boolean(),
});

/** One row of the 填报材料责任清单: a 三级指标, 加分项 or 否决项. */
export const indicatorSchema = z.object({
  /** As printed (001, bonus-1, veto-1); a later list's id that an earlier list holds is "<list>--<id>". */
  id: z.string().regex(/^(?:[a-z0-9-]+--)?(\d{3}|bonus-\d+|veto-\d+)$/),
  /** The 责任清单 it belongs to; present only when the corpus holds several lists. */
  list: z.string().optional(),
  /** Position in the table (1…104). */
  order: z.number().int().positive(),
  seq: z.number().int().positive(),
  kind: z.enum(['indicator', 'bonus', 'veto']),
  text: z.string().min(1),
  materials: z.array(z.string()),
  materialsIntro: z.string().nullable(),
  units: z.array(z.string()),
  unitNote: z.string().nullable(),
  status: z.enum(['done', 'not-required', 'pending']),
  limits: limitsSchema,
  /** Derived grouping (scripts/ingest/data/areas.yaml); null for 加分项/否决项. */
  area: z.string().nullable(),
  areaNo: z.number().int().min(1).max(9).nullable(),
  themes: z.array(themeRef).default([]),
  /** id of the document record holding the table. */
  document: z.string(),
  materialsRaw: z.string(),
  unitsRaw: z.string(),
  statusRaw: z.string().nullable(),
  errata: recordErrataSchema,
  source: sourceSchema,
});

/** The table itself: its 说明 notes and the declared area grouping. */
export const indicatorMetaSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** With several lists: the list key (as on its indicators) and its place in the corpus (1 = first). */
  list: z.string().optional(),
  order: z.number().int().positive().optional(),
  document: z.string(),
  notes: z.array(z.object({ n: z.number().int(), text: z.string(), lines: z.tuple([z.number().int(), z.number().int()]) })),
  counts: z.object({ indicator: z.number().int(), bonus: z.number().int(), veto: z.number().int() }),
  areas: z.array(
    z.object({ no: z.number().int(), marker: z.string(), label: z.string(), rules: z.array(z.object({ seqs: z.string(), reason: z.string() })) }),
  ),
  source: sourceSchema,
});

export type Indicator = z.infer<typeof indicatorSchema>;
export type IndicatorMeta = z.infer<typeof indicatorMetaSchema>;
