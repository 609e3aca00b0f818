// Two server processes sharing one PostgreSQL must never remind twice: run the reminder job in
// several OS processes at the same moment and count.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrate.js';
import { createTestDatabase, type TestDatabase } from '../../test/databases.js';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../../bin/paicha.mjs');

describe('reminders from concurrent processes on one PostgreSQL', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
  });
  afterAll(() => database.drop());

  it('creates each reminder exactly once', async () => {
    const env = {
      ...process.env,
      DATABASE_URL: database.databaseUrl ?? '',
      PAICHA_DATA_DIR: database.dataDir,
      PAICHA_ADMIN_PASSWORD: 'admin-password-x',
      // A Friday: reminders go out on working days only.
      PAICHA_FIXED_TIME: '2019-12-20T02:00:00Z',
    };
    // Migrate and seed once, so the racing processes race on reminders only.
    await run(process.execPath, [BIN, 'migrate'], { env });
    const results = await Promise.all(
      [1, 2, 3, 4].map(() => run(process.execPath, [BIN, 'remind', '--json'], { env })),
    );
    const created = results.map(
      (r) => JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}').created as number,
    );
    // 9 units missed 12-15 and 9 are reminded of 12-24: 18 in all, however the work was split.
    expect(created.reduce((a, b) => a + b, 0)).toBe(18);

    const db = openDatabase({ databaseUrl: database.databaseUrl, dataDir: database.dataDir });
    try {
      await migrateToLatest(db.db, db.dialect);
      const rows = await db.db.selectFrom('notifications').select(['dedup_key']).execute();
      expect(rows).toHaveLength(18);
      expect(new Set(rows.map((r) => r.dedup_key)).size).toBe(18);
    } finally {
      await db.destroy();
    }
  }, 60_000);

  it('sends nothing on a holiday (元旦 2020) and catches up on the next working day', async () => {
    const env = (now: string) => ({
      ...process.env,
      DATABASE_URL: database.databaseUrl ?? '',
      PAICHA_DATA_DIR: database.dataDir,
      PAICHA_ADMIN_PASSWORD: 'admin-password-x',
      PAICHA_FIXED_TIME: now,
    });
    const remind = async (now: string) => {
      const r = await run(process.execPath, [BIN, 'remind', '--json'], { env: env(now) });
      return JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}').created as number;
    };
    // 1 January 2020 (Wednesday, 元旦): 12-24 is long missed and 2020-01-04's report is 3 days
    // off, yet nothing goes out.
    expect(await remind('2020-01-01T02:00:00Z')).toBe(0);
    // Thursday 2 January, a working day: what was held back goes out (the 12-24 misses, the
    // reminders of the report due Saturday 4 January).
    expect(await remind('2020-01-02T02:00:00Z')).toBeGreaterThan(0);
  }, 60_000);
});
