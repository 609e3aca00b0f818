// PostgreSQL: problem_grams (2026-12-04-051) declared at cost 100 instead of 1,000. Measured at
// 400,000 problems (same data, median of 5): at 1,000 the planner read even common words (危房,
// 知晓, 王某) off the index, 17–49 ms a list request; at 100 a rare word takes 4–12 ms (LIKE
// walking the ledger: 150–485 ms) and a common one 14–35 ms.
import { type Kysely, type Migration, sql } from 'kysely';
import type { DialectName } from '../database.js';

export function ledgerGramsCostMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      if (dialect !== 'postgres') return;
      await sql`alter function problem_grams(text) cost 100`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      if (dialect !== 'postgres') return;
      await sql`alter function problem_grams(text) cost 1000`.execute(db);
    },
  };
}
