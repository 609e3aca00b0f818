import type { CreateInspectionBody } from '@paicha/core/api/inspections';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { DIALECTS } from '../../test/databases.js';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../../test/harness.js';
import { firstCampaignId } from '../../test/problems.js';

describe.each(DIALECTS)('明察暗访 on %s', (dialect) => {
  let t: TestApp;
  let admin: string;
  let campaignId: number;
  let unitId: (name: string) => number;
  beforeAll(async () => {
    t = await startTestApp(dialect, { now: '2020-01-15T02:00:00Z' });
    admin = await t.login('admin', ADMIN_PASSWORD);
    campaignId = await firstCampaignId(t, admin);
    const units = (await t.request('GET', '/api/units', admin)).json() as { id: number; name: string }[];
    unitId = (name) => units.find((u) => u.name === name)?.id ?? 0;
  });
  afterAll(() => t.close());

  const visit = (cookie: string, overrides: Partial<z.input<typeof CreateInspectionBody>> = {}) =>
    t.request('POST', '/api/inspections', cookie, {
      campaignId,
      unitId: unitId('中云街道'),
      visitDate: '2020-01-14',
      place: '东风村',
      visitType: '暗访',
      inspectors: '张某、李某',
      findings: '抽查5户，2户帮扶手册未填写',
      ...overrides,
    });

  it('lets the office and inspectors record visits, not the units', async () => {
    expect((await visit(admin)).statusCode).toBe(200);
    const inspector = await t.userIn('区领导小组办公室', 'inspector');
    expect((await visit(inspector.cookie, { visitType: '明察' })).statusCode).toBe(200);
    const street = await t.userIn('中云街道', 'unit_head');
    expect((await visit(street.cookie)).statusCode).toBe(403);
    expect((await visit(admin, { visitDate: '2020-02-01' })).statusCode).toBe(400);
    expect((await visit(admin, { unitId: unitId('区领导小组办公室') })).statusCode).toBe(400);
    // A campaign that does not exist is a 404, not a foreign-key failure (was 500).
    const noCampaign = await visit(admin, { campaignId: 999_999 });
    expect(noCampaign.statusCode).toBe(404);
    expect(noCampaign.json().error.code).toBe('not_found');
  });

  it('turns a finding into a problem 交办 to the visited unit, source 明察暗访', async () => {
    const v = (await visit(admin)).json();
    const res = await t.request('POST', `/api/inspections/${v.id}/problems`, admin, {
      checkItem: 19,
      description: '2户《帮扶手册》未填写帮扶措施',
      foundDate: '2020-01-14',
      mode: '限期整改',
      deadline: '2020-02-15',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().problem).toMatchObject({
      source: '明察暗访',
      unit: { name: '中云街道' },
      checkItem: 19,
    });
    const after = (await t.request('GET', `/api/inspections/${v.id}`, admin)).json();
    expect(after.problems).toEqual([
      expect.objectContaining({ checkItem: 19, status: 'pending', deadline: '2020-02-15', overdue: false }),
    ]);
    // The visit cannot be deleted once it produced a problem; an empty one can.
    expect((await t.request('DELETE', `/api/inspections/${v.id}`, admin)).statusCode).toBe(409);
    const empty = (await visit(admin)).json();
    expect((await t.request('DELETE', `/api/inspections/${empty.id}`, admin)).statusCode).toBe(200);
  });

  it('shows a street the visits to it and nothing of another street', async () => {
    const houzui = (await visit(admin, { unitId: unitId('猴嘴街道'), findings: '猴嘴的发现' })).json();
    const zy = await t.userIn('中云街道', 'reporter');
    const list = (await t.request('GET', '/api/inspections', zy.cookie)).json() as {
      unit: { name: string };
    }[];
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((v) => v.unit.name === '中云街道')).toBe(true);
    const denied = await t.request('GET', `/api/inspections/${houzui.id}`, zy.cookie);
    expect(denied.statusCode).toBe(404);
    expect(
      (
        await t.request('PATCH', `/api/inspections/${houzui.id}`, zy.cookie, {
          findings: 'x',
          version: houzui.version,
        })
      ).statusCode,
    ).toBe(403);
    const edited = await t.request('PATCH', `/api/inspections/${houzui.id}`, admin, {
      findings: '复核后更新',
      version: houzui.version,
    });
    expect(edited.json()).toMatchObject({ findings: '复核后更新', version: houzui.version + 1 });
    // A second editor still holding the old version is refused, and nothing of theirs is stored.
    const stale = await t.request('PATCH', `/api/inspections/${houzui.id}`, admin, {
      findings: '另一人的修改',
      version: houzui.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    expect((await t.request('GET', `/api/inspections/${houzui.id}`, admin)).json().findings).toBe(
      '复核后更新',
    );
    const future = await t.request('PATCH', `/api/inspections/${houzui.id}`, admin, {
      visitDate: '2099-01-01',
      version: houzui.version + 1,
    });
    expect(future.statusCode).toBe(400);
  });
});
