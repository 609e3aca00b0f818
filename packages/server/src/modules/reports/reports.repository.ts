import { type Insertable, sql, type Updateable } from 'kysely';
import type { MonthlyReportSnapshotRowsTable, MonthlyReportsTable } from '../../db/schema.js';
import type { Executor } from '../../db/transaction.js';

export function listMonthlyMilestones(db: Executor, campaignId: number) {
  return db
    .selectFrom('milestones')
    .select(['id', 'period', 'title', 'due_date as dueDate'])
    .where('campaign_id', '=', campaignId)
    .where('kind', '=', 'monthly')
    .where('period', 'is not', null)
    .orderBy('period')
    .execute() as Promise<{ id: number; period: string; title: string; dueDate: string }[]>;
}

export function findReport(db: Executor, milestoneId: number, unitId: number) {
  return db
    .selectFrom('monthly_reports as r')
    .leftJoin('users as s', 's.id', 'r.submitted_by')
    .leftJoin('users as v', 'v.id', 'r.reviewed_by')
    .leftJoin('users as e', 'e.id', 'r.updated_by')
    .selectAll('r')
    .select([
      's.display_name as submittedByName',
      'v.display_name as reviewedByName',
      'e.display_name as updatedByName',
    ])
    .where('r.milestone_id', '=', milestoneId)
    .where('r.unit_id', '=', unitId)
    .executeTakeFirst();
}

export function listRows(db: Executor, reportId: number) {
  return db
    .selectFrom('monthly_report_rows')
    .select(['check_item_id as checkItemId', 'situation', 'measures', 'progress'])
    .where('report_id', '=', reportId)
    .execute();
}

