// The export's reads: how many problems each (unit, item) pair holds, then each pair's problems
// a keyset page at a time.
import type { Executor } from '../../db/transaction.js';
import { filtered, type ProblemFilter } from './problem-list.repository.js';

/**
 * How many matching problems each (unit, item) pair has: the plan of an export, which then
 * reads the pairs in ledger order (unit, item) with problemsAfter. A unit's pairs only, when
 * the filter names one.
 */
export async function countProblemGroups(db: Executor, f: ProblemFilter) {
  const rows = await filtered(db, f)
    .select(['p.unit_id as unitId', 'p.check_item_id as itemId', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['p.unit_id', 'p.check_item_id'])
    .execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

/** What a ledger list prints of a problem, besides its unit and item (the caller's group's). */
const EXPORT_SELECT = [
  'p.id',
  'p.source',
  'p.description',
  'p.found_date as foundDate',
  'p.place',
  'p.household_ref as householdRef',
  'p.cause',
  'p.measures',
  'p.responsible_leader as responsibleLeader',
  'p.responsible_person as responsiblePerson',
  'p.mode',
  'p.deadline',
  'p.status',
  'p.closed_at as closedAt',
] as const;

/**
 * The next `limit` matching problems of one unit and item after id `after`, in id order: a
 * keyset page, read off the (campaign, unit, item, id) index however deep the export is. Only
 * the printed columns of `problems`, no join: the unit and item are the same for the whole page,
 * and every byte read is parsed on the server's thread (PostgreSQL's rows carried the item's
 * full text on each of them).
 */
export function problemsAfter(
  db: Executor,
  f: ProblemFilter,
  page: { unitId: number; itemId: number; after: number; limit: number },
) {
  return filtered(db, { ...f, unitId: page.unitId })
    .where('p.check_item_id', '=', page.itemId)
    .where('p.id', '>', page.after)
    .select(EXPORT_SELECT)
    .orderBy('p.id')
    .limit(page.limit)
    .execute();
}
