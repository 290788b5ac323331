/**
 * Field helpers for work points: titles, quotas (不少于 5 名, 60 人 …), responsible units, document year.
 * Pure functions over strings; tested in tests/workpoints/fields.test.ts.
 */
import type { DocumentMeta } from '../../types';

/** Remove markdown emphasis left by OCR (**…**) and surrounding whitespace. */
export function cleanText(s: string): string {
  return s.replace(/\*\*/g, '').replace(/[ \t\u3000]+$/u, '').replace(/^[ \t\u3000]+/u, '');
}

/** The lead phrase of a heading, without its closing 。 and without a trailing （date） phrase. */
export function splitLead(text: string): { title: string; timing?: string } {
  let t = cleanText(text).replace(/[。．.；;：:]+$/u, '');
  let timing: string | undefined;
  const m = /^(.+?)[（(]([^（）()]*)[）)]$/u.exec(t);
  // 加压部署（2023年9月初） / 集中申报（按照市部署时间）: the parenthesis is the step's timing.
  if (m && /\d|年|月|季度|时间|前|后/u.test(m[2]!)) {
    t = m[1]!;
    timing = m[2]!;
  }
  return { title: t, timing };
}

/**
 * A readable title. A numbered line whose lead phrase is a whole sentence
 * (一、各单位要按照创建通知评选流程要求，对照《…》…) gets its first clause as title.
 */
export function shortTitle(text: string, max = 32): string {
  if (text.length <= max) return text;
  const clause = /^[^，,；;。]+/u.exec(text)?.[0] ?? text;
  return clause.length <= 60 ? clause : clause.slice(0, 60) + '…';
}

export interface Quota {
  /** The wording, from the qualifier (不少于 …) to the unit: 不少于 5 名, 60 人, 1至3个. */
  text: string;
  value: number;
  /** Upper bound of a range (1至3个, 1-3个). */
  max?: number;
  unit: string;
  /** 不少于 / 至少 / 不超过 / 左右 / 以上 … */
  qualifier?: string;
  /** The clause the quota stands in (各省辖市培育授课员不少于 5 名), for readers. */
  clause: string;
}

const NUM = '[0-9０-９]+';
const QUOTA_RE = new RegExp(
  `(${NUM})(?:[ \\t]*(?:至|-|－|—|~|～|到)[ \\t]*(${NUM}))?[ \\t]*(名|人|个|家|件|期)(?![0-9月工小时字])(左右|以上|以内|以下)?`,
  'gu',
);
const BEFORE_QUAL = /(不少于|不超过|不低于|不多于|至少|最多|原则上)[^，。；,;]{0,8}$/u;

const toInt = (s: string) => Number(s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)));

/** Head-counts and unit quotas in a text. Not durations (3个月, 5个工作日) nor sizes (2000字). */
export function findQuotas(text: string): Quota[] {
  const out: Quota[] = [];
  for (const m of text.matchAll(QUOTA_RE)) {
    const start = m.index!;
    // Skip numbers glued to a preceding digit/年/第 (years, ordinals).
    const prev = text[start - 1] ?? '';
    if (/[0-9０-９第年.]/u.test(prev)) continue;
    const before = text.slice(Math.max(0, start - 14), start);
    const qb = BEFORE_QUAL.exec(before);
    const from = qb ? start - (before.length - qb.index) : start;
    const end = start + m[0].length;
    const cs = Math.max(...['，', '。', '；', '：', '\n', ',', ';'].map((c) => text.lastIndexOf(c, start - 1))) + 1;
    const ceRaw = Math.min(...['，', '。', '；', '\n', ',', ';'].map((c) => { const i = text.indexOf(c, end); return i < 0 ? text.length : i; }));
    const q: Quota = { text: text.slice(from, end).trim(), value: toInt(m[1]!), unit: m[3]!, clause: text.slice(cs, ceRaw).trim() };
    if (m[2]) q.max = toInt(m[2]);
    const qualifier = qb?.[1] ?? m[4];
    if (qualifier) q.qualifier = qualifier;
    out.push(q);
  }
  return out;
}

const UNIT_SUFFIX =
  /(办公室|领导小组|部门|单位|政府|厅|局|委员会|委|办|机构|机关|司法所|法院|检察院|督查室|街道）|（街道）|乡（镇）|（镇）|镇|街道|各地|试点单位|各部门|各地各部门|各地、各部门|省辖市|县区|县（市、区）|示范区|主要负责人)$/u;
/**
 * The word after the subject that makes it the actor of the clause: a modal (要, 将, 应当, 可以 …),
 * or a phrase that in these notices follows the body that acts (原则上, 根据/按照 …, 统一, 在/于 … 前,
 * 每年/每季度 …).
 */
