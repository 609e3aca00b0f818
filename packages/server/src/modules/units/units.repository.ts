import type { UnitKind } from '@paicha/core';
import type { Executor } from '../../db/transaction.js';

export interface UnitRow {
  id: number;
  name: string;
  kind: UnitKind;
  sortOrder: number;
  /** false once deactivated: kept with its problems and reports, given no new work. */
  active: boolean;
}

const columns = ['id', 'name', 'kind', 'sort_order as sortOrder', 'active'] as const;
const present = <T extends { active: number }>(row: T): Omit<T, 'active'> & { active: boolean } => ({
  ...row,
  active: row.active === 1,
});

export async function listUnits(db: Executor): Promise<UnitRow[]> {
  return (await db.selectFrom('units').select(columns).orderBy('sort_order').orderBy('id').execute()).map(
    present,
  );
}

export async function findUnit(db: Executor, id: number): Promise<UnitRow | undefined> {
  const row = await db.selectFrom('units').select(columns).where('id', '=', id).executeTakeFirst();
  return row && present(row);
}

export async function findUnitByName(db: Executor, name: string): Promise<UnitRow | undefined> {
  const row = await db.selectFrom('units').select(columns).where('name', '=', name).executeTakeFirst();
  return row && present(row);
}

export async function insertUnit(
  db: Executor,
  u: { name: string; kind: UnitKind; sortOrder: number; at: string },
) {
  const row = await db
    .insertInto('units')
    .values({ name: u.name, kind: u.kind, sort_order: u.sortOrder, created_at: u.at })
    .returning(columns)
    .executeTakeFirstOrThrow();
  return present(row);
}

export async function updateUnit(db: Executor, id: number, patch: { name?: string; sortOrder?: number }) {
  await db
    .updateTable('units')
    .set({
      ...(patch.name === undefined ? {} : { name: patch.name }),
      ...(patch.sortOrder === undefined ? {} : { sort_order: patch.sortOrder }),
    })
    .where('id', '=', id)
    .execute();
}

export async function deleteUnit(db: Executor, id: number) {
  await db.deleteFrom('units').where('id', '=', id).execute();
}

export async function nextSortOrder(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('units')
    .select((eb) => eb.fn.max<number>('sort_order').as('m'))
    .executeTakeFirst();
  return Number(row?.m ?? 0) + 10;
}

export async function countUsersOfUnit(db: Executor, unitId: number): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('unit_id', '=', unitId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The ids among `ids` of units that answer to the office (departments and streets, not the office). */
export function answeringUnitsAmong(db: Executor, ids: number[]) {
  return db.selectFrom('units').select('id').where('id', 'in', ids).where('kind', '<>', 'office').execute();
}

/** Departments and streets (not the office) in display order; one of them when `unitId` is given. */
export function listAnsweringUnits(db: Executor, unitId?: number) {
  return db
    .selectFrom('units')
    .select(['id', 'name', 'kind'])
    .where('kind', '<>', 'office')
    .$if(unitId !== undefined, (qb) => qb.where('id', '=', unitId as number))
    .orderBy('sort_order')
    .execute();
}
