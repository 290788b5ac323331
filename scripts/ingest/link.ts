/**
 * link — cross references across the corpus.
 *
 * - every cited 文号 resolves to the document id when the corpus holds it (`citations`);
 * - 附件 entries resolve to the attached/forwarded record (`attachments[].id`);
 * - a 发文字号 that occurs in several sources is published once: the first source (sorted by
 *   file name) wins, `sources` names all of them, references to the duplicate are re-pointed.
 */
import { titleKey } from './segment';
import type { DocumentMeta } from './types';

export interface Duplicate {
  docNumber: string;
  kept: string;
  dropped: string;
  sources: string[];
}

export interface LinkResult {
  /** Documents to publish (duplicates removed). */
  documents: DocumentMeta[];
  duplicates: Duplicate[];
}

export function linkDocuments(all: DocumentMeta[]): LinkResult {
  const byNumber = new Map<string, DocumentMeta>();
  const duplicates: Duplicate[] = [];
  const replaced = new Map<string, string>();
  for (const d of all) {
    if (!d.docNumber) continue;
    const first = byNumber.get(d.docNumber);
    if (!first) {
      byNumber.set(d.docNumber, d);
      continue;
    }
    first.sources = [...(first.sources ?? [first.source]), d.source];
    replaced.set(d.id, first.id);
    duplicates.push({ docNumber: d.docNumber, kept: first.id, dropped: d.id, sources: first.sources.map((s) => `${s.file}:${s.lines[0]}-${s.lines[1]}`) });
  }
  const documents = all.filter((d) => !replaced.has(d.id));
  const re = (id: string) => replaced.get(id) ?? id;
  const ids = new Map(documents.map((d) => [d.id, d]));
  for (const d of documents) {
    if (d.parent) d.parent = re(d.parent);
    d.children = [...new Set(d.children.map(re))].filter((c) => c !== d.id);
  }
  // Children of a dropped duplicate now hang under the kept record.
  for (const d of documents) if (d.parent) {
    const p = ids.get(d.parent);
    if (p && !p.children.includes(d.id)) p.children.push(d.id);
  }
  for (const d of documents) {
    d.citations = d.cites.map((n) => {
      const target = byNumber.get(n);
      return target ? { docNumber: n, id: target.id } : { docNumber: n };
    });
    for (const a of d.attachments) {
      if (a.id) {
        a.id = re(a.id);
        continue;
      }
      const key = titleKey(a.title);
      if (!key) continue;
      // An attachment that is a forwarded document: its title, or the 《…》 quoted in a child's title.
      const child = d.children.map((c) => ids.get(c)).find((c) => c && (titleKey(c.title) === key || titleKey(c.title).includes(key)));
      if (child) a.id = child.id;
    }
  }
  return { documents, duplicates };
}
