// A screening run is a 交办 like any other hand-off: each street given findings (new, found
// again, or routed to it now) gets one notice in the run's transaction; a street given nothing new
// gets none. So is the office re-mapping a place name: the street receiving its findings and the
// street losing them are both told. Both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/databases.js';
import { routedFinding, syncRun } from '../../../test/findings.js';
import { type LedgerApp, startLedgerApp } from '../../../test/problems.js';
import { unitIdByName } from '../../../test/tables.js';
import { insertPlace } from '../places/places.repository.js';

describe.each(DIALECTS)('notices of a screening run on %s', (dialect) => {
  let L: LedgerApp;
  let zhongyun: number;
  let houzui: number;
  beforeAll(async () => {
    L = await startLedgerApp(dialect);
    zhongyun = await unitIdByName(L.t, '中云街道');
    houzui = await unitIdByName(L.t, '猴嘴街道');
  });
  afterAll(async () => L?.t.close());

  const noticesOf = (unitId: number) =>
    L.t.ctx.db
      .selectFrom('notifications')
      .select(['title', 'body', 'link', 'entity_id as entityId'])
      .where('unit_id', '=', unitId)
      .where('kind', '=', 'assigned')
      .orderBy('id')
      .execute();
  const incomes = (n: number, from = 1) =>
    Array.from({ length: n }, (_, i) => routedFinding('income_below_line', `Z${from + i}`, zhongyun));

  it('tells each street what a run filed with it, once, and nothing when nothing is new', async () => {
    const { t, campaignId } = L;
    const water = routedFinding('no_safe_water', 'Z1', zhongyun);
    const elsewhere = routedFinding('income_below_line', 'H1', houzui, { township: '猴嘴街道' });
    const rules = ['income_below_line', 'no_safe_water'] as const;
    await syncRun(t, campaignId, [...incomes(3), water, elsewhere], [...rules]);

    const [z] = await noticesOf(zhongyun);
    expect(z?.title).toBe('【交办】数据比对：本次比对向本单位交办4条问题线索');
    expect(z?.body).toContain('已列入本单位2个数据比对问题');
    expect(z?.link).toBe(`/problems?source=${encodeURIComponent('数据比对')}`);
    const [h] = await noticesOf(houzui);
    expect(h?.title).toContain('交办1条问题线索');
    expect(h?.link).toBe(`/problems/${h?.entityId}`);

    // The street reads it in its bell; another street's notice is not among them.
    const mine = (await t.request('GET', '/api/notifications?unread=1', L.reporter.cookie)).json();
    const titles = mine.items.map((n: { title: string }) => n.title);
    expect(titles).toContain(z?.title);
    expect(titles).not.toContain(h?.title);

    // The same findings again: nothing new, no notice. Two more for 中云: one notice of 2.
    await syncRun(t, campaignId, [...incomes(3), water, elsewhere], [...rules]);
    expect(await noticesOf(zhongyun)).toHaveLength(1);
    await syncRun(t, campaignId, [...incomes(5), water, elsewhere], [...rules]);
    const after = await noticesOf(zhongyun);
    expect(after).toHaveLength(2);
    expect(after[1]?.title).toContain('交办2条问题线索');
    expect(await noticesOf(houzui)).toHaveLength(1);
  });

  it('tells the street losing a re-mapped place its findings and the street receiving them', async () => {
    const { t, campaignId, admin } = L;
    const at = t.clock.now().toISOString();
    const xinba = ['X1', 'X2'].map((h) =>
      routedFinding('no_safe_water', h, zhongyun, { township: '新坝乡' }),
    );
    await syncRun(
      t,
      campaignId,
      [routedFinding('no_safe_water', 'Z1', zhongyun), ...xinba],
      ['no_safe_water'],
    );
    await insertPlace(t.ctx.db, { name: '新坝乡', unitId: zhongyun, households: 2, at });
    const place = (await t.request('GET', '/api/households/places?status=all', admin))
      .json()
      .find((p: { name: string }) => p.name === '新坝乡');
    const kept = await t.ctx.db
      .selectFrom('problems')
      .select('id')
      .where('unit_id', '=', zhongyun)
      .where('finding_rule', '=', 'no_safe_water')
      .executeTakeFirstOrThrow();

    const res = await t.request('POST', `/api/households/places/${place.id}`, admin, { unitId: houzui });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().routed).toBe(2);
    const notices = (unitId: number, kind: 'assigned' | 'reassigned') =>
      t.ctx.db
        .selectFrom('notifications')
        .select(['title', 'body', 'link', 'entity_id as entityId', 'created_by as by'])
        .where('unit_id', '=', unitId)
        .where('kind', '=', kind)
        .where('title', 'like', '%新坝乡%')
        .execute();
    const [lost, ...moreLost] = await notices(zhongyun, 'reassigned');
    expect(moreLost).toEqual([]);
    expect(lost?.title).toBe('【改交】地名“新坝乡”的2条问题线索已改由猴嘴街道整改');
    expect(lost?.body).toContain('2019年12月20日将地名“新坝乡”改为对应猴嘴街道');
    expect(lost?.body).toContain(`涉及本单位的数据比对问题：${kept.id}`);
    expect(lost).toMatchObject({ entityId: kept.id, link: '/problems' });
    const [got, ...moreGot] = await notices(houzui, 'assigned');
    expect(moreGot).toEqual([]);
    expect(got?.title).toBe('【交办】地名“新坝乡”改为对应本单位，交办2条问题线索');
    expect(got?.link).toBe(`/problems/${got?.entityId}`);
    expect(got?.by).not.toBeNull();
    // The receiving street reads it in its bell; the losing street's is in its own.
    const houzuiUser = await t.userIn('猴嘴街道', 'reporter');
    const bell = (await t.request('GET', '/api/notifications?unread=1', houzuiUser.cookie)).json();
    expect(bell.items.map((n: { title: string }) => n.title)).toContain(got?.title);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'household.place_resolve')
      .execute();
    expect(audit).toHaveLength(1);

    // Mapping it to the same street again moves nothing and tells nobody.
    const again = await t.request('POST', `/api/households/places/${place.id}`, admin, { unitId: houzui });
    expect(again.json().routed).toBe(0);
    expect(await notices(zhongyun, 'reassigned')).toHaveLength(1);
    expect(await notices(houzui, 'assigned')).toHaveLength(1);
  });
});
