import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.js';
import { SqliteMainDriver, type WriteGate, WriteGatePlugin } from './sqlite-driver.js';

export type DialectName = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  dialect: DialectName;
  destroy(): Promise<void>;
}

// COUNT(*) and BIGINT come back from pg as strings; the app wants numbers on both databases.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export interface DatabaseOptions {
  databaseUrl: string | null;
  dataDir: string;
  /** SQLite file name inside dataDir. */
  sqliteFile?: string;
  /**
   * SQLite page cache of this connection, MB (128 unless given). The server keeps a ledger's hot
   * pages; a CLI import or screening does its heavy work on worker connections, and every MB here
   * is resident memory on top of theirs.
   */
  sqliteCacheMb?: number;
}

/**
 * The gate holding the writes of a SQLite database opened here while another connection writes
 * (sqlite-driver.ts); null on PostgreSQL, whose server makes a waiting write wait by itself. It
 * travels as a plugin, which handles made by `withPlugin` and transactions keep.
 */
export function sqliteWriteGate(db: Kysely<DB>): WriteGate | null {
  const plugin = db.getExecutor().plugins.find((p) => p instanceof WriteGatePlugin);
  return plugin ? (plugin as WriteGatePlugin).gate : null;
}

export function openDatabase(opts: DatabaseOptions): Database {
  if (opts.databaseUrl) {
    // random_page_cost 1.1 instead of PostgreSQL's 4 (which prices a disk that seeks): the ledger
    // lives in memory or on SSD, where an index read out of order costs about what one in order
    // does. At 4 the planner walked a street's search through the primary key, filtering out the
    // four rows in five that are other units' (33,690 rows read for 6,402); at 1.1 it walks the
    // street's own index (problems_unit_id_page_idx): 9.5 → 4.2 ms alone, and under bench:load
    // at 400,000 problems the street's 危房未改造 search went from 171 to 322 req/s (p99 170 →
    // 100 ms). The screening at a million people planned the same or better (24.5 → 23.7 s).
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: 10,
      options: '-c random_page_cost=1.1',
    });
    // An idle connection dropped by the server (restart, failover) must not crash the process;
    // the pool replaces it on next use.
    pool.on('error', (err) => console.error(`PostgreSQL idle connection lost: ${err.message}`));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', destroy: () => db.destroy() };
  }
  mkdirSync(opts.dataDir, { recursive: true });
  const file = path.join(opts.dataDir, opts.sqliteFile ?? 'paicha.sqlite');
  const sqlite = new SQLite(file);
  // WAL lets readers go on while a writer commits; foreign keys are off by default in SQLite.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // A ledger of 400,000 problems is a few hundred MB: keep its hot pages in the process (the
  // default cache is 2 MB, which sends every list page back to the operating system).
  sqlite.pragma(`cache_size = -${(opts.sqliteCacheMb ?? 128) * 1024}`);
  const driver = new SqliteMainDriver(withStatementCache(sqlite));
  const db = new Kysely<DB>({
    dialect: new (class extends SqliteDialect {
      override createDriver() {
        return driver;
      }
    })({ database: sqlite }),
    plugins: [new WriteGatePlugin(driver.gate)],
  });
  return { db, dialect: 'sqlite', destroy: () => db.destroy() };
}

/**
 * Kysely prepares every query it runs; parsing and planning the same SQL again cost as much as
 * running a list page. Statements are kept by their SQL (the most recent few hundred) and reused
 * unless one is still being iterated (a streamed query), which gets a fresh one.
 */
function withStatementCache(sqlite: SQLite.Database, size = 300) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    get inTransaction() {
      return sqlite.inTransaction;
    },
    prepare(sql: string) {
      const hit = cache.get(sql);
      if (hit && !hit.busy) {
        cache.delete(sql);
        cache.set(sql, hit);
        return hit;
      }
      const stmt = sqlite.prepare(sql);
      if (!hit) {
        cache.set(sql, stmt);
        if (cache.size > size) cache.delete(cache.keys().next().value as string);
      }
      return stmt;
    },
  };
}
