import {
  NotificationListResponse,
  NotificationsQuery,
  ReadBody,
  ReminderRunResponse,
  ReminderSettingsBody,
  ReminderSettingsResponse,
  UnreadResponse,
  UrgeBody,
  UrgeResponse,
} from '@paicha/core/api/notifications';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor, requireAdmin } from '../../http/access.js';
import type { AppContext } from '../../kernel/context.js';
import {
  listNotifications,
  markNotificationsRead,
  reminderSettings,
  saveReminderSettings,
  urgeUnits,
} from './notifications.service.js';
import { runReminders } from './reminders.js';

export function notificationRoutes(ctx: AppContext) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['notifications'];

    app.get(
      '/api/notifications',
      {
        schema: {
          tags,
          summary: '本单位的提醒与催办；办公室加 all=1 查看发给各单位的全部通知',
          querystring: NotificationsQuery,
          response: { 200: NotificationListResponse },
        },
      },
      async (request) => {
        const query = request.query;
        return listNotifications(ctx, requireActor(request), {
          all: query.all === '1',
          unitId: query.unit,
          unreadOnly: query.unread === '1',
          readOnly: query.read === '1',
          kind: query.kind,
          q: query.q,
          page: query.page,
          pageSize: query.pageSize ?? query.limit,
        });
      },
    );

    app.post(
      '/api/notifications/read',
      {
        schema: {
          tags,
          summary: '标记为已读（ids 为空则全部已读）',
          body: ReadBody,
          response: { 200: UnreadResponse },
        },
      },
      async (request) => markNotificationsRead(ctx, requireActor(request), request.body.ids),
    );

    app.post(
      '/api/notifications/urge',
      {
        schema: {
          tags,
          summary: '催办：向选定单位发送通知',
          body: UrgeBody,
          response: { 200: UrgeResponse },
        },
      },
      async (request) => urgeUnits(ctx, requireAdmin(request), request.body),
    );

    app.post(
      '/api/reminders/run',
      {
        schema: {
          tags,
          summary: '立即执行一次到期提醒（服务也会定时自动执行）',
          response: { 200: ReminderRunResponse },
        },
      },
      async () => runReminders(ctx),
    );

    app.get(
      '/api/settings/reminders',
      { schema: { tags, summary: '提醒设置', response: { 200: ReminderSettingsResponse } } },
      async (request) => {
        requireActor(request);
        return reminderSettings(ctx);
      },
    );

    app.put(
      '/api/settings/reminders',
      {
        schema: {
          tags,
          summary: '修改提醒设置（提前天数、是否发邮件）',
          body: ReminderSettingsBody,
          response: { 200: ReminderSettingsBody },
        },
      },
      async (request) => saveReminderSettings(ctx, requireAdmin(request), request.body),
    );
  };
}
