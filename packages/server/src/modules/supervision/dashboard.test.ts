// The dashboard against the seeded scenario (today 2020-03-02): the ledger's own counts by
// category and unit, the weekly burn-down with its ideal line, and timeliness from the grid.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/databases.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { type Scenario, seedScenario } from '../../test/supervision-scenario.js';
import { checkItemId, insertProblem } from '../../test/tables.js';

interface Figures {
  found: number;
  closed: number;
  overdue: number;
}

describe.each(DIALECTS)('office dashboard on %s', (dialect) => {
  let t: TestApp;
  let s: Scenario;
  let admin: string;
  let d: Awaited<ReturnType<typeof load>>;
  const load = async (cookie: string) => {
    const res = await t.request('GET', `/api/supervision/dashboard?campaignId=${s.campaignId}`, cookie);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  beforeAll(async () => {
    t = await startTestApp(dialect);
    s = await seedScenario(t);
    admin = await s.admin();
    d = await load(admin);
  });
  afterAll(() => t.close());

  it('is for the office, leaders and inspectors only', async () => {
    const leader = await t.userIn('区领导小组办公室', 'leader');
    expect((await load(leader.cookie)).totals).toEqual(d.totals);
    const unit = await t.userIn('中云街道', 'unit_head');
    const res = await t.request('GET', `/api/supervision/dashboard?campaignId=${s.campaignId}`, unit.cookie);
    expect(res.statusCode).toBe(403);
  });

  it('counts found, closed and overdue by unit and by category exactly as the ledger does', async () => {
    const byStatus = await t.ctx.db
      .selectFrom('problems')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('campaign_id', '=', s.campaignId)
      .groupBy('status')
      .execute();
    const status = (st: string) => Number(byStatus.find((r) => r.status === st)?.n ?? 0);
    expect(d.totals).toEqual({
      found: 18,
      closed: 9,
      overdue: 6,
      awaitingReview: 1,
      // 整改中 is only the problems in progress; 待整改 and 已退回 are counted on their own.
      pending: status('pending'),
      inProgress: status('rectifying'),
      returned: status('returned'),
      open: 9,
      closureRate: 0.5,
    });
    expect(d.totals.pending + d.totals.inProgress + d.totals.returned + d.totals.awaitingReview).toBe(9);
    expect(d.totals.inProgress).toBeLessThan(8);
    // The office's 成效不明显 threshold colours the closure rate (60% unless changed).
    expect(d.closureRateBelow).toBe(60);
    const byUnit = (await t.request('GET', `/api/problems/counts?campaignId=${s.campaignId}`, admin)).json();
    expect(
      d.units.map((u: Figures & { unit: { name: string } }) => [u.unit.name, u.found, u.closed, u.overdue]),
    ).toEqual(byUnit.map((c: Figures & { label: string }) => [c.label, c.found, c.closed, c.overdue]));
    const items = (await t.request('GET', `/api/campaigns/${s.campaignId}/check-items`, admin)).json();
    const byItem = (
      await t.request('GET', `/api/problems/counts?campaignId=${s.campaignId}&groupBy=item`, admin)
    ).json();
    const categoryOf = (seq: number) => items.find((i: { seq: number }) => i.seq === seq).category;
    for (const c of d.categories as (Figures & { category: string })[]) {
      const rows = byItem.filter((r: { key: number }) => categoryOf(r.key) === c.category);
      const sum = (k: keyof Figures) => rows.reduce((n: number, r: Figures) => n + r[k], 0);
      expect([c.category, c.found, c.closed, c.overdue]).toEqual([
        c.category,
        sum('found'),
        sum('closed'),
        sum('overdue'),
      ]);
    }
    expect(d.categories.map((c: Figures) => [c.found, c.closed, c.overdue])).toEqual([
      [2, 2, 0],
      [5, 2, 2],
      [11, 5, 4],
      [0, 0, 0],
    ]);
  });

  it('draws the weekly burn-down of open problems toward 05-31 with the ideal line', () => {
    // Ideal = (found by the week's end − closed before the phase) × days left ÷ 152 days of the
    // phase: the problem recorded in January raises the line from 16 to 17 problems to close.
    const { trend } = d;
    expect(trend).toMatchObject({
      rectificationStart: '2020-01-01',
      rectificationDue: '2020-05-31',
      baseline: { day: '2019-12-31', open: 16 },
    });
    const at = (w: string) => trend.points.find((p: { weekEnd: string }) => p.weekEnd === w);
    expect(trend.points).toHaveLength(27);
    expect(trend.points[0].weekEnd).toBe('2019-12-01');
    expect(at('2019-12-15')).toEqual({
      weekEnd: '2019-12-15',
      asOf: '2019-12-15',
      found: 0,
      closed: 0,
      open: 0,
      ideal: null,
    });
    expect(at('2019-12-22')).toMatchObject({ found: 16, closed: 0, open: 16, ideal: null });
    expect(at('2020-01-05')).toMatchObject({ found: 16, ideal: 15.5 }); // 16 × 147/152, as before
    expect(at('2020-01-12')).toMatchObject({ found: 17, closed: 1, open: 16, ideal: 15.7 }); // 17 × 140/152
    expect(at('2020-03-08')).toMatchObject({ asOf: '2020-03-02', found: 18, closed: 9, open: 9, ideal: 9.9 });
    // Weeks to come take today's total: 18 × 77/152.
    expect(at('2020-03-15')).toMatchObject({ asOf: null, open: null, ideal: 9.1 });
    expect(at('2020-05-31')).toMatchObject({ open: null, ideal: 0 });
  });

  it('shows monthly reporting timeliness per unit from the reports grid', async () => {
    const grid = (await t.request('GET', `/api/campaigns/${s.campaignId}/monthly-reports`, admin)).json();
    expect(d.timeliness.overall).toEqual(grid.overall);
    const zy = d.timeliness.units.find((u: { unit: { name: string } }) => u.unit.name === '中云街道');
    expect(zy).toMatchObject({ expected: 2, onTime: 1, late: 1, missing: 0, timelinessRate: 0.5 });
    const cy = d.timeliness.units.find((u: { unit: { name: string } }) => u.unit.name === '朝阳街道');
    expect(cy).toMatchObject({ expected: 2, onTime: 0, late: 0, missing: 2 });
  });

  it('puts a problem recorded at 00:30 China time into the day it was recorded in China', async () => {
    await insertProblem(t, {
      campaign_id: s.campaignId,
      check_item_id: await checkItemId(t, s.campaignId, 13),
      unit_id: s.unit('中云街道'),
      description: '夜里录入',
      found_date: '2020-01-12',
      mode: '立行立改',
      deadline: null,
      // 2020-01-13 00:30 in China: the week ending 01-12 must not count it.
      created_at: '2020-01-12T16:30:00.000Z',
    });
    const after = await load(admin);
    const at = (w: string) => after.trend.points.find((p: { weekEnd: string }) => p.weekEnd === w);
    expect(at('2020-01-12')).toMatchObject({ found: 17, open: 16 });
    expect(at('2020-01-19')).toMatchObject({ found: 18 });
  });
});
