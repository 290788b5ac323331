/**
 * Adapter from the content collections to the indicator pages (not pure: reads astro:content).
 * Loaded once per build. Shaping lives in ./indicators (pure, tested).
 */
import { getCollection } from 'astro:content';
import type { Indicator, IndicatorMeta } from '../schemas/indicator';
import type { Criterion, ScoringCheck, TaskDetail } from '../schemas/scoring';

async function safe<T>(name: string): Promise<T[]> {
  try {
    return ((await getCollection(name as never)) as unknown as { data: T }[]).map((e) => e.data);
  } catch {
    return [];
  }
}

let cache: Promise<{
  indicators: Indicator[];
  meta: IndicatorMeta | undefined;
  criteria: Criterion[];
  check: ScoringCheck | undefined;
  tasks: TaskDetail[];
  documentIds: Set<string>;
}> | undefined;

export function loadIndicatorData() {
  cache ??= (async () => {
    const indicators = (await safe<Indicator>('indicators')).sort((a, b) => a.order - b.order);
    const meta = (await safe<IndicatorMeta>('indicatormeta'))[0];
    const scoring = await safe<Criterion | ScoringCheck | TaskDetail>('scoring');
    const criteria = scoring.filter((s): s is Criterion => s.kind === 'criterion').sort((a, b) => a.order - b.order);
    const check = scoring.find((s): s is ScoringCheck => s.kind === 'check');
    const tasks = scoring
      .filter((s): s is TaskDetail => s.kind === 'task-detail')
      .sort((a, b) => a.table - b.table || a.seq - b.seq);
    const documentIds = new Set((await safe<{ id: string }>('documents')).map((d) => d.id));
    return { indicators, meta, criteria, check, tasks, documentIds };
  })();
  return cache;
}

/** Frontmatter as plain JSON (field names as in the schema). */
export function plainIndicator(r: Indicator) {
  const { id, seq, kind, text, materials, materialsIntro, units, unitNote, status, limits, area, areaNo, themes, source, order, document, materialsRaw, unitsRaw, statusRaw } = r;
  return { id, seq, kind, text, materials, materialsIntro, units, unitNote, status, limits, area, areaNo, themes, source, order, document, materialsRaw, unitsRaw, statusRaw };
}
