// A deadline as every page shows it: the date, why it is not a working day, and the date that
// counts under the campaign's policy. Built by the server (one function), carried by the API
// (core/api/common DeadlineInfo), formatted by the web through deadlineText.
import { formatChineseDate } from '../dates.js';
import {
  type DeadlinePolicy,
  effectiveDeadline,
  isWorkingDay,
  type WorkCalendar,
  weekdayLabel,
} from './calendar.js';

export interface DeadlineInfo {
  /** The deadline as set (plan, milestone, problem). */
  date: string;
  /** The deadline that counts: `date` moved by the policy when it is not a working day. */
  effective: string;
  /** 'keep' | 'next' | 'previous' — what moved it (keep when it is not moved). */
  policy: DeadlinePolicy;
  /** null on a working day; otherwise the holiday's name or the weekday (星期六). */
  nonWorking: string | null;
}

export function deadlineInfo(date: string, policy: DeadlinePolicy, calendar: WorkCalendar): DeadlineInfo {
  if (isWorkingDay(date, calendar)) return { date, effective: date, policy, nonWorking: null };
  const listed = calendar.days.get(date);
  const nonWorking = listed?.kind === 'holiday' ? listed.name || '放假' : weekdayLabel(date);
  return { date, effective: effectiveDeadline(date, policy, calendar), policy, nonWorking };
}

/** 2020年1月4日 → 1月4日 (same year as the other date) */
function shortDate(date: string, sameYearAs: string): string {
  const full = formatChineseDate(date);
  return date.slice(0, 4) === sameYearAs.slice(0, 4) ? full.slice(full.indexOf('年') + 1) : full;
}

/**
 * "2020年1月4日（星期六）→ 顺延至1月6日", "2020年5月4日（劳动节）", or just "2020年3月31日".
 * A holiday on a weekend names the holiday; a weekday holiday too.
 */
export function deadlineText(d: DeadlineInfo): string {
  const base = formatChineseDate(d.date);
  if (!d.nonWorking) return base;
  const marked = `${base}（${d.nonWorking === weekdayLabel(d.date) ? d.nonWorking : `${d.nonWorking}，${weekdayLabel(d.date)}`}）`;
  if (d.effective === d.date) return marked;
  const verb = d.effective > d.date ? '顺延至' : '提前至';
  return `${marked}→ ${verb}${shortDate(d.effective, d.date)}`;
}
