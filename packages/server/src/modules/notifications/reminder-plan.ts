// Which reminder a deadline calls for today. Pure, so the thresholds can be tested directly.
import { daysBetween } from '@paicha/core';

/** How long after a missed deadline a first "missed" notice is still worth sending. */
export const MISSED_WINDOW_DAYS = 30;

export type ReminderStep =
  | { kind: 'upcoming'; threshold: number; daysLeft: number }
  | { kind: 'missed'; daysLate: number };

/**
 * With thresholds [3, 1]: 3 days before → "3", 2 days before → "3" (catch-up if the server was
 * down), 1 day before and the due day → "1", after the due day → "missed". Each step has its
 * own dedup key, so every step is sent once whatever day the server first sees it.
 */
export function reminderStep(
  today: string,
  dueDate: string,
  thresholds: readonly number[],
): ReminderStep | null {
  const daysLeft = daysBetween(today, dueDate);
  if (daysLeft < 0) return daysLeft >= -MISSED_WINDOW_DAYS ? { kind: 'missed', daysLate: -daysLeft } : null;
  const fitting = thresholds.filter((n) => n >= daysLeft);
  if (fitting.length === 0) return null;
  return { kind: 'upcoming', threshold: Math.min(...fitting), daysLeft };
}

export function normaliseThresholds(days: readonly number[]): number[] {
  return [...new Set(days.filter((d) => Number.isInteger(d) && d >= 0 && d <= 60))].sort((a, b) => b - a);
}
