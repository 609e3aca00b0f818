// The calendar in force is kept per database handle until the calendar's change stamp moves
// (calendar-cache.ts): a page asking for deadlines reads one stamp row, not the office's days,
// while the calendar is unchanged; an edit or an import made through another server process on
// the same database shows in this one's very next answer. Both databases.
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../db/schema.js';
import { openRuntime } from '../../runtime.js';
import { buildApp } from '../../server.js';
import { DIALECTS } from '../../test/databases.js';
import { importCalendarFile } from '../../test/files.js';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../../test/harness.js';

/** Records the SQL a handle runs outside transactions (every read a page makes). */
function recordQueries(db: Kysely<DB>): string[] {
  const seen: string[] = [];
  const executor = db.getExecutor();
  const run = executor.executeQuery.bind(executor);
  executor.executeQuery = ((query) => {
    seen.push(query.sql);
    return run(query);
  }) as typeof executor.executeQuery;
  return seen;
}

describe.each(DIALECTS)('the calendar kept per change stamp on %s', (dialect) => {
  let t: TestApp;
  let admin: string;
  let other: { app: FastifyInstance; close(): Promise<void> };
  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await t.login('admin', ADMIN_PASSWORD);
    // A second server process on the same database, with its own handle (and pool).
    const runtime = await openRuntime({ config: t.ctx.config, clock: t.clock });
    const app = await buildApp(runtime.ctx);
    other = {
      app,
      close: async () => {
        await app.close();
        await runtime.close();
      },
    };
  });
  afterAll(async () => {
    await other?.close();
    await t?.close();
  });

  // The first working day after 1 January 2027 (a Friday; 2027 is not shipped): the 4th unless
  // the office says otherwise.
  const firstWorkingDay = async () =>
    (await t.request('GET', '/api/calendar/working-days?from=2027-01-01&n=1', admin)).json().date;
  const otherCookie = async () => {
    const res = await other.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: ADMIN_PASSWORD },
    });
    return `paicha_session=${res.cookies.find((c) => c.name === 'paicha_session')?.value}`;
  };

  it('reads no calendar days while unchanged, and follows edits and imports made by another process', async () => {
    expect(await firstWorkingDay()).toBe('2027-01-04');
    const seen = recordQueries(t.ctx.db);
    expect(await firstWorkingDay()).toBe('2027-01-04');
    await t.request('GET', '/api/problems?pageSize=20', admin);
    expect(await firstWorkingDay()).toBe('2027-01-04');
    expect(seen.filter((q) => q.includes('calendar_days'))).toEqual([]);
    expect(seen.filter((q) => q.includes('calendar_stamp')).length).toBeGreaterThanOrEqual(3);

    const cookie = await otherCookie();
    const put = await other.app.inject({
      method: 'PUT',
      url: '/api/calendar/days/2027-01-04',
      headers: { cookie },
      payload: { kind: 'holiday', name: '测试' },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(await firstWorkingDay()).toBe('2027-01-05');
    expect(seen.filter((q) => q.includes('calendar_days'))).toHaveLength(1);

    // An import through this process, then a reset through the other: each seen at once.
    const csv = Buffer.from('日期,类型,名称\n2027-01-05,放假,测试\n', 'utf8');
    const imported = (await importCalendarFile(t, admin, '2027.csv', csv)).json();
    expect(imported).toMatchObject({ imported: 1 });
    expect(await firstWorkingDay()).toBe('2027-01-06');
    const reset = await other.app.inject({
      method: 'DELETE',
      url: '/api/calendar/days/2027-01-04',
      headers: { cookie },
    });
    expect(reset.statusCode, reset.body).toBe(200);
    expect(await firstWorkingDay()).toBe('2027-01-04');
    const reads = seen.filter((q) => q.includes('calendar_days') && q.startsWith('select')).length;
    expect(await firstWorkingDay()).toBe('2027-01-04');
    expect(seen.filter((q) => q.includes('calendar_days') && q.startsWith('select'))).toHaveLength(reads);
  });
});
