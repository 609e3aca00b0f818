import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../dates.js';
import {
  addWorkingDays,
  buildCalendar,
  effectiveDeadline,
  isWorkingDay,
  nextWorkingDay,
  previousWorkingDay,
  type WorkCalendar,
} from './calendar.js';
import {
  deadlineDayOffMark,
  deadlineInfo,
  deadlineNoticeText,
  deadlinePolicyText,
  deadlineText,
} from './deadline-info.js';
import { SHIPPED_CALENDAR_DAYS } from './holidays-cn.js';

const cal = buildCalendar(SHIPPED_CALENDAR_DAYS);

describe('2020 as the State Council set it', () => {
  it('monthly due dates on 4 January, 4 May and 4 October', () => {
    expect(isWorkingDay('2020-01-04', cal)).toBe(false);
    expect(effectiveDeadline('2020-01-04', 'next', cal)).toBe('2020-01-06');
    expect(effectiveDeadline('2020-01-04', 'previous', cal)).toBe('2020-01-03');
    expect(effectiveDeadline('2020-01-04', 'keep', cal)).toBe('2020-01-04');
    expect(effectiveDeadline('2020-05-04', 'next', cal)).toBe('2020-05-06');
    expect(effectiveDeadline('2020-05-04', 'previous', cal)).toBe('2020-04-30');
    expect(effectiveDeadline('2020-10-04', 'next', cal)).toBe('2020-10-09');
    expect(effectiveDeadline('2020-10-04', 'previous', cal)).toBe('2020-09-30');
  });

  it('the extended Spring Festival runs to 2 February, and 1 February is no longer worked', () => {
    expect(effectiveDeadline('2020-01-31', 'next', cal)).toBe('2020-02-03');
    expect(effectiveDeadline('2020-01-31', 'previous', cal)).toBe('2020-01-23');
    for (let d = '2020-01-24'; d <= '2020-02-02'; d = addDays(d, 1)) expect(isWorkingDay(d, cal)).toBe(false);
    expect(isWorkingDay('2020-02-03', cal)).toBe(true);
  });

  it('调休 weekend days are working days', () => {
    for (const d of ['2020-01-19', '2020-04-26', '2020-05-09', '2020-06-28', '2020-09-27', '2020-10-10'])
      expect(isWorkingDay(d, cal), d).toBe(true);
  });

  it('2020 has 249 working days: 262 weekdays − 19 weekday holidays + 6 调休', () => {
    let n = 0;
    for (let d = '2020-01-01'; d <= '2020-12-31'; d = addDays(d, 1)) if (isWorkingDay(d, cal)) n++;
    const weekdays = 262; // Monday–Friday in 2020
    const weekdayHolidays = [
      '2020-01-01',
      '2020-01-24',
      '2020-01-27',
      '2020-01-28',
      '2020-01-29',
      '2020-01-30',
      '2020-01-31',
      '2020-04-06',
      '2020-05-01',
      '2020-05-04',
      '2020-05-05',
      '2020-06-25',
      '2020-06-26',
      '2020-10-01',
      '2020-10-02',
      '2020-10-05',
      '2020-10-06',
      '2020-10-07',
      '2020-10-08',
    ].length;
    expect(n).toBe(weekdays - weekdayHolidays + 6);
    expect(n).toBe(249);
  });

  it('N 个工作日内 skips the holidays and counts 调休 days', () => {
    // Handed over on Thursday 23 January 2020: the 3rd working day is 5 February.
    expect(addWorkingDays('2020-01-23', 3, cal)).toBe('2020-02-05');
    // Friday 24 April: Sunday 26 April is worked, so 1 working day is 26 April.
    expect(addWorkingDays('2020-04-24', 1, cal)).toBe('2020-04-26');
    expect(addWorkingDays('2020-04-24', 0, cal)).toBe('2020-04-24');
  });
});

