// The office's calendar days and the campaigns' deadline policies.
import type { CalendarDay, CalendarDayKind, DeadlinePolicy } from '@paicha/core';
import type { Executor } from '../../db/transaction.js';

export async function listOfficeDays(db: Executor): Promise<CalendarDay[]> {
  const rows = await db
    .selectFrom('calendar_days')
    .select(['date', 'kind', 'name'])
    .orderBy('date')
    .execute();
  return rows.map((r) => ({ date: r.date, kind: r.kind as CalendarDayKind, name: r.name }));
}

/** The calendar's change stamp as committed (migration 2026-12-04-160; calendar-cache.ts keys on it). */
export async function calendarStamp(db: Executor): Promise<number> {
  const row = await db.selectFrom('calendar_stamp').select('n').where('id', '=', 1).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function upsertOfficeDays(db: Executor, days: readonly CalendarDay[], by: number, at: string) {
  for (const d of days) {
    await db
      .insertInto('calendar_days')
      .values({ date: d.date, kind: d.kind, name: d.name, updated_at: at, updated_by: by })
      .onConflict((oc) =>
        oc.column('date').doUpdateSet({ kind: d.kind, name: d.name, updated_at: at, updated_by: by }),
      )
      .execute();
  }
}

export async function deleteOfficeDay(db: Executor, date: string): Promise<boolean> {
  const r = await db.deleteFrom('calendar_days').where('date', '=', date).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function findOfficeDay(db: Executor, date: string) {
  return db
    .selectFrom('calendar_days')
    .select(['date', 'kind', 'name'])
    .where('date', '=', date)
    .executeTakeFirst();
}

export async function readPolicy(db: Executor, campaignId: number): Promise<DeadlinePolicy> {
  const row = await db
    .selectFrom('campaign_deadline_policies')
    .select('policy')
    .where('campaign_id', '=', campaignId)
    .executeTakeFirst();
  return (row?.policy as DeadlinePolicy | undefined) ?? 'keep';
}

export async function writePolicy(
  db: Executor,
  campaignId: number,
  policy: DeadlinePolicy,
  by: number,
  at: string,
) {
  await db
    .insertInto('campaign_deadline_policies')
    .values({ campaign_id: campaignId, policy, updated_at: at, updated_by: by })
    .onConflict((oc) => oc.column('campaign_id').doUpdateSet({ policy, updated_at: at, updated_by: by }))
    .execute();
}
