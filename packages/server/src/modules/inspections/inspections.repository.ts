import type { Insertable } from 'kysely';
import type { InspectionsTable } from '../../db/schema-supervision.js';
import type { Executor } from '../../db/transaction.js';

/** A campaign's visits, newest first, with the visited unit; one unit's or one visit when asked. */
export function listVisits(
  db: Executor,
  f: { campaignId: number; unitId?: number | undefined; id?: number | undefined },
) {
  return db
    .selectFrom('inspections as v')
    .innerJoin('units as u', 'u.id', 'v.unit_id')
    .select([
      'v.id',
      'v.campaign_id as campaignId',
      'u.id as unitId',
      'u.name as unitName',
      'v.visit_date as visitDate',
      'v.place',
      'v.visit_type as visitType',
      'v.inspectors',
      'v.findings',
      'v.created_at as createdAt',
      'v.version',
    ])
    .where('v.campaign_id', '=', f.campaignId)
    .$if(f.unitId !== undefined, (q) => q.where('v.unit_id', '=', f.unitId as number))
    .$if(f.id !== undefined, (q) => q.where('v.id', '=', f.id as number))
    .orderBy('v.visit_date', 'desc')
    .orderBy('v.id', 'desc')
    .execute();
}

/** The problems the visits' findings became, by id. */
export function problemsOfVisits(db: Executor, visitIds: number[]) {
  return db
    .selectFrom('problems as p')
    .innerJoin('check_items as i', 'i.id', 'p.check_item_id')
    .select([
      'p.id',
      'p.inspection_id as inspectionId',
      'i.seq as checkItem',
      'p.description',
      'p.status',
      'p.deadline',
    ])
    .where('p.inspection_id', 'in', visitIds)
    .orderBy('p.id')
    .execute();
}

export async function campaignOfVisit(db: Executor, id: number): Promise<number | undefined> {
  const row = await db
    .selectFrom('inspections')
    .select('campaign_id')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.campaign_id;
}

export async function insertVisit(db: Executor, row: Insertable<InspectionsTable>): Promise<number> {
  const { id } = await db.insertInto('inspections').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Optimistic update: applies only if the visit is still at `version`, and bumps it. False when it was not. */
export async function updateVisitAt(
  db: Executor,
  id: number,
  version: number,
  patch: {
    unitId?: number | undefined;
    visitDate?: string | undefined;
    place?: string | undefined;
    visitType?: string | undefined;
    inspectors?: string | undefined;
    findings?: string | undefined;
  },
): Promise<boolean> {
  const done = await db
    .updateTable('inspections')
    .set((eb) => ({
      ...(patch.unitId === undefined ? {} : { unit_id: patch.unitId }),
      ...(patch.visitDate === undefined ? {} : { visit_date: patch.visitDate }),
      ...(patch.place === undefined ? {} : { place: patch.place }),
      ...(patch.visitType === undefined ? {} : { visit_type: patch.visitType }),
      ...(patch.inspectors === undefined ? {} : { inspectors: patch.inspectors }),
      ...(patch.findings === undefined ? {} : { findings: patch.findings }),
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(done.numUpdatedRows) === 1;
}

export async function deleteVisit(db: Executor, id: number) {
  await db.deleteFrom('inspections').where('id', '=', id).execute();
}
