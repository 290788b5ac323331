/**
 * What the dev server's integration (src/integrations/dev-ingest.ts) needs from the ingest, in one
 * module it loads with tsx (one module instance, so `isIngestError` sees the errors runIngest throws).
 */
export { runIngest, type IngestReport } from './run';
export { loadErrata } from './errata';
export { writeOutput } from './write';
export { formatWarning, isIngestError } from './errors';
