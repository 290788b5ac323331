/**
 * extract (documents) — DocumentMeta for every DocumentNode of the tree.
 *
 * Per document: title (joined, stray spaces removed), 文号, issuers, recipients, 成文/印发
 * dates (ISO), kind, level and region, 附件 list, contacts, cited 文号. Across the corpus:
 * stable ids (slug.ts), parent/children ids.
 */
import type { Plugin } from 'unified';
import { docNumberSlug, slug, titleSlug, uniqueId } from './slug';
import { findDocNumbers, isOrderBanner, leadingDocNumber, ORDER_NUMBER_ALONE, orderIssuer, parseDate, parseDocNumber } from './patterns';
import { endsTitle, titleKey } from './segment';
import type { BlockNode, Contact, DocumentMeta, DocumentNode, NoticeRoot } from './types';

type Internal = DocumentMeta & { parentIndex?: number };

const ORG_PREFIX = /^(.+?(?:办公室|人民政府|政府|委员会|领导小组|小组|厅|局|院|委|部))(?=关于)/;
/**
 * The issuing body (or bodies, joined by 、) at the head of a title: 国务院办公厅关于… / 国务院办公厅转发… /
 * 国务院办公厅对…建议的答复 / 国务院办公厅、中央军委办公厅关于… / 国务院、中央军委关于….
 */
const ORG_WORD = '(?:办公室|办公厅|人民政府|政府|委员会|领导小组|小组|中央军委|国务院|厅|局|院|委|部|署|行|会)';
const ISSUER_PREFIX = new RegExp(`^((?:[\\u4e00-\\u9fff]{2,30}?${ORG_WORD}、)*[\\u4e00-\\u9fff]{2,30}?${ORG_WORD})(?=关于|转发|印发|对.+(?:答复|复函|批复|意见|函)$)`);

/** Field names some portals use for the metadata fields the ingest reads: [field, alias]. */
const PORTAL_ALIASES: [string, string][] = [
  ['发文字号', '文号'],
  ['标题', '名称'],
  ['发文机关', '发布机构'],
  ['成文日期', '生成日期'],
];

/** An order's number (中华人民共和国国务院令第707号, 国令第707号) → id base: initials of the order's name and the number. */
function orderSlug(docNumber: string): string | undefined {
  const m = /^(.+令)第(\d+)号$/.exec(docNumber);
  const agency = m ? slug(m[1]!.replace(/^中华人民共和国(?=.)/, '')) : '';
  return m && agency ? `${agency}-${Number(m[2])}` : undefined;
}

/** Issuing bodies named at the head of a title (two bodies → two issuers). */
export function titleIssuers(title: string): string[] {
  const m = ISSUER_PREFIX.exec(title.replace(/\s+/g, ''));
  return m ? m[1]!.split('、').filter(Boolean) : [];
}

/** Every text of a block, for searching (cites, dates…). */
export function blockText(b: BlockNode): string {
  switch (b.type) {
    case 'table':
      return [b.head, ...b.rows].filter(Boolean).flatMap((r) => r!.cells.map((c) => c.text)).join('\n');
    case 'heading':
      return `${b.marker}${b.text}${b.rest ?? ''}`;
    default:
      return b.text;
  }
}

/** Remove stray spaces in a title (clean leaves none next to Chinese; this also catches pasted titles). */
export function normaliseTitle(t: string): string {
  return t
    .replace(/\s+/g, ' ')
    .replace(/\s*([^\x00-\x7f])\s*/g, '$1')
    .trim();
}

