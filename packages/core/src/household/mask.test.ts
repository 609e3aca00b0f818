import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName } from './mask.js';

describe('maskIdNumber', () => {
  it('shows the first and last four of an 18-digit ID', () => {
    expect(maskIdNumber('320703199001011234')).toBe('3207**********1234');
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
  });

  it('masks short and invalid values too', () => {
    expect(maskIdNumber('370986890623212')).toBe('370*********212');
    expect(maskIdNumber('1234567')).toBe('1*****7');
    expect(maskIdNumber('123')).toBe('***');
    expect(maskIdNumber('')).toBe('');
  });

  it('keeps the length and never shows the birth date of an 18-digit ID', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}[\dX]$/), (id) => {
        const m = maskIdNumber(id);
        return m.length === 18 && m.slice(4, 14) === '*'.repeat(10) && m.endsWith(id.slice(-4));
      }),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        const t = s.trim();
        const m = maskIdNumber(s);
        return (
          m.length === t.length &&
          (t.length < 4 || m.split('').filter((c) => c === '*').length >= t.length / 2)
        );
      }),
    );
  });
});

describe('maskName', () => {
  it.each([
    ['张三', '张*'],
    ['王小明', '王**'],
    ['欧阳修', '欧阳*'],
    ['欧阳娜娜', '欧阳**'],
    ['欧阳', '欧*'],
    ['诸葛孔明', '诸葛**'],
    ['买买提·艾力', '买**·**'],
    ['张  三', '张*'],
    [' 李\u3000四 ', '李*'],
    ['李', '*'],
    ['', ''],
  ])('%j → %j', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it('always hides everything but the surname', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'张王李赵欧阳司马明华'), minLength: 2, maxLength: 5 }),
        (n) => {
          const m = maskName(n);
          return m.length === n.length && m.endsWith('*') && m.replace(/\*/g, '').length <= 2;
        },
      ),
    );
  });
});
