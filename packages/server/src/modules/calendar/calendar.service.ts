// The office's calendar: a year's view, editing one day, importing a file all-or-nothing, and
// each campaign's deadline policy — every write in one transaction with its audit row.
import {
  AppError,
  addDays,
  buildCalendar,
  type CalendarDay,
  type DeadlinePolicy,
  isWorkingDay,
  SHIPPED_CALENDAR_DAYS,
  SHIPPED_CALENDAR_YEARS,
} from '@paicha/core';
import type { CalendarDayInput, CalendarImportReport, CalendarYear } from '@paicha/core/api/calendar';
import type { Actor, AppContext } from '../../kernel/context.js';
import { appendAudit } from '../audit/audit.repository.js';
import { findCampaign } from '../campaigns/campaigns.repository.js';
import { parseCalendarFile } from './calendar.file.js';
import * as repo from './calendar.repository.js';

export async function calendarYear(ctx: AppContext, year: number): Promise<CalendarYear> {
  const office = await repo.listOfficeDays(ctx.db);
  const calendar = buildCalendar(SHIPPED_CALENDAR_DAYS, office);
  const shippedByDate = new Map(SHIPPED_CALENDAR_DAYS.map((d) => [d.date, d]));
  const officeDates = new Set(office.map((d) => d.date));
  const prefix = `${year}-`;
  const days = [...calendar.days.values()]
    .filter((d) => d.date.startsWith(prefix))
    .sort((a, b) => (a.date < b.date ? -1 : 1))
    .map((d) => {
      const shipped = shippedByDate.get(d.date);
      return {
        date: d.date,
        kind: d.kind,
        name: d.name,
        source: officeDates.has(d.date) ? ('office' as const) : ('shipped' as const),
        shipped: shipped ? { kind: shipped.kind, name: shipped.name } : null,
      };
    });
  let workingDays = 0;
  for (let d = `${year}-01-01`; d.startsWith(prefix); d = addDays(d, 1))
    if (isWorkingDay(d, calendar)) workingDays++;
  return {
    year,
    today: ctx.clock.today(),
    shipped: SHIPPED_CALENDAR_YEARS.includes(year),
    days,
    workingDays,
  };
}

async function audit(
  ctx: AppContext,
  trx: Parameters<typeof appendAudit>[0],
  actor: Actor,
  action: string,
  entityId: string,
  detail: Record<string, unknown>,
  at: string,
) {
  await appendAudit(trx, ctx.dialect, {
    actorId: actor.userId,
    action,
    entity: 'calendar',
    entityId,
    detail,
    at,
  });
}

/** Sets one date's kind and name (the office's row wins over the shipped one). */
export async function setCalendarDay(ctx: AppContext, actor: Actor, date: string, body: CalendarDayInput) {
  const at = ctx.clock.now().toISOString();
  const day: CalendarDay = { date, kind: body.kind, name: body.name.trim() };
  await ctx.db.transaction().execute(async (trx) => {
    const before = await repo.findOfficeDay(trx, date);
    await repo.upsertOfficeDays(trx, [day], actor.userId, at);
    await audit(ctx, trx, actor, 'calendar.day', date, { before: before ?? null, after: day }, at);
  });
  return calendarYear(ctx, Number(date.slice(0, 4)));
}

/**
 * Removes the office's row for a date: the shipped entry (or the ordinary week) applies again.
 * Idempotent — a date without a row of the office's is already at its default.
 */
export async function clearCalendarDay(ctx: AppContext, actor: Actor, date: string) {
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const before = await repo.findOfficeDay(trx, date);
    if (!before) return;
    await repo.deleteOfficeDay(trx, date);
    await audit(ctx, trx, actor, 'calendar.day_reset', date, { before }, at);
  });
  return calendarYear(ctx, Number(date.slice(0, 4)));
}

export async function importCalendar(
  ctx: AppContext,
  actor: Actor,
  file: { buffer: Buffer; filename: string },
  mode: 'check' | 'all',
): Promise<CalendarImportReport> {
  const { days, report } = await parseCalendarFile(file.buffer, file.filename);
  if (report.rows === 0) throw new AppError('unprocessable', '文件中没有数据行');
  if (mode === 'check' || report.rejected > 0) return report;
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.upsertOfficeDays(trx, days, actor.userId, at);
    const years = [...new Set(days.map((d) => d.date.slice(0, 4)))].sort();
    await audit(
      ctx,
      trx,
      actor,
      'calendar.import',
      years.join(','),
      { file: file.filename, rows: days.length },
      at,
    );
  });
  return { ...report, imported: days.length };
}

export async function campaignPolicy(ctx: AppContext, campaignId: number) {
  if (!(await findCampaign(ctx.db, campaignId))) throw new AppError('not_found', '工作活动不存在');
  return { policy: await repo.readPolicy(ctx.db, campaignId) };
}

export async function setCampaignPolicy(
  ctx: AppContext,
  actor: Actor,
  campaignId: number,
  policy: DeadlinePolicy,
) {
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await findCampaign(trx, campaignId))) throw new AppError('not_found', '工作活动不存在');
    const before = await repo.readPolicy(trx, campaignId);
    await repo.writePolicy(trx, campaignId, policy, actor.userId, at);
    await appendAudit(trx, ctx.dialect, {
      actorId: actor.userId,
      action: 'campaign.deadline_policy',
      entity: 'campaign',
      entityId: String(campaignId),
      detail: { before, after: policy },
      at,
    });
  });
  return { policy };
}
