// The per-person export limit holds across server processes: on PostgreSQL two real server
// processes share it (two exports in all, not two each), on SQLite one process; a process killed
// mid-export does not keep its slot, and housekeeping retires leases that outlived their export.

import { spawnSync } from 'node:child_process';
import http from 'node:http';
import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../kernel/context.js';
import { runHousekeeping } from '../modules/housekeeping/housekeeping.js';
import { findUnitByName } from '../modules/units/units.repository.js';
import { createUser } from '../modules/users/users.service.js';
import { seedBulkProblems } from '../test/bulk-problems.js';
import { DIALECTS } from '../test/databases.js';
import { ADMIN_PASSWORD } from '../test/harness.js';
import { type PreparedDatabase, prepareDatabase, type SpawnedServer } from '../test/spawned-server.js';
import { liveLeases } from './export-leases.repository.js';

// Enough rows that a paused download cannot be handed whole to the socket's buffers (the export
// would finish and give its slot back before the test looks).
const N = 40_000;
const STREET_PASSWORD = 'lease-street-password';

interface Download {
  status: number;
  res: http.IncomingMessage;
  req: http.ClientRequest;
}

/** A download whose body is not read: the server keeps the export open until we go. */
function open(baseUrl: string, cookie: string): Promise<Download> {
  const { hostname: host, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = http.get(
      { host, port, path: '/api/problems/export?list=all', headers: { cookie } },
      (res) => {
        res.pause();
        resolve({ status: res.statusCode ?? 0, res, req });
      },
    );
    req.on('error', reject);
  });
}

function bodyOf(d: Download): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    d.res.setEncoding('utf8');
    d.res.on('data', (s: string) => {
      text += s;
    });
    d.res.on('end', () => resolve(text));
    d.res.resume();
  });
}

async function waitFor(cond: () => Promise<boolean>) {
  for (let i = 0; i < 400; i++) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  expect(await cond()).toBe(true);
}

