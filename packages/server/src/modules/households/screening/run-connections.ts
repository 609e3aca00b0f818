// The connections a screening run reads on: on SQLite its own, in a worker thread, plus one more
// for the rules' second lane (screening-lanes.ts); on PostgreSQL the run's transaction plus a
// second connection from the pool.
import type { Transaction } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { WriteGatePlugin } from '../../../db/sqlite-driver.js';
import { sqliteFile } from '../../../db/sqlite-file.js';
import { openSqliteWorker, type SqliteWorkerDatabase } from '../../../db/sqlite-worker.js';
import type { AppContext } from '../../../kernel/context.js';
import { tunePostgres } from './runs.repository.js';

/**
 * A SQLite run's connection, in a worker thread: its statements take seconds at a million people
 * and better-sqlite3 runs them synchronously. The rows tables and the run's temporary tables are
 * read through the connection's page cache, 2 MB by default: at a million people nearly every
 * index lookup of the joins would go to the operating system (~4 µs instead of ~1 µs). Measured
 * at a million people with one connection: 64 MB (16 MB for the temporary tables, whose sorts
 * spill to temporary files) ran as fast as 128/128 MB with 336 MB peak memory instead of 513 MB;
 * the page cache, not JavaScript, was the peak. A run has two (its rules' two lanes), each 32/8 MB:
 * 15.2 s of CPU in all against 14.8 s at 64/16 MB each, 2 MB each 15.7 s; peak RSS 357 MB
 * against 447 MB and 254 MB. Its write transaction may have to wait for the server's or an
 * import's (busy_timeout; the wait is in the worker). The rule rows new to the catalogue must be
 * written before, on the server's connection, so that the rules' snapshot only reads.
 */
export async function openRunConnection(ctx: AppContext): Promise<SqliteWorkerDatabase> {
  // The server handle's plugins (the audit key among them) but not its write gate.
  const plugins = ctx.db.getExecutor().plugins.filter((p) => !(p instanceof WriteGatePlugin));
  return openSqliteWorker(
    await sqliteFile(ctx),
    ['busy_timeout = 60000', 'cache_size = -32768', 'temp.cache_size = -8192'],
    plugins,
  );
}

/** The second lane's transaction, and its end (it only reads: rolled back, its temporary tables with it). */
export interface SecondLane {
  trx: Transaction<DB>;
  end(): Promise<void>;
}

/**
 * Opens the second lane. SQLite: a connection of its own with a read snapshot of its own — the
 * rows tables never change once imported, so it reads what the run's snapshot reads. PostgreSQL:
 * a connection from the pool, tuned like the run's transaction.
 */
export async function openSecondLane(ctx: AppContext): Promise<SecondLane> {
  if (ctx.dialect === 'postgres') {
    const trx = await ctx.db.startTransaction().execute();
    const end = async () => {
      await trx.rollback().execute();
    };
    try {
      await tunePostgres(trx);
    } catch (err) {
      await end();
      throw err;
    }
    return { trx, end };
  }
  const conn = await openRunConnection(ctx);
  try {
    const trx = await conn.db.startTransaction().setAccessMode('read only').execute();
    const end = async () => {
      try {
        await trx.rollback().execute();
      } finally {
        await conn.destroy();
      }
    };
    return { trx, end };
  } catch (err) {
    await conn.destroy();
    throw err;
  }
}
