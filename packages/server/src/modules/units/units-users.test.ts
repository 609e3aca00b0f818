import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/databases.js';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../../test/harness.js';

describe.each(DIALECTS)('units and users on %s', (dialect) => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await t.login('admin', ADMIN_PASSWORD);
  });
  afterAll(() => t.close());

  it('seeds the office, the five departments of the plan and four example streets', async () => {
    const units = (await t.request('GET', '/api/units', admin)).json();
    expect(units.map((u: { name: string; kind: string }) => `${u.kind}:${u.name}`)).toEqual([
      'office:区领导小组办公室',
      'department:区财政局',
      'department:区住建局',
      'department:区社会事业局',
      'department:区人社局',
      'department:资源分局',
      'street:中云街道',
      'street:猴嘴街道',
      'street:朝阳街道',
      'street:宋跳街道',
    ]);
  });

  it('lets the office add, rename and remove a street, with the change audited', async () => {
    const created = await t.request('POST', '/api/units', admin, { name: '浦西街道', kind: 'street' });
    expect(created.statusCode).toBe(200);
    const id = created.json().id;
    const dup = await t.request('POST', '/api/units', admin, { name: '浦西街道', kind: 'street' });
    expect(dup.statusCode).toBe(409);
    const renamed = await t.request('PATCH', `/api/units/${id}`, admin, { name: '新浦街道' });
    expect(renamed.json().name).toBe('新浦街道');
    // An empty PATCH (or one of unknown fields only) changes nothing, audits nothing (was a 500).
    const unchanged = await t.request('PATCH', `/api/units/${id}`, admin, { campaignId: 1 });
    expect(unchanged.statusCode).toBe(200);
    expect(unchanged.json()).toMatchObject({ id, name: '新浦街道' });
    expect((await t.request('DELETE', `/api/units/${id}`, admin)).statusCode).toBe(200);
    expect((await t.request('DELETE', `/api/units/${id}`, admin)).statusCode).toBe(404);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'unit')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['unit.create', 'unit.update', 'unit.delete']);
  });

  it('refuses to remove the office or a unit that still has users', async () => {
    const units = (await t.request('GET', '/api/units', admin)).json() as { id: number; name: string }[];
    const office = units.find((u) => u.name === '区领导小组办公室');
    const res = await t.request('DELETE', `/api/units/${office?.id}`, admin);
    expect(res.statusCode).toBe(409);
    const u = await t.userIn('猴嘴街道', 'reporter');
    const houzui = units.find((x) => x.name === '猴嘴街道');
    const busy = await t.request('DELETE', `/api/units/${houzui?.id}`, admin);
    expect(busy.statusCode).toBe(409);
    expect(busy.json().error.message).toContain('用户');
    expect((await t.request('GET', '/api/auth/me', u.cookie)).statusCode).toBe(200);
  });

  it('manages users: create, edit, reset password; usernames unique; roles fit units', async () => {
    const units = (await t.request('GET', '/api/units', admin)).json() as { id: number; name: string }[];
    const street = units.find((u) => u.name === '宋跳街道');
    const office = units.find((u) => u.name === '区领导小组办公室');
    const body = {
      username: 'songtiao1',
      displayName: '宋跳填报员',
      unitId: street?.id,
      role: 'reporter',
      password: 'songtiao-pass',
    };
    const created = await t.request('POST', '/api/users', admin, body);
    expect(created.statusCode).toBe(200);
    expect(created.json()).toMatchObject({
      username: 'songtiao1',
      unit: { name: '宋跳街道' },
      role: 'reporter',
      active: true,
    });
    expect(created.json()).not.toHaveProperty('password_hash');
    expect((await t.request('POST', '/api/users', admin, body)).statusCode).toBe(409);
    const misfit = await t.request('POST', '/api/users', admin, {
      ...body,
      username: 'x-admin',
      role: 'admin',
    });
    expect(misfit.statusCode).toBe(400);
    const leader = await t.request('POST', '/api/users', admin, {
      ...body,
      username: 'leader1',
      role: 'leader',
      unitId: office?.id,
    });
    expect(leader.statusCode).toBe(200);

    const id = created.json().id;
    const edited = await t.request('PATCH', `/api/users/${id}`, admin, {
      role: 'unit_head',
      displayName: '宋跳负责人',
    });
    expect(edited.json()).toMatchObject({ role: 'unit_head', displayName: '宋跳负责人' });
    expect(
      (await t.request('POST', `/api/users/${id}/password`, admin, { password: 'reset-pass-2' })).statusCode,
    ).toBe(200);
    await expect(t.login('songtiao1', 'reset-pass-2')).resolves.toBeTruthy();
    const list = (await t.request('GET', '/api/users', admin)).json() as { username: string }[];
    expect(list.map((u) => u.username)).toEqual(expect.arrayContaining(['admin', 'songtiao1', 'leader1']));
  });

  it('keeps the admin from locking themselves out', async () => {
    const me = (await t.request('GET', '/api/auth/me', admin)).json().user;
    const res = await t.request('PATCH', `/api/users/${me.id}`, admin, { active: false });
    expect(res.statusCode).toBe(409);
  });

  it('gives every non-admin 403 on unit and user management', async () => {
    for (const role of ['leader', 'inspector'] as const) {
      const u = await t.userIn('区领导小组办公室', role);
      expect((await t.request('GET', '/api/users', u.cookie)).statusCode).toBe(403);
      expect(
        (await t.request('POST', '/api/units', u.cookie, { name: '某某街道', kind: 'street' })).statusCode,
      ).toBe(403);
    }
    for (const role of ['unit_head', 'reporter'] as const) {
      const u = await t.userIn('中云街道', role);
      expect((await t.request('GET', '/api/users', u.cookie)).statusCode).toBe(403);
      expect((await t.request('POST', '/api/users', u.cookie, {})).statusCode).toBe(403);
      expect((await t.request('DELETE', '/api/units/1', u.cookie)).statusCode).toBe(403);
    }
  });
});
