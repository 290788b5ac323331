import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { decode } from '../../scripts/ingest/decode';
import { IngestError } from '../../scripts/ingest/errors';
import { parseFile } from '../../scripts/ingest/index';

const seeds = readdirSync('content/sources').filter((f) => f.endsWith('.txt')).sort();
const utf8 = (f: string) => readFileSync(`content/sources/${f}`, 'utf8');

/** The same seed in every encoding and line ending a county office may send. */
const VARIANTS: { name: string; encoding: RegExp; make: (t: string) => Buffer }[] = [
  { name: 'UTF-8', encoding: /^UTF-8$/, make: (t) => Buffer.from(t, 'utf8') },
  { name: 'UTF-8 with BOM', encoding: /^UTF-8 \(BOM\)$/, make: (t) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, 'utf8')]) },
  { name: 'GB18030', encoding: /^GB18030/, make: (t) => iconv.encode(t, 'gb18030') },
  { name: 'GBK', encoding: /^GB18030/, make: (t) => iconv.encode(t, 'gbk') },
  { name: 'UTF-16LE with BOM', encoding: /^UTF-16LE \(BOM\)$/, make: (t) => iconv.encode(t, 'utf-16le', { addBOM: true }) },
  { name: 'UTF-16BE with BOM', encoding: /^UTF-16BE \(BOM\)$/, make: (t) => Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(t, 'utf-16be')]) },
  { name: 'UTF-8 CRLF', encoding: /^UTF-8$/, make: (t) => Buffer.from(t.replace(/\n/g, '\r\n'), 'utf8') },
  { name: 'UTF-8 CR', encoding: /^UTF-8$/, make: (t) => Buffer.from(t.replace(/\n/g, '\r'), 'utf8') },
  { name: 'GB18030 CRLF', encoding: /^GB18030/, make: (t) => iconv.encode(t.replace(/\n/g, '\r\n'), 'gb18030') },
];

describe('decode: encodings matrix over the five seeds', () => {
  for (const v of VARIANTS) {
    it(`${v.name}: every seed decodes to the same text, names the encoding, and gives the same documents`, () => {
      for (const f of seeds) {
        const original = utf8(f);
        const d = decode(v.make(original), { file: f });
        expect(d.text, `${f} as ${v.name}`).toBe(original);
        expect(d.encoding).toMatch(v.encoding);
        if (v.name.includes('CRLF')) expect(d.lineEnding).toBe('CRLF');
        if (v.name.endsWith(' CR')) expect(d.lineEnding).toBe('CR');
      }
    });
  }

  it('a GB18030 seed parses to the same documents as the UTF-8 one', async () => {
    const f = '004_68eba3d49fe9447e.txt';
    const a = await parseFile(f, Buffer.from(utf8(f)));
    const b = await parseFile(f, iconv.encode(utf8(f), 'gb18030'));
    expect(b.root.data.encoding).toMatch(/GB18030/);
    expect(b.root.children.map((d) => [d.data.title, d.data.docNumber])).toEqual(a.root.children.map((d) => [d.data.title, d.data.docNumber]));
    expect(b.root.children.map((d) => d.position)).toEqual(a.root.children.map((d) => d.position));
  });
});

function refusal(bytes: Uint8Array, options: { maxBytes?: number } = {}): IngestError {
  try {
    decode(bytes, { file: 'bad.txt', ...options });
  } catch (e) {
    expect(e).toBeInstanceOf(IngestError);
    return e as IngestError;
  }
  throw new Error('decode accepted input it should refuse');
}

describe('decode: refusals name file, line, what was expected and what to do', () => {
  it('empty file', () => {
    const e = refusal(new Uint8Array());
    expect(e.code).toBe('empty');
    expect(e.message).toMatch(/^bad\.txt:1: /);
    expect(e.message).toMatch(/expected the text of a notice/);
    expect(e.action).toMatch(/export/);
  });

  it('whitespace only', () => {
    expect(refusal(Buffer.from(' \n\r\n\u3000\n')).code).toBe('empty');
  });

  it('binary (NUL bytes), with the line of the first NUL', () => {
    const e = refusal(Buffer.concat([Buffer.from('第一行\n第二行\n'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01])]));
    expect(e.code).toBe('binary');
    expect(e.line).toBe(3);
    expect(e.message).toContain('bad.txt:3');
  });

  it('undecodable bytes (neither UTF-8 nor GB18030)', () => {
    const bytes = Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 2 ? 0xff : 0x81 + (i % 7))));
    const e = refusal(bytes);
    expect(['undecodable', 'binary']).toContain(e.code);
    expect(e.expected).toMatch(/UTF-8/);
  });

  it('mostly control characters', () => {
    const e = refusal(Buffer.from('\x01\x02\x03\x04\x05abc\x06\x07\x08\x0b\x0e\x0f'));
    expect(e.code).toBe('binary');
  });

  it('too large, with a configurable limit', () => {
    const big = Buffer.from('通知。\n'.repeat(1000));
    const e = refusal(big, { maxBytes: 1024 });
    expect(e.code).toBe('too-large');
    expect(e.message).toContain(`${big.length} bytes`);
    expect(() => decode(big, { file: 'ok.txt', maxBytes: big.length })).not.toThrow();
  });

  it('UTF-16 with an unpaired surrogate or an odd byte count', () => {
    const lone = refusal(Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x61, 0x62, 0x63, 0x00]));
    expect(lone.code).toBe('undecodable');
    expect(lone.message).toMatch(/surrogate/);
    expect(lone.line).toBe(1);
    const odd = refusal(Buffer.concat([iconv.encode('通知。\n', 'utf-16le', { addBOM: true }), Buffer.from([0x41])]));
    expect(odd.code).toBe('undecodable');
    expect(odd.message).toMatch(/odd number of bytes/);
    // A well-formed pair (an emoji or a CJK Extension B character) is fine.
    expect(decode(iconv.encode('𠀀通知。\n', 'utf-16le', { addBOM: true }), { file: 'ok.txt' }).text).toBe('𠀀通知。\n');
  });

  it('a UTF-8 BOM followed by invalid UTF-8', () => {
    const e = refusal(Buffer.from([0xef, 0xbb, 0xbf, 0xe4, 0xbd, 0x0a, 0xff]));
    expect(e.code).toBe('undecodable');
  });
});
