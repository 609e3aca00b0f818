// The working-day calendar: a day is a working day when it is Monday–Friday, unless the
// calendar lists it as 放假 (holiday); a weekend day listed as 调休上班 (workday) is worked. The
// office's rows of kind 'ordinary' (照常) cancel a shipped entry, so a date reads as an ordinary
// week day again. Pure: the server builds a calendar from the shipped data and the office's
// rows, the web receives deadlines already computed.
import { addDays } from '../dates.js';

export type CalendarDayKind = 'holiday' | 'workday' | 'ordinary';

export const CALENDAR_DAY_KINDS: readonly CalendarDayKind[] = ['holiday', 'workday', 'ordinary'];

/** How each kind is written in the office's import file and shown on the page. */
export const CALENDAR_DAY_LABELS: Record<CalendarDayKind, string> = {
  holiday: '放假',
  workday: '调休上班',
  ordinary: '照常',
};

export interface CalendarDay {
  date: string;
  kind: CalendarDayKind;
  name: string;
}

export interface WorkCalendar {
  readonly days: ReadonlyMap<string, CalendarDay>;
}

/** Later lists win by date (the office's rows over the shipped ones). */
export function buildCalendar(...lists: readonly (readonly CalendarDay[])[]): WorkCalendar {
  const days = new Map<string, CalendarDay>();
  for (const list of lists) for (const d of list) days.set(d.date, d);
  return { days };
}

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export function weekdayLabel(date: string): string {
  return WEEKDAYS[weekdayOf(date)] as string;
}

export function isWorkingDay(date: string, calendar: WorkCalendar): boolean {
  const listed = calendar.days.get(date);
  if (listed?.kind === 'holiday') return false;
  if (listed?.kind === 'workday') return true;
  const wd = weekdayOf(date);
  return wd !== 0 && wd !== 6;
}

// No real calendar has a run of non-working days this long; the bound keeps a broken one (an
// office importing a whole year as 放假) from looping forever.
const MAX_SEARCH_DAYS = 366;

function walk(date: string, step: 1 | -1, calendar: WorkCalendar): string {
  let d = date;
  for (let i = 0; i < MAX_SEARCH_DAYS; i++) {
    d = addDays(d, step);
    if (isWorkingDay(d, calendar)) return d;
  }
  throw new RangeError(`no working day within ${MAX_SEARCH_DAYS} days of ${date}`);
}

/** The first working day after `date`. */
export function nextWorkingDay(date: string, calendar: WorkCalendar): string {
  return walk(date, 1, calendar);
}

/** The last working day before `date`. */
export function previousWorkingDay(date: string, calendar: WorkCalendar): string {
  return walk(date, -1, calendar);
}

/**
 * "N 个工作日内" counted from `date` (the day of the hand-off does not count): the N-th working
 * day after it. n = 0 gives `date` itself.
 */
export function addWorkingDays(date: string, n: number, calendar: WorkCalendar): string {
  let d = date;
  for (let i = 0; i < n; i++) d = nextWorkingDay(d, calendar);
  return d;
}

/** What happens to a deadline that falls on a non-working day (per campaign, the office's choice). */
export type DeadlinePolicy = 'keep' | 'next' | 'previous';

export const DEADLINE_POLICIES: readonly DeadlinePolicy[] = ['keep', 'next', 'previous'];

export const DEADLINE_POLICY_LABELS: Record<DeadlinePolicy, string> = {
  keep: '保持原日期',
  next: '顺延至下一工作日',
  previous: '提前至前一工作日',
};

export function effectiveDeadline(date: string, policy: DeadlinePolicy, calendar: WorkCalendar): string {
  if (policy === 'keep' || isWorkingDay(date, calendar)) return date;
  return policy === 'next' ? nextWorkingDay(date, calendar) : previousWorkingDay(date, calendar);
}
