import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectTextEncoding } from './encoding.js';

const hex = (h: string) => Uint8Array.from(h.match(/../g) ?? [], (b) => Number.parseInt(b, 16));
const utf8 = (s: string) => new TextEncoder().encode(s);
const gb = new TextDecoder('gb18030');

// GBK bytes from Python's codec (`'姓名'.encode('gbk').hex()`), checked below against Node's decoder.
const GBK = {
  csv: [
    'd0d5c3fb2cd6a4bcfebac5c2eb2cbba7b1e0bac50d0ad5c5c8fd2c3131303130353139343931323331303032582c333230373033303030310d0a',
    '姓名,证件号码,户编号\r\n张三,11010519491231002X,3207030001\r\n',
  ],
  name: ['d0d5c3fb', '姓名'],
  water: ['cac7b7f1bde2bef6b0b2c8abd2fbcbae', '是否解决安全饮水'],
  marks: ['c5b7d1f4c4c8c4c82ca1cc2ca1c1', '欧阳娜娜,√,×'],
  // Valid UTF-8 by accident: reads as "¬·".
  luLu: ['c2acc2b7', '卢路'],
  // A four-byte GB18030 sequence (CJK Extension B).
  fourByte: ['95328236', '𠀀'],
} as const;

describe('detectTextEncoding', () => {
  it('uses fixtures that really are GBK', () => {
    for (const [bytes, text] of Object.values(GBK)) expect(gb.decode(hex(bytes))).toBe(text);
  });

  it('recognises GBK/GB18030 exports', () => {
    for (const [bytes] of Object.values(GBK)) expect(detectTextEncoding(hex(bytes))).toBe('gb18030');
  });

  it('recognises UTF-8 with and without BOM', () => {
    const text = '姓名,证件号码,户编号\r\n张三,11010519491231002X,3207030001\r\n';
    expect(detectTextEncoding(utf8(text))).toBe('utf-8');
    expect(detectTextEncoding(utf8(`\uFEFF${text}`))).toBe('utf-8-bom');
    expect(detectTextEncoding(utf8('name,id\r\nZhang,1\r\n'))).toBe('utf-8');
    expect(detectTextEncoding(new Uint8Array())).toBe('utf-8');
    expect(detectTextEncoding(utf8('欧阳娜娜,√,×,“是”'))).toBe('utf-8');
  });

  it('accepts a first chunk that cuts a character in half', () => {
    const u = utf8('姓名,证件号码');
    expect(detectTextEncoding(u.slice(0, u.length - 1))).toBe('utf-8');
    expect(detectTextEncoding(u.slice(0, u.length - 2))).toBe('utf-8');
    const g = hex(GBK.csv[0]).slice(0, 7);
    expect(detectTextEncoding(g)).toBe('gb18030');
  });

  it('rejects overlong forms and surrogates as UTF-8', () => {
    expect(detectTextEncoding(hex('c0af'))).toBe('gb18030');
    expect(detectTextEncoding(hex('eda080e4b8ad'))).toBe('gb18030');
  });

  it('takes Chinese text encoded as UTF-8 for UTF-8, wherever the chunk ends', () => {
    const chinese = fc.string({
      unit: fc.oneof(
        fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCodePoint(c)),
        fc.constantFrom(...',，。、“”《》√×①○ \r\n0123456789abcXYZ'),
      ),
      minLength: 1,
    });
    fc.assert(
      fc.property(chinese, fc.nat(3), (s, cut) => {
        fc.pre(/[\u4e00-\u9fff]/.test(s));
        const b = utf8(s);
        return detectTextEncoding(b.slice(0, Math.max(1, b.length - cut))) === 'utf-8';
      }),
    );
  });

  it('takes Chinese text encoded as GBK for GB18030', () => {
    // GB2312 level-1 and level-2 hanzi: lead B0–F7, trail A1–FE (D7FA–D7FE are unassigned).
    const hanzi = fc
      .tuple(fc.integer({ min: 0xb0, max: 0xf7 }), fc.integer({ min: 0xa1, max: 0xfe }))
      .filter(([l, t]) => !(l === 0xd7 && t > 0xf9));
    const piece = fc.oneof(
      hanzi,
      fc.constantFrom(',', '\n', '1', 'X').map((c) => [c.charCodeAt(0)]),
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 8 }), (pieces) => {
        const bytes = Uint8Array.from(pieces.flat());
        fc.pre(pieces.filter((p) => p.length === 2).length >= 4);
        return detectTextEncoding(bytes) === 'gb18030';
      }),
    );
  });

  it('accepts every well-formed UTF-8 sequence, up to four bytes', () => {
    const cjk = fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCodePoint(c));
    fc.assert(
      fc.property(fc.array(fc.tuple(cjk, fc.string({ unit: 'binary', maxLength: 1 }))), (pairs) => {
        const s = pairs.flat().join('');
        fc.pre(!s.startsWith('\uFEFF'));
        return detectTextEncoding(utf8(s)) === 'utf-8';
      }),
    );
  });

  it('agrees with the platform decoder on what is not UTF-8', () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    const decodes = (b: Uint8Array) => {
      try {
        strict.decode(b);
        return true;
      } catch {
        return false;
      }
    };
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (b) => {
        // Bytes that stay invalid however much of a cut-off tail is removed.
        const invalid = [0, 1, 2, 3].every((k) => !decodes(b.slice(0, Math.max(0, b.length - k))));
        return !invalid || detectTextEncoding(b) === 'gb18030';
      }),
      { numRuns: 2000 },
    );
  });
});
