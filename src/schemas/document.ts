import { z } from 'astro/zod';
import { sourceSchema } from './common';

export const documentSchema = z.object({
  id: z.string(),
  title: z.string(),
  docNumber: z.string().optional(),
  issuers: z.array(z.string()).default([]),
  signedDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  printedDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  recipients: z.string().optional(),
  kind: z.string(),
  level: z.enum(['省', '市', '县']).optional(),
  region: z.string().optional(),
  parent: z.string().optional(),
  children: z.array(z.string()).default([]),
  attachments: z.array(z.object({ seq: z.number(), title: z.string(), id: z.string().optional() })).default([]),
  contacts: z.array(z.object({ name: z.string().optional(), phone: z.string().optional(), email: z.string().optional(), text: z.string() })).default([]),
  cites: z.array(z.string()).default([]),
  source: sourceSchema,
});
