// What a unit is responsible for, across campaigns: the check items of campaigns not yet ended
// (its assignments), its open problems, and the statements that hand them to another unit when
// it is deactivated.
import { sql } from 'kysely';
import type { Executor } from '../../db/transaction.js';

/** Check items of every campaign whose end date is today or later, with their 责任单位 text. */
export function itemsOfOpenCampaigns(db: Executor, today: string) {
  return db
    .selectFrom('check_items as i')
    .innerJoin('campaigns as c', 'c.id', 'i.campaign_id')
    .select(['i.id', 'i.units_text as unitsText'])
    .where('c.end_date', '>=', today)
    .where('i.removed_at', 'is', null)
    .orderBy('i.id')
    .execute();
}

/** The unit's check items in campaigns not yet ended. */
export async function countOpenAssignments(db: Executor, unitId: number, today: string): Promise<number> {
  const row = await db
    .selectFrom('item_units as iu')
    .innerJoin('check_items as i', 'i.id', 'iu.check_item_id')
    .innerJoin('campaigns as c', 'c.id', 'i.campaign_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('iu.unit_id', '=', unitId)
    .where('c.end_date', '>=', today)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The unit's problems not yet 销号, in any campaign. */
export async function countOpenProblems(db: Executor, unitId: number): Promise<number> {
  const row = await db
    .selectFrom('problems')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('unit_id', '=', unitId)
    .where('status', '<>', 'closed')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Whether anything was ever filed by or for the unit (problems, reports, submissions). */
export async function hasHistory(db: Executor, unitId: number): Promise<boolean> {
  // screening_run_tallies: a street the screenings measured keeps its place in the trend.
  for (const table of ['problems', 'monthly_reports', 'submissions', 'screening_run_tallies'] as const) {
    const row = await db
      .selectFrom(table)
      .select('unit_id')
      .where('unit_id', '=', unitId)
      .limit(1)
      .executeTakeFirst();
    if (row) return true;
  }
  return false;
}

export async function countActiveUsers(db: Executor, unitId: number): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('unit_id', '=', unitId)
    .where('active', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function setUnitActive(db: Executor, unitId: number, active: boolean) {
  await db
    .updateTable('units')
    .set({ active: active ? 1 : 0 })
    .where('id', '=', unitId)
    .execute();
}

/**
 * The unit's open problems become the other unit's, each with a 交办 event in its history;
 * 销号 problems stay where they were dealt with. Returns the ids of the problems that moved.
 */
export async function moveOpenProblems(
  trx: Executor,
  move: { fromId: number; toId: number; text: string; at: string; today: string; actorId: number },
): Promise<number[]> {
  const { fromId, toId, text, at, today, actorId } = move;
  const detail = JSON.stringify({ fromUnitId: fromId, toUnitId: toId });
  await sql`insert into problem_events (problem_id, at, event_date, actor_id, kind, from_status, to_status, text, detail)
    select p.id, ${at}, ${today}, ${actorId}, 'assigned', p.status, p.status, ${text}, ${detail}
    from problems p where p.unit_id = ${fromId} and p.status <> 'closed' order by p.id`.execute(trx);
  const moved = await trx
    .updateTable('problems')
    .set((eb) => ({ unit_id: toId, version: eb('version', '+', 1), updated_at: at }))
    .where('unit_id', '=', fromId)
    .where('status', '<>', 'closed')
    .returning('id')
    .execute();
  return moved.map((m) => m.id).sort((a, b) => a - b);
}

/**
 * The unit's check items in campaigns not yet ended become the other unit's (kept once where it
 * already had them). Returns the ids of the items that changed hands.
 */
export async function moveOpenAssignments(
  trx: Executor,
  move: { fromId: number; toId: number; today: string },
): Promise<number[]> {
  const items = await trx
    .selectFrom('item_units as iu')
    .innerJoin('check_items as i', 'i.id', 'iu.check_item_id')
    .innerJoin('campaigns as c', 'c.id', 'i.campaign_id')
    .select('iu.check_item_id as id')
    .where('iu.unit_id', '=', move.fromId)
    .where('c.end_date', '>=', move.today)
    .execute();
  const ids = items.map((i) => i.id);
  if (ids.length === 0) return [];
  const held = await trx
    .selectFrom('item_units')
    .select('check_item_id')
    .where('unit_id', '=', move.toId)
    .where('check_item_id', 'in', ids)
    .execute();
  const already = new Set(held.map((h) => h.check_item_id));
  const adding = ids.filter((id) => !already.has(id));
  if (adding.length > 0)
    await trx
      .insertInto('item_units')
      .values(adding.map((id) => ({ check_item_id: id, unit_id: move.toId })))
      .execute();
  await trx
    .deleteFrom('item_units')
    .where('unit_id', '=', move.fromId)
    .where('check_item_id', 'in', ids)
    .execute();
  return ids;
}

/** The items' 责任单位 texts. */
export function itemTexts(db: Executor, itemIds: number[]) {
  return db
    .selectFrom('check_items')
    .select(['id', 'units_text as unitsText'])
    .where('id', 'in', itemIds)
    .orderBy('id')
    .execute();
}
