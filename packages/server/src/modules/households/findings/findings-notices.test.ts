// A screening run is a 交办 like any other hand-off: each street given findings (new, found
// again, or routed to it now) gets one notice in the run's transaction; a street given nothing new
// gets none. Both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/databases.js';
import { routedFinding, syncRun } from '../../../test/findings.js';
import { type LedgerApp, startLedgerApp } from '../../../test/problems.js';
import { unitIdByName } from '../../../test/tables.js';

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
});
