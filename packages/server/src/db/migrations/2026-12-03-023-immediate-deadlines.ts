// 立行立改 problems get a deadline: recorded without one, they could never be overdue. Each
// existing one without a deadline is given the default 立行立改期限 (7 days, core
// DEFAULT_IMMEDIATE_DAYS — no office setting existed before this) from the day it was recorded,
// in China (UTC+8). The tallies and the ledger's change stamp follow through their triggers.
import { type Kysely, type Migration, sql } from 'kysely';
import type { DialectName } from '../database.js';

const DAYS = 7;

export function immediateDeadlinesMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      const due =
        dialect === 'postgres'
          ? sql`to_char(((created_at::timestamptz at time zone 'UTC') + interval '8 hours')::date + ${sql.lit(DAYS)}, 'YYYY-MM-DD')`
          : sql`date(created_at, '+8 hours', ${sql.lit(`+${DAYS} days`)})`;
      await sql`update problems set deadline = ${due} where mode = '立行立改' and deadline is null`.execute(
        db,
      );
    },
    async down() {
      // The deadlines given stay: nothing tells them from ones typed later.
    },
  };
}
