import { z } from 'astro/zod';
import { sourceSchema } from './common';

// Placeholder: the owner of the case records replaces this with the full schema.
export const caseSchema = z.object({ id: z.string(), source: sourceSchema }).passthrough();
