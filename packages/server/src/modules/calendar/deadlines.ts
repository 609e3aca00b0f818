// The one place the server decides which date a deadline counts on: the calendar (shipped
// State Council days with the office's rows over them) and the campaign's policy. Timeliness,
// reminders and every page that shows a deadline ask here; the web only formats the answer.
import { type DeadlineInfo, type DeadlinePolicy, deadlineInfo, type WorkCalendar } from '@paicha/core';
import type { Executor } from '../../db/transaction.js';
import { readPolicy } from './calendar.repository.js';
import { cachedCalendar } from './calendar-cache.js';

/**
 * The calendar in force: the office's days over the shipped ones, kept in memory until the
 * calendar's change stamp moves (calendar-cache.ts); read afresh inside a transaction.
 */
export function loadCalendar(db: Executor): Promise<WorkCalendar> {
  return cachedCalendar(db);
}

export interface CampaignDeadlines {
  policy: DeadlinePolicy;
  calendar: WorkCalendar;
  /** A milestone's (or any campaign date's) deadline under the campaign's policy. */
  info(date: string): DeadlineInfo;
  effective(date: string): string;
}

export async function campaignDeadlines(db: Executor, campaignId: number): Promise<CampaignDeadlines> {
  const [calendar, policy] = await Promise.all([loadCalendar(db), readPolicy(db, campaignId)]);
  return deadlinesUnder(calendar, policy);
}

export function deadlinesUnder(calendar: WorkCalendar, policy: DeadlinePolicy): CampaignDeadlines {
  return {
    policy,
    calendar,
    info: (date) => deadlineInfo(date, policy, calendar),
    effective: (date) => deadlineInfo(date, policy, calendar).effective,
  };
}

/**
 * A problem's 整改时限 is marked but never moved: it is a date a person chose for that problem
 * (with the calendar in view, or as "N 个工作日内"), so the one overdue rule (core isOverdue,
 * problems/overdue.repository.ts) keeps reading the stored date. Only the campaign's own dates
 * — milestones and the monthly reports' due days, fixed by the plan — follow the policy.
 */
export function problemDeadlineInfo(date: string, calendar: WorkCalendar): DeadlineInfo {
  return deadlineInfo(date, 'keep', calendar);
}
