/**
 * One reader per format behind one interface (scripts/ingest/readers/): each format's fixture is read
 * into the decoded text the rest of the pipeline shares, with what the reader removed counted; the
 * format table picks a reader by signature before extension; formats we do not read are refused
 * naming the format and what to do. Fixtures: tests/fixtures/readers/ (portal.html written by hand,
 * notice.doc made once by make-doc.ts; the PDFs are printed at test time from notice.html by the
 * Chromium of tests/helpers/browser.ts, see print-pdf.ts).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignIds } from '../../scripts/ingest/documents';
import { IngestError } from '../../scripts/ingest/errors';
import { parseFile } from '../../scripts/ingest/index';
import { chooseReader, readSource, sniff } from '../../scripts/ingest/readers/index';
import { runIngest } from '../../scripts/ingest/run';
import { CELL_BREAK } from '../../scripts/ingest/patterns';
import { launchBrowser } from '../helpers/browser';
import { printNoticePdf, printScanPdf, TEMPLATES } from '../fixtures/readers/print-pdf';

const FIX = 'tests/fixtures/readers';
const fixture = (f: string) => readFileSync(join(FIX, f));
const read = (file: string, bytes: Uint8Array) => readSource(file, bytes, { maxBytes: 2 * 1024 * 1024 });
const refusal = async (file: string, bytes: Uint8Array) => {
  const e = await read(file, bytes).then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(IngestError);
  return e as IngestError;
};

/** The lines of the decoded text, without the blank ones. */
const lines = (text: string) => text.split('\n').filter((l) => l.trim());

