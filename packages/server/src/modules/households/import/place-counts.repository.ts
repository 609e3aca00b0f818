// Households per place name of an import's rows, for the place-name queue (places/): a GROUP BY
// over every row of the import's own table. Runs while the writer builds the indexes
// (import.service.ts); on SQLite its connection first copies the load's WAL frames into the
// database file, which the writer would otherwise do alone after the indexes.
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { sqliteFile } from '../../../db/sqlite-file.js';
import { openSqliteWorker } from '../../../db/sqlite-worker.js';
import type { AppContext } from '../../../kernel/context.js';
import type { RowNormaliser } from './normalise-row.js';
import { rowsTableName } from './rows-table.repository.js';

export type PlaceCount = { township: string | null; households: number };

export async function householdsByPlace(
  ctx: AppContext,
  importId: number,
  n: RowNormaliser | null,
): Promise<PlaceCount[]> {
  // Without a township column every row is in the unnamed place, which is not recorded anyway.
  const counted = !!n?.columns.includes('township');
  const table = sql.table(rowsTableName(importId));
  const count = async (): Promise<PlaceCount[]> => {
    if (ctx.dialect === 'sqlite') {
      // On a connection in a worker thread: the GROUP BY reads every row (seconds at a million),
      // which on the server's synchronous connection would leave every request waiting.
      // A 2 MB page cache: one pass over the table needs few pages, and it runs beside the index
      // build; at a million rows it counts as fast as with the default 16 MB (4.9–5.9 s either way).
      const own = openSqliteWorker(await sqliteFile(ctx), ['cache_size = -2048']);
      try {
        await checkpointLoad(own.db);
        if (!counted) return [];
        return (
          await sql<PlaceCount>`select township, count(distinct coalesce(household_id, id_number)) as households
            from ${table} group by township`.execute(own.db)
        ).rows;
      } finally {
        await own.destroy();
      }
    }
    if (!counted) return [];
    // PostgreSQL sorts a million rows on disk for COUNT(DISTINCT); the distinct pairs first, by
    // hashing in memory, then counted, is ~3× faster.
    return ctx.db.transaction().execute(async (trx) => {
      await sql`set local work_mem = '64MB'`.execute(trx);
      const { rows } = await sql<PlaceCount>`select township, count(*) as households
        from (select township, coalesce(household_id, id_number) as k from ${table} group by 1, 2) d
        group by township`.execute(trx);
      return rows;
    });
  };
  // The counts only inform the place-name queue: a failure here must not fail the import.
  return count().catch(() => [] as PlaceCount[]);
}

/**
 * The load's frames copied from the WAL into the database file while the writer builds the
 * indexes: a checkpoint needs no write lock, so the two run at once on two cores. At a million
 * rows the writer's own checkpoint after the indexes took 0.30–0.34 s, and after this one 0.09 s
 * (the index pages); the seven files of a million-person delivery imported 0.5–0.7 s sooner.
 * PASSIVE: it copies what no reader still needs and never waits. A failure only leaves the copying
 * to the writer's checkpoint, as before.
 */
async function checkpointLoad(db: Kysely<DB>): Promise<void> {
  await sql`pragma wal_checkpoint(PASSIVE)`.execute(db).catch(() => undefined);
}