const SUBJECT_RE =
  /^([^，。；：,;:“”"《》]{2,40}?)(?:(?<![主重需必只])要(?!求|点|素)|将|应当|应|负责(?!人)|可以|可|须|必须|原则上|根据|按照|统一|(?:仍)?设在|在|于|每(?:年|半年|季度|月))/u;
/** A subject that starts with a verb is an action (严格落实行政机关负责人…), not a body. */
const VERB_START = /^(严格|认真|加强|全面|深入|积极|推进|推行|落实|完善|建立|健全|坚持|强化|持续|进一步|充分|切实|依法|按照|根据|结合|组织|做好|对|以|经|将|把|在|从|为|由于|引导|鼓励|支持|督促|指导|帮助|推动|会同|配合|协调|要求|通过|围绕|本)/u;

/** Split at 、 outside brackets: 各乡（镇）人民政府、相关县直单位 → 2; 各县（市、区）人民政府 → 1. */
function splitList(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const c of s) {
    if (c === '（' || c === '(') depth++;
    else if ((c === '）' || c === ')') && depth > 0) depth--;
    if (c === '、' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** A body's name on its own (a heading like "各省辖市" or "济源示范区、各省直单位"). */
export function isBodyName(text: string): boolean {
  const t = text.replace(/[。：:]+$/u, '');
  return t.length >= 2 && t.length <= 30 && !/[，,；;。]/u.test(t) && !VERB_START.test(t) && splitList(t).every((u) => UNIT_SUFFIX.test(u.replace(/^(?:请|由)/u, '')));
}

/**
 * Who the text names as responsible: the subject of a clause that starts with a body
 * (各地各部门要…, 省法治政府建设领导小组办公室将…, 请各地各部门按照…, 各县（市、区）人民政府原则上…,
 * 市政府督查室每季度…), and bodies after 会同. A list like "省市场监管局、省交通运输厅…等省直单位"
 * is split at 、 (not inside brackets: 各县（市、区）). Only names the text prints; nothing is inferred.
 */
export function findUnits(text: string): string[] {
  const units: string[] = [];
  const add = (u: string) => {
    const v = u.replace(/^(?:请|由|并|同时|其中|另外|此外)/u, '').replace(/等.*$/u, '').trim();
    if (v.length >= 2 && !units.includes(v)) units.push(v);
  };
  for (const sentence of text.split(/[。；;！!？?\n]/u)) {
    for (const clause of sentence.split(/[，,]/u)) {
      const s = clause.replace(/^[ \t\u3000]+/u, '').replace(/^(?:请|由|并|同时|其中|另外|此外)/u, '');
      const m = SUBJECT_RE.exec(s);
      if (!m) continue;
      const subject = m[1]!.replace(/[（(][^）)]*[）)]$/u, (p) => (/(镇|街道|市、区|下同)/u.test(p) ? p : ''));
      const head = subject.replace(/^.*?(?:组织|结合|按照|根据)/u, '');
      if (head !== subject || VERB_START.test(subject)) continue;
      const parts = /等/u.test(subject) ? [subject] : splitList(subject);
      if (parts.every((u) => UNIT_SUFFIX.test(u))) parts.forEach(add);
    }
    for (const g of sentence.matchAll(/会同([^，。；]+?)(?:组织|开展|统一|，|$)/gu)) splitList(g[1]!).forEach(add);
  }
  return units;
}

/** The document's working year: 成文/印发日期, else 〔YYYY〕 in the 文号, else "YYYY年" in the title, else the parent's. */
export function documentYear(meta: DocumentMeta, documents: Map<string, DocumentMeta>): number | undefined {
  const date = meta.signedDate ?? meta.printedDate;
  if (date) return Number(date.slice(0, 4));
  const dn = meta.docNumber && /[〔[（(](\d{4})[〕\]）)]/u.exec(meta.docNumber);
  if (dn) return Number(dn[1]);
  const t = /(\d{4})\s*年/u.exec(meta.title);
  if (t) return Number(t[1]);
  const parent = meta.parent ? documents.get(meta.parent) : undefined;
  return parent && parent !== meta ? documentYear(parent, documents) : undefined;
}

/** The document's date (ISO), or its parent's: the day a recurring deadline counts from. */
export function documentDate(meta: DocumentMeta, documents: Map<string, DocumentMeta>): string | undefined {
  const date = meta.signedDate ?? meta.printedDate;
  if (date) return date;
  const parent = meta.parent ? documents.get(meta.parent) : undefined;
  return parent && parent !== meta ? documentDate(parent, documents) : undefined;
}

/** A stable ASCII slug from a document id. */
export function asciiId(s: string): string {
  const v = s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (!v) throw new Error(`workpoints: document id "${s}" has no ASCII characters to build a stable work point id from`);
  return v;
}
