// The login and password-change limiter through the HTTP layer, on both databases: parallel
// guesses, an attacker on another address, the growing delay, the address budget, the office unlock.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userCommand } from '../../cli/user-command.js';
import { openRuntime } from '../../runtime.js';
import { buildApp } from '../../server.js';
import { DIALECTS } from '../../test/databases.js';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../../test/harness.js';
import { LOGIN_LIMITS, PASSWORD_CHANGE_LIMITS } from './limiter.js';
import { waitText } from './limiter-rules.js';

const FREE = LOGIN_LIMITS.pair.freeFailures;
const FIRST_DELAY = LOGIN_LIMITS.pair.firstDelaySeconds;

describe.each(DIALECTS)('login and password change limiter on %s', (dialect) => {
  let t: TestApp;
  let admin: string;
  let lastIp = 0;
  // Each test comes from addresses of its own, so address budgets never leak between tests.
  const newIp = () => `10.1.0.${++lastIp}`;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await t.login('admin', ADMIN_PASSWORD);
  });
  afterAll(() => t.close());

  const loginFrom = (ip: string, username: string, password: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: ip,
      payload: { username, password },
    });
  const later = (seconds: number) =>
    t.clock.set(new Date(t.clock.now().getTime() + seconds * 1000).toISOString());
  const codes = (rs: LightMyRequestResponse[]) => rs.map((r) => r.statusCode);

  it('refuses the right password sent last among 12 parallel guesses', async () => {
    const u = await t.userIn('中云街道', 'reporter');
    const ip = newIp();
    const all = await Promise.all([
      ...Array.from({ length: 11 }, (_, i) => loginFrom(ip, u.username, `wrong-guess-${i}`)),
      loginFrom(ip, u.username, `${u.username}-password`),
    ]);
    // Only the free tries are evaluated, in the order sent; the rest wait, the right one included.
    expect(codes(all)).toEqual([...Array(FREE).fill(401), ...Array(12 - FREE).fill(429)]);
    const right = all[11] as LightMyRequestResponse;
    expect(right.json().error).toMatchObject({
      code: 'rate_limited',
      message: `登录失败次数过多，请${FIRST_DELAY}秒后再试`,
    });
    expect(Number(right.headers['retry-after'])).toBe(FIRST_DELAY);
  });

  it("does not let an attacker's failures from one address keep the user or the admin out elsewhere", async () => {
    const u = await t.userIn('猴嘴街道', 'reporter');
    const attacker = newIp();
    for (const username of [u.username, 'admin']) {
      for (let i = 0; i < FREE + 3; i++) await loginFrom(attacker, username, `attack-${i}`);
      expect((await loginFrom(attacker, username, 'attack-more')).statusCode).toBe(429);
    }
    const home = newIp();
    expect((await loginFrom(home, u.username, `${u.username}-password`)).statusCode).toBe(200);
    expect((await loginFrom(home, 'admin', ADMIN_PASSWORD)).statusCode).toBe(200);
    // Even a typo at home starts from the free tries, not from the attacker's count.
    expect((await loginFrom(home, 'admin', 'typo-typo-typo')).statusCode).toBe(401);
  });

  it('makes each further try from the same address wait longer, and the right password ends it', async () => {
    const u = await t.userIn('朝阳街道', 'reporter');
    const ip = newIp();
    for (let i = 0; i < FREE; i++) expect((await loginFrom(ip, u.username, `bad-${i}`)).statusCode).toBe(401);
    const waits: number[] = [];
    for (let round = 0; round < 3; round++) {
      const refused = await loginFrom(ip, u.username, 'bad-again');
      expect(refused.statusCode).toBe(429);
      const wait = Number(refused.headers['retry-after']);
      waits.push(wait);
      // One second early is still too early, even with the right password.
      later(wait - 1);
      expect((await loginFrom(ip, u.username, `${u.username}-password`)).statusCode).toBe(429);
      later(1);
      expect((await loginFrom(ip, u.username, `bad-round-${round}`)).statusCode).toBe(401);
    }
    expect(waits).toEqual([FIRST_DELAY, FIRST_DELAY * 2, FIRST_DELAY * 4]);
    const fourth = FIRST_DELAY * 8;
    expect((await loginFrom(ip, u.username, 'bad-again')).json().error.message).toBe(
      `登录失败次数过多，请${waitText(new Date(0), new Date(fourth * 1000))}后再试`,
    );
    later(fourth);
    expect((await loginFrom(ip, u.username, `${u.username}-password`)).statusCode).toBe(200);
    // A success starts the count over.
    for (let i = 0; i < FREE; i++)
      expect((await loginFrom(ip, u.username, `bad2-${i}`)).statusCode).toBe(401);
  });

  it('caps failures from one address across usernames, and only that address', async () => {
    const ip = newIp();
    const { max, windowMinutes } = LOGIN_LIMITS.address;
    // Parallel and across usernames: the budget is counted atomically too.
    const tries = await Promise.all(
      Array.from({ length: max + 4 }, (_, i) => loginFrom(ip, `nobody-${i % 8}`, `guess-${i}`)),
    );
    expect(codes(tries).filter((s) => s === 401)).toHaveLength(max);
    const refused = tries.find((r) => r.statusCode === 429);
    expect(refused?.json().error.message).toMatch(/^来自此网络地址的登录失败次数过多，请\d+分钟后再试$/);
    expect((await loginFrom(newIp(), 'nobody-1', 'guess')).statusCode).toBe(401);
    later(windowMinutes * 60);
    expect((await loginFrom(ip, 'nobody-1', 'guess')).statusCode).toBe(401);
  });

  it('lets the office see who is slowed down and unlock them, audited', async () => {
    const u = await t.userIn('区财政局', 'reporter');
    const ip = newIp();
    for (let i = 0; i < FREE + 1; i++) await loginFrom(ip, u.username, `bad-${i}`);
    expect((await loginFrom(ip, u.username, `${u.username}-password`)).statusCode).toBe(429);

    const limits = await t.request('GET', '/api/users/login-limits', admin);
    expect(limits.statusCode).toBe(200);
    expect(limits.json()).toContainEqual(
      expect.objectContaining({ userId: u.id, username: u.username, kind: 'login', ip, failures: FREE }),
    );
    // Only the office may do this.
    expect((await t.request('POST', `/api/users/${u.id}/unlock`, u.cookie)).statusCode).toBe(403);
    expect((await t.request('GET', '/api/users/login-limits', u.cookie)).statusCode).toBe(403);

    const unlock = await t.request('POST', `/api/users/${u.id}/unlock`, admin);
    expect(unlock.json()).toEqual({ ok: true, cleared: 1 });
    expect((await t.request('GET', '/api/users/login-limits', admin)).json()).not.toContainEqual(
      expect.objectContaining({ userId: u.id }),
    );
    expect((await loginFrom(ip, u.username, `${u.username}-password`)).statusCode).toBe(200);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('action', '=', 'user.unlock')
      .where('entity_id', '=', String(u.id))
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]?.detail ?? '{}')).toMatchObject({ username: u.username, cleared: 1 });
    expect((await t.request('POST', '/api/users/999999/unlock', admin)).statusCode).toBe(404);
  });

  it('lets the console unlock the admin (`paicha user unlock`), audited without an actor', async () => {
    const ip = newIp();
    for (let i = 0; i < FREE; i++) await loginFrom(ip, 'admin', `attack-${i}`);
    expect((await loginFrom(ip, 'admin', ADMIN_PASSWORD)).statusCode).toBe(429);
    expect(await userCommand(['unlock', '--username', 'admin'], t.ctx.config)).toBe(0);
    expect((await loginFrom(ip, 'admin', ADMIN_PASSWORD)).statusCode).toBe(200);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['actor_id', 'detail'])
      .where('action', '=', 'user.unlock')
      .where('detail', 'like', '%"admin"%')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor_id).toBeNull();
    // This address's counter, and the one an earlier test's attacker left from another address.
    expect(JSON.parse(audit[0]?.detail ?? '{}').cleared).toBeGreaterThanOrEqual(1);
    await expect(userCommand(['unlock', '--username', 'nobody-here'], t.ctx.config)).rejects.toThrow(
      '用户“nobody-here”不存在',
    );
  });

  it('refuses parallel guesses of the current password beyond the free tries, the right one too', async () => {
    const u = await t.userIn('中云街道', 'reporter');
    const change = (currentPassword: string) =>
      t.request('POST', '/api/auth/password', u.cookie, {
        currentPassword,
        newPassword: 'Fresh-Secret-2026',
      });
    // 30 guesses in parallel were all evaluated before (0.6 s); now the free tries only.
    const all = await Promise.all([
      ...Array.from({ length: 29 }, (_, i) => change(`guess-${i}`)),
      change(`${u.username}-password`),
    ]);
    expect(codes(all).filter((s) => s === 401)).toHaveLength(PASSWORD_CHANGE_LIMITS.freeFailures);
    expect(codes(all).filter((s) => s === 429)).toHaveLength(30 - PASSWORD_CHANGE_LIMITS.freeFailures);
    expect(all[29]?.json().error.message).toBe(
      `当前密码输错次数过多，请${PASSWORD_CHANGE_LIMITS.firstDelaySeconds}秒后再试`,
    );
    // After the wait the right password works, and the session that changed it stays signed in.
    t.clock.set(
      new Date(t.clock.now().getTime() + PASSWORD_CHANGE_LIMITS.firstDelaySeconds * 1000).toISOString(),
    );
    expect((await change(`${u.username}-password`)).statusCode).toBe(200);
    expect((await t.request('GET', '/api/auth/me', u.cookie)).statusCode).toBe(200);
  });

  it("clears a password change delay by the office's unlock", async () => {
    const u = await t.userIn('猴嘴街道', 'reporter');
    const change = (currentPassword: string) =>
      t.request('POST', '/api/auth/password', u.cookie, {
        currentPassword,
        newPassword: 'Fresh-Secret-2026',
      });
    for (let i = 0; i <= PASSWORD_CHANGE_LIMITS.freeFailures; i++) await change(`guess-${i}`);
    expect((await change(`${u.username}-password`)).statusCode).toBe(429);
    const limits = (await t.request('GET', '/api/users/login-limits', admin)).json();
    expect(limits).toContainEqual(
      expect.objectContaining({ userId: u.id, kind: 'password_change', ip: null }),
    );
    expect((await t.request('POST', `/api/users/${u.id}/unlock`, admin)).json().cleared).toBe(1);
    expect((await change(`${u.username}-password`)).statusCode).toBe(200);
  });
});

