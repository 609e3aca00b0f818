// Which reminder a deadline calls for today. Pure, so the thresholds can be tested directly.
import { addDays, daysBetween, isWorkingDay, previousWorkingDay, type WorkCalendar } from '@paicha/core';

/** How long after a missed deadline a first "missed" notice is still worth sending. */
export const MISSED_WINDOW_DAYS = 30;

/** Holidays shift a reminder by at most this many days (the longest run of days off is ~10). */
export const CALENDAR_SLACK_DAYS = 16;

export type ReminderStep =
  | { kind: 'upcoming'; threshold: number; daysLeft: number }
  | { kind: 'missed'; daysLate: number };

/**
 * With thresholds [3, 1]: 3 days before → "3", 2 days before → "3" (catch-up if the server was
 * down), 1 day before and the due day → "1", after the due day → "missed". Each step has its
 * own dedup key, so every step is sent once whatever day the server first sees it.
 *
 * With a working-day calendar, reminders go out on working days only (one sent on a holiday
 * reaches nobody): on a non-working day nothing is due. A step whose day (n days before the
 * deadline) is not a working day fires on the last working day before it — so the "1 day"
 * reminder of a Monday deadline comes on Friday, and a deadline after 国庆 is announced before
 * the holiday. A miss is reported on the first working day after the deadline (the days
 * between are silent).
 */
export function reminderStep(
  today: string,
  dueDate: string,
  thresholds: readonly number[],
  calendar?: WorkCalendar,
): ReminderStep | null {
  if (calendar && !isWorkingDay(today, calendar)) return null;
  const daysLeft = daysBetween(today, dueDate);
  if (daysLeft < 0) return daysLeft >= -MISSED_WINDOW_DAYS ? { kind: 'missed', daysLate: -daysLeft } : null;
  const fires = (n: number) => {
    const d = addDays(dueDate, -n);
    return !calendar || isWorkingDay(d, calendar) ? d : previousWorkingDay(d, calendar);
  };
  const fitting = thresholds.filter((n) => fires(n) <= today);
  if (fitting.length === 0) return null;
  return { kind: 'upcoming', threshold: Math.min(...fitting), daysLeft };
}

export function normaliseThresholds(days: readonly number[]): number[] {
  return [...new Set(days.filter((d) => Number.isInteger(d) && d >= 0 && d <= 60))].sort((a, b) => b - a);
}
