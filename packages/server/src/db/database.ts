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
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
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