export function kindOf(title: string, relation?: string): string {
  const t = title.replace(/[》」”)）]+$/, '');
  if (/展示$/.test(t) || /展示/.test(t)) return '展示';
  if (/通知$/.test(t)) return '通知';
  if (/工作要点$|要点$/.test(t)) return '工作要点';
  if (/方案$/.test(t)) return '方案';
  if (/清单$/.test(t)) return '清单';
  if (/标准$/.test(t)) return '标准';
  if (/(?:一览表|汇总表|申报表|登记表|统计表|明细表|表)$/.test(t)) return '表格';
  if (/细则$/.test(t)) return '细则';
  if (/(?:办法|规定|制度|规则)$/.test(t)) return '办法';
  if (/意见$/.test(t)) return '意见';
  if (/(?:安排|计划|规划)$/.test(t)) return '工作安排';
  if (/通报$/.test(t)) return '通报';
  if (/报告$/.test(t)) return '报告';
  if (/决定$/.test(t)) return '决定';
  if (/(?:公告|通告)$/.test(t)) return '公告';
  // The other 文种 of the 党政机关公文处理工作条例 and the genres a county receives with them.
  if (/答复$/.test(t)) return '答复';
  if (/批复$/.test(t)) return '批复';
  if (/(?:复函|函)$/.test(t)) return '函';
  if (/请示$/.test(t)) return '请示';
  if (/纪要$/.test(t)) return '纪要';
  if (/公报$/.test(t)) return '公报';
  if (/决议$/.test(t)) return '决议';
  if (/议案$/.test(t)) return '议案';
  if (/条例$/.test(t)) return '条例';
  if (/预案$/.test(t)) return '预案';
  if (/倡议书?$/.test(t)) return '倡议书';
  if (/(?:纲要|章程)$/.test(t)) return /章程$/.test(t) ? '章程' : '工作安排';
  if (/令$/.test(t)) return '命令';
  return relation === '附件' ? '附件' : '文件';
}

const PROVINCES = ['河南省', '河北省', '山东省', '山西省', '湖北省', '湖南省', '安徽省', '江苏省', '浙江省', '陕西省', '广东省', '四川省'];

/** Level (省/市/县) and region from an issuing body or a title. */
export function regionOf(text: string): { level?: '省' | '市' | '县'; region?: string } {
  const t = text.replace(/\s+/g, '');
  const m = /^((?:[\u4e00-\u9fff]{2,3}省)?)((?:[\u4e00-\u9fff]{2,4}?市)?)((?:[\u4e00-\u9fff]{1,4}?(?:县|区))?)/.exec(t);
  if (m && (m[1] || m[2] || m[3])) {
    const region = `${m[1]}${m[2]}${m[3]}`;
    const level = m[3] ? '县' : m[2] ? '市' : '省';
    // 惠济区 of 郑州市, 舞阳县: county level. A city named after its county (义马市) stays 市.
    return { level, region };
  }
  if (/^豫/.test(t)) return { level: '省', region: '河南省' };
  const prov = PROVINCES.find((p) => t.includes(p));
  if (prov) return { level: '省', region: prov };
  if (/全省/.test(t)) return { level: '省' };
  return {};
}

const MOBILE = /^1[3-9]\d{9}$/;

export function parseContacts(nodes: { text: string; position: { start: { line: number }; end: { line: number } } }[]): Contact[] {
  // Consecutive contact lines form one block.
  const blocks: (typeof nodes)[] = [];
  for (const n of nodes) {
    const last = blocks[blocks.length - 1];
    const lastNode = last?.[last.length - 1];
    const isName = (x: string) => /^联\s*系\s*人/.test(x);
    if (last && lastNode && n.position.start.line - lastNode.position.end.line <= 3 && !(isName(n.text) && last.some((x) => isName(x.text)))) {
      last.push(n);
    } else blocks.push([n]);
  }
  return blocks.map((b) => {
    const text = b.map((n) => n.text).join('\n');
    const names: string[] = [];
    for (const m of text.matchAll(/联\s*系\s*人\s*[:：]\s*([^\n]*?)(?=\s*(?:联系电话|电\s*话|手\s*机|电子邮箱|邮\s*箱)\s*[:：]|\n|$)/g)) {
      const tokens = m[1]!.split(/[\s、，,；;]+/).filter(Boolean);
      // "赵 睿": single characters belong together.
      const merged: string[] = [];
      for (const tok of tokens) {
        const last = merged[merged.length - 1];
        if (last !== undefined && [...tok].length === 1 && [...last].length === 1) merged[merged.length - 1] = last + tok;
        else merged.push(tok);
      }
      names.push(...merged.filter((x) => /[\u4e00-\u9fff]/.test(x)));
    }
    const phones: { number: string; mobile: boolean; note?: string }[] = [];
    for (const m of text.matchAll(/(?<![\d-])((?:0\d{2,3}[-－]?)?\d{7,8}|1[3-9]\d{9})(?![\d])\s*(?:[（(]([^）)]{1,6})[）)])?/g)) {
      const number = m[1]!.replace('－', '-');
      phones.push({ number, mobile: MOBILE.test(number), ...(m[2] ? { note: m[2] } : {}) });
    }
    const emails = [...text.matchAll(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g)].map((m) => m[0]);
    const c: Contact = { text, names, phones, emails, lines: [b[0]!.position.start.line, b[b.length - 1]!.position.end.line] };
    if (names.length) c.name = names.join('、');
    if (phones.length) c.phone = phones[0]!.number;
    if (emails.length) c.email = emails[0];
    return c;
  });
}

