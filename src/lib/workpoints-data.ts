/**
 * Loads the workpoints collection for pages and endpoints (the only place that touches
 * astro:content for work points). Pure shaping lives in ./workpoints.ts and ./timeline.ts.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { sortPoints } from './workpoints';
import type { WorkPoint } from '../schemas/workpoint';
import { buildToday } from './timeline';

export type WorkPointRecord = WorkPoint & { entry: CollectionEntry<'workpoints'> };

let cache: Promise<WorkPointRecord[]> | undefined;

/** All work points in reading order (source file, then position). */
export function loadWorkpoints(): Promise<WorkPointRecord[]> {
  return (cache ??= getCollection('workpoints').then((all) =>
    sortPoints(all.map((e) => ({ ...(e.data as WorkPoint), entry: e }))),
  ));
}

/** The build's "today": BUILD_DATE or SOURCE_DATE_EPOCH when set (reproducible builds), else the current date. */
export function today(): string {
  return buildToday(process.env);
}

/** Plain data of a record (no entry), for JSON/feeds. */
export function plain(p: WorkPointRecord): WorkPoint {
  const { entry: _entry, ...data } = p;
  return data;
}

/** 工作任务细则 rows emitted by the scoring extractor (kind task-detail), to link the same row both ways (read once per build). */
let taskCache: Promise<{ id: string; source: { file: string; lines: [number, number] } }[]> | undefined;
export function loadTaskDetails(): Promise<{ id: string; source: { file: string; lines: [number, number] } }[]> {
  return (taskCache ??= readTaskDetails());
}
async function readTaskDetails(): Promise<{ id: string; source: { file: string; lines: [number, number] } }[]> {
  try {
    const all = (await getCollection('scoring' as never)) as unknown as { id: string; data: Record<string, unknown> }[];
    return all
      .filter((e) => e.data.kind === 'task-detail')
      .map((e) => ({ id: String(e.data.id ?? e.id), source: e.data.source as { file: string; lines: [number, number] } }));
  } catch {
    return []; // collection not declared
  }
}
