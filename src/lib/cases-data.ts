/**
 * Loads the cases and casesets collections for pages and endpoints (the only place that touches
 * astro:content for cases). Pure shaping lives in ./cases.ts.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { parse } from 'yaml';
import themesYaml from '../../content/themes.yaml?raw';
import { parseThemes, type Theme } from '../../scripts/ingest/themes';
import { sortCases } from './cases';
import type { CaseEntryData, CaseSetEntryData } from '../schemas/case';

export type CaseRecord = CaseEntryData & { entry: CollectionEntry<'cases'> };

let cache: Promise<CaseRecord[]> | undefined;
let sets: Promise<CaseSetEntryData[]> | undefined;

/** All cases in reading order. */
export function loadCases(): Promise<CaseRecord[]> {
  return (cache ??= getCollection('cases').then((all) => sortCases(all.map((e) => ({ ...(e.data as CaseEntryData), entry: e })))));
}

/** The case articles (normally one: 第二批河南省依法行政示范单位展示). */
export function loadCaseSets(): Promise<CaseSetEntryData[]> {
  return (sets ??= getCollection('casesets').then((all) => all.map((e) => e.data as CaseSetEntryData).sort((a, b) => (a.id < b.id ? -1 : 1))));
}

let vocab: Theme[] | undefined;
/** The shared theme vocabulary (content/themes.yaml), in its own order. */
export function themeVocabulary(): Theme[] {
  return (vocab ??= parseThemes(parse(themesYaml)));
}

/** Plain data of a record (no entry), for JSON. */
export function plainCase(c: CaseRecord): CaseEntryData {
  const { entry: _entry, ...data } = c;
  return data;
}
