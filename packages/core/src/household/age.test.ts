import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../dates.js';
import { ageOn, birthDateRangeForAge } from './age.js';

const date = fc.integer({ min: 0, max: 50_000 }).map((n) => addDays('1950-01-01', n));
// Leap-day births are one day in 1,461: ask for them explicitly.
const birth = fc.oneof(date, fc.constantFrom('1960-02-29', '2000-02-29', '2012-02-29'));

describe('ageOn', () => {
  it.each([
    ['2013-09-01', '2019-09-01', 6],
    ['2013-09-02', '2019-09-01', 5],
    ['2003-09-01', '2019-09-01', 16],
    ['2003-09-02', '2019-09-01', 15],
    ['2012-02-29', '2019-02-28', 6],
    ['2012-02-29', '2019-03-01', 7],
    ['2012-02-29', '2020-02-29', 8],
    ['2019-09-02', '2019-09-01', -1],
  ])('born %s, on %s: %d 周岁', (birth, on, age) => {
    expect(ageOn(birth, on)).toBe(age);
  });

  it('refuses what is not a date', () => {
    expect(() => ageOn('2019-02-29', '2020-01-01')).toThrow(RangeError);
  });

  it('grows by one on each birthday and never otherwise', () => {
    const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    fc.assert(
      fc.property(birth, date, (birth, on) => {
        const next = addDays(on, 1);
        const [md, bmd] = [next.slice(5), birth.slice(5)];
        const birthday =
          bmd === '02-29'
            ? md === '02-29' || (md === '03-01' && !isLeap(Number(next.slice(0, 4))))
            : md === bmd;
        return ageOn(birth, next) - ageOn(birth, on) === (birthday ? 1 : 0);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('birthDateRangeForAge', () => {
  it('gives the 6–15 周岁 range on the 2019 school-year start', () => {
    expect(birthDateRangeForAge(6, 15, '2019-09-01')).toEqual({ from: '2003-09-02', to: '2013-09-01' });
    expect(birthDateRangeForAge(6, 15, '2020-02-29')).toEqual({ from: '2004-03-01', to: '2014-02-28' });
  });

  it('selects exactly the people whose age is in range', () => {
    fc.assert(
      fc.property(
        birth,
        date,
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 20 }),
        (birth, on, a, b) => {
          const [min, max] = a <= b ? [a, b] : [b, a];
          const { from, to } = birthDateRangeForAge(min, max, on);
          const age = ageOn(birth, on);
          return (from <= birth && birth <= to) === (age >= min && age <= max);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('refuses a reversed range', () => {
    expect(() => birthDateRangeForAge(15, 6, '2019-09-01')).toThrow(RangeError);
  });
});
