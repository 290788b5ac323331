import { z } from 'astro/zod';
import { sourceSchema } from './common';

// Placeholder: the owner of the indicator records replaces this with the full schema.
export const indicatorSchema = z.object({ id: z.string(), source: sourceSchema }).passthrough();
