// Query plans for the scale tests: a second connection to the test's database that keeps every
// query run through it, and EXPLAIN for each — SQLite's `explain query plan` details or
// PostgreSQL's plan lines, one string, so a test can assert which index answered.
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { type CompiledQuery, Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DB } from '../db/schema.js';
import type { TestApp } from './harness.js';

export interface Capturing {
  /** Run the code under test on this handle: its queries land in `captured`. */
  db: Kysely<DB>;
  captured: CompiledQuery[];
  /** The plan of one captured query, lines joined by '\n'. */
  explain: (q: CompiledQuery) => Promise<string>;
  close: () => Promise<void>;
}

export async function capturingConnection(t: TestApp): Promise<Capturing> {
  const captured: CompiledQuery[] = [];
  const log = (e: { query: CompiledQuery }) => {
    captured.push(e.query);
  };
  if (t.ctx.dialect === 'sqlite') {
    const raw = new SQLite(path.join(t.ctx.config.dataDir, 'paicha.sqlite'));
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: raw }), log });
    return {
      db,
      captured,
      explain: async (q) =>
        (
          raw.prepare(`explain query plan ${q.sql}`).all(...(q.parameters as unknown[])) as {
            detail: string;
          }[]
        )
          .map((r) => r.detail)
          .join('\n'),
      close: () => db.destroy(),
    };
  }
  const pool = new pg.Pool({ connectionString: t.ctx.config.databaseUrl as string, max: 2 });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log });
  return {
    db,
    captured,
    explain: async (q) =>
      (await pool.query(`explain ${q.sql}`, q.parameters as unknown[])).rows
        .map((r: Record<string, string>) => r['QUERY PLAN'])
        .join('\n'),
    close: () => db.destroy(),
  };
}
