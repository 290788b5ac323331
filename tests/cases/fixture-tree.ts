/** Hand-built notice trees in the shape of the contract (scripts/ingest/types.ts) for extractor tests. */
import type { BlockNode, DocumentNode, NoticeRoot } from '../../scripts/ingest/types';

export type Spec =
  | { header: 'title' | 'subtitle' | 'issuer'; text: string }
  | { p: string; lines?: number }
  | { closing: 'other' | 'signature' | 'date'; text: string };

/** Builds a one-document root; each block takes the next line numbers (blank line between blocks). */
export function tree(specs: Spec[], file = 'fixture.txt', id = 'fixture-doc', title = '依法行政 擎画中原幸福蓝图'): NoticeRoot {
  let line = 1;
  const children: BlockNode[] = specs.map((s) => {
    const n = 'lines' in s && s.lines ? s.lines : 1;
    const position = { start: { line }, end: { line: line + n - 1 } };
    line += n + 1;
    if ('header' in s) return { type: 'header', role: s.header, text: s.text, position };
    if ('closing' in s) return { type: 'closing', role: s.closing, text: s.text, position };
    return { type: 'paragraph', text: s.p, position };
  });
  const position = { start: { line: 1 }, end: { line: Math.max(1, line - 2) } };
  const doc: DocumentNode = {
    type: 'document',
    data: { id, title, issuers: [], kind: '展示', children: [], attachments: [], contacts: [], cites: [], source: { file, lines: [1, position.end.line] } },
    children,
    position,
  };
  return { type: 'root', data: { file, encoding: 'utf-8', artefacts: {} }, children: [doc], position };
}

export const INTRO = '省委、省政府高度重视法治政府建设，2020年7月，省政府印发《关于表彰第二批河南省依法行政示范单位的决定》，对4个第二批依法行政示范单位予以表彰。现将4个单位的典型经验予以刊发。';

export const UNITS: Array<[string, string]> = [
  ['郑州市二七区城市管理局', '让法治为执法工作立规矩，渣土车违规行为出现后不超过10分钟，执法人员到现场处理。一线执法队员每人一台高像素执法记录仪，执法活动全程记录。'],
  ['沁阳县烟草局', '创新执法方式，2019年完成行政执法指导106次，成功调解烟农纠纷12起，调处满意度96%，拉近了与服务对象'],
  ['济源黄河河务局', '将行政指导作为执法与服务的契合点，已向单位提供事前指导33次。加入“两法衔接”平台，解决取证难问题。'],
  ['焦作市公安局高新分局', '依托“互联网+户籍”系统，今年1至9月共检查经营场所1290余家次，发现整改各类安全隐患300余处。（河南省法治政府建设领导小组办公室整理）'],
];

export function caseSpecs(): Spec[] {
  return [
    { header: 'title', text: '依法行政 擎画中原幸福蓝图' },
    { header: 'subtitle', text: '——第二批河南省依法行政示范单位展示' },
    { p: INTRO, lines: 3 },
    ...UNITS.flatMap(([u, b]): Spec[] => [{ p: u }, { p: b }]),
  ];
}
