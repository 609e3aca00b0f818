// The dashboard and the scorecard count 数据比对 problems (one per street × rule), and show the
// findings inside them as figures of their own: found, verified, cleared, 不属实 accepted, done.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/databases.js';
import { routedFinding, syncRun } from '../../test/findings.js';
import { type LedgerApp, startLedgerApp } from '../../test/problems.js';
import { unitIdByName } from '../../test/tables.js';

describe.each(DIALECTS)('findings figures beside the problems on %s', (dialect) => {
  let L: LedgerApp;
  let zhongyun: number;
  let houzui: number;
  beforeAll(async () => {
    L = await startLedgerApp(dialect);
    const { t, campaignId } = L;
    zhongyun = await unitIdByName(t, '中云街道');
    houzui = await unitIdByName(t, '猴嘴街道');
    const zy = ['Z1', 'Z2', 'Z3', 'Z4', 'Z5'].map((h) => routedFinding('income_below_line', h, zhongyun));
    const hz = routedFinding('no_safe_water', 'H1', houzui, { township: '猴嘴街道' });
    await syncRun(t, campaignId, [...zy, hz], ['income_below_line', 'no_safe_water']);
    // Z1 no longer found; Z2 checked 属实, Z3 accepted as 不属实, Z4 disputed and waiting.
    await syncRun(t, campaignId, [...zy.slice(1), hz], ['income_below_line', 'no_safe_water']);
    const state = (h: string, verification: 'confirmed' | 'dispute_accepted' | 'disputed') =>
      t.ctx.db.updateTable('findings').set({ verification }).where('household_id', '=', h).execute();
    await state('Z2', 'confirmed');
    await state('Z3', 'dispute_accepted');
    await state('Z4', 'disputed');
  });
  afterAll(async () => L?.t.close());

  it('counts the groups as problems on the dashboard, and the findings apart', async () => {
    const res = await L.t.request('GET', `/api/supervision/dashboard?campaignId=${L.campaignId}`, L.admin);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.totals.found).toBe(2);
    expect(d.units.find((u: { unit: { id: number } }) => u.unit.id === zhongyun).found).toBe(1);
    expect(d.findings.totals).toEqual({ found: 6, verified: 3, cleared: 1, disputeAccepted: 1, done: 2 });
    const byUnit = Object.fromEntries(
      d.findings.units.map((u: { unit: { name: string }; found: number; done: number }) => [
        u.unit.name,
        [u.found, u.done],
      ]),
    );
    expect(byUnit).toEqual({ 中云街道: [5, 2], 猴嘴街道: [1, 0] });
  });

  it('puts each unit’s findings on its scorecard row beside the problems it is scored on', async () => {
    const res = await L.t.request('GET', `/api/supervision/scorecard?campaignId=${L.campaignId}`, L.admin);
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    const row = s.units.find((u: { unit: { id: number } }) => u.unit.id === zhongyun);
    expect(row.figures.found).toBe(1);
    expect(row.findings).toEqual({ found: 5, verified: 3, cleared: 1, disputeAccepted: 1, done: 2 });
    expect(s.units.find((u: { unit: { id: number } }) => u.unit.id === houzui).findings.found).toBe(1);
    expect(s.totals.findings.found).toBe(6);
    expect(s.totals.figures.found).toBe(2);
  });
});
