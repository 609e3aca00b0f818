// A problem's row: read one (with its item and unit), file one or many, change one at its
// version. Lists and filters: problem-list.repository.ts; history: problem-events.repository.ts;
// export pages: problem-export.repository.ts.
import { setImmediate } from 'node:timers/promises';
import type { RuleId } from '@paicha/core';
import type { ProblemFields } from '@paicha/core/api/problems';
import type { Insertable, Updateable } from 'kysely';
import type { ProblemsTable } from '../../db/schema.js';
import type { Executor } from '../../db/transaction.js';

export type ProblemInsert = Insertable<ProblemsTable>;

/** Problems with their check item and unit, as every read of a whole problem joins them. */
export function joined(db: Executor) {
  return db
    .selectFrom('problems as p')
    .innerJoin('check_items as i', 'i.id', 'p.check_item_id')
    .innerJoin('units as u', 'u.id', 'p.unit_id');
}

/** A problem's columns as the API names them. */
export const SELECT = [
  'p.id',
  'p.campaign_id as campaignId',
  'i.seq as checkItem',
  'i.content as checkItemContent',
  'i.category',
  'i.sub_category as subCategory',
  'u.id as unitId',
  'u.name as unitName',
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
  'p.deadline_reason as deadlineReason',
  'p.status',
  'p.return_reason as returnReason',
  'p.version',
  'p.created_at as createdAt',
  'p.updated_at as updatedAt',
  'p.submitted_at as submittedAt',
  'p.closed_at as closedAt',
  'p.screening_cleared_at as screeningClearedAt',
  'p.finding_rule as findingRule',
  'p.findings_total as findingsTotal',
  'p.findings_done as findingsDone',
] as const;

export type ProblemRow = Awaited<ReturnType<typeof findProblem>> & {};

export function findProblem(db: Executor, id: number) {
  return joined(db).select(SELECT).where('p.id', '=', id).executeTakeFirst();
}

export async function insertProblem(db: Executor, p: ProblemInsert): Promise<number> {
  const row = await db.insertInto('problems').values(p).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Rows per multi-row INSERT. A statement binds one parameter per column per row: SQLite refuses
 * more than 32,766 and PostgreSQL's bind message counts them in 16 bits, so a 5,000-row ledger
 * (19 columns) in one statement failed on both. 100 rows stay far below either limit and keep
 * each synchronous SQLite statement short.
 */
export const INSERT_CHUNK = 100;

/**
 * Inserts in chunks, ids returned in the order of `rows`. Between chunks the event loop gets a
 * turn: better-sqlite3 runs each statement synchronously, and a 5,000-row import as one stretch
 * of statements kept every other request waiting.
 */
export async function insertProblems(db: Executor, rows: ProblemInsert[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    if (i > 0) await setImmediate();
    const out = await db
      .insertInto('problems')
      .values(rows.slice(i, i + INSERT_CHUNK))
      .returning('id')
      .execute();
    for (const r of out) ids.push(r.id);
  }
  return ids;
}

/**
 * Optimistic update: applies only if the row is still at `version`, and bumps it.
 * Returns false when someone else changed the problem first.
 */
export async function updateProblemAt(
  db: Executor,
  id: number,
  version: number,
  patch: Omit<Updateable<ProblemsTable>, 'id' | 'version'>,
): Promise<boolean> {
  const res = await db
    .updateTable('problems')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** The open (not closed out) screening group of a campaign, rule and street, if there is one. */
export async function openGroupOf(
  db: Executor,
  campaignId: number,
  rule: RuleId,
  unitId: number,
): Promise<number | null> {
  const row = await db
    .selectFrom('problems')
    .select('id')
    .where('campaign_id', '=', campaignId)
    .where('finding_rule', '=', rule)
    .where('unit_id', '=', unitId)
    .where('status', '<>', 'closed')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** The clerk-entered fields an edit may change, and their columns. */
const FIELD_COLUMNS = {
  source: 'source',
  description: 'description',
  foundDate: 'found_date',
  place: 'place',
  householdRef: 'household_ref',
  cause: 'cause',
  measures: 'measures',
  responsibleLeader: 'responsible_leader',
  responsiblePerson: 'responsible_person',
  mode: 'mode',
  deadline: 'deadline',
  deadlineReason: 'deadline_reason',
} as const satisfies Partial<Record<keyof ProblemFields, keyof ProblemsTable>>;

/** The columns of the fields an edit sends: a field left out keeps its value. */
export function editedColumns(
  patch: Partial<ProblemFields>,
): Omit<Updateable<ProblemsTable>, 'id' | 'version'> {
  const out: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(FIELD_COLUMNS)) {
    const value = patch[field as keyof typeof FIELD_COLUMNS];
    if (value !== undefined) out[column] = value;
  }
  return out;
}
