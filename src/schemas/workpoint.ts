import { z } from 'astro/zod';
import { sourceSchema } from './common';

// Placeholder: the owner of the workpoint records replaces this with the full schema.
export const workpointSchema = z.object({ id: z.string(), source: sourceSchema }).passthrough();
