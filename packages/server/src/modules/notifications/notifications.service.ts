// Notifications as units read them (their own, or the office's view of all), marking them read,
// the office's 催办 to chosen units, and the reminder settings.
import { AppError } from '@paicha/core';
import type { ReminderSettings, UrgeBody } from '@paicha/core/api/notifications';
import type { z } from 'zod';
import { scopeOf } from '../../http/access.js';
import type { Actor, AppContext } from '../../kernel/context.js';
import { appendAudit } from '../audit/audit.repository.js';
import { readSetting, writeSetting } from '../settings/settings.repository.js';
import { answeringUnitsAmong } from '../units/units.repository.js';
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
import { DEFAULT_REMINDERS, REMINDER_SETTING } from './reminders.js';

export interface NotificationQuery {
  /** The office's view of what every unit received; ignored for anyone who sees one unit. */
  all: boolean;
  /** With `all`: one receiving unit. */
  unitId?: number | undefined;
  unreadOnly: boolean;
  readOnly: boolean;
  kind?: string | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

/** One page of notifications, how many match, and how many the actor's unit has unread. */
export async function listNotifications(ctx: AppContext, actor: Actor, query: NotificationQuery) {
  const all = query.all && scopeOf(actor).all;
  const filter = {
    ...(all ? (query.unitId === undefined ? {} : { unitId: query.unitId }) : { unitId: actor.unitId }),
    userId: actor.userId,
    today: ctx.clock.today(),
    unreadOnly: query.unreadOnly,
    readOnly: query.readOnly,
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.q ? { q: query.q } : {}),
  };
  const [items, total, unread] = await Promise.all([
    listForUnit(ctx.db, { ...filter, limit: query.pageSize, offset: (query.page - 1) * query.pageSize }),
    countNotifications(ctx.db, filter),
    countUnread(ctx.db, actor.unitId, actor.userId, filter.today),
  ]);
  return { items, total, page: query.page, pageSize: query.pageSize, unread };
}

/** Marks the given notifications of the actor's unit read (all of them when `ids` is empty); returns what stays unread. */
export async function markNotificationsRead(ctx: AppContext, actor: Actor, ids: number[]) {
  const at = ctx.clock.now().toISOString();
  if (ids.length === 0) await markAllRead(ctx.db, actor.unitId, actor.userId, at);
  else {
    const own = (await unitIdsOfNotifications(ctx.db, ids))
      .filter((n) => n.unitId === actor.unitId)
      .map((n) => n.id);
    await markRead(ctx.db, actor.userId, own, at);
  }
  return { unread: await countUnread(ctx.db, actor.unitId, actor.userId, ctx.clock.today()) };
}

/**
 * 催办: one notification to each chosen unit and the audit row, in one transaction; mailed like a
 * reminder when mail is on and configured. Returns how many were created.
 */
export async function urgeUnits(ctx: AppContext, actor: Actor, b: z.infer<typeof UrgeBody>) {
  const units = await answeringUnitsAmong(ctx.db, b.unitIds);
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
  const settings = await readSetting<ReminderSettings>(ctx.db, REMINDER_SETTING, DEFAULT_REMINDERS);
  if (settings.email) await sendReminderMail(ctx, created);
  return { created: created.length };
}

/** The reminder settings, and whether a mail server is configured to send them by mail. */
export async function reminderSettings(ctx: AppContext) {
  const settings = await readSetting<ReminderSettings>(ctx.db, REMINDER_SETTING, DEFAULT_REMINDERS);
  return { ...settings, mailConfigured: ctx.config.smtpUrl !== null };
}

export async function saveReminderSettings(ctx: AppContext, actor: Actor, settings: ReminderSettings) {
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await writeSetting(trx, REMINDER_SETTING, settings, actor.userId, at);
    await appendAudit(trx, ctx.dialect, {
      actorId: actor.userId,
      action: 'settings.reminders',
      entity: 'settings',
      entityId: null,
      detail: settings,
      at,
    });
  });
  return settings;
}