// Two server processes on one PostgreSQL (the supported way to run several): the in-process queue
// does not span them, the counter's row lock does.
describe('login limiter across server processes on postgres', () => {
  let t: TestApp;
  const others: { app: FastifyInstance; close(): Promise<void> }[] = [];
  beforeAll(async () => {
    t = await startTestApp('postgres');
    // Two more handles on the same database, each with its own pool: three server processes.
    for (let i = 0; i < 2; i++) {
      const runtime = await openRuntime({ config: t.ctx.config, clock: t.clock });
      const app = await buildApp(runtime.ctx);
      others.push({
        app,
        close: async () => {
          await app.close();
          await runtime.close();
        },
      });
    }
  });
  afterAll(async () => {
    for (const o of others) await o.close();
    await t?.close();
  });

  it('evaluates only the free tries of guesses split across them', async () => {
    const u = await t.userIn('中云街道', 'reporter');
    const apps = [t.app, ...others.map((o) => o.app)];
    const all = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        (apps[i % apps.length] as FastifyInstance).inject({
          method: 'POST',
          url: '/api/auth/login',
          remoteAddress: '10.2.0.1',
          payload: { username: u.username, password: `wrong-guess-${i}` },
        }),
      ),
    );
    const statuses = all.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(FREE);
    expect(statuses.filter((s) => s === 429)).toHaveLength(30 - FREE);
  });
});