describe('shipped 2019 and 2021', () => {
  it('spot checks against the notices', () => {
    expect(isWorkingDay('2018-12-29', cal)).toBe(true);
    expect(isWorkingDay('2018-12-31', cal)).toBe(false);
    expect(isWorkingDay('2019-02-02', cal)).toBe(true);
    expect(isWorkingDay('2019-05-03', cal)).toBe(false);
    expect(isWorkingDay('2019-05-05', cal)).toBe(true);
    expect(isWorkingDay('2019-10-12', cal)).toBe(true);
    expect(isWorkingDay('2021-02-20', cal)).toBe(true);
    expect(isWorkingDay('2021-09-18', cal)).toBe(true);
    expect(isWorkingDay('2021-10-07', cal)).toBe(false);
  });
  it('lists no date twice', () => {
    const dates = SHIPPED_CALENDAR_DAYS.map((d) => d.date);
    expect(new Set(dates).size).toBe(dates.length);
  });
});

describe('shipped 2022 to 2026', () => {
  // Each year's working days are the days of the year less its weekend days and its statutory
  // holidays (11 days, 13 from 2025): the shipped 放假 and 调休 days must add up to that.
  const workingDaysOf = (year: number) => {
    let n = 0;
    for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addDays(d, 1)) if (isWorkingDay(d, cal)) n++;
    return n;
  };
  it.each([
    [2022, 365 - 105 - 11],
    [2023, 365 - 105 - 11],
    [2024, 366 - 104 - 11],
    [2025, 365 - 104 - 13],
    [2026, 365 - 104 - 13],
  ])('%i has %i working days', (year, days) => {
    expect(workingDaysOf(year)).toBe(days);
  });
  it('调休 days are weekend days, and the long breaks are as announced', () => {
    for (const d of SHIPPED_CALENDAR_DAYS.filter((x) => x.kind === 'workday'))
      expect([0, 6], d.date).toContain(new Date(`${d.date}T00:00:00Z`).getUTCDay());
    expect(isWorkingDay('2026-02-14', cal)).toBe(true);
    expect(isWorkingDay('2026-02-23', cal)).toBe(false);
    expect(isWorkingDay('2026-01-04', cal)).toBe(true);
    expect(nextWorkingDay('2025-10-04', cal)).toBe('2025-10-09');
    expect(nextWorkingDay('2026-10-04', cal)).toBe('2026-10-08');
  });
});

describe('office rows over the shipped list', () => {
  it('照常 cancels a shipped day; a new holiday is added', () => {
    const office = buildCalendar(SHIPPED_CALENDAR_DAYS, [
      { date: '2020-10-08', kind: 'ordinary', name: '' },
      { date: '2020-03-02', kind: 'holiday', name: '防疫停工' },
    ]);
    expect(isWorkingDay('2020-10-08', office)).toBe(true);
    expect(isWorkingDay('2020-03-02', office)).toBe(false);
  });
});

describe('deadlines as shown', () => {
  it('marks a weekend, a holiday and the move', () => {
    expect(deadlineText(deadlineInfo('2020-01-04', 'next', cal))).toBe(
      '2020年1月4日（星期六）→ 顺延至1月6日',
    );
    expect(deadlineText(deadlineInfo('2020-05-04', 'previous', cal))).toBe(
      '2020年5月4日（劳动节，星期一）→ 提前至4月30日',
    );
    expect(deadlineText(deadlineInfo('2020-10-04', 'keep', cal))).toBe(
      '2020年10月4日（国庆节、中秋节，星期日）',
    );
    expect(deadlineText(deadlineInfo('2020-03-31', 'next', cal))).toBe('2020年3月31日');
    expect(deadlineText(deadlineInfo('2021-01-02', 'previous', cal))).toBe(
      '2021年1月2日（元旦，星期六）→ 提前至2020年12月31日',
    );
  });
});

const anyCalendar: fc.Arbitrary<WorkCalendar> = fc
  .array(
    fc.record({
      offset: fc.integer({ min: 0, max: 120 }),
      kind: fc.constantFrom('holiday' as const, 'workday' as const, 'ordinary' as const),
    }),
    { maxLength: 40 },
  )
  .map((rows) =>
    buildCalendar(rows.map((r) => ({ date: addDays('2020-01-01', r.offset), kind: r.kind, name: '' }))),
  );

