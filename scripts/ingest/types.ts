/**
 * The notice tree: the one syntax tree every ingest stage works on.
 *
 * It is unist-compatible (every node has `type` and a `position` with 1-based
 * line numbers into the ORIGINAL source file, before cleaning), so the
 * `unist-util-*` helpers work on it and every record can name its source lines.
 *
 *   NoticeRoot            one source file
 *   └─ DocumentNode       one document (a forwarding notice, each document it forwards, each 附件)
 *      ├─ HeaderNode      header lines: 文号, issuer, title, recipients …   (role says which)
 *      ├─ HeadingNode     a numbered section heading: 一、 / （一） / 1. / （1）  (depth 1–4)
 *      ├─ ParagraphNode   body text (lines joined across page breaks)
 *      ├─ TableNode       a table: rows of cells, a cell may span several source lines
 *      └─ ClosingNode     closing lines: signature, date, contacts, 附件 list, 抄送/印发
 *
 * Contract: fields may be ADDED, never renamed or removed; other stages depend on them.
 */

export interface Point {
  /** 1-based line in the original source file. */
  line: number;
}
export interface Position {
  start: Point;
  end: Point;
}

/** Where a record comes from: file name (as in content/sources) and a line range. */
export interface SourceRef {
  file: string;
  lines: [number, number];
}

export type HeaderRole =
  | 'banner' // 郑州市法治政府建设领导小组办公室文件 / 郑州市惠济区人民政府文件
  | 'docNumber' // 郑法政办〔2019〕7号
  | 'issuer' // a line naming the issuing body on its own
  | 'title' // the title (possibly joined from several lines)
  | 'subtitle' // ——第二批河南省依法行政示范单位展示
  | 'recipients' // 主送: 各乡（镇）党委政府，县直各有关单位：
  | 'meta' // a metadata line of a 公文 header (签发人 / 密级 / 紧急程度 …)
  | 'portal' // one field of a portal page's metadata block (索引号 / 主题分类 / 发文字号 …): metadata, not body
  | 'label'; // 附件 / 附件 1 — the label above an attachment

export type ClosingRole =
  | 'signature' // issuing body at the end
  | 'date' // 2019 年 7 月 23 日
  | 'contact' // 联系人 / 联系电话 / 电子邮箱
  | 'attachments' // 附件：1. … 2. …
  | 'cc' // 抄送 / 主办 / 督办
  | 'printed' // 版记: the printing office and 2019年7月1日印发
  | 'other';

export interface HeaderNode {
  type: 'header';
  role: HeaderRole;
  text: string;
  position: Position;
}

export interface HeadingNode {
  type: 'heading';
  /**
   * 1 = 一、  2 = （一）  3 = 1. / 1、  4 = （1） / (1) — from the numbering, never from '#'.
   * In a document with the parts of a regulation (第一章 / 第一节 / 第一条) or decimal numbering
   * (1 / 1.1 / 1.1.1), depth is the rank of the heading's kind among the kinds the document uses,
   * in the order 编 > 部分 > 章 > 节 > 条 > 1 > 1.1 > 1.1.1 > 一、 > （一） > 1. > （1）, up to 6.
   */
  depth: 1 | 2 | 3 | 4 | 5 | 6;
  /** Set for the parts of a regulation ('章', '条' …) and for decimal numbering ('decimal'). */
  scheme?: '编' | '部分' | '章' | '节' | '条' | 'decimal';
  /** The numbering as printed, e.g. '一、', '（三）', '2.', '（1）'. */
  marker: string;
  /** The number as an integer (一 → 1, （三）→ 3, 12. → 12). */
  ordinal: number;
  /**
   * The heading text without the marker. When a numbered line carries a lead
   * phrase and then body text on the same line (`1.营造"以赛促学"浓厚氛围。各地各部门…`),
   * `text` is the lead phrase up to the first 。 and `rest` holds the remainder.
   */
  text: string;
  rest?: string;
  position: Position;
}

export interface ParagraphNode {
  type: 'paragraph';
  text: string;
  position: Position;
  /**
   * Set for paragraphs that title a part of the document: the 附件 label and title of an
   * attachment kept inside a 文号 document ('attachmentLabel' / 'attachmentTitle'), or the
   * title line(s) right above a table ('caption'), or an unnumbered name line heading the
   * paragraph below it — the unit names of the 典型经验 article ('sectionTitle'), or a numbered
   * note of a 说明：/注： block ('note': `text` is the note as printed, with its number, e.g.
   * "1.上报的材料…" or "注：1.设区的市…"; notes are a numbered list of paragraphs, never headings).
   * The depth of numbered HeadingNodes is never affected.
   */
  role?: 'attachmentLabel' | 'attachmentTitle' | 'caption' | 'sectionTitle' | 'note';
}

export interface TableCell {
  /** Cell text; a cell that spans lines keeps '\n' between its lines. */
  text: string;
  position: Position;
}
export interface TableRow {
  cells: TableCell[];
  position: Position;
}
export interface TableNode {
  type: 'table';
  /**
   * How the source wrote it: 'cells' = one cell per tab-prefixed line, a row starting at a
   * "\t<seq>" line (001); 'rows' = one row per line, cells separated by tabs (004).
   */
  style?: 'cells' | 'rows';
  /** Lines where a page break repeated the header row (the repeat is merged away). */
  repeatedHead?: number[];
  /** The header row when one was recognised (序号 / 指标内容 / … ), else undefined. */
  head?: TableRow;
  rows: TableRow[];
  position: Position;
}

