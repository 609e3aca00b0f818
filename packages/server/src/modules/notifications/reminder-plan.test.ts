import { buildCalendar, SHIPPED_CALENDAR_DAYS } from '@paicha/core';
import { describe, expect, it } from 'vitest';
import { normaliseThresholds, reminderStep } from './reminder-plan.js';

describe('which reminder a deadline calls for', () => {
  const due = '2020-01-04';
  const at = (today: string) => reminderStep(today, due, [3, 1]);

  it('is silent until three days before', () => {
    expect(at('2019-12-31')).toBeNull();
  });

  it('sends "3" three and two days before, "1" the day before and on the day', () => {
    expect(at('2020-01-01')).toEqual({ kind: 'upcoming', threshold: 3, daysLeft: 3 });
    expect(at('2020-01-02')).toEqual({ kind: 'upcoming', threshold: 3, daysLeft: 2 });
    expect(at('2020-01-03')).toEqual({ kind: 'upcoming', threshold: 1, daysLeft: 1 });
    expect(at('2020-01-04')).toEqual({ kind: 'upcoming', threshold: 1, daysLeft: 0 });
  });

  it('reports a miss from the day after, for a month', () => {
    expect(at('2020-01-05')).toEqual({ kind: 'missed', daysLate: 1 });
    expect(at('2020-02-03')).toEqual({ kind: 'missed', daysLate: 30 });
    expect(at('2020-02-04')).toBeNull();
  });

  it('cleans configured thresholds', () => {
    expect(normaliseThresholds([1, 3, 3, -1, 2.5, 7])).toEqual([7, 3, 1]);
  });
});

describe('reminders on working days only (2020 calendar)', () => {
  const cal = buildCalendar(SHIPPED_CALENDAR_DAYS);
  const at = (today: string, due: string) => reminderStep(today, due, [3, 1], cal);

  it('sends nothing on a weekend or holiday, whatever is due', () => {
    expect(at('2020-01-04', '2020-01-04')).toBeNull(); // Saturday, due that day
    expect(at('2020-05-04', '2020-05-06')).toBeNull(); // 劳动节
    expect(at('2020-01-31', '2020-01-20')).toBeNull(); // the extended Spring Festival
  });

  it('a step on a non-working day fires on the working day before it', () => {
    // Monday 6 January: the 3-day mark (Friday 3rd) is a working day; the 1-day mark (Sunday
    // 5th) moves to Friday 3rd too, so Friday sends the 1-day reminder.
    expect(at('2020-01-02', '2020-01-06')).toBeNull();
    expect(at('2020-01-03', '2020-01-06')).toEqual({ kind: 'upcoming', threshold: 1, daysLeft: 3 });
    // Due 9 October (after 国庆): both marks fall in the holiday, so 30 September announces it.
    expect(at('2020-09-29', '2020-10-09')).toBeNull();
    expect(at('2020-09-30', '2020-10-09')).toEqual({ kind: 'upcoming', threshold: 1, daysLeft: 9 });
    // 调休 Sunday 27 September is a working day and sends like one.
    expect(at('2020-09-27', '2020-09-30')).toEqual({ kind: 'upcoming', threshold: 3, daysLeft: 3 });
  });

  it('reports a miss on the first working day after the deadline', () => {
    expect(at('2020-01-05', '2020-01-03')).toBeNull(); // Sunday
    expect(at('2020-01-06', '2020-01-03')).toEqual({ kind: 'missed', daysLate: 3 });
    expect(at('2020-02-03', '2020-01-23')).toEqual({ kind: 'missed', daysLate: 11 });
  });
});
