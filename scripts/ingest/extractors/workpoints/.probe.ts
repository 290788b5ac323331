import { parseSources } from '/work/main/scripts/ingest/index';
import { createWorkpointsExtractor } from '/work/main/scripts/ingest/extractors/workpoints';
const { roots, documents } = parseSources('/work/main/content/sources');
const map = new Map(documents.map((d) => [d.id, d]));
let report: any;
const recs = createWorkpointsExtractor({ report: (r) => (report = r) }).extract({ roots, documents: map });
for (const d of report.perDocument) console.log(d.id, '|', d.title.slice(0, 30), '| items', d.items, 'rows', d.rows, 'dated', d.dated);
console.log('skipped', report.skipped.map((s: any) => `${s.file}:${s.line} ${s.text.slice(0, 30)} — ${s.reason.slice(0, 20)}`));
for (const r of recs) { const x = r.data as any; console.log(x.id.padEnd(40), x.section.slice(0, 20).padEnd(20), x.title.slice(0, 30), JSON.stringify(x.deadlines.map((d: any) => d.date + ':' + d.text)), x.source.lines.join('-')); }
