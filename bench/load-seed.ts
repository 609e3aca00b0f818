// The load benchmark's database: a fresh SQLite file or PostgreSQL database, migrated and seeded
// like a first start, a street reporter, then N problems spread over every unit's assigned check
// items (seedBulkProblems) with fresh planner statistics. Closed again before the servers start on it.
import { sql } from 'kysely';
import type { DialectName } from '../packages/server/src/db/database.js';
import { fixedClock } from '../packages/server/src/kernel/clock.js';
import { loadConfig } from '../packages/server/src/kernel/config.js';
import { findUnitByName } from '../packages/server/src/modules/units/units.repository.js';
import { createUser } from '../packages/server/src/modules/users/users.service.js';
import { openRuntime } from '../packages/server/src/runtime.js';
import { seedBulkProblems } from '../packages/server/src/test/bulk-problems.js';
import { createTestDatabase, type TestDatabase } from '../packages/server/src/test/databases.js';

export const ADMIN = { username: 'admin', password: 'Bench-admin-2026-load' };
export const STREET = { username: 'bench_street', password: 'Bench-street-2026-load', unit: '中云街道' };

export interface SeededDatabase {
  database: TestDatabase;
  seconds: number;
  streetProblems: number;
}

export async function seedLoadDatabase(
  dialect: DialectName,
  n: number,
  now: string,
): Promise<SeededDatabase> {
  const database = await createTestDatabase(dialect);
  const config = {
    ...loadConfig({}),
    dataDir: database.dataDir,
    databaseUrl: database.databaseUrl,
    adminPassword: ADMIN.password,
    logLevel: 'warn',
  };
  const runtime = await openRuntime({ config, clock: fixedClock(now) });
  const { ctx } = runtime;
  try {
    const unit = await findUnitByName(ctx.db, STREET.unit);
    if (!unit) throw new Error(`no unit ${STREET.unit}`);
    await createUser(ctx, null, {
      username: STREET.username,
      displayName: '街道填报员',
      unitId: unit.id,
      role: 'reporter',
      password: STREET.password,
    });
    const seconds = await seedBulkProblems(ctx, n);
    // PostgreSQL: every table's statistics and the visibility map, as autovacuum leaves them on a
    // server that has run a while (without check_items' statistics the planner guesses one item
    // per category and reads whole units for a category filter).
    if (dialect === 'postgres') await sql`vacuum analyze`.execute(ctx.db);
    const street = await ctx.db
      .selectFrom('problems')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('unit_id', '=', unit.id)
      .executeTakeFirstOrThrow();
    return { database, seconds, streetProblems: Number(street.n) };
  } finally {
    await runtime.close();
  }
}
