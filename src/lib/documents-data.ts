/**
 * Loads the documents collection for pages (the only place that touches astro:content for documents).
 * Pure shaping lives in ./documents.ts.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { sortNewest, type DocEntry } from './documents';

export type DocumentRecord = DocEntry & { entry: CollectionEntry<'documents'> };

let cache: Promise<DocumentRecord[]> | undefined;

/** All documents, newest first. The record id (frontmatter `id`, else the file name) is the URL segment. */
export function loadDocuments(): Promise<DocumentRecord[]> {
  return (cache ??= getCollection('documents').then((all) =>
    sortNewest(all.map((e) => ({ id: e.data.id || e.id, data: e.data as DocEntry['data'], entry: e }))),
  ));
}
