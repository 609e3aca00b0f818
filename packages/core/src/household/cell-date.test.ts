import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../dates.js';
import { excelSerialToDate, parseCellDate } from './cell-date.js';
import type { Parsed } from './parsed.js';

const value = <T>(r: Parsed<T>): T | string => (r.ok ? r.value : `error:${r.reason}`);

describe('excelSerialToDate', () => {
  it.each([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [43803, '2019-12-04'],
    [43831, '2020-01-01'],
    [43831.75, '2020-01-01'],
    [2958465, '9999-12-31'],
  ])('%d → %s', (serial, date) => {
    expect(value(excelSerialToDate(serial))).toBe(date);
  });

  it('refuses the 1900-02-29 that only Excel has, and days out of range', () => {
    expect(excelSerialToDate(60)).toMatchObject({ ok: false, reason: 'date_excel_1900_02_29' });
    expect(excelSerialToDate(0).ok).toBe(false);
    expect(excelSerialToDate(-1).ok).toBe(false);
    expect(excelSerialToDate(2958466).ok).toBe(false);
    expect(excelSerialToDate(Number.NaN).ok).toBe(false);
  });

  it('knows the 1904 system', () => {
    expect(value(excelSerialToDate(0, { dateSystem: 1904 }))).toBe('1904-01-01');
    expect(value(excelSerialToDate(42341, { dateSystem: 1904 }))).toBe('2019-12-04');
  });

  it('counts consecutive days after the phantom leap day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2958464 }), (n) => {
        const a = excelSerialToDate(n);
        const b = excelSerialToDate(n + 1);
        return a.ok && b.ok && addDays(a.value, 1) === b.value;
      }),
    );
  });
});

describe('parseCellDate', () => {
  it.each([
    ['2019-12-04', '2019-12-04'],
    ['2019/12/4', '2019-12-04'],
    ['2019.12.04', '2019-12-04'],
    ['2019年12月4日', '2019-12-04'],
    ['2019 年 12 月 4 日', '2019-12-04'],
    ['2019年12月4号', '2019-12-04'],
    ['20191204', '2019-12-04'],
    ['２０１９－１２－０４', '2019-12-04'],
    ['2019-12-04 00:00:00', '2019-12-04'],
    ['2019/12/4 8:30', '2019-12-04'],
    ['2019-12-04T00:00:00.000Z', '2019-12-04'],
    ['43803', '2019-12-04'],
    [43803, '2019-12-04'],
    ['', null],
    [null, null],
  ])('%j → %s', (raw, expected) => {
    expect(value(parseCellDate(raw))).toBe(expected);
  });

  it.each([
    ['2019-02-29', 'date'],
    ['2019-13-01', 'date'],
    ['20191332', 'date'],
    ['2019', 'date'],
    ['2019-12', 'date'],
    ['2019-12/04', 'date'],
    ['1899-12-31', 'date'],
    ['明天', 'date'],
    ['12/4/2019', 'date_ambiguous'],
    ['04.12.2019', 'date_ambiguous'],
    ['19/12/04', 'date_ambiguous'],
  ])('%j is refused (%s)', (raw, reason) => {
    expect(parseCellDate(raw)).toMatchObject({ ok: false, reason });
  });

  it('takes the written day from Date objects built at UTC or at local midnight', () => {
    expect(value(parseCellDate(new Date('2019-12-04T00:00:00Z')))).toBe('2019-12-04');
    // China's midnight, as a reader running in UTC+8 would build it.
    expect(value(parseCellDate(new Date('2019-12-03T16:00:00Z')))).toBe('2019-12-04');
    expect(value(parseCellDate(new Date('2019-12-04T05:00:00Z')))).toBe('2019-12-04');
    expect(parseCellDate(new Date('invalid')).ok).toBe(false);
    // The same, after a trip through JSON.
    expect(value(parseCellDate('2019-12-03T16:00:00.000Z'))).toBe('2019-12-04');
    expect(value(parseCellDate('2019-12-04T00:00:00+08:00'))).toBe('2019-12-04');
  });

  it('reads every date in every accepted spelling the same', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60_000 }), (n) => {
        const iso = addDays('1950-01-01', n);
        const [y, m, d] = iso.split('-');
        const spellings = [
          iso,
          `${y}/${Number(m)}/${Number(d)}`,
          `${y}.${m}.${d}`,
          `${y}年${Number(m)}月${Number(d)}日`,
          `${y}${m}${d}`,
        ];
        return spellings.every((s) => value(parseCellDate(s)) === iso);
      }),
    );
  });
});