describe('properties', () => {
  const day = fc.integer({ min: 0, max: 120 }).map((n) => addDays('2020-01-01', n));
  it('the effective deadline is a working day on the policy’s side, and nothing lies between', () => {
    fc.assert(
      fc.property(anyCalendar, day, (c, d) => {
        const next = effectiveDeadline(d, 'next', c);
        const prev = effectiveDeadline(d, 'previous', c);
        expect(isWorkingDay(next, c) && next >= d).toBe(true);
        expect(isWorkingDay(prev, c) && prev <= d).toBe(true);
        for (let x = addDays(d, 1); x < next; x = addDays(x, 1)) expect(isWorkingDay(x, c)).toBe(false);
        for (let x = addDays(prev, 1); x < d; x = addDays(x, 1)) expect(isWorkingDay(x, c)).toBe(false);
        expect(previousWorkingDay(nextWorkingDay(d, c), c) <= d).toBe(true);
      }),
    );
  });
  it('addWorkingDays(n + 1) is the working day after addWorkingDays(n)', () => {
    fc.assert(
      fc.property(anyCalendar, day, fc.integer({ min: 0, max: 20 }), (c, d, n) => {
        expect(addWorkingDays(d, n + 1, c)).toBe(nextWorkingDay(addWorkingDays(d, n, c), c));
      }),
    );
  });
});

describe('deadlines in notices, editors and exports', () => {
  const cases = [
    [
      '2020-01-04',
      'keep',
      '2020年1月4日（星期六休息日）',
      '2020年1月4日（星期六休息日）→ 按原日期截止（本活动不调整）',
    ],
    [
      '2020-01-04',
      'next',
      '2020年1月6日（原定1月4日为星期六休息日，顺延）',
      '2020年1月4日（星期六休息日）→ 按顺延为 2020年1月6日',
    ],
    [
      '2020-01-04',
      'previous',
      '2020年1月3日（原定1月4日为星期六休息日，提前）',
      '2020年1月4日（星期六休息日）→ 按提前为 2020年1月3日',
    ],
    [
      '2020-05-04',
      'keep',
      '2020年5月4日（劳动节假期）',
      '2020年5月4日（劳动节假期）→ 按原日期截止（本活动不调整）',
    ],
    [
      '2020-05-04',
      'next',
      '2020年5月6日（原定5月4日为劳动节假期，顺延）',
      '2020年5月4日（劳动节假期）→ 按顺延为 2020年5月6日',
    ],
    [
      '2020-05-04',
      'previous',
      '2020年4月30日（原定5月4日为劳动节假期，提前）',
      '2020年5月4日（劳动节假期）→ 按提前为 2020年4月30日',
    ],
    [
      '2020-10-04',
      'keep',
      '2020年10月4日（国庆节、中秋节假期）',
      '2020年10月4日（国庆节、中秋节假期）→ 按原日期截止（本活动不调整）',
    ],
    [
      '2020-10-04',
      'next',
      '2020年10月9日（原定10月4日为国庆节、中秋节假期，顺延）',
      '2020年10月4日（国庆节、中秋节假期）→ 按顺延为 2020年10月9日',
    ],
    [
      '2020-10-04',
      'previous',
      '2020年9月30日（原定10月4日为国庆节、中秋节假期，提前）',
      '2020年10月4日（国庆节、中秋节假期）→ 按提前为 2020年9月30日',
    ],
  ] as const;
  it.each(cases)('%s under %s', (date, policy, notice, editor) => {
    const d = deadlineInfo(date, policy, cal);
    expect(deadlineNoticeText(d)).toBe(notice);
    expect(deadlinePolicyText(d)).toBe(editor);
  });

  it('says nothing more of a working day', () => {
    const d = deadlineInfo('2020-03-31', 'next', cal);
    expect([deadlineNoticeText(d), deadlinePolicyText(d), deadlineDayOffMark(d)]).toEqual([
      '2020年3月31日',
      '2020年3月31日',
      '',
    ]);
    expect(deadlineDayOffMark(deadlineInfo('2020-05-04', 'keep', cal))).toBe('劳动节假期');
  });
});
