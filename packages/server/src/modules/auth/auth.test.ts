import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/databases.js';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../../test/harness.js';
import { verifyAuditChain } from '../audit/audit.repository.js';

describe.each(DIALECTS)('accounts and sessions on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(() => t.close());

  it('signs in with an HttpOnly SameSite cookie that expires', async () => {
    const res = await t.request('POST', '/api/auth/login', undefined, {
      username: 'admin',
      password: ADMIN_PASSWORD,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({
      username: 'admin',
      role: 'admin',
      unit: { name: '区领导小组办公室', kind: 'office' },
    });
    const cookie = res.cookies.find((c) => c.name === 'paicha_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie?.maxAge).toBe(12 * 3600);
    const me = await t.request('GET', '/api/auth/me', `paicha_session=${cookie?.value}`);
    expect(me.json().user.username).toBe('admin');
  });

  it("tells the browser the server's today (China), which form dates default to", async () => {
    // 15:30Z is 23:30 on the 20th in China, 16:30Z already the 21st; the PC's clock plays no part.
    t.clock.set('2019-12-20T15:30:00Z');
    const res = await t.request('POST', '/api/auth/login', undefined, {
      username: 'admin',
      password: ADMIN_PASSWORD,
    });
    expect(res.json().today).toBe('2019-12-20');
    const cookie = `paicha_session=${res.cookies.find((c) => c.name === 'paicha_session')?.value}`;
    t.clock.set('2019-12-20T16:30:00Z');
    expect((await t.request('GET', '/api/auth/me', cookie)).json().today).toBe('2019-12-21');
  });

  it('stores passwords as argon2id hashes', async () => {
    const row = await t.ctx.db
      .selectFrom('users')
      .select('password_hash')
      .where('username', '=', 'admin')
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a wrong password and an unknown user alike', async () => {
    const a = await t.request('POST', '/api/auth/login', undefined, {
      username: 'admin',
      password: 'wrong-password',
    });
    const b = await t.request('POST', '/api/auth/login', undefined, {
      username: 'nobody',
      password: 'wrong-password',
    });
    expect([a.statusCode, b.statusCode]).toEqual([401, 401]);
    expect(a.json()).toEqual(b.json());
    expect(a.json().error.code).toBe('invalid_credentials');
  });

  it('ends a session on logout and on expiry', async () => {
    const cookie = await t.login('admin', ADMIN_PASSWORD);
    expect((await t.request('POST', '/api/auth/logout', cookie)).statusCode).toBe(200);
    expect((await t.request('GET', '/api/auth/me', cookie)).statusCode).toBe(401);

    const fresh = await t.login('admin', ADMIN_PASSWORD);
    t.clock.set(new Date(t.clock.now().getTime() + 13 * 3_600_000).toISOString());
    expect((await t.request('GET', '/api/auth/me', fresh)).statusCode).toBe(401);
  });

  it('changes a password only with the current one, and signs out other sessions', async () => {
    const u = await t.userIn('区财政局', 'reporter');
    const other = await t.login(u.username, `${u.username}-password`);
    const wrong = await t.request('POST', '/api/auth/password', u.cookie, {
      currentPassword: 'nope-nope',
      newPassword: 'new-password-1',
    });
    expect(wrong.statusCode).toBe(401);
    const short = await t.request('POST', '/api/auth/password', u.cookie, {
      currentPassword: `${u.username}-password`,
      newPassword: 'short',
    });
    expect(short.statusCode).toBe(400);
    const ok = await t.request('POST', '/api/auth/password', u.cookie, {
      currentPassword: `${u.username}-password`,
      newPassword: 'new-password-1',
    });
    expect(ok.statusCode).toBe(200);
    expect((await t.request('GET', '/api/auth/me', u.cookie)).statusCode).toBe(200);
    expect((await t.request('GET', '/api/auth/me', other)).statusCode).toBe(401);
    await expect(t.login(u.username, 'new-password-1')).resolves.toBeTruthy();
  });

  it('keeps a disabled user out', async () => {
    const admin = await t.login('admin', ADMIN_PASSWORD);
    const u = await t.userIn('朝阳街道', 'reporter');
    expect((await t.request('PATCH', `/api/users/${u.id}`, admin, { active: false })).statusCode).toBe(200);
    expect((await t.request('GET', '/api/auth/me', u.cookie)).statusCode).toBe(401);
    const res = await t.request('POST', '/api/auth/login', undefined, {
      username: u.username,
      password: `${u.username}-password`,
    });
    expect(res.statusCode).toBe(401);
  });

  it('writes every sign-in and password change to an unbroken audit chain', async () => {
    const actions = await t.ctx.db.selectFrom('audit_log').select('action').execute();
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['auth.login', 'auth.password_changed', 'user.update']),
    );
    expect(await verifyAuditChain(t.ctx.db)).toBeNull();
  });
});
