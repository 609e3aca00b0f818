import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Parsed } from './parsed.js';
import { toHalfWidth } from './text.js';
import { parseHousingGrade, parseInteger, parseMoney, parseYesNo } from './values.js';

const value = <T>(r: Parsed<T>): T | 'error' => (r.ok ? r.value : 'error');
const fullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe('parseYesNo', () => {
  it.each([
    ...[
      '是',
      'Y',
      'y',
      'YES',
      'Yes',
      '1',
      '√',
      '✓',
      '✔',
      '有',
      '已',
      'true',
      'TRUE',
      '参加',
      '已参加',
      '已参保',
      '享受',
    ].map((s) => [s, true] as const),
    ...['已通自来水', '是（已缴费）', ' 是 ', 'Ｙ', '１', '1.0'].map((s) => [s, true] as const),
    ...[
      '否',
      'N',
      'n',
      'no',
      '0',
      '×',
      '✗',
      'x',
      'X',
      '无',
      '未',
      'false',
      'FALSE',
      '未参加',
      '未参保',
      '不享受',
    ].map((s) => [s, false] as const),
    ...['没有', '未通自来水', '不安全', '否,外出务工', '０'].map((s) => [s, false] as const),
    ...['', '  ', '\u3000', '/', '-', '—', '#N/A', '未知', '不详'].map((s) => [s, null] as const),
  ])('%j → %s', (raw, expected) => {
    expect(value(parseYesNo(raw))).toBe(expected);
  });

  it('reads booleans, numbers and empty cells', () => {
    expect(value(parseYesNo(true))).toBe(true);
    expect(value(parseYesNo(0))).toBe(false);
    expect(value(parseYesNo(1))).toBe(true);
    expect(value(parseYesNo(null))).toBe(null);
    expect(value(parseYesNo(undefined))).toBe(null);
  });

  it('rejects what it does not know, with a message', () => {
    for (const s of ['可能', '2', 'yess', '是否', '参加了吗', '低保']) {
      expect(parseYesNo(s)).toEqual({ ok: false, reason: 'yes_no', message: '无法识别为“是/否”' });
    }
  });

  it('ignores case, padding and full-width forms', () => {
    const word = fc.constantFrom('yes', 'no', 'y', 'n', 'true', 'false', '1', '0');
    fc.assert(
      fc.property(
        word,
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom('', ' ', '\u3000'),
        (w, upper, fw, pad) => {
          let s = upper ? w.toUpperCase() : w;
          if (fw) s = fullWidth(s);
          return parseYesNo(pad + s + pad).ok && value(parseYesNo(s)) === value(parseYesNo(w));
        },
      ),
    );
  });
});

describe('parseMoney', () => {
  it.each([
    ['6000', 6000],
    ['6,000.00', 6000],
    ['6，000．00', 6000],
    ['６０００', 6000],
    ['¥6,000', 6000],
    ['￥6000元', 6000],
    ['6000元/年', 6000],
    ['5999.5 元', 5999.5],
    ['0.6万', 6000],
    ['0.65万元', 6500],
    ['1.2万', 12000],
    ['6千', 6000],
    ['.5', 0.5],
    ['0', 0],
    [6000, 6000],
    [5999.99, 5999.99],
    ['', null],
    [null, null],
  ])('%j → %s', (raw, expected) => {
    expect(value(parseMoney(raw))).toBe(expected);
  });

  it.each([
    ['6,00'],
    ['6,0000'],
    ['abc'],
    ['6000美元'],
    ['六千'],
    ['6k'],
    ['1.2.3'],
    [Number.NaN],
    ['6万万'],
  ])('%j is an error', (raw) => {
    expect(parseMoney(raw).ok).toBe(false);
  });

  it('refuses negatives unless allowed', () => {
    expect(parseMoney('-50')).toMatchObject({ ok: false, reason: 'negative' });
    expect(parseMoney(-50)).toMatchObject({ ok: false, reason: 'negative' });
    expect(value(parseMoney('-50', { allowNegative: true }))).toBe(-50);
    expect(value(parseMoney('(1,000.00)', { allowNegative: true }))).toBe(-1000);
    expect(value(parseMoney('－¥50', { allowNegative: true }))).toBe(-50);
    expect(value(parseMoney('-0'))).toBe(0);
  });

  it('applies the unit a header names', () => {
    expect(value(parseMoney('0.65', { scale: 10000 }))).toBe(6500);
    expect(value(parseMoney(0.65, { scale: 10000 }))).toBe(6500);
    expect(value(parseMoney('1.5千', { scale: 10 }))).toBe(15000);
  });

  it('reads any amount however it is grouped or written', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99_999_999_999 }),
        fc.constantFrom('', '¥', '￥'),
        fc.constantFrom('', '元', '.00'),
        fc.boolean(),
        fc.boolean(),
        (n, prefix, suffix, grouped, fw) => {
          let s = prefix + (grouped ? n.toLocaleString('en-US') : String(n)) + suffix;
          if (fw) s = toHalfWidth(s) === s ? fullWidth(s) : s;
          return value(parseMoney(s)) === n;
        },
      ),
    );
  });

  it('keeps cents exact', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (cents) => {
        const s = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
        return value(parseMoney(s)) === Number(s);
      }),
    );
  });
});

describe('parseInteger', () => {
  it.each([
    ['3', 3],
    ['3人', 3],
    ['３口', 3],
    ['3.0', 3],
    [3, 3],
    ['1,200', 1200],
    ['', null],
    ['-2', -2],
  ])('%j → %s', (raw, expected) => {
    expect(value(parseInteger(raw))).toBe(expected);
  });

  it('rejects fractions, words and out-of-range values', () => {
    expect(parseInteger('3.5')).toMatchObject({ ok: false, reason: 'integer' });
    expect(parseInteger(3.5)).toMatchObject({ ok: false, reason: 'integer' });
    expect(parseInteger('三')).toMatchObject({ ok: false, reason: 'number' });
    expect(parseInteger('0', { min: 1 })).toMatchObject({ ok: false, reason: 'range' });
    expect(parseInteger(41, { max: 40 })).toMatchObject({ ok: false, reason: 'range' });
    expect(parseInteger(2 ** 60)).toMatchObject({ ok: false, reason: 'range' });
  });

  it('round-trips every safe integer', () => {
    fc.assert(fc.property(fc.maxSafeInteger(), (n) => value(parseInteger(String(n))) === n));
  });
});

describe('parseHousingGrade', () => {
  it.each([
    ['A', 'A'],
    ['b', 'B'],
    ['Ｃ', 'C'],
    ['C级', 'C'],
    ['D级危房', 'D'],
    ['（D级）', 'D'],
    ['C类', 'C'],
    ['危房D级', 'D'],
    [' d ', 'D'],
    ['', null],
  ])('%j → %s', (raw, expected) => {
    expect(value(parseHousingGrade(raw))).toBe(expected);
  });

  it.each([['E'], ['危房'], ['安全'], ['CD'], ['一级']])('%j is an error', (raw) => {
    expect(parseHousingGrade(raw)).toMatchObject({ ok: false, reason: 'housing_grade' });
  });
});
