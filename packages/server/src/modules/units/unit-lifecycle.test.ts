// Units over a campaign's life: one added later takes the items its kind is named for in every
// campaign not yet ended; one leaving is deactivated, its open work handed on or kept, never lost.
import { PLAN_CHECK_ITEMS } from '@paicha/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/databases.js';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../../test/harness.js';
import { auditActions, checkItemId, insertProblem, unitIdByName } from '../../test/tables.js';

const day = (d: string) => `${d}T02:00:00Z`;
const seqsNaming = (...phrases: string[]) =>
  PLAN_CHECK_ITEMS.filter((i) => phrases.some((p) => i.unitsText.split('\n').includes(p))).map((i) => i.seq);

describe.each(DIALECTS)('units added later and deactivated on %s', (dialect) => {
  let t: TestApp;
  let admin: string;
  let plan: number; // 2019-11-28 … 2020-06-30
  let next: number; // starts 2020-11-26
  beforeAll(async () => {
    t = await startTestApp(dialect, { now: day('2019-12-20') });
    admin = await t.login('admin', ADMIN_PASSWORD);
    plan = (await t.request('GET', '/api/campaigns', admin)).json()[0].id;
    next = (
      await t.request('POST', '/api/campaigns', admin, { title: '第二轮', startDate: '2020-11-26' })
    ).json().id;
  });
  afterAll(() => t.close());

  const seqsOf = async (campaignId: number, unitId: number) =>
    (await t.request('GET', `/api/campaigns/${campaignId}/units/${unitId}/check-items`, admin))
      .json()
      .map((i: { seq: number }) => i.seq);
  const addUnit = async (name: string, kind: 'street' | 'department') => {
    const res = await t.request('POST', '/api/units', admin, { name, kind });
    expect(res.statusCode).toBe(200);
    return res.json().id as number;
  };

  it('gives a street added later every 各街道 item, and a department every 区各相关部门 item, in each running or coming campaign', async () => {
    const street = await addUnit('新坝街道', 'street');
    const streetItems = seqsNaming('各街道');
    expect(streetItems.length).toBeGreaterThan(20);
    expect(await seqsOf(plan, street)).toEqual(streetItems);
    expect(await seqsOf(next, street)).toEqual(streetItems);
    expect(await seqsOf(plan, street)).toEqual(await seqsOf(plan, await unitIdByName(t, '中云街道')));
    const dept = await addUnit('区农业农村局', 'department');
    expect(await seqsOf(plan, dept)).toEqual(seqsNaming('区各相关部门', '区相关部门'));
    // Its 月报 has a row for each of those items.
    const report = await t.request(
      'GET',
      `/api/campaigns/${plan}/monthly-reports/2020-01/units/${street}`,
      admin,
    );
    expect(report.statusCode).toBe(200);
    expect(report.json().rows.map((r: { seq: number }) => r.seq)).toEqual(streetItems);
  });

  it('gives an ended campaign nothing to a unit added after it', async () => {
    t.clock.set(day('2020-07-01'));
    admin = await t.login('admin', ADMIN_PASSWORD);
    const street = await addUnit('后来街道', 'street');
    expect(await seqsOf(plan, street)).toEqual([]);
    expect(await seqsOf(next, street)).toEqual(seqsNaming('各街道'));
    t.clock.set(day('2019-12-20'));
    admin = await t.login('admin', ADMIN_PASSWORD);
  });

  it('states the counts, then moves open problems and items to a street the admin chose', async () => {
    const leaving = await addUnit('撤并街道', 'street');
    const receiving = await unitIdByName(t, '猴嘴街道');
    const item = await checkItemId(t, plan, 13);
    const open = await insertProblem(t, { campaign_id: plan, check_item_id: item, unit_id: leaving });
    const closed = await insertProblem(t, {
      campaign_id: plan,
      check_item_id: item,
      unit_id: leaving,
      status: 'closed',
    });
    const clerk = await t.userIn('撤并街道', 'reporter');
    const items = seqsNaming('各街道').length;
    const workload = await t.request('GET', `/api/units/${leaving}/workload`, admin);
    expect(workload.json()).toEqual({ openProblems: 1, assignments: items * 2, activeUsers: 1 });

    // No choice, a unit of another kind, or people still working there: refused, nothing changes.
    const url = `/api/units/${leaving}/deactivate`;
    expect((await t.request('POST', url, admin, {})).statusCode).toBe(400);
    const dept = await unitIdByName(t, '区财政局');
    expect((await t.request('POST', url, admin, { disposition: 'move', toUnitId: dept })).statusCode).toBe(
      400,
    );
    expect(
      (await t.request('POST', url, admin, { disposition: 'move', toUnitId: receiving })).statusCode,
    ).toBe(409);
    expect((await t.request('PATCH', `/api/users/${clerk.id}`, admin, { active: false })).statusCode).toBe(
      200,
    );
    // Deleting is refused once something was filed for it.
    expect((await t.request('DELETE', `/api/units/${leaving}`, admin)).statusCode).toBe(409);

    const res = await t.request('POST', url, admin, { disposition: 'move', toUnitId: receiving });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: leaving, active: false });
    const owner = async (id: number) =>
      (await t.ctx.db.selectFrom('problems').select('unit_id').where('id', '=', id).executeTakeFirstOrThrow())
        .unit_id;
    expect(await owner(open)).toBe(receiving);
    expect(await owner(closed)).toBe(leaving);
    const events = await t.ctx.db
      .selectFrom('problem_events')
      .select(['kind', 'text'])
      .where('problem_id', '=', open)
      .execute();
    expect(events).toEqual([{ kind: 'assigned', text: '撤并街道停用，交办猴嘴街道' }]);
    expect(await seqsOf(plan, leaving)).toEqual([]);
    expect(await seqsOf(plan, receiving)).toEqual(seqsNaming('各街道'));
    const items1 = (await t.request('GET', `/api/campaigns/${plan}/check-items`, admin)).json();
    expect(items1.find((i: { seq: number }) => i.seq === 1).unitsText).toBe('各街道');
    expect(await auditActions(t, 'unit')).toContain('unit.deactivate');
  });

  it('keeps the open work with a unit deactivated that way, shown as such, and leaves it out of new campaigns', async () => {
    const kept = await addUnit('保留街道', 'street');
    const open = await insertProblem(t, {
      campaign_id: plan,
      check_item_id: await checkItemId(t, plan, 13),
      unit_id: kept,
    });
    const res = await t.request('POST', `/api/units/${kept}/deactivate`, admin, { disposition: 'keep' });
    expect(res.statusCode).toBe(200);
    const listed = (await t.request('GET', '/api/units', admin))
      .json()
      .find((u: { id: number }) => u.id === kept);
    expect(listed).toMatchObject({ name: '保留街道', active: false });
    expect(await seqsOf(plan, kept)).toEqual(seqsNaming('各街道'));
    const p = await t.ctx.db
      .selectFrom('problems')
      .select('unit_id')
      .where('id', '=', open)
      .executeTakeFirstOrThrow();
    expect(p.unit_id).toBe(kept);
    expect(
      (await t.request('POST', `/api/units/${kept}/deactivate`, admin, { disposition: 'keep' })).statusCode,
    ).toBe(409);
    const third = (
      await t.request('POST', '/api/campaigns', admin, { title: '第三轮', startDate: '2021-11-26' })
    ).json().id;
    expect(await seqsOf(third, kept)).toEqual([]);
    // Brought back, it takes part again as the office assigns it.
    const back = await t.request('POST', `/api/units/${kept}/reactivate`, admin);
    expect(back.json()).toMatchObject({ id: kept, active: true });
  });

  it('refuses deactivating the office, and answers only the admin', async () => {
    const office = await unitIdByName(t, '区领导小组办公室');
    expect(
      (await t.request('POST', `/api/units/${office}/deactivate`, admin, { disposition: 'keep' })).statusCode,
    ).toBe(409);
    const head = await t.userIn('中云街道', 'unit_head');
    const street = await unitIdByName(t, '中云街道');
    expect((await t.request('GET', `/api/units/${street}/workload`, head.cookie)).statusCode).toBe(403);
  });
});
