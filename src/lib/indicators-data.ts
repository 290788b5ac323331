/**
 * Adapter from the content collections to the indicator pages (not pure: reads astro:content).
 * Loaded once per build. Shaping lives in ./indicators (pure, tested).
 */
import { getCollection } from 'astro:content';
import type { Indicator, IndicatorMeta } from '../schemas/indicator';
import type { Criterion, ScoringCheck, TaskDetail } from '../schemas/scoring';
import { indicatorLists, scoringLists, type IndicatorList, type ScoringList } from './indicators';

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
  /** Every 责任清单 of the corpus in corpus order (one, as a rule; see indicatorLists). */
  lists: IndicatorList<Indicator, IndicatorMeta>[];
  criteria: Criterion[];
  check: ScoringCheck | undefined;
  /** Every scoring list (创建标准) in corpus order. */
  scoring: ScoringList<Criterion, ScoringCheck>[];
  tasks: TaskDetail[];
  documentIds: Set<string>;
}> | undefined;

export function loadIndicatorData() {
  cache ??= (async () => {
    const lists = indicatorLists(await safe<Indicator>('indicators'), await safe<IndicatorMeta>('indicatormeta'));
    const indicators = lists.flatMap((l) => l.indicators);
    const meta = lists[0]?.meta;
    const records = await safe<Criterion | ScoringCheck | TaskDetail>('scoring');
    const scoring = scoringLists(
      records.filter((s): s is Criterion => s.kind === 'criterion'),
      records.filter((s): s is ScoringCheck => s.kind === 'check'),
    );
    const criteria = scoring.flatMap((l) => l.criteria);
    const check = scoring[0]?.check;
    const tasks = records
      .filter((s): s is TaskDetail => s.kind === 'task-detail')
      .sort((a, b) => a.table - b.table || a.seq - b.seq);
    const documentIds = new Set((await safe<{ id: string }>('documents')).map((d) => d.id));
    return { indicators, meta, lists, criteria, check, scoring, tasks, documentIds };
  })();
  return cache;
}

/** Frontmatter as plain JSON (field names as in the schema). */
export function plainIndicator(r: Indicator) {
  const { id, seq, kind, text, materials, materialsIntro, units, unitNote, status, limits, area, areaNo, themes, source, order, document, materialsRaw, unitsRaw, statusRaw, list } = r;
  return { id, seq, kind, text, materials, materialsIntro, units, unitNote, status, limits, area, areaNo, themes, source, order, document, materialsRaw, unitsRaw, statusRaw, ...(list ? { list } : {}) };
}