/** Fill DocumentMeta (everything but ids and links) for one document. */
export function describe(doc: DocumentNode): void {
  const d = doc.data as Internal;
  const headers = doc.children.filter((b) => b.type === 'header');
  const closings = doc.children.filter((b) => b.type === 'closing');
  const meta = new Map<string, string>();
  for (const h of headers.filter((h) => h.role === 'meta' || h.role === 'portal')) {
    const m = /^([^:：]+)[:：]\s*(.*)$/.exec(h.text);
    if (m && m[2]!.trim() && !meta.has(m[1]!.replace(/\s+/g, ''))) meta.set(m[1]!.replace(/\s+/g, ''), m[2]!.trim());
  }
  // Portals name some fields differently: 文号 / 名称 / 发布机构 / 生成日期.
  for (const [label, alias] of PORTAL_ALIASES) if (!meta.has(label) && meta.has(alias)) meta.set(label, meta.get(alias)!);
  const portal = headers.filter((h) => h.role === 'portal');
  if (portal.length) {
    d.portal = portal.map((h) => {
      const m = /^([^:：]+)[:：](.*)$/s.exec(h.text)!;
      const [line, valueLine] = [h.position.start.line, h.position.end.line];
      return { label: m[1]!, value: m[2]!, line, ...(valueLine !== line ? { valueLine } : {}) };
    });
  }
  const titleNode = headers.find((h) => h.role === 'title');
  const subtitle = headers.find((h) => h.role === 'subtitle');
  const dn = headers.find((h) => h.role === 'docNumber');
  const banner = headers.find((h) => h.role === 'banner');
  const order = banner && isOrderBanner(banner.text) ? banner.text.replace(/\s+/g, '') : undefined;
  const lead = dn ? leadingDocNumber(dn.text) : undefined;
  let title = titleNode ? normaliseTitle(titleNode.text) : lead?.rest && endsTitle(lead.rest) ? normaliseTitle(lead.rest) : meta.get('标题') ?? '';
  if (!title && order) {
    // An order (令) is titled by what it promulgates: 现公布《…条例》 → 《…条例》.
    const first = doc.children.find((b) => b.type === 'paragraph');
    const named = first ? /《([^《》]+)》/.exec(first.text)?.[1] : undefined;
    if (named) title = normaliseTitle(named);
  }
  if (!title) {
    const firstText = doc.children.find((b) => b.type === 'paragraph' || b.type === 'heading');
    title = firstText ? normaliseTitle(blockText(firstText)).slice(0, 40) : d.label ?? '（无标题）';
  }
  d.title = title;
  const orderNumber = dn && order ? ORDER_NUMBER_ALONE.exec(dn.text.replace(/\s+/g, '')) : undefined;
  const docNumber = dn
    ? (parseDocNumber(dn.text) ?? lead?.docNumber ?? (orderNumber ? `${order}第${Number(orderNumber[1])}号` : undefined))
    : meta.get('发文字号')
      ? parseDocNumber(meta.get('发文字号')!)
      : undefined;
  if (docNumber) d.docNumber = docNumber;

  const issuers: string[] = [];
  issuers.push(...titleIssuers(title));
  if (meta.get('发文机关')) issuers.push(...meta.get('发文机关')!.split(/[\s、，,]+/).filter(Boolean));
  for (const h of headers.filter((h) => h.role === 'issuer')) issuers.push(h.text);
  // Signatures of this document — not those of an attachment printed inside it (after its 附件 label),
  // and not a signature that only repeats the bodies already named (两个机关 signed on one line).
  const firstPart = doc.children.findIndex((b) => b.type === 'paragraph' && (b.role === 'attachmentLabel' || b.role === 'attachmentTitle'));
  const own = firstPart < 0 ? doc.children : doc.children.slice(0, firstPart);
  for (const c of own.filter((c) => c.type === 'closing' && c.role === 'signature')) {
    const sig = (c as { text: string }).text.replace(/\s+/g, '');
    const known = issuers.map((s) => s.replace(/\s+/g, ''));
    if (known.length && (known.join('') === sig || known.includes(sig))) continue;
    issuers.push(sig);
  }
  if (!issuers.length && order) issuers.push(orderIssuer(order));
  if (!issuers.length) {
    if (banner) {
      const b = banner.text.replace(/\s+/g, '');
      // "河南省法治政府建设文件领导小组办公室" is a two-column banner: read it as 河南省法治政府建设领导小组办公室.
      issuers.push(b.replace(/文件$/, '').replace(/^(.+?)文件(.+)$/, '$1$2'));
    }
  }
  // A body that is only two others run together (a joint title "AB关于…" over the signatures A and B) is those two.
  const unique = [...new Set(issuers.map((s) => s.replace(/\s+/g, '')))];
  d.issuers = unique.filter((x) => !unique.some((a) => a !== x && x.startsWith(a) && unique.includes(x.slice(a.length))));

  const rec = headers.find((h) => h.role === 'recipients');
  if (rec) d.recipients = rec.text.replace(/^主送\s*[:：]\s*/, '').replace(/[:：]\s*$/, '');

  const dateNode = closings.find((c) => c.role === 'date');
  const signed = dateNode ? parseDate(dateNode.text) : meta.get('成文日期') ? parseDate(meta.get('成文日期')!) : undefined;
  if (signed) d.signedDate = signed;
  const printed = closings.find((c) => c.role === 'printed' && /印发$/.test(c.text.replace(/\s+/g, '')));
  const printedDate = printed ? parseDate(printed.text) : undefined;
  if (printedDate) d.printedDate = printedDate;
  const published = meta.get('发布日期') ? parseDate(meta.get('发布日期')!) : undefined;
  if (published) d.publishedDate = published;

  if (subtitle) d.subtitle = subtitle.text.replace(/^——\s*/, '');
  d.kind = kindOf(subtitle ? `${title}${subtitle.text}` : title, d.relation);
  const place = regionOf(d.issuers[0] ?? '') ;
  const fromTitle = place.level ? place : regionOf(`${title}${subtitle ? subtitle.text : ''}`);
  if (fromTitle.level) d.level = fromTitle.level;
  if (fromTitle.region) d.region = fromTitle.region;

  d.attachments = [];
  for (const c of closings.filter((c) => c.role === 'attachments')) {
    const lines = c.text.split('\n');
    const first = lines[0]!.replace(/^附\s*件\s*[:：]\s*/, '');
    const pieces = [first, ...lines.slice(1)].filter((p) => p.trim());
    for (const piece of pieces) {
      const m = /^(\d{1,2})\s*[.．、]\s*(.*)$/.exec(piece.trim());
      if (m) d.attachments.push({ seq: Number(m[1]), title: normaliseTitle(m[2]!) });
      else if (d.attachments.length) {
        const a = d.attachments[d.attachments.length - 1]!;
        a.title = normaliseTitle(a.title + piece);
      } else d.attachments.push({ seq: 1, title: normaliseTitle(piece) });
    }
  }
  // Empty form fields ("联系人：" in a blank table to fill in) are not contacts.
  d.contacts = parseContacts(closings.filter((c) => c.role === 'contact')).filter((c) => c.names?.length || c.phones?.length || c.emails?.length);

  const all = [title, ...doc.children.map(blockText)].join('\n');
  d.cites = findDocNumbers(all).filter((n) => n !== d.docNumber);
  const yearFrom = d.signedDate ?? d.printedDate;
  const y = yearFrom ? Number(yearFrom.slice(0, 4)) : d.docNumber ? Number(/〔(\d{4})〕/.exec(d.docNumber)?.[1]) : Number(/((?:19|20)\d{2})年/.exec(title)?.[1]);
  if (y) d.year = y;
}

