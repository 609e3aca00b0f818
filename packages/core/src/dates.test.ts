import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, chinaToday, daysBetween, formatChineseDate, isIsoDate } from './dates.js';

describe('dates', () => {
  it('formats as clerks write them', () => {
    expect(formatChineseDate('2020-01-04')).toBe('2020年1月4日');
    expect(formatChineseDate('2019-12-24')).toBe('2019年12月24日');
  });

  it('counts days across month and leap-year ends', () => {
    expect(daysBetween('2019-12-24', '2020-01-04')).toBe(11);
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2020-02-29', 1)).toBe('2020-03-01');
  });

  it('addDays and daysBetween are inverse', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -20000, max: 20000 }),
        (n) => daysBetween('2020-01-01', addDays('2020-01-01', n)) === n,
      ),
    );
  });

  it('rejects impossible dates', () => {
    expect(isIsoDate('2019-02-29')).toBe(false);
    expect(isIsoDate('2020-02-29')).toBe(true);
    expect(isIsoDate('2020-1-4')).toBe(false);
  });

  it('takes today in China time', () => {
    expect(chinaToday(new Date('2020-01-03T16:30:00Z'))).toBe('2020-01-04');
  });
});
