import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { docxToText, htmlToNoticeText } from '../../scripts/ingest/docx';
import { parseFile } from '../../scripts/ingest/index';
import { assignIds } from '../../scripts/ingest/documents';
import { documentRecord, emitRecord } from '../../scripts/ingest/emit';
import { IngestError } from '../../scripts/ingest/errors';
import { formatNumber, intToChinese } from '../../scripts/ingest/docx-numbering';
import type { TableNode } from '../../scripts/ingest/types';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

type Para = { p: string; style?: string; num?: number; lvl?: number; bold?: boolean };
type Block = Para | { table: string[][] };

function paragraph(b: Para): string {
  const ppr = [b.style ? `<w:pStyle w:val="${b.style}"/>` : '', b.num ? `<w:numPr><w:ilvl w:val="${b.lvl ?? 0}"/><w:numId w:val="${b.num}"/></w:numPr>` : ''].join('');
  const rpr = b.bold ? '<w:rPr><w:b/></w:rPr>' : '';
  return `<w:p>${ppr ? `<w:pPr>${ppr}</w:pPr>` : ''}<w:r>${rpr}<w:t xml:space="preserve">${esc(b.p)}</w:t></w:r></w:p>`;
}

/** A small but real .docx: document, styles (Heading 1), numbering (decimal list), relationships. */
async function makeDocx(blocks: Block[]): Promise<Uint8Array> {
  const body = blocks
    .map((b) => ('table' in b ? `<w:tbl>${b.table.map((r) => `<w:tr>${r.map((c) => `<w:tc>${c.split('\n').map((x) => paragraph({ p: x })).join('')}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>` : paragraph(b)))
    .join('');
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>',
  );
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  zip.file(
    'word/_rels/document.xml.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>',
  );
  zip.file('word/styles.xml', `<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="${W}"><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style></w:styles>`);
  zip.file(
    'word/numbering.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="${W}">` +
      `<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>` +
      // A Chinese notice's outline numbering: 一、 > （一） > 1. > （1）
      `<w:abstractNum w:abstractNumId="1">` +
      `<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>` +
      `<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>` +
      `<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>` +
      `<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="（%4）"/></w:lvl>` +
      `</w:abstractNum>` +
      `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>`,
  );
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: 'uint8array' });
}

const NOTICE: Block[] = [
  { p: '测法政办〔2024〕9号' },
  { p: '测试县法治政府建设领导小组办公室关于印发《测试县示范创建任务清单》的通知', style: 'Heading1' },
  { p: '各乡镇，县直各单位：' },
  { p: '现将《测试县示范创建任务清单》印发给你们，请认真落实。' },
  { p: '一、总体要求', bold: true },
  { p: '（一）明确责任。各单位要落实责任。' },
  { p: '建立台账。', num: 1 },
  { p: '按月报送。', num: 1 },
  { table: [['序号', '任务', '责任单位'], ['1', '梳理清单', '司法局\n政府办'], ['2', '{公开} <清单>', '各单位']] },
  { p: '测试县法治政府建设领导小组办公室' },
  { p: '2024年5月6日' },
];