/** The unit's latest report of an earlier period in the campaign: next month starts from it. */
export function findPreviousReport(db: Executor, campaignId: number, unitId: number, period: string) {
  return db
    .selectFrom('monthly_reports')
    .select(['id', 'period', 'filler_name', 'reviewer_name', 'phone'])
    .where('campaign_id', '=', campaignId)
    .where('unit_id', '=', unitId)
    .where('period', '<', period)
    .orderBy('period', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertReport(db: Executor, values: Insertable<MonthlyReportsTable>): Promise<number> {
  const { id } = await db
    .insertInto('monthly_reports')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Applies the patch only if the row is still at `version`; returns whether it was. */
export async function updateReportAtVersion(
  db: Executor,
  id: number,
  version: number,
  patch: Updateable<MonthlyReportsTable>,
): Promise<boolean> {
  const res = await db
    .updateTable('monthly_reports')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function upsertRows(
  db: Executor,
  reportId: number,
  rows: { checkItemId: number; situation: string; measures: string; progress: string }[],
) {
  if (rows.length === 0) return;
  await db
    .deleteFrom('monthly_report_rows')
    .where('report_id', '=', reportId)
    .where(
      'check_item_id',
      'in',
      rows.map((r) => r.checkItemId),
    )
    .execute();
  await db
    .insertInto('monthly_report_rows')
    .values(
      rows.map((r) => ({
        report_id: reportId,
        check_item_id: r.checkItemId,
        situation: r.situation,
        measures: r.measures,
        progress: r.progress,
      })),
    )
    .execute();
}

/** The rows and ledger figures a report was last submitted with (report/view.ts snapshot). */
export function listSnapshotRows(db: Executor, reportIds: number[]) {
  if (reportIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('monthly_report_snapshot_rows')
    .select([
      'report_id as reportId',
      'check_item_id as checkItemId',
      'item_seq as itemSeq',
      'category',
      'sub_category as subCategory',
      'sub_category_cell as subCategoryCell',
      'content',
      'units_text as unitsText',
      'group_seq as groupSeq',
      'group_label as groupLabel',
      'situation',
      'measures',
      'progress',
      'assigned',
      'found',
      'rectifying',
      'awaiting_review as awaitingReview',
      'rectified',
      'closed',
      'overdue',
    ])
    .where('report_id', 'in', reportIds)
    .execute();
}

/** Replaces a report's snapshot with the rows it is being submitted with. */
export async function replaceSnapshot(
  db: Executor,
  reportId: number,
  rows: Omit<Insertable<MonthlyReportSnapshotRowsTable>, 'report_id'>[],
) {
  await db.deleteFrom('monthly_report_snapshot_rows').where('report_id', '=', reportId).execute();
  if (rows.length === 0) return;
  await db
    .insertInto('monthly_report_snapshot_rows')
    .values(rows.map((r) => ({ ...r, report_id: reportId })))
    .execute();
}

/**
 * The first `perItem` problems (in ledger order) of a unit for each of the given items: what
 * 按台账生成 names. One window query over the (campaign, unit, item, id) index, however many
 * problems the ledger holds.
 */
export function firstProblemsPerItem(
  db: Executor,
  opts: { campaignId: number; unitId: number; checkItemIds: number[]; perItem: number },
) {
  if (opts.checkItemIds.length === 0) return Promise.resolve([]);
  const ranked = db
    .selectFrom('problems')
    .select([
      'check_item_id as checkItemId',
      'description',
      'measures',
      'status',
      'mode',
      'deadline',
      'id',
      sql<number>`row_number() over (partition by check_item_id order by id)`.as('rn'),
    ])
    .where('campaign_id', '=', opts.campaignId)
    .where('unit_id', '=', opts.unitId)
    .where('check_item_id', 'in', opts.checkItemIds);
  return db
    .selectFrom(ranked.as('p'))
    .select(['checkItemId', 'description', 'measures', 'status', 'mode', 'deadline'])
    .where('rn', '<=', opts.perItem)
    .orderBy('checkItemId')
    .orderBy('id')
    .execute();
}

/** Every report of a campaign (optionally one unit, one period): what the grid and exports read. */
export function listReports(
  db: Executor,
  campaignId: number,
  filter: { unitId?: number; period?: string } = {},
) {
  return db
    .selectFrom('monthly_reports')
    .select([
      'id',
      'unit_id as unitId',
      'period',
      'status',
      'version',
      'first_submitted_on as firstSubmittedOn',
      'first_submitted_at as firstSubmittedAt',
      'submitted_at as submittedAt',
      'submitted_on as submittedOn',
    ])
    .where('campaign_id', '=', campaignId)
    .$if(filter.unitId !== undefined, (q) => q.where('unit_id', '=', filter.unitId as number))
    .$if(filter.period !== undefined, (q) => q.where('period', '=', filter.period as string))
    .execute();
}

/** Rows of several reports at once (the consolidated table). */
export function listRowsOfReports(db: Executor, reportIds: number[]) {
  if (reportIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('monthly_report_rows')
    .select(['report_id as reportId', 'check_item_id as checkItemId', 'situation', 'measures', 'progress'])
    .where('report_id', 'in', reportIds)
    .execute();
}

/** Units with at least one check item in the campaign: they are expected to report. */
export async function unitIdsWithItems(db: Executor, campaignId: number): Promise<Set<number>> {
  const rows = await db
    .selectFrom('item_units as iu')
    .innerJoin('check_items as i', 'i.id', 'iu.check_item_id')
    .select('iu.unit_id as unitId')
    .where('i.campaign_id', '=', campaignId)
    .groupBy('iu.unit_id')
    .execute();
  return new Set(rows.map((r) => Number(r.unitId)));
}

/** The audit trail of one report or submission, oldest first, with the actors' names. */
export function listHistory(db: Executor, entity: string, entityId: number) {
  return db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .leftJoin('units as n', 'n.id', 'u.unit_id')
    .select(['a.at', 'a.action', 'a.detail', 'u.display_name as actorName', 'n.name as actorUnit'])
    .where('a.entity', '=', entity)
    .where('a.entity_id', '=', String(entityId))
    .orderBy('a.id')
    .execute();
}