/**
 * Corpus step: ids, parent/children, and inheritance (an attachment shares its parent's
 * level/region; a 版记 at the end of a printed document dates its 印发 notice).
 */
export function assignIds(roots: NoticeRoot[]): DocumentMeta[] {
  const taken = new Set<string>();
  const out: DocumentMeta[] = [];
  for (const root of roots) {
    const docs = root.children;
    docs.forEach((doc, i) => {
      const d = doc.data as Internal;
      const parent = d.parentIndex !== undefined ? (docs[d.parentIndex]!.data as Internal) : undefined;
      let base: string | undefined;
      if (d.docNumber) base = docNumberSlug(d.docNumber) ?? orderSlug(d.docNumber);
      if (!base && parent && d.relation === '附件') {
        const seq = /(\d+)/.exec(d.label ?? '')?.[1] ?? String(parent.attachments.findIndex((a) => titleKey(a.title) === titleKey(d.title)) + 1 || i);
        base = `${parent.id}-fj${seq}`;
      }
      if (!base) base = titleSlug(d.title.replace(ORG_PREFIX, '').replace(/^关于/, ''));
      d.id = uniqueId(base, taken);
      if (parent) {
        d.parent = parent.id;
        if (!parent.children.includes(d.id)) parent.children.push(d.id);
        if (!d.level && parent.level) {
          d.level = parent.level;
          if (parent.region) d.region = parent.region;
        } else if (d.region && parent.region && parent.region.endsWith(d.region)) d.region = parent.region;
        if (d.relation === '附件' && !d.issuers.length) d.issuers = [...parent.issuers];
        // What an order (令) promulgates is issued by the body of the order.
        if (d.relation === '印发' && !d.issuers.length && /令第\d+号$/.test(parent.docNumber ?? '')) d.issuers = [...parent.issuers];
        // The 版记 (印发) printed after an embedded document or its 附件 belongs to the 文号 notice above it.
        if (d.printedDate && !d.docNumber) {
          let up: Internal | undefined = parent;
          while (up && !up.docNumber && up.parentIndex !== undefined) up = docs[up.parentIndex]!.data as Internal;
          if (up?.docNumber && !up.printedDate) up.printedDate = d.printedDate;
        }
        if (!d.year && parent.year) d.year = parent.year;
      }
      for (const a of d.attachments) {
        const child = docs.find((x) => x !== doc && (x.data as Internal).parentIndex === i && (x.data as Internal).relation === '附件' && titleKey(x.data.title) === titleKey(a.title));
        if (child) a.id = child.data.id;
      }
    });
    for (const doc of docs) {
      const d = doc.data as Internal;
      // Attachments whose records come later (ids assigned after the parent): fill now.
      if (d.parentIndex !== undefined) {
        const p = docs[d.parentIndex]!.data;
        for (const a of p.attachments) if (!a.id && titleKey(a.title) === titleKey(d.title)) a.id = d.id;
      }
      delete d.parentIndex;
      out.push(d);
    }
  }
  return out;
}

/** unified transformer: describe every document of the tree (ids need the whole corpus: assignIds). */
export const noticeDocuments: Plugin<[]> = function () {
  return (tree) => {
    for (const doc of (tree as unknown as NoticeRoot).children) describe(doc);
  };
};
