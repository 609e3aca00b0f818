import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellText, cleanName, cleanText, isBlank, toHalfWidth } from './text.js';

describe('text cleanup', () => {
  it('makes full-width ASCII half-width', () => {
    expect(toHalfWidth('ＡＢＣ１２３（）：，')).toBe('ABC123():,');
    expect(toHalfWidth('\u3000a\u00a0')).toBe(' a ');
    expect(toHalfWidth('中文不变')).toBe('中文不变');
  });

  it('removes invisible characters and collapses whitespace', () => {
    expect(cleanText('\u200B 张\u200D三\uFEFF ')).toBe('张三');
    expect(cleanText('人均\n纯收入\r\n（元）')).toBe('人均 纯收入 (元)');
    expect(cleanText('\u3000\u3000是')).toBe('是');
    expect(cleanText(null)).toBe('');
    expect(cleanText(12.5)).toBe('12.5');
  });

  it('is idempotent and never leaves outer or doubled whitespace', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const c = cleanText(s);
        return cleanText(c) === c && c.trim() === c && !/\s\s/.test(c);
      }),
    );
  });

  it('joins padded Chinese names but keeps Latin names apart', () => {
    expect(cleanName('张  三')).toBe('张三');
    expect(cleanName('张\u3000三')).toBe('张三');
    expect(cleanName('买买提 ・ 艾力')).toBe('买买提·艾力');
    expect(cleanName('John  Smith')).toBe('John Smith');
  });

  it('reads cells of any type', () => {
    expect(cellText(undefined)).toBe('');
    expect(cellText(true)).toBe('true');
    expect(cellText(new Date('2019-12-04T00:00:00Z'))).toBe('2019-12-04T00:00:00.000Z');
    expect(isBlank('\u3000\u200B')).toBe(true);
    expect(isBlank('0')).toBe(false);
  });
});
