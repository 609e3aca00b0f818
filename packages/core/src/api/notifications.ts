// Reminders and 催办 (/api/notifications, /api/reminders/run) and the office's reminder settings.

import { z } from 'zod';
import { NOTIFICATION_RESOLUTIONS, type NotificationResolution } from '../notification.js';
import { Id, IdParam, Int, IntParam } from './integers.js';

export const NotificationsQuery = z.object({
  /** Only the ones needing attention: unread and not resolved. */
  unread: z.enum(['0', '1']).optional(),
  /** Only the ones the caller has read, or that are resolved. */
  read: z.enum(['0', '1']).optional(),
  all: z.enum(['0', '1']).optional(),
  /** With all=1: one receiving unit. */
  unit: IdParam.optional(),
  kind: z.string().max(40).optional(),
  q: z.string().trim().max(100).optional(),
  page: IntParam(1).default(1),
  /** Page size (`limit` is its older name). */
  pageSize: IntParam(1, 500).optional(),
  limit: IntParam(1, 500).default(100),
});
type Flag = 'unread' | 'read' | 'all';
/** The list's filter as a client holds it: the 0/1 flags as booleans, every field optional. */
export type NotificationFilter = Partial<
  Omit<z.infer<typeof NotificationsQuery>, Flag> & Record<Flag, boolean>
>;

export const NotificationResponse = z.object({
  id: z.number(),
  /** One of core's NOTIFICATION_KINDS (即将到期, 已逾期, 催办, 交办, 退回, …); kept open for kinds added later. */
  kind: z.string(),
  entity: z.string(),
  entityId: z.number().nullable(),
  title: z.string(),
  body: z.string(),
  /** An in-app path such as /problems/123, /reports or /submissions; may be empty. */
  link: z.string(),
  dueDate: z.string().nullable(),
  createdAt: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  /** When the signed-in user read it (read state is per user). */
  readAt: z.string().nullable(),
  /** First time anyone of the receiving unit read it. */
  unitReadAt: z.string().nullable(),
  /**
   * A reminder that needs nothing more, decided when read: done = its item was done (report or
   * submission sent, problem closed out), moved = its problem was handed to another unit,
   * expired = a 即将到期 reminder whose date has passed, reviewed = a 待审核 notice the office has
   * acted on (or a newer one of the same problem or report replaced).
   * Resolved notices never count as unread.
   */
  resolved: z
    .enum(Object.keys(NOTIFICATION_RESOLUTIONS) as [NotificationResolution, ...NotificationResolution[]])
    .nullable(),
});
export type AppNotification = z.infer<typeof NotificationResponse>;

export const NotificationListResponse = z.object({
  items: z.array(NotificationResponse),
  /** Matching notifications in all pages. */
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  /** Unread notifications of the caller's own unit (resolved reminders not counted). */
  unread: z.number(),
});
export type NotificationList = z.infer<typeof NotificationListResponse>;

export const ReadBody = z.object({ ids: z.array(Id).max(500).default([]) });
export const UnreadResponse = z.object({ unread: z.number() });
export type Unread = z.infer<typeof UnreadResponse>;

export const NotificationEntitySchema = z.enum(['milestone', 'problem', 'report', 'general']);
export type NotificationEntity = z.infer<typeof NotificationEntitySchema>;

export const UrgeBody = z.object({
  unitIds: z.array(Id).min(1, '请选择催办单位').max(200),
  title: z.string().trim().min(2, '请填写催办事项').max(100),
  body: z.string().trim().max(1000).default(''),
  entity: NotificationEntitySchema.default('general'),
  entityId: Id.nullable().default(null),
  link: z.string().max(200).default(''),
});
export type UrgeInput = z.input<typeof UrgeBody>;
export const UrgeResponse = z.object({ created: z.number() });
export type UrgeResult = z.infer<typeof UrgeResponse>;

export const ReminderRunResponse = z.object({ created: z.number(), emailed: z.number() });
export type ReminderRun = z.infer<typeof ReminderRunResponse>;

export const ReminderSettingsBody = z.object({
  /** Days before a deadline on which to remind, e.g. [3, 1]; 0 = on the due day. */
  days: z.array(Int(0, 60)).min(1).max(5),
  email: z.boolean(),
});
export type ReminderSettings = z.infer<typeof ReminderSettingsBody>;

export const ReminderSettingsResponse = z.object({
  days: z.array(z.number()),
  email: z.boolean(),
  /** Whether a mail server is configured (PAICHA_SMTP_URL): without one, e-mail is not sent. */
  mailConfigured: z.boolean(),
});
export type ReminderSettingsView = z.infer<typeof ReminderSettingsResponse>;
