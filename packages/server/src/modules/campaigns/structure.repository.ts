// The queries behind editing a campaign's structure: its version, the change history, and the
// renumbering of items and phases. 序号 are renumbered in two passes (first far below zero, then
// 1..n) because the (campaign, seq) key is checked row by row on both databases.
import type { Executor } from '../../db/transaction.js';

/** Below every removed item's seq (-id): the first pass of a renumbering parks rows here. */
const PARKED = -1_000_000_000;

/**
 * Moves the campaign's structure version from `version` to the next one; false when another edit
 * moved it first. On PostgreSQL the row lock it takes queues a concurrent edit behind this one.
 */
export async function bumpVersion(db: Executor, campaignId: number, version: number): Promise<boolean> {
  const r = await db
    .updateTable('campaigns')
    .set((eb) => ({ structure_version: eb('structure_version', '+', 1) }))
    .where('id', '=', campaignId)
    .where('structure_version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function insertChange(
  db: Executor,
  row: {
    campaign_id: number;
    version: number;
    action: string;
    actor_id: number;
    at: string;
    started: number;
    reason: string;
    summary: string;
    before_json: string;
    after_json: string;
  },
) {
  return db.insertInto('campaign_structure_changes').values(row).execute();
}

export function listChanges(db: Executor, campaignId: number) {
  return db
    .selectFrom('campaign_structure_changes as c')
    .leftJoin('users as u', 'u.id', 'c.actor_id')
    .select([
      'c.version',
      'c.action',
      'c.at',
      'c.started',
      'c.reason',
      'c.summary',
      'c.before_json as before',
      'c.after_json as after',
      'u.display_name as actorName',
    ])
    .where('c.campaign_id', '=', campaignId)
    .orderBy('c.version', 'desc')
    .execute();
}

/** The campaign's items still in it, in 序号 order. */
export function activeItems(db: Executor, campaignId: number) {
  return db
    .selectFrom('check_items')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .where('removed_at', 'is', null)
    .orderBy('seq')
    .execute();
}

/** Gives the items 序号 1..n in the order of `ids`. */
export async function renumberItems(db: Executor, ids: number[]) {
  for (const [i, id] of ids.entries())
    await db
      .updateTable('check_items')
      .set({ seq: PARKED - i })
      .where('id', '=', id)
      .execute();
  for (const [i, id] of ids.entries())
    await db
      .updateTable('check_items')
      .set({ seq: i + 1 })
      .where('id', '=', id)
      .execute();
}

export async function insertItem(
  db: Executor,
  row: { campaign_id: number; category: string; sub_category: string; content: string; units_text: string },
) {
  const { id } = await db
    .insertInto('check_items')
    .values({ ...row, category: row.category as never, seq: PARKED - 1_000_000, sub_category_cell: '' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Takes the item out of the campaign, keeping the row that submitted reports point at. */
export async function retireItem(db: Executor, id: number, at: string) {
  await db.deleteFrom('item_units').where('check_item_id', '=', id).execute();
  await db.deleteFrom('campaign_rule_items').where('check_item_id', '=', id).execute();
  await db.updateTable('check_items').set({ seq: -id, removed_at: at }).where('id', '=', id).execute();
}

export async function countItemProblems(db: Executor, checkItemId: number): Promise<number> {
  const r = await db
    .selectFrom('problems')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('check_item_id', '=', checkItemId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The screening rules filing their findings under the item. */
export async function rulesOfItem(db: Executor, checkItemId: number) {
  const rows = await db
    .selectFrom('campaign_rule_items')
    .select('rule_id')
    .where('check_item_id', '=', checkItemId)
    .execute();
  return rows.map((r) => r.rule_id);
}

export function phases(db: Executor, campaignId: number) {
  return db.selectFrom('phases').selectAll().where('campaign_id', '=', campaignId).orderBy('seq').execute();
}

export async function renumberPhases(db: Executor, ids: number[]) {
  for (const [i, id] of ids.entries())
    await db
      .updateTable('phases')
      .set({ seq: PARKED - i })
      .where('id', '=', id)
      .execute();
  for (const [i, id] of ids.entries())
    await db
      .updateTable('phases')
      .set({ seq: i + 1 })
      .where('id', '=', id)
      .execute();
}

export async function insertPhase(
  db: Executor,
  row: { campaign_id: number; name: string; start_date: string; end_date: string; description: string },
) {
  const { id } = await db
    .insertInto('phases')
    .values({ ...row, seq: PARKED - 1_000_000 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updatePhase(
  db: Executor,
  id: number,
  row: { name: string; start_date: string; end_date: string; description: string },
) {
  await db.updateTable('phases').set(row).where('id', '=', id).execute();
}

export async function deletePhase(db: Executor, id: number) {
  await db.deleteFrom('phases').where('id', '=', id).execute();
}

export function findMilestone(db: Executor, campaignId: number, id: number) {
  return db
    .selectFrom('milestones')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function monthlyMilestone(db: Executor, campaignId: number, period: string) {
  return db
    .selectFrom('milestones')
    .select('id')
    .where('campaign_id', '=', campaignId)
    .where('kind', '=', 'monthly')
    .where('period', '=', period)
    .executeTakeFirst();
}

type MilestoneRow = {
  kind: string;
  period: string | null;
  title: string;
  due_date: string;
  description: string;
};

export async function insertMilestone(db: Executor, campaignId: number, row: MilestoneRow) {
  const { id } = await db
    .insertInto('milestones')
    .values({ ...row, kind: row.kind as never, campaign_id: campaignId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateMilestone(db: Executor, id: number, row: MilestoneRow) {
  await db
    .updateTable('milestones')
    .set({ ...row, kind: row.kind as never })
    .where('id', '=', id)
    .execute();
}

export async function deleteMilestone(db: Executor, id: number) {
  await db.deleteFrom('milestones').where('id', '=', id).execute();
}

/** Monthly reports and milestone submissions filed against the milestone. */
export async function milestoneUses(db: Executor, id: number): Promise<number> {
  const [r, s] = await Promise.all([
    db
      .selectFrom('monthly_reports')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('milestone_id', '=', id)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('submissions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('milestone_id', '=', id)
      .executeTakeFirstOrThrow(),
  ]);
  return Number(r.n) + Number(s.n);
}
