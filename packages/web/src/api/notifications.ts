// Notifications, reminders and 催办 (docs/API.md "Supervision"); shapes follow
// packages/server/src/modules/notifications/notifications.routes.ts exactly.
import { http } from './client';

export type NotificationKind = 'upcoming' | 'missed' | 'urge';
export type NotificationEntity = 'milestone' | 'problem' | 'report' | 'general';

export interface AppNotification {
  id: number;
  /** upcoming = 即将到期, missed = 已逾期, urge = 催办; kept open for kinds added later. */
  kind: NotificationKind | string;
  entity: string;
  entityId: number | null;
  title: string;
  body: string;
  /** An in-app path such as /problems/123, /reports or /submissions; may be empty. */
  link: string;
  dueDate: string | null;
  createdAt: string;
  unitId: number;
  unitName: string;
  /** When the signed-in user read it (read state is per user). */
  readAt: string | null;
}

export interface NotificationList {
  items: AppNotification[];
  /** Matching notifications in all pages. */
  total: number;
  page: number;
  pageSize: number;
  /** Unread notifications of the caller's own unit. */
  unread: number;
}

export interface UrgeInput {
  unitIds: number[];
  title: string;
  body?: string;
  entity?: NotificationEntity;
  entityId?: number | null;
  link?: string;
}

export interface ReminderSettings {
  /** Days before a deadline on which to remind, e.g. [3, 1]; 0 = on the due day. */
  days: number[];
  email: boolean;
}

function qs(params: Record<string, string | number | undefined>): string {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) s.set(k, String(v));
  const out = s.toString();
  return out ? `?${out}` : '';
}

export const notificationsApi = {
  list: (
    opts: {
      unread?: boolean;
      read?: boolean;
      all?: boolean;
      unit?: number;
      kind?: string;
      q?: string;
      page?: number;
      pageSize?: number;
      limit?: number;
    } = {},
  ) =>
    http.get<NotificationList>(
      `/api/notifications${qs({
        unread: opts.unread ? 1 : undefined,
        read: opts.read ? 1 : undefined,
        all: opts.all ? 1 : undefined,
        unit: opts.unit,
        kind: opts.kind,
        q: opts.q || undefined,
        page: opts.page,
        pageSize: opts.pageSize,
        limit: opts.limit,
      })}`,
    ),
  /** Marks the given ones read; no ids = every unread one of the own unit. */
  read: (ids: number[] = []) => http.post<{ unread: number }>('/api/notifications/read', { ids }),
  urge: (body: UrgeInput) => http.post<{ created: number }>('/api/notifications/urge', body),
  runReminders: () => http.post<{ created: number; emailed: number }>('/api/reminders/run', {}),
  settings: () => http.get<ReminderSettings>('/api/settings/reminders'),
  saveSettings: (body: ReminderSettings) => http.put<ReminderSettings>('/api/settings/reminders', body),
};

export const NOTIFICATIONS_CHANGED = 'paicha:notifications-changed';

/** Tells the header bell that the unread count changed (read here, or a 催办 sent). */
export function notificationsChanged(): void {
  window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED));
}
