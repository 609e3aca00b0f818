// The working-day calendar (/api/calendar) and each campaign's deadline policy
// (/api/campaigns/:id/deadline-policy); DeadlineInfo is how every deadline travels to the web.
import { z } from 'zod';
import {
  CALENDAR_DAY_KINDS,
  type CalendarDayKind,
  DEADLINE_POLICIES,
  type DeadlinePolicy,
} from '../calendar/calendar.js';
import { isIsoDate } from '../dates.js';
import { Int, IntParam } from './integers.js';

// The calendar covers years an office can plan for; far dates would walk off the date range.
const isoDate = z
  .string()
  .refine(isIsoDate, '日期应为有效日期（YYYY-MM-DD）')
  .refine((d) => d >= '2000-01-01' && d <= '2100-12-31', '日期应在2000年至2100年之间');

export const DeadlinePolicySchema = z.enum(DEADLINE_POLICIES as [DeadlinePolicy, ...DeadlinePolicy[]]);

/** A deadline with the date that counts (core deadlineInfo; formatted by core deadlineText). */
export const DeadlineInfo = z.object({
  date: z.string(),
  effective: z.string(),
  policy: DeadlinePolicySchema,
  nonWorking: z.string().nullable(),
});
export type DeadlineInfo = z.infer<typeof DeadlineInfo>;

export const CalendarDayKindSchema = z.enum(CALENDAR_DAY_KINDS as [CalendarDayKind, ...CalendarDayKind[]]);

export const CalendarYearQuery = z.object({ year: IntParam(2000, 2100).optional() });

/** One listed day of the merged calendar: where it comes from, and the shipped entry it overrides. */
export const CalendarDayView = z.object({
  date: z.string(),
  kind: CalendarDayKindSchema,
  name: z.string(),
  source: z.enum(['shipped', 'office']),
  shipped: z.object({ kind: CalendarDayKindSchema, name: z.string() }).nullable(),
});
export type CalendarDayView = z.infer<typeof CalendarDayView>;

export const CalendarYear = z.object({
  year: z.number(),
  /** The server's today, so the page opens on the right year. */
  today: z.string(),
  /** Whether the shipped State Council list covers this year (otherwise the office must add it). */
  shipped: z.boolean(),
  days: z.array(CalendarDayView),
  workingDays: z.number(),
});
export type CalendarYear = z.infer<typeof CalendarYear>;

export const CalendarDateParams = z.object({ date: isoDate });

export const CalendarDayBody = z.object({
  kind: CalendarDayKindSchema,
  name: z.string().trim().max(40, '名称不超过40个字'),
});
export type CalendarDayInput = z.input<typeof CalendarDayBody>;

export const CalendarImportQuery = z.object({ mode: z.enum(['check', 'all']).default('all') });

/** The import's per-row report; nothing is stored unless every row is good (mode all). */
export const CalendarImportReport = z.object({
  rows: z.number(),
  accepted: z.number(),
  rejected: z.number(),
  imported: z.number(),
  errors: z.array(z.object({ row: z.number(), column: z.string(), value: z.string(), message: z.string() })),
});
export type CalendarImportReport = z.infer<typeof CalendarImportReport>;

export const CampaignDeadlinePolicy = z.object({ policy: DeadlinePolicySchema });
export type CampaignDeadlinePolicy = z.infer<typeof CampaignDeadlinePolicy>;

/** "N 个工作日内" used by the web's hint next to a working-day control. */
export const WorkingDaysQuery = z.object({ from: isoDate, n: IntParam(0, 365) });
export const WorkingDaysAnswer = z.object({ from: z.string(), n: z.number(), date: z.string() });
export const WorkingDaysN = Int(1, 365, '工作日数应为 1 到 365');