export interface ClosingNode {
  type: 'closing';
  role: ClosingRole;
  text: string;
  position: Position;
}

export type BlockNode = HeaderNode | HeadingNode | ParagraphNode | TableNode | ClosingNode;

export interface Contact {
  name?: string;
  phone?: string;
  email?: string;
  text: string;
  /** Every person named in the contact block ("联系人：夏新军 赵睿" → two names). */
  names?: string[];
  /** Every number in the block; `mobile` marks personal mobiles (the site masks them). */
  phones?: { number: string; mobile: boolean; note?: string }[];
  /** Every e-mail address in the block. */
  emails?: string[];
  /** Source lines of the block. */
  lines?: [number, number];
}

export interface Attachment {
  /** 1-based number in the 附件 list. */
  seq: number;
  title: string;
  /** id of the document record when the attachment is in the corpus. */
  id?: string;
}

/** Metadata of one document, filled by the extract stage (fields absent when the text lacks them). */
export interface DocumentMeta {
  id: string;
  title: string;
  docNumber?: string;
  issuers: string[];
  signedDate?: string; // ISO YYYY-MM-DD 成文日期
  printedDate?: string; // ISO 印发日期
  publishedDate?: string; // ISO 发布日期 (from a web-page metadata block)
  recipients?: string;
  kind: string; // 通知 / 方案 / 工作要点 / 标准 / 展示 / 附件 / 清单 …
  level?: '省' | '市' | '县';
  region?: string;
  parent?: string;
  children: string[];
  attachments: Attachment[];
  contacts: Contact[];
  cites: string[]; // 文号 cited in the text, normalised to 〔〕
  source: SourceRef;
  /** Subtitle as printed under the title (——第二批河南省依法行政示范单位展示), without the dash. */
  subtitle?: string;
  /** How this document hangs under `parent`: forwarded (转发), printed (印发) or attached (附件). */
  relation?: '转发' | '印发' | '附件';
  /** 附件 label as printed ('附件 1') for attachments. */
  label?: string;
  /** Cited 文号 resolved against the corpus (link stage): id when the corpus holds it. */
  citations?: { docNumber: string; id?: string }[];
  /** When the same 发文字号 came from several sources: every source (the record is published once). */
  sources?: SourceRef[];
  /** OCR corrections applied from content/errata.yaml inside this document. */
  errata?: {
    line: number;
    original: string;
    corrected: string;
    reason: string;
    /** Which occurrence (0-based, body text order) of `corrected` is the corrected span (emit fills it). */
    occurrence?: number;
  }[];
  /**
   * The metadata block of a portal page the notice was copied or saved from (索引号, 主题分类, 发文机关,
   * 成文日期, 标题, 发文字号, 发布日期 …), in the page's order, with source lines (scripts/ingest/portal.ts).
   */
  portal?: { label: string; value: string; line: number; valueLine?: number }[];
  /** The year for filters (from signedDate, printedDate or the 文号). */
  year?: number;
}

export interface DocumentNode {
  type: 'document';
  data: DocumentMeta;
  children: BlockNode[];
  position: Position;
}

/** Counts of removed artefacts by kind (the kinds are named in one list in clean.ts). */
export type ArtefactCounts = Record<string, number>;

export interface NoticeRoot {
  type: 'root';
  data: {
    file: string;
    encoding: string;
    artefacts: ArtefactCounts;
    /** Whitespace normalisations and page-break joins, counted. */
    normalisations?: Record<string, number>;
    /** Line endings of the source before normalisation to LF. */
    lineEnding?: string;
    /** Number of lines in the original source. */
    lineCount?: number;
  };
  children: DocumentNode[];
  position: Position;
}

/**
 * A record produced by an extractor (cases, indicators, scoring items, work points…).
 * The emit stage writes it to content/<collection>/<id>.mdx (frontmatter = data, body = mdast
 * serialised through mdast-util-to-markdown with the MDX extensions) and collects every
 * record of a collection into content/data/<collection>.json.
 */
export interface RecordOut {
  /** Folder under content/: 'cases' | 'indicators' | 'workpoints' | 'scoring' … */
  collection: string;
  /** Stable ASCII id; also the file name. */
  id: string;
  /** Frontmatter; must include `id` and `source`. Plain JSON values only. */
  data: Record<string, unknown> & { id: string; source: SourceRef };
  /** Body as mdast block content (paragraphs, lists, tables…). Text nodes hold source text verbatim. */
  body: import('mdast').RootContent[];
}

/** Something an extractor saw in a source and did not turn into a record, with why (listed in the ingest report). */
export interface ExtractNote {
  file: string;
  /** 1-based line in the original source. */
  line: number;
  /** The text as printed (shortened), e.g. "1.上报的材料…". */
  text: string;
  reason: string;
  /** The document id it stands in. */
  document?: string;
  /**
   * What staff should do about it. A note with an action is a WARNING of the ingest report (a part
   * the extractor could not read and skipped); one without is an expected skip (a 说明 note, 指导思想).
   */
  action?: string;
}

/** Context handed to every extractor: all parsed files, plus the document records by id. */
export interface ExtractContext {
  roots: NoticeRoot[];
  documents: Map<string, DocumentMeta>;
  /** Report a skipped part of a source (file:line and why); the ingest report lists every note. Optional. */
  note?: (n: ExtractNote) => void;
}

/** One record type's extraction step. Registered in scripts/ingest/extractors/index.ts. */
export interface Extractor {
  name: string;
  extract(ctx: ExtractContext): RecordOut[];
}
