import { AppError } from '@paicha/core';
import {
  NotificationListResponse,
  NotificationsQuery,
  ReadBody,
  ReminderRunResponse,
  type ReminderSettings,
  ReminderSettingsBody,
  ReminderSettingsResponse,
  UnreadResponse,
  UrgeBody,
  UrgeResponse,
} from '@paicha/core/api/notifications';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor, requireAdmin, scopeOf } from '../../http/access.js';
import type { AppContext } from '../../kernel/context.js';
import { appendAudit } from '../audit/audit.repository.js';
import { readSetting, writeSetting } from '../settings/settings.repository.js';
import { sendReminderMail } from './mailer.js';
import {
  countNotifications,
  countUnread,
  insertNotifications,
  listForUnit,
  markAllRead,
  markRead,
  unitIdsOfNotifications,
} from './notifications.repository.js';
import { DEFAULT_REMINDERS, REMINDER_SETTING, runReminders } from './reminders.js';

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
        const actor = requireActor(request);
        const query = request.query;
        const all = query.all === '1' && scopeOf(actor).all;
        const filter = {
          ...(all ? (query.unit === undefined ? {} : { unitId: query.unit }) : { unitId: actor.unitId }),
          userId: actor.userId,
          unreadOnly: query.unread === '1',
          readOnly: query.read === '1',
          ...(query.kind ? { kind: query.kind } : {}),
          ...(query.q ? { q: query.q } : {}),
        };
        const pageSize = query.pageSize ?? query.limit;
        const [items, total, unread] = await Promise.all([
          listForUnit(ctx.db, { ...filter, limit: pageSize, offset: (query.page - 1) * pageSize }),
          countNotifications(ctx.db, filter),
          countUnread(ctx.db, actor.unitId, actor.userId),
        ]);
        return { items, total, page: query.page, pageSize, unread };
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
      async (request) => {
        const actor = requireActor(request);
        const at = ctx.clock.now().toISOString();
        const ids = request.body.ids;
        if (ids.length === 0) await markAllRead(ctx.db, actor.unitId, actor.userId, at);
        else {
          const own = (await unitIdsOfNotifications(ctx.db, ids))
            .filter((n) => n.unitId === actor.unitId)
            .map((n) => n.id);
          await markRead(ctx.db, actor.userId, own, at);
        }
        return { unread: await countUnread(ctx.db, actor.unitId, actor.userId) };
      },
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
      async (request) => {
        const actor = requireAdmin(request);
        const b = request.body;
        const units = await ctx.db
          .selectFrom('units')
          .select('id')
          .where('id', 'in', b.unitIds)
          .where('kind', '<>', 'office')
          .execute();
        if (units.length !== new Set(b.unitIds).size)
          throw new AppError('validation_failed', '所选单位中有不存在的单位');
        const at = ctx.clock.now().toISOString();
        const created = await ctx.db.transaction().execute(async (trx) => {
          const rows = await insertNotifications(
            trx,
            units.map((u) => ({
              unit_id: u.id,
              kind: 'urge',
              entity: b.entity,
              entity_id: b.entityId,
              title: `【催办】${b.title}`,
              body: b.body,
              link: b.link,
              created_by: actor.userId,
              created_at: at,
            })),
          );
          await appendAudit(trx, ctx.dialect, {
            actorId: actor.userId,
            action: 'notification.urge',
            entity: 'notification',
            entityId: null,
            detail: { unitIds: b.unitIds, title: b.title },
            at,
          });
          return rows;
        });
        // A 催办 is mailed like a reminder when mail is on and configured.
        const settings = await readSetting<ReminderSettings>(ctx.db, REMINDER_SETTING, DEFAULT_REMINDERS);
        if (settings.email) await sendReminderMail(ctx, created);
        return { created: created.length };
      },
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
        const settings = await readSetting<ReminderSettings>(ctx.db, REMINDER_SETTING, DEFAULT_REMINDERS);
        return { ...settings, mailConfigured: ctx.config.smtpUrl !== null };
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
      async (request) => {
        const actor = requireAdmin(request);
        const at = ctx.clock.now().toISOString();
        await ctx.db.transaction().execute(async (trx) => {
          await writeSetting(trx, REMINDER_SETTING, request.body, actor.userId, at);
          await appendAudit(trx, ctx.dialect, {
            actorId: actor.userId,
            action: 'settings.reminders',
            entity: 'settings',
            entityId: null,
            detail: request.body,
            at,
          });
        });
        return request.body;
      },
    );
  };
}
