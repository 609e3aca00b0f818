// Notifications, reminders and 催办 (docs/API.md "Supervision"); shapes from
// @paicha/core/api/notifications.
import type {
  AppNotification,
  NotificationEntity,
  NotificationFilter,
  NotificationList,
  ReminderRun,
  ReminderSettings,
  ReminderSettingsView,
  Unread,
  UrgeInput,
  UrgeResult,
} from '@paicha/core/api/notifications';
import { http } from './client';

export type { AppNotification, NotificationEntity, ReminderSettings };

function qs(params: Record<string, string | number | undefined>): string {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) s.set(k, String(v));
  const out = s.toString();
  return out ? `?${out}` : '';
}

export const notificationsApi = {
  list: (opts: NotificationFilter = {}) =>
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
  read: (ids: number[] = []) => http.post<Unread>('/api/notifications/read', { ids }),
  urge: (body: UrgeInput) => http.post<UrgeResult>('/api/notifications/urge', body),
  runReminders: () => http.post<ReminderRun>('/api/reminders/run', {}),
  settings: () => http.get<ReminderSettingsView>('/api/settings/reminders'),
  saveSettings: (body: ReminderSettings) => http.put<ReminderSettings>('/api/settings/reminders', body),
};

export const NOTIFICATIONS_CHANGED = 'paicha:notifications-changed';

/** Tells the header bell that the unread count changed (read here, or a 催办 sent). */
export function notificationsChanged(): void {
  window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED));
}