/** The pid of a process that has certainly exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(r.stdout.toString());
}

describe.each(DIALECTS)('export slots shared by server processes (%s)', (dialect) => {
  let prepared: PreparedDatabase;
  let servers: SpawnedServer[] = [];
  let adminId = 0;
  // One runtime of this process on the same database, to look at the lease rows.
  let ctx: AppContext;
  let closeCtx: () => void;

  beforeAll(async () => {
    prepared = await prepareDatabase(dialect);
    const ready = new Promise<AppContext>((resolve) => {
      void prepared.withContext(
        (c) =>
          new Promise<void>((done) => {
            closeCtx = done;
            resolve(c);
          }),
      );
    });
    ctx = await ready;
    await seedBulkProblems(ctx, N);
    adminId = (
      await ctx.db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow()
    ).id;
    const unit = await findUnitByName(ctx.db, '中云街道');
    if (!unit) throw new Error('no 中云街道');
    await createUser(ctx, null, {
      username: 'lease_street',
      displayName: 'lease_street',
      unitId: unit.id,
      role: 'reporter',
      password: STREET_PASSWORD,
    });
    // PostgreSQL: two processes behind one proxy; SQLite runs one server process per file.
    const processes = dialect === 'postgres' ? 2 : 1;
    servers = await Promise.all(Array.from({ length: processes }, () => prepared.start()));
  }, 300_000);
  afterAll(async () => {
    for (const s of servers) await s.stop();
    closeCtx?.();
    await prepared?.drop();
  });

  const leases = () => liveLeases(ctx.db, adminId, ctx.clock.now().toISOString());

  it('allows two exports per person in all processes together, the third refused with 429', {
    timeout: 180_000,
  }, async () => {
    const [a, b = a] = servers as [SpawnedServer, SpawnedServer?];
    const cookie = await a.login('admin', ADMIN_PASSWORD);
    const first = await open(a.baseUrl, cookie);
    const second = await open(b.baseUrl, cookie);
    expect([first.status, second.status]).toEqual([200, 200]);
    const held = await leases();
    expect(held.map((l) => l.owner).sort()).toEqual(
      [`${hostname()}:${a.pid}`, `${hostname()}:${b.pid}`].sort(),
    );
    // Neither process has room, though each runs at most one export itself.
    for (const s of [a, b]) {
      const third = await open(s.baseUrl, cookie);
      expect(third.status).toBe(429);
      const error = JSON.parse(await bodyOf(third)).error;
      expect(error.code).toBe('too_many_exports');
      expect(error.message).toMatch(/导出/);
    }
    // Someone else is not limited by the admin's exports.
    const other = await open(b.baseUrl, await b.login('lease_street', STREET_PASSWORD));
    expect(other.status).toBe(200);
    other.req.destroy();

    // The first download is abandoned: its process gives the slot back, and the other process
    // sees it free.
    first.req.destroy();
    await waitFor(async () => (await leases()).length === 1);
    const again = await open(b.baseUrl, cookie);
    expect(again.status).toBe(200);
    again.req.destroy();
    second.req.destroy();
    await waitFor(async () => (await ctx.db.selectFrom('export_leases').select('id').execute()).length === 0);
  });

  it('does not count the slot of a process killed mid-export, nor of a process long gone', {
    timeout: 180_000,
  }, async () => {
    const cookie = await (servers[0] as SpawnedServer).login('admin', ADMIN_PASSWORD);
    const victim = servers.at(-1) as SpawnedServer;
    const held = await open(victim.baseUrl, cookie);
    expect(held.status).toBe(200);
    expect((await leases()).length).toBe(1);
    // kill -9: nothing in the process gives its slot back.
    process.kill(victim.pid, 'SIGKILL');
    await new Promise((r) => held.res.once('close', r));
    await victim.stop();
    // A lease left by a process that exited (same host, pid gone) and still unexpired.
    const far = '2999-01-01T00:00:00.000Z';
    await ctx.db
      .insertInto('export_leases')
      .values({ user_id: adminId, owner: `${hostname()}:${deadPid()}`, started_at: far, expires_at: far })
      .execute();
    expect((await leases()).length).toBe(2);
    if (dialect === 'sqlite') servers = [await prepared.start()];
    else servers = servers.slice(0, 1);
    const survivor = servers[0] as SpawnedServer;
    const cookie2 = await survivor.login('admin', ADMIN_PASSWORD);
    // Both stale rows are passed over: two new exports run.
    const now = [await open(survivor.baseUrl, cookie2), await open(survivor.baseUrl, cookie2)];
    expect(now.map((d) => d.status)).toEqual([200, 200]);
    expect((await leases()).every((l) => l.owner === `${hostname()}:${survivor.pid}`)).toBe(true);
    for (const d of now) d.req.destroy();
    await waitFor(async () => (await leases()).length === 0);
  });

  it('housekeeping deletes expired leases and those of gone processes, and keeps live ones', async () => {
    const now = ctx.clock.now();
    const at = (ms: number) => new Date(now.getTime() + ms).toISOString();
    const add = (owner: string, expiresAt: string) =>
      ctx.db
        .insertInto('export_leases')
        .values({ user_id: adminId, owner, started_at: at(-60_000), expires_at: expiresAt })
        .returning('id')
        .executeTakeFirstOrThrow();
    const expired = await add('other-host:7', at(-1));
    const gone = await add(`${hostname()}:${deadPid()}`, at(60_000));
    const elsewhere = await add('other-host:8', at(60_000));
    const r = await runHousekeeping(ctx);
    expect(r.exportLeases).toBe(2);
    const left = (await ctx.db.selectFrom('export_leases').select('id').execute()).map((l) => l.id);
    expect(left).toContain(elsewhere.id);
    expect(left).not.toContain(expired.id);
    expect(left).not.toContain(gone.id);
    await ctx.db.deleteFrom('export_leases').execute();
  });
});
