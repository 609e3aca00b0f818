// Screening runs (screening_runs): started, polled, finished or failed, retired when their process
// died; and the session settings a PostgreSQL run sets for its own transaction.
import { type Insertable, sql, type Updateable } from 'kysely';
import type { ScreeningRunsTable } from '../../../db/schema-households.js';
import type { Executor } from '../../../db/transaction.js';

export async function runningRunId(db: Executor): Promise<number | null> {
  const r = await db
    .selectFrom('screening_runs')
    .select('id')
    .where('status', '=', 'running')
    .executeTakeFirst();
  return r?.id ?? null;
}

export async function insertRun(db: Executor, row: Insertable<ScreeningRunsTable>): Promise<number> {
  const r = await db.insertInto('screening_runs').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export function findRun(db: Executor, id: number) {
  return db.selectFrom('screening_runs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The 50 latest runs, newest first, of one campaign or all. */
export function latestRuns(db: Executor, campaignId?: number) {
  return db
    .selectFrom('screening_runs')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(50)
    .$if(campaignId !== undefined, (q) => q.where('campaign_id', '=', campaignId as number))
    .execute();
}

export async function updateRun(
  db: Executor,
  id: number,
  patch: Updateable<ScreeningRunsTable>,
): Promise<void> {
  await db.updateTable('screening_runs').set(patch).where('id', '=', id).execute();
}

export function runningRuns(db: Executor) {
  return db
    .selectFrom('screening_runs')
    .select(['id', 'owner', 'started_at', 'heartbeat_at'])
    .where('status', '=', 'running')
    .execute();
}

/** Changes a run that is still running; false when it had ended meanwhile. */
export async function updateRunningRun(
  db: Executor,
  id: number,
  patch: Updateable<ScreeningRunsTable>,
): Promise<boolean> {
  const done = await db
    .updateTable('screening_runs')
    .set(patch)
    .where('id', '=', id)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(done.numUpdatedRows) > 0;
}

/**
 * For this transaction only. The run is two dozen scans, joins and aggregates over a million rows:
 * JIT compiling each (~0.25 s apiece) costs more than it saves, and the default 4 MB of sort and
 * hash memory sends every GROUP BY of a million IDs to temporary files. 256 MB: at 200,000 people
 * the ID joins' hash tables and the roll's GROUP BY by ID took 15–30 MB, so at a million 64 MB
 * would split them into batches on disk.
 */
export async function tunePostgres(trx: Executor): Promise<void> {
  await sql`set local jit = off`.execute(trx);
  await sql`set local work_mem = '256MB'`.execute(trx);
}
