// The 待办 workbench (/api/workbench): what waits for the signed-in person, section by section,
// with counts for the side menu's badges; the office's "due soon" setting; marks of what a
// person has looked at (/api/workbench/seen).
import { z } from 'zod';
import { MAX_DUE_WITHIN_DAYS, SEEN_MARKS, WORKBENCH_SECTIONS } from '../workbench.js';
import { DeadlineInfo } from './calendar.js';
import { IdParam, Int } from './integers.js';

export const WorkbenchQuery = z.object({ campaignId: IdParam.optional() });

export const WorkbenchEntry = z.object({
  /** Unique within its section. */
  key: z.string(),
  title: z.string(),
  /** A second line: the unit, the item, a reason. */
  detail: z.string(),
  /** A calendar date (deadline, due date, issue date), shown with `dateLabel`; null for none. */
  date: z.string().nullable(),
  dateLabel: z.string(),
  /** When `date` is a deadline: as the 节假日 calendar and the campaign's policy read it. */
  deadline: DeadlineInfo.nullable().optional(),
  /** A short status word (已退回, 逾期, 草稿 …). */
  tag: z.string(),
  /** Past due or otherwise pressing: shown in red. */
  urgent: z.boolean(),
  /** The in-app path that opens the item. */
  link: z.string(),
});
export type WorkbenchEntry = z.infer<typeof WorkbenchEntry>;

export const WorkbenchSection = z.object({
  key: z.enum(WORKBENCH_SECTIONS),
  title: z.string(),
  /** One sentence saying what is counted. */
  hint: z.string(),
  count: z.number(),
  /** The in-app path of the whole list, filtered to what is counted. */
  link: z.string(),
  /** The first few, most pressing first. */
  entries: z.array(WorkbenchEntry),
});
export type WorkbenchSection = z.infer<typeof WorkbenchSection>;

export const WorkbenchBadge = z.object({
  /** The side menu entry's path (/problems, /reports …). */
  path: z.string(),
  count: z.number(),
});

export const WorkbenchResponse = z.object({
  campaignId: z.number(),
  /** The server's today (China), the day "overdue" and "due soon" are judged on. */
  today: z.string(),
  dueWithinDays: z.number(),
  landing: z.enum(['workbench', 'supervision']),
  sections: z.array(WorkbenchSection),
  badges: z.array(WorkbenchBadge),
  /** Everything waiting, for the 待办 menu entry. */
  total: z.number(),
});
export type Workbench = z.infer<typeof WorkbenchResponse>;

export const WorkbenchSettingsBody = z.object({
  /** A problem counts as due soon when its deadline is at most this many days away. */
  dueWithinDays: Int(1, MAX_DUE_WITHIN_DAYS),
});
export type WorkbenchSettings = z.infer<typeof WorkbenchSettingsBody>;

export const SeenBody = z.object({ what: z.enum(SEEN_MARKS) });
export type SeenInput = z.infer<typeof SeenBody>;
