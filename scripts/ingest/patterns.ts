/**
 * Shared text patterns of the notice genre (numbering, 文号, dates, closing labels).
 * Pure data + tiny helpers; every stage uses the same definitions.
 */

/** Chinese numerals used in section numbering and dates. */
const CN_DIGITS: Record<string, number> = {
  〇: 0, 零: 0, '○': 0, O: 0, o: 0, Ｏ: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 两: 2,
};

/** 一 → 1, 十二 → 12, 二十三 → 23, 一百零五 → 105; also plain digit strings. */
export function cnToInt(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  let total = 0;
  let current = 0;
  for (const ch of s) {
    if (ch === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else if (ch === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else if (ch in CN_DIGITS) {
      current = CN_DIGITS[ch]!;
    } else return NaN;
  }
  return total + current;
}

/** 二〇一九 → 2019 (digit-by-digit year). */
export function cnYear(s: string): number {
  if (/^\d{4}$/.test(s)) return Number(s);
  let out = '';
  for (const ch of s) {
    if (!(ch in CN_DIGITS)) return NaN;
    out += CN_DIGITS[ch];
  }
  return Number(out);
}

const CN_NUM = '[一二三四五六七八九十百]+';

export interface Marker {
  depth: 1 | 2 | 3 | 4;
  marker: string;
  ordinal: number;
  rest: string;
}

/** Section numbering at the start of a line: 一、 > （一） > 1./1、 > （1）/(1). Never '#'. */
export function matchMarker(text: string): Marker | undefined {
  let m = new RegExp(`^(${CN_NUM})[、，,．.]\\s*`).exec(text);
  if (m) return { depth: 1, marker: m[0].trim(), ordinal: cnToInt(m[1]!), rest: text.slice(m[0].length) };
  m = new RegExp(`^[（(]\\s*(${CN_NUM})\\s*[）)]\\s*`).exec(text);
  if (m) return { depth: 2, marker: m[0].trim(), ordinal: cnToInt(m[1]!), rest: text.slice(m[0].length) };
  m = /^(\d{1,3})(?:[.．](?!\d)|、)\s*/.exec(text);
  if (m) return { depth: 3, marker: m[0].trim(), ordinal: Number(m[1]), rest: text.slice(m[0].length) };
  m = /^[（(]\s*(\d{1,3})\s*[）)]\s*/.exec(text);
  if (m) return { depth: 4, marker: m[0].trim(), ordinal: Number(m[1]), rest: text.slice(m[0].length) };
  return undefined;
}

/** The parts of a regulation: 第一编 > 第一部分 > 第一章 > 第一节 > 第一条 (GB/T 9704 / 立法技术规范). */
export type ArticleKind = '编' | '部分' | '章' | '节' | '条';

export interface ArticleMarker {
  kind: ArticleKind;
  marker: string;
  ordinal: number;
  rest: string;
}

/** 第一章　总则 / 第二节 … / 第十五条　… at the start of a line. */
export function matchArticle(text: string): ArticleMarker | undefined {
  const m = /^第\s*([一二三四五六七八九十百零〇两]{1,6}|\d{1,3})\s*(编|部分|章|节|条)(?![^\s\u4e00-\u9fff（(“《])\s*/.exec(text);
  if (!m) return undefined;
  // "第一条规定的…" / "第三章所列…" refer to a part: a reference, not a heading.
  if (/^(?:规定|所列|所称|所述|的|和|或|至|中|之)/.test(text.slice(m[0].length))) return undefined;
  const ordinal = cnToInt(m[1]!);
  if (!ordinal) return undefined;
  return { kind: m[2] as ArticleKind, marker: m[0].trim(), ordinal, rest: text.slice(m[0].length) };
}

export interface DecimalMarker {
  /** 1 for "1 总则", 2 for "1.1 编制目的", 3 for "1.1.1 …". */
  level: number;
  marker: string;
  ordinal: number;
  rest: string;
}

/**
 * Decimal numbering of plans and standards (应急预案: 1 总则 / 1.1 编制目的 / 7.2 …). "1.1" needs a
 * Chinese word after it (not 15172.500 or 2.2022年); the top level "1 总则" is read only with
 * `topLevel` (when the document also numbers 1.1 …): a short unpunctuated line, not a count (1年, 3个).
 */
export function matchDecimal(text: string, topLevel = false): DecimalMarker | undefined {
  const m = /^(\d{1,2}(?:[.．]\d{1,2}){1,3})(?![\d.．])\s*(?=[\u4e00-\u9fff（(“《])/.exec(text);
  if (m) {
    const parts = m[1]!.split(/[.．]/);
    return { level: parts.length, marker: m[1]!, ordinal: Number(parts[parts.length - 1]), rest: text.slice(m[0].length) };
  }
  if (!topLevel) return undefined;
  const t = /^(\d{1,2})\s*(?=[\u4e00-\u9fff])/.exec(text);
  if (!t) return undefined;
  const rest = text.slice(t[0].length);
  if ([...rest].length > 30 || /[，。；：,;:]/.test(rest) || /^[年月日号个项次条名人万亿元岁天届批类级倍周期户家所座]/.test(rest)) return undefined;
  return { level: 1, marker: t[1]!, ordinal: Number(t[1]), rest };
}

/** Bracket pairs a 文号 year may be printed in; all are normalised to 〔〕. */
const OPEN = '〔\\[［(（【';
const CLOSE = '〕\\]］)）】';

/** A line that is only a 文号: 郑法政办〔2019〕7号 (also [] () forms, spaces). */
export const DOC_NUMBER_LINE = new RegExp(`^([\\u4e00-\\u9fff]{1,12})\\s*[${OPEN}]\\s*(\\d{4})\\s*[${CLOSE}]\\s*第?\\s*(\\d{1,4})\\s*号$`);

/** Every 文号 in running text. The agency prefix is trimmed afterwards (see trimAgency). */
export const DOC_NUMBER_ANY = new RegExp(`([\\u4e00-\\u9fff]{1,16})\\s*[${OPEN}]\\s*(\\d{4})\\s*[${CLOSE}]\\s*第?\\s*(\\d{1,4})\\s*号`, 'g');

/** Words that end the run of text before a cited 文号's agency abbreviation. */
const BEFORE_AGENCY = /^.*(?:贯彻落实|落实|贯彻|执行|按照|根据|依据|依照|参照|对照|印发|转发|详见|见|的|和|及|与|以|经|据|即|文件|精神|通知|要求|规定|办法|意见|方案|简称|是|为|由)/;

export function trimAgency(prefix: string): string {
  let p = prefix.replace(BEFORE_AGENCY, '');
  if (!p) p = prefix.slice(-4);
  return p.length > 8 ? p.slice(-8) : p;
}

export function normaliseDocNumber(agency: string, year: string | number, num: string | number): string {
  return `${agency}〔${year}〕${Number(num)}号`;
}

/**
 * The number of an order (令), which has no year: 国令第706号 / 国务院令第706号 / 中华人民共和国国务院令第706号,
 * 河南省人民政府令第180号. Under a 令 banner it is printed alone: 第706号 (see ORDER_NUMBER_ALONE).
 */
export const ORDER_NUMBER_LINE = /^([\u4e00-\u9fff]{0,20}令)第(\d{1,5})号$/;
/** 第706号 on its own line, under a 令 banner (中华人民共和国国务院令). */
export const ORDER_NUMBER_ALONE = /^第(\d{1,5})号$/;

/** Banner of an order: 中华人民共和国国务院令 / 河南省人民政府令 / 中华人民共和国公安部令. */
export function isOrderBanner(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  return /^[\u4e00-\u9fff]{2,24}令$/.test(t) && /(?:国务院|政府|部|委员会|局|署|行|院)令$/.test(t) && !/(?:命令|指令|法令|号令|口令)$/.test(t);
}

/** The issuing body of an order banner: 中华人民共和国国务院令 → 国务院, 河南省人民政府令 → 河南省人民政府. */
export function orderIssuer(banner: string): string {
  return banner.replace(/\s+/g, '').replace(/令$/, '').replace(/^中华人民共和国(?=.)/, '');
}

/**
 * A 文号 as printed in brackets under the title, or with the title after it on one line:
 * （豫政发〔2009〕25号） / 豫政办〔2019〕12号 关于…的通知. Returns the 文号 and what follows it.
 */
export function leadingDocNumber(text: string): { docNumber: string; rest: string } | undefined {
  const t = text.replace(/\s+/g, '');
  const bracketed = new RegExp(`^[（(](.+号)[）)]$`).exec(t);
  if (bracketed) {
    const n = parseDocNumber(bracketed[1]!);
    return n ? { docNumber: n, rest: '' } : undefined;
  }
  const m = new RegExp(`^([\\u4e00-\\u9fff]{1,12}[${OPEN}]\\d{4}[${CLOSE}]第?\\d{1,4}号)(.+)$`).exec(t);
  if (!m) return undefined;
  const n = parseDocNumber(m[1]!);
  return n ? { docNumber: n, rest: m[2]! } : undefined;
}

/** Parse a 文号 written in any bracket style (or an order number 国令第706号); undefined when the text is not one. */
export function parseDocNumber(text: string): string | undefined {
  // An upward 公文 prints the signer on the 文号's line: 豫司〔2024〕15号　　签发人：王某某.
  const t = text.replace(/\s+/g, '').replace(/(号)签\s*发\s*人[:：][\u4e00-\u9fff·、，,]{1,30}$/, '$1');
  const m = DOC_NUMBER_LINE.exec(t);
  if (m) return normaliseDocNumber(m[1]!, m[2]!, m[3]!);
  const o = ORDER_NUMBER_LINE.exec(t);
  if (o && o[1]!.length >= 2) return `${o[1]}第${Number(o[2])}号`;
  return undefined;
}

/** Every 文号 cited in a text, normalised to 〔〕, in order of first appearance. */
export function findDocNumbers(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(DOC_NUMBER_ANY)) {
    const agency = trimAgency(m[1]!);
    if (!agency) continue;
    const n = normaliseDocNumber(agency, m[2]!, m[3]!);
    if (!out.includes(n)) out.push(n);
  }
  return out;
}

const CN_DATE_DIGIT = '[〇○零一二三四五六七八九十OoＯ]';
/** 2019年7月23日 / 2019 年 7 月 23 日 / 二〇一九年七月二十三日 / 2019-07-23 / 2019.7.23 */
export const DATE_RE = new RegExp(
  `(\\d{4}|${CN_DATE_DIGIT}{4})\\s*年\\s*(\\d{1,2}|${CN_DATE_DIGIT}{1,3})\\s*月\\s*(\\d{1,2}|${CN_DATE_DIGIT}{1,3})\\s*日` +
    `|(\\d{4})[-./](\\d{1,2})[-./](\\d{1,2})`,
);

/** Parse the first date in the text to ISO YYYY-MM-DD. */
export function parseDate(text: string): string | undefined {
  const m = DATE_RE.exec(text);
  if (!m) return undefined;
  const y = m[1] ? cnYear(m[1]) : Number(m[4]);
  const mo = m[2] ? cnToInt(m[2]) : Number(m[5]);
  const d = m[3] ? cnToInt(m[3]) : Number(m[6]);
  if (!(y > 1900 && y < 2200 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31)) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A line that is only a date (the signing date at the end of a document). */
export function isDateLine(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  const m = DATE_RE.exec(t);
  return !!m && m.index === 0 && m[0].length === t.length;
}

/** 2019年7月1日印发 — also with the printing office in front: 淇县人民政府办公室 2020年4月2日印发 */
export function isPrintedLine(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  const m = DATE_RE.exec(t);
  if (!m || !/^印发$/.test(t.slice(m.index + m[0].length))) return false;
  const before = t.slice(0, m.index);
  return before === '' || (/^[\u4e00-\u9fff（）()]{2,30}$/.test(before) && /(?:办公室|政府|厅|局|委员会|小组|处|室)$/.test(before));
}

/** 份号: the copy number printed first on a 公文 (GB/T 9704: six digits), 000123. */
export const COPY_NUMBER = /^\d{6}$/;

/** Red-header banner: 郑州市法治政府建设领导小组办公室文件 / 河南省法治政府建设文件 领导小组办公室. */
export function isBanner(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  if (isOrderBanner(t)) return true;
  return t.length <= 40 && /文件/.test(t) && /(文件|办公室|委员会|政府|小组)$/.test(t) && !/[，。；：《》]/.test(t) && !/关于/.test(t);
}

/** Punctuation that ends a sentence or a clause introducing what follows. */
export const TERMINAL = /(?:[。！？；：!?;:…]|[。！？][”’」』）)]|——|(?<=[\u4e00-\u9fff）)”》])\.)$/;

/** Words a document title ends with. */
export const TITLE_END = /(?:通知|通报|方案|要点|清单|标准|细则|办法|意见|决定|规定|规划|计划|安排|报告|纲要|一览表|汇总表|申报表|登记表|统计表|明细表|表|函|批复|答复|请示|公告|通告|展示|目录|指引|指南|制度|规则|条例|预案|章程|决议|纪要|公报|倡议书|议案|守则)$/;

/** Closing labels. */
export const CONTACT_RE = /^(?:联\s*系\s*人|联系电话|联系方式|手\s*机|电\s*话|传\s*真|电子邮箱|邮\s*箱|E-?mail|地\s*址|邮\s*编)\s*[:：]/i;
export const CC_RE = /^(?:抄送|抄报|主办|督办|承办|印发|分送|主题词|关键词)\s*[:：]|印发$|^[\u4e00-\u9fff（）()]{2,30}\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发$/;
export const ATTACHMENT_LIST_RE = /^附\s*件\s*[:：]/;
/** 附件 / 附件 1 / 附件1： on its own line (an attachment starts). */
export const ATTACHMENT_LABEL_RE = /^附\s*件\s*(\d{1,2})?\s*[:：]?$/;

/**
 * The label of a block of notes under a form or table: 说明： / 注： / 备注： / 填表说明：. The
 * numbered items after it (1. … 2. … , on its own line or the first one on the label's line)
 * are notes — a numbered list of paragraphs, never section headings.
 */
export const NOTE_LABEL = /^(?:说明|注|备注|附注|注意事项|填表说明|填报说明)\s*[:：]/;

/** A line that begins a new structural unit (so it never continues the previous sentence). */
export function isStructuralStart(text: string): boolean {
  return (
    !!matchMarker(text) ||
    !!matchArticle(text) ||
    !!matchDecimal(text) ||
    ATTACHMENT_LIST_RE.test(text) ||
    ATTACHMENT_LABEL_RE.test(text) ||
    CONTACT_RE.test(text) ||
    CC_RE.test(text) ||
    isDateLine(text) ||
    isPrintedLine(text) ||
    !!parseDocNumber(text) ||
    leadingDocNumber(text)?.rest === '' ||
    ORDER_NUMBER_ALONE.test(text.trim()) ||
    isBanner(text) ||
    /^——/.test(text) ||
    NOTE_LABEL.test(text) ||
    META_LINE.test(text)
  );
}

/** Header metadata lines: a web page's 索引号/发文字号/成文日期 block, and 签发人/密级/紧急程度 of a 公文 header. */
export const META_LINE = /^(?:索引号|发文字号|发文机关|发布机构|成文日期|发布日期|生效日期|废止日期|有效性|时效性|主题分类|信息分类|体裁分类|组配分类|公开方式|公开范围|标\s*题|分\s*类|来\s*源|签\s*发\s*人|密\s*级|紧急程度|份\s*号)\s*[:：]|^(?:特急|加急|平急|特提|急件|机密|秘密|绝密)(?:★.*)?$/;

/** Han ideographs and CJK punctuation (full-width forms included). */
export const CJK_CHAR = /[\u2e80-\u2fff\u3001-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2018-\u201f\u2026\u2014\u00b7]/;

/** A line break inside a table cell of a one-row-per-line table (written by the .docx reader). */
export const CELL_BREAK = '\u2028';
