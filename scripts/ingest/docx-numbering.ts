/**
 * Word automatic numbering, written out as printed.
 *
 * mammoth turns numbered paragraphs into <ol>/<li> and drops the number format, so "一、" /
 * "（一）" lists of a Chinese notice would come out as "1." and land at the wrong heading depth.
 * Before mammoth reads the file, this rewrites word/document.xml: every paragraph with a direct
 * <w:numPr> gets its label as text (from word/numbering.xml: numFmt + lvlText, counters per list
 * and level) and loses the numPr. Numbering inherited from a paragraph style is left to mammoth.
 */
import JSZip from 'jszip';

interface Level {
  start: number;
  numFmt: string;
  lvlText: string;
}

const CN = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一, 105 → 一百零五 */
export function intToChinese(n: number): string {
  if (n < 10) return CN[n]!;
  if (n < 20) return `十${n % 10 ? CN[n % 10] : ''}`;
  if (n < 100) return `${CN[Math.floor(n / 10)]}十${n % 10 ? CN[n % 10] : ''}`;
  if (n < 1000) {
    const rest = n % 100;
    return `${CN[Math.floor(n / 100)]}百${rest === 0 ? '' : rest < 10 ? `零${CN[rest]}` : rest < 20 ? `一${intToChinese(rest)}` : intToChinese(rest)}`;
  }
  return String(n);
}

function roman(n: number): string {
  const t: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of t) while (n >= v) {
    out += s;
    n -= v;
  }
  return out;
}

export function formatNumber(n: number, numFmt: string): string {
  switch (numFmt) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'ideographTraditional':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return intToChinese(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCodePoint(0xff10 + Number(d)));
    case 'upperLetter':
      return String.fromCharCode(64 + (((n - 1) % 26) + 1));
    case 'lowerLetter':
      return String.fromCharCode(96 + (((n - 1) % 26) + 1));
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'decimalZero':
      return String(n).padStart(2, '0');
    default:
      return String(n);
  }
}

const attr = (xml: string, name: string): string | undefined => new RegExp(`<w:${name}\\b[^>]*\\bw:val="([^"]*)"`).exec(xml)?.[1];

function parseNumbering(xml: string): Map<string, Map<number, Level>> {
  const abstract = new Map<string, Map<number, Level>>();
  for (const m of xml.matchAll(/<w:abstractNum\b[^>]*w:abstractNumId="(\d+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)) {
    const levels = new Map<number, Level>();
    for (const l of m[2]!.matchAll(/<w:lvl\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g)) {
      levels.set(Number(l[1]), { start: Number(attr(l[2]!, 'start') ?? 1), numFmt: attr(l[2]!, 'numFmt') ?? 'decimal', lvlText: attr(l[2]!, 'lvlText') ?? '' });
    }
    abstract.set(m[1]!, levels);
  }
  const nums = new Map<string, Map<number, Level>>();
  for (const m of xml.matchAll(/<w:num\b[^>]*w:numId="(\d+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const abs = attr(m[2]!, 'abstractNumId');
    const levels = abs ? abstract.get(abs) : undefined;
    if (levels) nums.set(m[1]!, levels);
  }
  return nums;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Rewrite document.xml so numbered paragraphs carry their label as text. */
export function materialiseNumberingXml(documentXml: string, numberingXml: string): string {
  const nums = parseNumbering(numberingXml);
  if (!nums.size) return documentXml;
  const counters = new Map<string, number[]>();
  return documentXml.replace(/<w:p(?=[\s>])[\s\S]*?<\/w:p>/g, (p) => {
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(p);
    if (!numPr) return p;
    const numId = attr(numPr[1]!, 'numId');
    const ilvl = Number(attr(numPr[1]!, 'ilvl') ?? 0);
    const levels = numId ? nums.get(numId) : undefined;
    const level = levels?.get(ilvl);
    if (!numId || !levels || !level || numId === '0') return p;
    const c = counters.get(numId) ?? [];
    for (let k = 0; k <= ilvl; k++) if (c[k] === undefined) c[k] = (levels.get(k)?.start ?? 1) - (k === ilvl ? 1 : 0);
    c[ilvl] = c[ilvl]! + 1;
    c.length = ilvl + 1; // deeper levels restart
    counters.set(numId, c);
    if (level.numFmt === 'bullet' || level.numFmt === 'none') return p.replace(numPr[0], '');
    const label = level.lvlText.replace(/%(\d)/g, (_, d: string) => {
      const k = Number(d) - 1;
      return formatNumber(c[k] ?? levels.get(k)?.start ?? 1, levels.get(k)?.numFmt ?? 'decimal');
    });
    const run = `<w:r><w:t xml:space="preserve">${esc(label)}</w:t></w:r>`;
    const withoutNum = p.replace(numPr[0], '');
    return /<\/w:pPr>/.test(withoutNum) ? withoutNum.replace('</w:pPr>', `</w:pPr>${run}`) : withoutNum.replace(/^<w:p\b[^>]*>/, (open) => open + run);
  });
}

/** The .docx with automatic numbering written out (unchanged when it has none). */
export async function materialiseNumbering(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const doc = zip.file('word/document.xml');
  const num = zip.file('word/numbering.xml');
  if (!doc || !num) return bytes;
  const xml = await doc.async('string');
  const rewritten = materialiseNumberingXml(xml, await num.async('string'));
  if (rewritten === xml) return bytes;
  zip.file('word/document.xml', rewritten);
  return zip.generateAsync({ type: 'uint8array' });
}