describe('.html: a page saved from a portal', () => {
  it('the metadata table becomes "标签：值" lines at the top, then a blank line, then the article; chrome is counted, not kept', async () => {
    const r = await read('portal.html', fixture('portal.html'));
    const text = r.text.split('\n');
    expect(text.slice(0, 8)).toEqual([
      '索引号：11410000TEST0001/2024-00012',
      '主题分类：政府法制',
      '发文机关：测试市人民政府办公室',
      '成文日期：2024年03月08日',
      '标题：测试市人民政府办公室关于开展行政执法案卷评查的通知',
      '发文字号：测政办〔2024〕7号',
      '发布日期：2024年03月11日',
      '',
    ]);
    // The article: its title (a <br> inside the <h1> keeps two lines), paragraphs with blank lines between.
    expect(text.slice(8, 14)).toEqual(['测试市人民政府办公室关于开展', '行政执法案卷评查的通知', '', '测政办〔2024〕7号', '', '各县（市、区）人民政府，市人民政府各部门：']);
    // A table as tab-separated rows, a cell's paragraphs joined by U+2028, a blank line around it.
    const header = text.indexOf('序号\t评查项目\t分值');
    expect(header).toBeGreaterThan(0);
    expect(text.slice(header - 1, header + 4)).toEqual(['', '序号\t评查项目\t分值', `1\t主体合法${CELL_BREAK}执法人员持证\t20`, '2\t程序正当\t30', '']);
    // Markup-looking text in the page is text.
    expect(r.text).toContain('<script>不是代码</script>');
    // Nothing of the chrome, each kind counted.
    for (const chrome of ['首页', '当前位置', '测试市人民政府门户网站', '分享到', '微信', '打印本页', '关闭窗口', '隐藏的统计文字', '网站标识码', '统计', '_hmt', 'shareInit'])
      expect(r.text).not.toContain(chrome);
    expect(r.artefacts).toEqual({ 'html-header': 1, 'html-nav': 2, 'html-share': 1, 'html-toolbar': 1, 'html-hidden': 1, 'html-footer': 1, 'html-head': 1, 'html-script': 1 });
    expect(r.encoding).toBe('HTML (rehype-parse), UTF-8');
  });

  it('a GB2312 page (meta charset) reads to the same text; the report names the encoding', async () => {
    const utf8 = fixture('portal.html').toString('utf8');
    const gb = iconv.encode(utf8.replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'), 'gb18030');
    const [a, b] = [await read('portal.html', fixture('portal.html')), await read('portal-gb.htm', gb)];
    expect(b.text).toBe(a.text);
    expect(b.encoding).toBe('HTML (rehype-parse), GB18030 (meta charset gb2312)');
  });

  it('a metadata block written as a list, or as "标签：值" cells, is read the same way; a list in the article is not', async () => {
    const page = (meta: string) =>
      `<!doctype html><html><body>${meta}<div class="content"><p>测试县人民政府办公室关于做好防汛工作的通知</p><ul><li>联系人：张三</li><li>电话：0395-1234567</li><li>地址：人民路1号</li></ul></div></body></html>`;
    const list = await read('a.html', new TextEncoder().encode(page('<ul class="xxgk"><li><span>索 引 号：</span>0001/2024-1</li><li><span>发布机构：</span>测试县人民政府办公室</li><li><span>生成日期：</span>2024-06-01</li><li><span>文　　号：</span></li></ul>')));
    const cells = await read('b.html', new TextEncoder().encode(page('<table><tr><td>索引号：0001/2024-1</td><td>发布机构：测试县人民政府办公室</td></tr><tr><td>生成日期：2024-06-01</td><td>文号：</td></tr></table>')));
    for (const r of [list, cells]) {
      expect(r.text.split('\n')).toEqual([
        '索引号：0001/2024-1',
        '发布机构：测试县人民政府办公室',
        '生成日期：2024-06-01',
        '',
        '测试县人民政府办公室关于做好防汛工作的通知',
        '',
        '联系人：张三',
        '',
        '电话：0395-1234567',
        '',
        '地址：人民路1号',
        '',
      ]);
    }
  });

  it('through the pipeline: the page chrome joins the file report, the metadata block stays in the source lines, coverage 100%', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cjzl-readers-'));
    writeFileSync(join(dir, 'portal.html'), fixture('portal.html'));
    const report = await runIngest({ sources: dir, errata: [], extractors: [] });
    const f = report.files[0]!;
    expect(f.coverage.ratio).toBe(1);
    expect(f.artefacts).toMatchObject({ 'html-nav': 2, 'html-footer': 1, 'html-share': 1 });
    const [doc] = report.documents;
    expect(doc).toMatchObject({ docNumber: '测政办〔2024〕7号' });
    // Line numbers are lines of the decoded text: line 6 is the 发文字号 field of the metadata block.
    const p = await parseFile('portal.html', fixture('portal.html'));
    expect(p.text.split('\n')[5]).toBe('发文字号：测政办〔2024〕7号');
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('.pdf: printed by Chromium from a notice (header/footer templates give running headers and page numbers)', () => {
  let browser: Browser;
  const html = readFileSync(join(FIX, 'notice.html'), 'utf8');
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('"— 1 —" footers and a running header: removed and counted; lines rebuilt from positions, one paragraph a line, no spaces between Chinese characters', async () => {
    const pdf = await printNoticePdf(browser, html, TEMPLATES.dash!);
    expect(sniff(pdf)).toBe('pdf');
    const r = await read('notice.pdf', pdf);
    expect(r.encoding).toBe('PDF (unpdf/pdf.js, 2 pages)');
    expect(r.artefacts).toEqual({ 'pdf-page-number': 2, 'pdf-running-header': 2 });
    const l = lines(r.text);
    expect(l.slice(0, 5)).toEqual(['测试县司法局关于做好行政复议', '案件办理工作的通知', '测司〔2024〕5号', '各乡镇人民政府，县直各单位：', '为贯彻落实新修订的行政复议法，进一步规范行政复议案件办理，提升办案质量和效率，推动行政争议实质性化解，现就有关事项通知如下。']);
    // A paragraph that wraps over three printed lines is one line; a table row is tab-separated.
    expect(l).toContain('县司法局将每季度对各单位行政复议决定履行情况进行检查，检查结果纳入法治政府建设考核。对不履行或者无正当理由拖延履行复议决定的，依法依规严肃处理。');
    expect(l).toContain('序号\t材料名称\t报送时间');
    expect(l).toContain('联系人：王某某，电话：0391-1234567。');
    expect(l.slice(-2)).toEqual(['测试县司法局', '2024年5月6日']);
    expect(r.text).not.toMatch(/[—-]\s*\d\s*[—-]|测试县司法局文件/);
    expect(r.text).not.toMatch(/[\u4e00-\u9fff] [\u4e00-\u9fff]/);
  });

  it('"第1页 共2页" footers and "-1-" headers are page numbers too; the notice reads the same', async () => {
    const [a, b] = [await read('a.pdf', await printNoticePdf(browser, html, TEMPLATES.dash!)), await read('b.pdf', await printNoticePdf(browser, html, TEMPLATES.of!))];
    expect(b.artefacts).toEqual({ 'pdf-page-number': 4 });
    expect(b.text).toBe(a.text);
  });

  it('through the pipeline: one document with its 文号, issuer and date; coverage 100%', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cjzl-readers-'));
    writeFileSync(join(dir, 'notice.pdf'), await printNoticePdf(browser, html, TEMPLATES.dash!));
    const report = await runIngest({ sources: dir, errata: [], extractors: [] });
    expect(report.files[0]!.coverage.ratio).toBe(1);
    expect(report.documents).toHaveLength(1);
    expect(report.documents[0]).toMatchObject({ docNumber: '测司〔2024〕5号', issuers: ['测试县司法局'], signedDate: '2024-05-06' });
    rmSync(dir, { recursive: true, force: true });
  });

  it('a scanned PDF (an image, no text layer) is refused: says so and what to do', async () => {
    const e = await refusal('scan.pdf', await printScanPdf(browser));
    expect(e.code).toBe('empty');
    expect(e.message).toMatch(/^scan\.pdf:1: the PDF has no text layer .*scan.*What to do: run OCR on the scan first.*\.docx/);
  });
}, 180_000);

describe('.doc (Word 97–2003): word-extractor', () => {
  it('paragraphs a line, the table as tab-separated rows, the footnote kept, the running header and page-number footer counted', async () => {
    const r = await read('notice.doc', fixture('notice.doc'));
    expect(r.encoding).toBe('DOC (word-extractor)');
    expect(r.artefacts).toEqual({ 'doc-header-footer': 2 });
    const t = r.text.split('\n');
    expect(t.slice(0, 3)).toEqual(['测试县司法局关于做好行政复议案件办理工作的通知', '测司〔2024〕5号', '各乡镇人民政府，县直各单位：']);
    const row = t.indexOf('序号\t材料名称\t报送时间');
    expect(t.slice(row - 1, row + 3)).toEqual(['', '序号\t材料名称\t报送时间', '1\t答复书\t十日内', '']);
    // Quotes as written (word-extractor's ASCII filter is off), the footnote after the body.
    expect(r.text).toContain('“证据、依据和其他有关材料”');
    expect(t.filter((l) => l.trim()).at(-1)).toBe('新修订的行政复议法自2024年1月1日起施行。');
    expect(r.text).not.toContain('— 1 —');
  });

  it('through the pipeline: one document, coverage 100%', async () => {
    const p = await parseFile('notice.doc', fixture('notice.doc'));
    const [d] = assignIds([p.root]);
    expect(d).toMatchObject({ docNumber: '测司〔2024〕5号', signedDate: '2024-05-06' });
    const dir = mkdtempSync(join(tmpdir(), 'cjzl-readers-'));
    writeFileSync(join(dir, 'notice.doc'), fixture('notice.doc'));
    const report = await runIngest({ sources: dir, errata: [], extractors: [] });
    expect(report.files[0]!.coverage.ratio).toBe(1);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('the format table: signature before extension', () => {
  const docx = async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
    zip.file('word/document.xml', '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>测试通知正文。</w:t></w:r></w:p></w:body></w:document>');
    return zip.generateAsync({ type: 'uint8array' });
  };

  it('a .docx named .doc, a web page saved as .doc, a PDF named .txt: each read by its signature, the report says so', async () => {
    const asDoc = await read('notice.doc', await docx());
    expect(asDoc.text).toBe('测试通知正文。\n');
    expect(asDoc.encoding).toBe('DOCX (mammoth) — read as Word document (.docx) by its signature (the file is named .doc)');
    const page = await read('page.doc', fixture('portal.html'));
    expect(page.text.startsWith('索引号：')).toBe(true);
    expect(page.encoding).toMatch(/^HTML .* — read as web page \(\.html\) by its signature \(the file is named \.doc\)$/);
    expect(chooseReader('x.txt', new TextEncoder().encode('%PDF-1.7\n')).reader.format).toBe('pdf');
    // Plain text saved under a Word name is read as text, and said so.
    const txt = await read('copy.doc', new TextEncoder().encode('测试通知\n正文。\n'));
    expect(txt.encoding).toBe('UTF-8 — read as text: the first bytes are not a Word 97–2003 document (.doc) (the file is named .doc)');
  });

  it('.ofd, .wps and unknown types are refused with the format named and what to do (unsupported-format)', async () => {
    const ofdZip = new JSZip();
    ofdZip.file('OFD.xml', '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"/>');
    ofdZip.file('Doc_0/Document.xml', '<ofd:Document/>');
    const ofd = await refusal('notice.ofd', await ofdZip.generateAsync({ type: 'uint8array' }));
    expect(ofd.code).toBe('unsupported-format');
    expect(ofd.message).toMatch(/^notice\.ofd: this is an OFD document .*What to do: open it in an OFD reader .*export it as PDF.*\.docx/);
    // An OFD named .pdf is still an OFD.
    expect((await refusal('notice.pdf', await ofdZip.generateAsync({ type: 'uint8array' }))).message).toMatch(/OFD document .*\(by its first bytes; it is named \.pdf\)/);

    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const wps = await refusal('notice.wps', ole);
    expect(wps.code).toBe('unsupported-format');
    expect(wps.message).toMatch(/^notice\.wps: this is a WPS Writer document .*What to do: open it in WPS and save it .*\.docx/);

    const other = await refusal('notice.xyz', new TextEncoder().encode('测试'));
    expect(other.code).toBe('unsupported-format');
    expect(other.message).toMatch(/unknown file type "\.xyz" — expected a notice as \.txt, \.md, \.docx, \.doc, \.html, \.htm.*\.pdf/);
  });

  it('a file above the size limit is refused before any reader runs', async () => {
    const e = await readSource('big.pdf', new Uint8Array(2000), { maxBytes: 1000 }).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'too-large', file: 'big.pdf' });
  });

  it('a folder with every readable format ingests them all', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cjzl-readers-'));
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'src', 'a.html'), fixture('portal.html'));
    writeFileSync(join(dir, 'src', 'b.doc'), fixture('notice.doc'));
    writeFileSync(join(dir, 'src', 'c.docx'), await docx());
    writeFileSync(join(dir, 'src', 'd.txt'), '测试县关于测试的通知\n\n各单位：\n\n正文。\n');
    const report = await runIngest({ sources: join(dir, 'src'), errata: [], extractors: [] });
    expect(report.files.map((f) => [f.file, f.coverage.ratio])).toEqual([
      ['a.html', 1],
      ['b.doc', 1],
      ['c.docx', 1],
      ['d.txt', 1],
    ]);
    rmSync(dir, { recursive: true, force: true });
  });
});
