// Housekeeping on both databases: what the timer deletes, what start-up retires, the upload quota.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/databases.js';
import { tinyPdf, tinyPng, upload } from '../../test/files.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { countRows } from '../../test/tables.js';
import { blobPath } from '../files/storage.js';
import { createRowsTable, rowsTableName } from '../households/import/rows-table.repository.js';
import { runHousekeeping } from './housekeeping.js';

/** The pid of a process that has certainly exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(r.stdout.toString());
}

describe.each(DIALECTS)('housekeeping (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect, { now: '2020-01-10T02:00:00Z' });
  });
  afterAll(() => t?.close());

  async function runningImport(owner: string, heartbeat: string) {
    const id = Number(
      (
        await t.ctx.db
          .insertInto('household_imports')
          .values({
            source: 'national',
            file_name: 'n.csv',
            format: 'csv',
            encoding: null,
            status: 'running',
            rows_table: null,
            sheet: null,
            header_row: null,
            created_by: null,
            created_at: heartbeat,
            heartbeat_at: heartbeat,
            owner,
            finished_at: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    );
    await createRowsTable(t.ctx.db, t.ctx.dialect, id);
    await t.ctx.db
      .updateTable('household_imports')
      .set({ rows_table: rowsTableName(id) })
      .where('id', '=', id)
      .execute();
    return id;
  }

  async function runningRun(owner: string, heartbeat: string) {
    const campaign = await t.ctx.db.selectFrom('campaigns').select('id').executeTakeFirstOrThrow();
    return Number(
      (
        await t.ctx.db
          .insertInto('screening_runs')
          .values({
            campaign_id: campaign.id,
            status: 'running',
            started_at: heartbeat,
            finished_at: null,
            started_by: null,
            owner,
            heartbeat_at: heartbeat,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    );
  }

  const statusOf = async (table: 'household_imports' | 'screening_runs', id: number) =>
    (await t.ctx.db.selectFrom(table).select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
  const tableExists = async (id: number) =>
    (await t.ctx.db.introspection.getTables()).some((tb) => tb.name === rowsTableName(id));

  it('retires at start-up the import and screening run a killed predecessor left running', async () => {
    const now = t.ctx.clock.now().toISOString();
    // A restarted server in a container often gets its predecessor's pid back: same host:pid.
    const mine = `${hostname()}:${process.pid}`;
    const imp = await runningImport(mine, now);
    const run = await runningRun(mine, now);
    // Not at start-up, the same ids are this live process's own jobs and are left alone.
    const quiet = await runHousekeeping(t.ctx, false);
    expect(quiet.imports).not.toContain(imp);
    expect(await statusOf('household_imports', imp)).toBe('running');

    const r = await runHousekeeping(t.ctx, true);
    expect(r.imports).toEqual([imp]);
    expect(r.screeningRuns).toEqual([run]);
    expect(await statusOf('household_imports', imp)).toBe('failed');
    expect(await statusOf('screening_runs', run)).toBe('failed');
    expect(await tableExists(imp)).toBe(false);
  });

  it('retires a dead process’s jobs at once, another host’s only after ten silent minutes', async () => {
    const now = t.ctx.clock.now().toISOString();
    const dead = await runningImport(`${hostname()}:${deadPid()}`, now);
    const elsewhere = await runningImport('other-host:4242', now);
    const deadRun = await runningRun(`${hostname()}:${deadPid()}`, now);
    let r = await runHousekeeping(t.ctx);
    expect(r.imports).toEqual([dead]);
    expect(r.screeningRuns).toEqual([deadRun]);
    expect(await statusOf('household_imports', elsewhere)).toBe('running');
    t.clock.set('2020-01-10T02:11:00Z');
    r = await runHousekeeping(t.ctx);
    expect(r.imports).toEqual([elsewhere]);
    expect(await tableExists(elsewhere)).toBe(false);
    t.clock.set('2020-01-10T02:00:00Z');
  });

  it('deletes expired sessions and login attempts older than 30 days', async () => {
    const u = await t.userIn('中云街道', 'reporter');
    await t.request('POST', '/api/auth/login', undefined, {
      username: u.username,
      password: 'wrong-password-1',
    });
    await t.ctx.db
      .insertInto('login_attempts')
      .values({ username: u.username, ip: '10.0.0.9', at: '2019-11-01T00:00:00.000Z', success: 0 })
      .execute();
    const count = (table: 'sessions' | 'login_attempts') => countRows(t, table);
    const sessions = await count('sessions');
    const attempts = await count('login_attempts');
    // A limiter counter last touched long ago goes too; the fresh one of the failure above stays.
    await t.ctx.db
      .insertInto('login_limits')
      .values({
        scope: 'pair',
        subject: u.username,
        ip: '10.0.0.9',
        failures: 3,
        window_start: '2019-11-01T00:00:00.000Z',
        next_at: '2019-11-01T00:00:00.000Z',
        updated_at: '2019-11-01T00:00:00.000Z',
      })
      .execute();
    let r = await runHousekeeping(t.ctx);
    expect(r.sessions).toBe(0);
    expect(r.loginAttempts).toBe(1);
    expect(r.loginLimits).toBe(1);
    expect(
      await t.ctx.db.selectFrom('login_limits').select('ip').where('subject', '=', u.username).execute(),
    ).toEqual([{ ip: '127.0.0.1' }]);
    expect(await count('login_attempts')).toBe(attempts - 1);
    // Every session made so far expires after the configured hours; the cookie stops working.
    t.clock.set(
      new Date(
        Date.parse('2020-01-10T02:00:00Z') + (t.ctx.config.sessionHours + 1) * 3_600_000,
      ).toISOString(),
    );
    r = await runHousekeeping(t.ctx);
    expect(r.sessions).toBe(sessions);
    expect(await count('sessions')).toBe(0);
    t.clock.set('2020-01-10T02:00:00Z');
  });

  it('removes uploads nobody claimed after the configured hours, and their bytes', async () => {
    const u = await t.userIn('中云街道', 'reporter');
    const res = await upload(t, u.cookie, '照片.png', tinyPng(), 'image/png');
    expect(res.statusCode).toBe(200);
    const { id, sha256 } = res.json();
    expect(existsSync(blobPath(t.ctx.config.dataDir, sha256))).toBe(true);
    expect((await runHousekeeping(t.ctx)).uploads).toBe(0);
    t.clock.set(
      new Date(
        Date.parse('2020-01-10T02:00:00Z') + (t.ctx.config.unattachedUploadHours + 1) * 3_600_000,
      ).toISOString(),
    );
    expect((await runHousekeeping(t.ctx)).uploads).toBe(1);
    expect(
      await t.ctx.db.selectFrom('attachments').select('id').where('id', '=', id).executeTakeFirst(),
    ).toBeUndefined();
    expect(existsSync(blobPath(t.ctx.config.dataDir, sha256))).toBe(false);
    t.clock.set('2020-01-10T02:00:00Z');
  });

  it('refuses an upload past the per-person 24-hour quota with a clear 429', async () => {
    const u = await t.userIn('中云街道', 'reporter');
    const other = await t.userIn('中云街道', 'reporter');
    const saved = t.ctx.config.uploadQuotaBytes;
    const png = tinyPng();
    t.ctx.config.uploadQuotaBytes = png.length + 10;
    try {
      expect((await upload(t, u.cookie, 'a.png', png, 'image/png')).statusCode).toBe(200);
      const refused = await upload(t, u.cookie, 'b.pdf', tinyPdf(), 'application/pdf');
      expect(refused.statusCode).toBe(429);
      expect(refused.json().error.code).toBe('upload_quota_exceeded');
      expect(refused.json().error.message).toContain('24小时内');
      // The quota is per person: a colleague still uploads.
      expect((await upload(t, other.cookie, 'c.png', png, 'image/png')).statusCode).toBe(200);
      // A day later the window has moved on.
      t.clock.set('2020-01-11T02:30:00Z');
      const again = await t.login(u.username, `${u.username}-password`);
      expect((await upload(t, again, 'b.pdf', tinyPdf(), 'application/pdf')).statusCode).toBe(200);
    } finally {
      t.ctx.config.uploadQuotaBytes = saved;
      t.clock.set('2020-01-10T02:00:00Z');
    }
  });
});
