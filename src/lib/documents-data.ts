/**
 * Loads the documents collection for pages (the only place that touches astro:content for documents).
 * Pure shaping lives in ./documents.ts.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { sortNewest, type DocEntry } from './documents';
import { documentsSplitIntoRecords } from './search';

export type DocumentRecord = DocEntry & { entry: CollectionEntry<'documents'> };

let cache: Promise<DocumentRecord[]> | undefined;

/** All documents, newest first. The record id (frontmatter `id`, else the file name) is the URL segment. */
export function loadDocuments(): Promise<DocumentRecord[]> {
  return (cache ??= getCollection('documents').then((all) =>
    sortNewest(all.map((e) => ({ id: e.data.id || e.id, data: e.data as DocEntry['data'], entry: e }))),
  ));
}

let split: Promise<Set<string>> | undefined;
/**
 * Ids of the documents whose text is also published as records (cases, indicators, work points):
 * their bodies rank below those records in search. Read once per build (it was once per page).
 */
export function loadDocumentsSplitIntoRecords(): Promise<Set<string>> {
  return (split ??= (async () => {
    const records: { document?: string | { id: string } }[] = [];
    for (const c of ['cases', 'indicators', 'workpoints'] as const) for (const e of await getCollection(c)) records.push(e.data as { document?: string | { id: string } });
    return documentsSplitIntoRecords(records);
  })());
}
