import { PLAN_CHECK_ITEMS } from '@paicha/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/databases.js';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../../test/harness.js';

type Item = {
  seq: number;
  category: string;
  subCategory: string;
  content: string;
  unitsText: string;
  units: { id: number; name: string }[];
};

describe.each(DIALECTS)('the plan campaign on %s', (dialect) => {
  let t: TestApp;
  let admin: string;
  let campaignId: number;
  beforeAll(async () => {
    t = await startTestApp(dialect, { now: '2019-12-20T02:00:00Z' });
    admin = await t.login('admin', ADMIN_PASSWORD);
    campaignId = (await t.request('GET', '/api/campaigns', admin)).json()[0].id;
  });
  afterAll(() => t.close());

  it('is loaded on first start with its title, 文号, phases and deadlines', async () => {
    const list = (await t.request('GET', '/api/campaigns', admin)).json();
    expect(list).toEqual([expect.objectContaining({ id: campaignId, title: '开发区脱贫攻坚问题大排查' })]);
    const c = (await t.request('GET', `/api/campaigns/${campaignId}`, admin)).json();
    expect(c.basisDocuments.map((d: { docNumber: string }) => d.docNumber)).toEqual([
      '苏扶办﹝2019﹞60号',
      '连扶组办〔2019〕7号',
    ]);
    expect(c.phases).toHaveLength(4);
    expect(c.milestones.map((m: { dueDate: string }) => m.dueDate)).toEqual([
      '2019-12-15',
      '2019-12-24',
      '2020-01-04',
      '2020-02-04',
      '2020-03-04',
      '2020-04-04',
      '2020-05-04',
      '2020-05-31',
      '2020-06-04',
      '2020-06-30',
    ]);
  });

  it('serves the 37 check items in 序号 order in the contract shape, with real units', async () => {
    const items = (
      await t.request('GET', `/api/campaigns/${campaignId}/check-items`, admin)
    ).json() as Item[];
    expect(items.map((i) => i.seq)).toEqual(PLAN_CHECK_ITEMS.map((i) => i.seq));
    expect(items.map((i) => i.content)).toEqual(PLAN_CHECK_ITEMS.map((i) => i.content));
    expect(items[0]).toMatchObject({ seq: 1, category: '三落实', subCategory: '责任落实' });
    expect(items[0]?.units.map((u) => u.name)).toEqual(['中云街道', '猴嘴街道', '朝阳街道', '宋跳街道']);
    expect(items[6]?.units.map((u) => u.name)).toEqual(['区住建局', '区社会事业局']);
    expect(items[36]?.units).toHaveLength(9);
  });

  it('shows today, the current phase and the deadlines ahead', async () => {
    const o = (await t.request('GET', `/api/campaigns/${campaignId}/overview`, admin)).json();
    expect(o.today).toBe('2019-12-20');
    expect(o.currentPhaseSeq).toBe(2);
    expect(o.upcoming[0]).toMatchObject({ milestone: { dueDate: '2019-12-15' }, daysLeft: -5 });
    expect(o.upcoming[1]).toMatchObject({ milestone: { dueDate: '2019-12-24' }, daysLeft: 4 });
  });

  it("gives a street reporter its own items only, and 404 for another street's task list", async () => {
    const r = await t.userIn('中云街道', 'reporter');
    const me = (await t.request('GET', '/api/auth/me', r.cookie)).json().user;
    const mine = (
      await t.request('GET', `/api/campaigns/${campaignId}/check-items?mine=1`, r.cookie)
    ).json() as Item[];
    const all = (
      await t.request('GET', `/api/campaigns/${campaignId}/check-items`, r.cookie)
    ).json() as Item[];
    const expected = all.filter((i) => i.units.some((u) => u.name === '中云街道')).map((i) => i.seq);
    expect(mine.map((i) => i.seq)).toEqual(expected);
    expect(mine.length).toBe(32); // every item but 3, 5, 6, 7 and 11
    const own = await t.request(
      'GET',
      `/api/campaigns/${campaignId}/units/${me.unit.id}/check-items`,
      r.cookie,
    );
    expect(own.json().map((i: Item) => i.seq)).toEqual(expected);

    const units = (await t.request('GET', '/api/units', r.cookie)).json() as { id: number; name: string }[];
    const other = units.find((u) => u.name === '猴嘴街道');
    const denied = await t.request(
      'GET',
      `/api/campaigns/${campaignId}/units/${other?.id}/check-items`,
      r.cookie,
    );
    const missing = await t.request('GET', `/api/campaigns/${campaignId}/units/99999/check-items`, r.cookie);
    expect(denied.statusCode).toBe(404);
    expect(denied.json()).toEqual(missing.json());
    // The office and leaders see any unit's list.
    const leader = await t.userIn('区领导小组办公室', 'leader');
    expect(
      (await t.request('GET', `/api/campaigns/${campaignId}/units/${other?.id}/check-items`, leader.cookie))
        .statusCode,
    ).toBe(200);
  });

  it('lets a department see its sector items only', async () => {
    const r = await t.userIn('区财政局', 'unit_head');
    const mine = (
      await t.request('GET', `/api/campaigns/${campaignId}/check-items?mine=1`, r.cookie)
    ).json() as Item[];
    expect(mine.map((i) => i.seq)).toEqual([3, 5, 11, 16, 37]);
  });

  it('lets the office edit an item and reassign its units; others get 403', async () => {
    // The campaign has started (2019-12-20): an edit of its structure says why.
    const noReason = await t.request('PATCH', `/api/campaigns/${campaignId}/check-items/6`, admin, {
      content: '是否加快推进街村公路建设（修订）。',
    });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().error.message).toContain('须填写修改原因');
    const patched = await t.request('PATCH', `/api/campaigns/${campaignId}/check-items/6`, admin, {
      content: '是否加快推进街村公路建设（修订）。',
      reason: '按区领导小组意见修订',
    });
    expect(patched.json()).toMatchObject({ seq: 6, content: '是否加快推进街村公路建设（修订）。' });
    const units = (await t.request('GET', '/api/units', admin)).json() as { id: number; name: string }[];
    const ids = units.filter((u) => ['区住建局', '中云街道'].includes(u.name)).map((u) => u.id);
    const assigned = await t.request('PUT', `/api/campaigns/${campaignId}/check-items/6/units`, admin, {
      unitIds: ids,
      reason: '调整责任分工',
    });
    expect(
      assigned
        .json()
        .units.map((u: { name: string }) => u.name)
        .sort(),
    ).toEqual(['中云街道', '区住建局'].sort());
    expect(assigned.json().unitsText).toBe('中云街道\n区住建局');
    const bad = await t.request('PUT', `/api/campaigns/${campaignId}/check-items/6/units`, admin, {
      unitIds: [99999],
      reason: '调整责任分工',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      (
        await t.request('PATCH', `/api/campaigns/${campaignId}/check-items/99`, admin, {
          content: 'x',
          reason: '修订',
        })
      ).statusCode,
    ).toBe(404);

    const r = await t.userIn('中云街道', 'unit_head');
    expect(
      (await t.request('PATCH', `/api/campaigns/${campaignId}/check-items/6`, r.cookie, { content: 'x' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await t.request('PUT', `/api/campaigns/${campaignId}/check-items/6/units`, r.cookie, { unitIds: [] }))
        .statusCode,
    ).toBe(403);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'check_item')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['check_item.update', 'check_item.assign_units']);
  });

  it('creates a new campaign from the template with every date shifted', async () => {
    const res = await t.request('POST', '/api/campaigns', admin, {
      title: '2027年问题大排查',
      startDate: '2026-11-30',
    });
    expect(res.statusCode).toBe(200);
    const c = res.json();
    expect(c.phases[0]).toMatchObject({ startDate: '2026-11-30' });
    expect(c.milestones.find((m: { kind: string }) => m.kind === 'problem_list').dueDate).toBe('2026-12-26');
    const items = (await t.request('GET', `/api/campaigns/${c.id}/check-items`, admin)).json() as Item[];
    expect(items).toHaveLength(37);
    // The new campaign starts from the plan, not from the edits made to the first one.
    expect(items[5]?.content).toBe(PLAN_CHECK_ITEMS[5]?.content);
    const bad = await t.request('POST', '/api/campaigns', admin, {
      title: '坏日期',
      startDate: '2026-02-30',
    });
    expect(bad.statusCode).toBe(400);
    expect((await t.request('GET', '/api/campaigns/99999', admin)).statusCode).toBe(404);
  });

  it('refuses a start date whose shifted plan would leave four-digit years (its overview answered 500)', async () => {
    for (const startDate of ['9999-12-31', '1999-12-31', '2100-01-01']) {
      const res = await t.request('POST', '/api/campaigns', admin, { title: '远期活动', startDate });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toContain('2000-01-01 至 2099-12-31');
    }
  });
});
