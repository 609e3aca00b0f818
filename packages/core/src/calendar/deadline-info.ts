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

/** Why a non-working day is off: "星期六休息日" for a weekend, "劳动节假期" for a named holiday. */
function dayOffReason(d: DeadlineInfo): string {
  if (!d.nonWorking) return '';
  if (d.nonWorking === weekdayLabel(d.date)) return `${d.nonWorking}休息日`;
  return d.nonWorking === '放假' ? '放假日' : `${d.nonWorking}假期`;
}

/**
 * The deadline a notice or reminder states: the date that counts, and when the set date is not
 * a working day, why and what the policy made of it —
 * "2020年5月6日（原定5月4日为劳动节假期，顺延）", "2020年1月4日（星期六休息日）", "2020年3月31日".
 */
export function deadlineNoticeText(d: DeadlineInfo): string {
  const effective = formatChineseDate(d.effective);
  if (!d.nonWorking) return effective;
  if (d.effective === d.date) return `${effective}（${dayOffReason(d)}）`;
  const how = d.effective > d.date ? '顺延' : '提前';
  return `${effective}（原定${shortDate(d.date, d.effective)}为${dayOffReason(d)}，${how}）`;
}

/**
 * A date chosen in an editor, with what the campaign's policy makes of it when it is not a
 * working day: "2020年1月4日（星期六休息日）→ 按顺延为 2020年1月6日",
 * "2020年10月4日（国庆节、中秋节假期）→ 按原日期截止（本活动不调整）".
 */
export function deadlinePolicyText(d: DeadlineInfo): string {
  const date = formatChineseDate(d.date);
  if (!d.nonWorking) return date;
  const marked = `${date}（${dayOffReason(d)}）`;
  if (d.effective === d.date) return `${marked}→ 按原日期截止（本活动不调整）`;
  const how = d.effective > d.date ? '顺延' : '提前';
  return `${marked}→ 按${how}为 ${formatChineseDate(d.effective)}`;
}

/** The mark a list or export puts beside a non-working-day deadline: "星期六休息日", or ''. */
export function deadlineDayOffMark(d: DeadlineInfo): string {
  return dayOffReason(d);
}
