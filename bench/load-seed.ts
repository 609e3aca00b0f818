// The load benchmark's database: a fresh SQLite file or PostgreSQL database, migrated and seeded
// like a first start, then N problems spread over every unit's assigned check items, a street
// reporter, and fresh planner statistics. Closed again before the servers start on it.
import { PROBLEM_SOURCES } from '@paicha/core';
import { sql } from 'kysely';
import { fixedClock } from '../packages/server/src/clock.js';
import { loadConfig } from '../packages/server/src/config.js';
import type { DialectName } from '../packages/server/src/db/database.js';
import { findUnitByName } from '../packages/server/src/modules/units/units.repository.js';
import { createUser } from '../packages/server/src/modules/users/users.service.js';
import { openRuntime } from '../packages/server/src/runtime.js';
import { createTestDatabase, type TestDatabase } from '../packages/server/src/test/databases.js';

export const ADMIN = { username: 'admin', password: 'Bench-admin-2026-load' };
export const STREET = { username: 'bench_street', password: 'Bench-street-2026-load', unit: '中云街道' };

const STATUSES = ['pending', 'rectifying', 'awaiting_review', 'returned', 'closed'] as const;
const WORDS = [
  '危房未改造',
  '政策知晓率不高',
  '低保对象认定不准',
  '医疗报销不及时',
  '饮水安全不达标',
  '就业帮扶不到位',
];

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
  const runtime = await openRuntime({
    config,
    clock: fixedClock(now),
  });
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
    const links = await ctx.db
      .selectFrom('item_units as iu')
      .innerJoin('check_items as i', 'i.id', 'iu.check_item_id')
      .select(['i.id as itemId', 'i.campaign_id as campaignId', 'iu.unit_id as unitId'])
      .orderBy('iu.unit_id')
      .orderBy('i.id')
      .execute();
    const started = performance.now();
    const BATCH = 1000;
    for (let start = 0; start < n; start += BATCH) {
      const rows = [];
      for (let k = start; k < Math.min(n, start + BATCH); k++) {
        const link = links[(k * 7919) % links.length];
        if (!link) throw new Error('no check items assigned to units');
        const month = 1 + (k % 6);
        const day = String(1 + (k % 28)).padStart(2, '0');
        const at = `2020-0${1 + (k % 2)}-${day}T0${k % 10}:00:00.000Z`;
        rows.push({
          campaign_id: link.campaignId,
          check_item_id: link.itemId,
          unit_id: link.unitId,
          source: PROBLEM_SOURCES[k % PROBLEM_SOURCES.length] ?? '自查',
          description: `第${k}号问题：某村低收入农户${WORDS[k % 7 === 0 ? 0 : 1 + (k % (WORDS.length - 1))]}`,
          found_date: `2019-12-${String(14 + (k % 17)).padStart(2, '0')}`,
          place: `第${k % 300}村${k % 11 === 0 ? '东组' : ''}`,
          household_ref: k % 3 === 0 ? `HH${String(k).padStart(7, '0')}` : null,
          cause: '工作不细致',
          measures: '逐户走访，落实整改',
          responsible_leader: `王${k % 50}`,
          responsible_person: `李${k % 97}`,
          mode: k % 4 === 0 ? ('立行立改' as const) : ('限期整改' as const),
          deadline: k % 4 === 0 ? null : `2020-0${month}-15`,
          deadline_reason: '',
          status: STATUSES[k % STATUSES.length] ?? 'pending',
          created_by: 1,
          created_at: at,
          updated_at: at,
        });
      }
      await ctx.db.insertInto('problems').values(rows).execute();
    }
    // Fresh statistics, as a server that has run for a while would have; PostgreSQL also sets
    // the visibility map so index-only scans need not visit the table.
    await sql.raw(dialect === 'postgres' ? 'vacuum analyze' : 'analyze').execute(ctx.db);
    const seconds = (performance.now() - started) / 1000;
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
