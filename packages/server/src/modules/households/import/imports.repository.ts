// Import jobs (household_imports), their per-row errors, and which import of each source is the
// current one. Only this file and the screening SQL touch these tables.
import type { HouseholdSource } from '@paicha/core';
import type { Insertable, Updateable } from 'kysely';
import type { HouseholdImportsTable } from '../../../db/schema-households.js';
import type { Executor } from '../../../db/transaction.js';
import type { RowError } from './types.js';

export async function insertImport(db: Executor, row: Insertable<HouseholdImportsTable>): Promise<number> {
  const r = await db.insertInto('household_imports').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

const updateQuery = (db: Executor, id: number, patch: Updateable<HouseholdImportsTable>) =>
  db.updateTable('household_imports').set(patch).where('id', '=', id);

export async function updateImport(db: Executor, id: number, patch: Updateable<HouseholdImportsTable>) {
  await updateQuery(db, id, patch).execute();
}

/** The same update as SQL text and parameters, for a connection of its own (the SQLite import writer's). */
export function compiledUpdateImport(db: Executor, id: number, patch: Updateable<HouseholdImportsTable>) {
  return updateQuery(db, id, patch).compile();
}

const IMPORT_COLUMNS = [
  'id',
  'source',
  'file_name as fileName',
  'format',
  'encoding',
  'status',
  'sheet',
  'header_row as headerRow',
  'mapping',
  'columns',
  'unknown_headers as unknownHeaders',
  'rows',
  'accepted',
  'rejected',
  'error_count as errorCount',
  'bytes_total as bytesTotal',
  'bytes_read as bytesRead',
  'message',
  'created_by as createdBy',
  'created_at as createdAt',
  'heartbeat_at as heartbeatAt',
  'finished_at as finishedAt',
] as const;

export function findImport(db: Executor, id: number) {
  return db.selectFrom('household_imports').select(IMPORT_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export type ImportRow = NonNullable<Awaited<ReturnType<typeof findImport>>>;

export async function listImports(
  db: Executor,
  f: { source?: HouseholdSource; limit: number; offset: number },
) {
  const base = db
    .selectFrom('household_imports')
    .$if(f.source !== undefined, (q) => q.where('source', '=', f.source as HouseholdSource));
  const [rows, count] = await Promise.all([
    base.select(IMPORT_COLUMNS).orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function insertErrors(db: Executor, importId: number, errors: RowError[]): Promise<void> {
  for (let i = 0; i < errors.length; i += 500) {
    await db
      .insertInto('household_import_errors')
      .values(
        errors.slice(i, i + 500).map((e) => ({
          import_id: importId,
          row_no: e.row,
          column_name: e.column,
          value: e.value.slice(0, 500),
          message: e.message,
        })),
      )
      .execute();
  }
}

export function listErrors(db: Executor, importId: number, page?: { limit: number; offset: number }) {
  return db
    .selectFrom('household_import_errors')
    .select(['row_no as row', 'column_name as column', 'value', 'message'])
    .where('import_id', '=', importId)
    .orderBy('row_no')
    .orderBy('id')
    .$if(page !== undefined, (q) => q.limit(page?.limit ?? 0).offset(page?.offset ?? 0))
    .execute();
}

/** The committed import of each source, newest per source: what screening reads. */
export async function currentImports(db: Executor): Promise<Partial<Record<HouseholdSource, number>>> {
  const rows = await db
    .selectFrom('household_imports')
    .select(['source', (eb) => eb.fn.max('id').as('id')])
    .where('status', '=', 'committed')
    .groupBy('source')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.source, Number(r.id)]));
}

/** Older committed imports of the source (their tables are dropped after the new one commits). */
export function committedBefore(db: Executor, source: HouseholdSource, id: number) {
  return db
    .selectFrom('household_imports')
    .select('id')
    .where('source', '=', source)
    .where('status', '=', 'committed')
    .where('id', '<', id)
    .execute();
}

/** Imports still marked running, with who runs them and when they last said so. */
export function runningImports(db: Executor) {
  return db
    .selectFrom('household_imports')
    .select(['id', 'owner', 'heartbeat_at as heartbeatAt'])
    .where('status', '=', 'running')
    .execute();
}

/** Marks a running import failed; false when it finished (or was retired) meanwhile. */
export async function failRunning(db: Executor, id: number, message: string): Promise<boolean> {
  const r = await db
    .updateTable('household_imports')
    .set({ status: 'failed', message, rows_table: null })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
