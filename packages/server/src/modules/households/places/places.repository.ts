// Place names met in imports (household_places) and the streets they may map to.
import type { Executor } from '../../../db/transaction.js';

export type Street = { id: number; name: string };

export function streets(db: Executor): Promise<Street[]> {
  return db.selectFrom('units').select(['id', 'name']).where('kind', '=', 'street').execute();
}

export function placeRows(db: Executor) {
  return db.selectFrom('household_places').select(['id', 'name', 'unit_id']).execute();
}

export function findPlace(db: Executor, id: number) {
  return db
    .selectFrom('household_places')
    .select(['id', 'name', 'unit_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function placeSeenAgain(
  db: Executor,
  id: number,
  households: number,
  at: string,
): Promise<void> {
  await db
    .updateTable('household_places')
    .set({ households, last_seen_at: at })
    .where('id', '=', id)
    .execute();
}

export async function insertPlace(
  db: Executor,
  p: { name: string; unitId: number | null; households: number; at: string },
): Promise<void> {
  await db
    .insertInto('household_places')
    .values({
      name: p.name,
      unit_id: p.unitId,
      households: p.households,
      first_seen_at: p.at,
      last_seen_at: p.at,
    })
    .execute();
}

export async function mapPlace(
  db: Executor,
  id: number,
  unitId: number,
  by: number,
  at: string,
): Promise<void> {
  await db
    .updateTable('household_places')
    .set({ unit_id: unitId, resolved_by: by, resolved_at: at })
    .where('id', '=', id)
    .execute();
}

export function listPlaceRows(db: Executor, status: 'open' | 'resolved' | 'all') {
  return db
    .selectFrom('household_places as p')
    .leftJoin('units as u', 'u.id', 'p.unit_id')
    .select([
      'p.id',
      'p.name',
      'p.households',
      'p.first_seen_at as firstSeenAt',
      'p.last_seen_at as lastSeenAt',
      'p.resolved_at as resolvedAt',
      'u.id as unitId',
      'u.name as unitName',
    ])
    .$if(status === 'open', (q) => q.where('p.unit_id', 'is', null))
    .$if(status === 'resolved', (q) => q.where('p.unit_id', 'is not', null))
    .orderBy('p.unit_id', 'desc')
    .orderBy('p.name')
    .execute();
}