describe('.docx input (mammoth)', () => {
  it('headings, numbered paragraphs (Word auto-numbering written out) and tables survive', async () => {
    const bytes = await makeDocx(NOTICE);
    const text = await docxToText(bytes, 'n.docx');
    expect(text.split('\n')).toEqual([
      '测法政办〔2024〕9号',
      '测试县法治政府建设领导小组办公室关于印发《测试县示范创建任务清单》的通知',
      '各乡镇，县直各单位：',
      '现将《测试县示范创建任务清单》印发给你们，请认真落实。',
      '一、总体要求',
      '（一）明确责任。各单位要落实责任。',
      '1.建立台账。',
      '2.按月报送。',
      '',
      '序号\t任务\t责任单位',
      '1\t梳理清单\t司法局\u2028政府办',
      '2\t{公开} <清单>\t各单位',
      '',
      '测试县法治政府建设领导小组办公室',
      '2024年5月6日',
      '',
    ]);
  });

  it('a .docx notice becomes a document with 文号, title, issuer, date, headings and a table; its text is never code', async () => {
    const p = await parseFile('notice.docx', await makeDocx(NOTICE));
    expect(p.root.data.encoding).toBe('DOCX (mammoth)');
    const [d] = assignIds([p.root]);
    expect(d).toMatchObject({ docNumber: '测法政办〔2024〕9号', title: '测试县法治政府建设领导小组办公室关于印发《测试县示范创建任务清单》的通知', issuers: ['测试县法治政府建设领导小组办公室'], signedDate: '2024-05-06', recipients: '各乡镇，县直各单位' });
    const blocks = p.root.children[0]!.children;
    expect(blocks.filter((b) => b.type === 'heading').map((b) => (b.type === 'heading' ? `${b.depth}${b.marker}` : ''))).toEqual(['1一、', '2（一）', '31.', '32.']);
    const t = blocks.find((b): b is TableNode => b.type === 'table')!;
    expect(t.head?.cells.map((c) => c.text)).toEqual(['序号', '任务', '责任单位']);
    expect(t.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['1', '梳理清单', '司法局\n政府办'],
      ['2', '{公开} <清单>', '各单位'],
    ]);
    const mdx = emitRecord(documentRecord(p.root.children[0]!)).content;
    expect(mdx).toContain('\\{公开} \\<清单>');
  });

  it('a broken .docx is refused with the file name and what to do', async () => {
    const bad = new TextEncoder().encode('PK\u0003\u0004 this is not really a zip');
    await expect(parseFile('broken.docx', bad)).rejects.toMatchObject({ code: 'docx', file: 'broken.docx' });
    const e = await parseFile('broken.docx', bad).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(IngestError);
    expect((e as IngestError).message).toMatch(/^broken\.docx: .*Save as/);
  });

  it('a .docx without text is refused as empty', async () => {
    await expect(parseFile('empty.docx', await makeDocx([]))).rejects.toMatchObject({ code: 'empty', file: 'empty.docx' });
  });

  it('Word outline numbering in Chinese formats is written out as printed and gives the right heading depths', async () => {
    const bytes = await makeDocx([
      { p: '测试县工作方案' },
      { p: '总体要求', num: 2, lvl: 0 },
      { p: '指导思想。坚持依法行政。', num: 2, lvl: 1 },
      { p: '营造氛围。', num: 2, lvl: 2 },
      { p: '细化措施', num: 2, lvl: 3 },
      { p: '明确分工。', num: 2, lvl: 2 },
      { p: '工作步骤', num: 2, lvl: 0 },
      { p: '动员部署', num: 2, lvl: 1 },
    ]);
    const text = await docxToText(bytes, 'plan.docx');
    expect(text.split('\n').filter(Boolean)).toEqual(['测试县工作方案', '一、总体要求', '（一）指导思想。坚持依法行政。', '1.营造氛围。', '（1）细化措施', '2.明确分工。', '二、工作步骤', '（一）动员部署']);
    const p = await parseFile('plan.docx', bytes);
    const hs = p.root.children[0]!.children.filter((b) => b.type === 'heading');
    expect(hs.map((h) => (h.type === 'heading' ? [h.depth, h.marker] : []))).toEqual([
      [1, '一、'],
      [2, '（一）'],
      [3, '1.'],
      [4, '（1）'],
      [3, '2.'],
      [1, '二、'],
      [2, '（一）'],
    ]);
  });

  it('intToChinese and formatNumber', () => {
    expect([1, 10, 12, 20, 21, 99, 105, 110, 115].map(intToChinese)).toEqual(['一', '十', '十二', '二十', '二十一', '九十九', '一百零五', '一百一十', '一百一十五']);
    expect(formatNumber(3, 'decimalEnclosedCircle')).toBe('③');
    expect(formatNumber(4, 'upperRoman')).toBe('IV');
  });

  it('htmlToNoticeText decodes entities and nests list numbering', () => {
    expect(htmlToNoticeText('<p>a &amp; b &lt;c&gt; &#x7b;d&#125;</p><ol><li>一<ol><li>二</li></ol></li></ol>')).toBe('a & b <c> {d}\n1.一\n（1）二\n');
  });
});
