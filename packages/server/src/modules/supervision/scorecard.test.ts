// Every figure of the scorecard against the seeded scenario (test/supervision-scenario.ts), worked
// out by hand from what the scenario did; then the same period up to today against the ledger's
// own counts and the reports grid.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/databases.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import {
  EXPECTED,
  EXPECTED_GROUPS,
  PERIOD,
  type Scenario,
  seedScenario,
} from '../../test/supervision-scenario.js';

interface Row {
  unit: { id: number; name: string };
  rank: number | null;
  score: number | null;
  figures: Record<string, number>;
  rates: Record<string, number | null>;
  groups: { group: string; reason: string }[];
}

describe.each(DIALECTS)('unit scorecard on %s', (dialect) => {
  let t: TestApp;
  let s: Scenario;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    s = await seedScenario(t);
    admin = await s.admin();
  });
  afterAll(() => t.close());

  const scorecard = async (q: string) => {
    const res = await t.request('GET', `/api/supervision/scorecard?campaignId=${s.campaignId}${q}`, admin);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('shows every unit’s figures, score and rank for the period exactly as the scenario made them', async () => {
    const sc = await scorecard(`&from=${PERIOD.from}&to=${PERIOD.to}`);
    expect(sc.period).toEqual({ ...PERIOD, asOf: PERIOD.to, today: '2020-03-02' });
    expect(sc.reportsDue.map((r: { dueDate: string }) => r.dueDate)).toEqual([
      '2019-12-15',
      '2019-12-24',
      '2020-01-04',
      '2020-02-04',
    ]);
    const got = Object.fromEntries(
      (sc.units as Row[]).map((u) => {
        const f = u.figures;
        return [
          u.unit.name,
          [
            ...[f.expected, f.onTime, f.late, f.missing, f.found, f.closed, f.overdue],
            ...[f.returnedProblems, f.returnedReports, f.submitted, u.score, u.rank],
          ],
        ];
      }),
    );
    expect(got).toEqual(EXPECTED);
    expect((sc.units as Row[]).map((u) => u.rank)).toEqual([1, 2, 3, 4, 5, 6, 6, 6, 6]);
    const zy = (sc.units as Row[]).find((u) => u.unit.name === '中云街道');
    expect(zy?.rates).toEqual({ onTimeRate: 0.5, closureRate: 0.4, overdueRate: 0.4, returnRate: 0.25 });
    expect(sc.totals.figures).toEqual({
      ...{ expected: 36, onTime: 15, late: 4, missing: 17, found: 17, closed: 8, overdue: 7 },
      ...{ returnedProblems: 3, returnedReports: 1, submitted: 14 },
    });
    expect(sc.categories).toEqual([
      { category: '三落实', found: 2, closed: 2, overdue: 0 },
      { category: '三精准', found: 5, closed: 2, overdue: 2 },
      { category: '三保障', found: 10, closed: 4, overdue: 5 },
      { category: '其他方面', found: 0, closed: 0, overdue: 0 },
    ]);
    const groups = Object.fromEntries(
      sc.groups.map((g: { group: string; units: { name: string; reason: string }[] }) => [
        g.group,
        g.units.map((u) => `${u.name}（${u.reason}）`),
      ]),
    );
    expect(groups).toEqual(EXPECTED_GROUPS);
  });

  it('up to today matches the ledger’s own counts and the reports grid', async () => {
    const sc = await scorecard('');
    expect(sc.period).toMatchObject({ from: '2019-11-28', to: '2020-03-02', asOf: '2020-03-02' });
    const counts = (await t.request('GET', `/api/problems/counts?campaignId=${s.campaignId}`, admin)).json();
    for (const c of counts as { label: string; found: number; closed: number; overdue: number }[]) {
      const row = (sc.units as Row[]).find((u) => u.unit.name === c.label);
      expect([c.label, row?.figures.found, row?.figures.closed, row?.figures.overdue]).toEqual([
        c.label,
        c.found,
        c.closed,
        c.overdue,
      ]);
    }
    const grid = (await t.request('GET', `/api/campaigns/${s.campaignId}/monthly-reports`, admin)).json();
    const subs = (await t.request('GET', `/api/campaigns/${s.campaignId}/submissions`, admin)).json();
    for (const u of sc.units as Row[]) {
      const m = grid.units.find((g: { unit: { id: number } }) => g.unit.id === u.unit.id).totals;
      const n = subs.units.find((g: { unit: { id: number } }) => g.unit.id === u.unit.id).totals;
      expect([u.unit.name, u.figures.onTime, u.figures.late, u.figures.missing]).toEqual([
        u.unit.name,
        m.onTime + n.onTime,
        m.late + n.late,
        m.missing + n.missing,
      ]);
    }
    // 猴嘴's late-closed problem is closed today; its newest one is in today's ledger only.
    const hz = (sc.units as Row[]).find((u) => u.unit.name === '猴嘴街道');
    expect(hz?.figures).toMatchObject({ found: 5, closed: 4, overdue: 0, returnedReports: 1 });
    // The return of 2020-03-01 falls into this period.
    expect((sc.units as Row[]).find((u) => u.unit.name === '中云街道')?.figures.returnedProblems).toBe(2);
  });

  it('weights and thresholds come from the office’s settings', async () => {
    const url = '/api/settings/supervision';
    const rules = (await t.request('GET', url, admin)).json();
    expect(rules.weights).toEqual({ onTime: 25, closure: 35, overdue: 25, returns: 15 });
    const unit = await t.userIn('中云街道', 'reporter');
    expect((await t.request('PUT', url, unit.cookie, rules)).statusCode).toBe(403);
    expect(
      (await t.request('GET', `/api/supervision/scorecard?campaignId=${s.campaignId}`, unit.cookie))
        .statusCode,
    ).toBe(403);
    const zero = { ...rules, weights: { onTime: 0, closure: 0, overdue: 0, returns: 0 } };
    expect((await t.request('PUT', url, admin, zero)).statusCode).toBe(400);
    const next = {
      weights: { onTime: 1, closure: 0, overdue: 0, returns: 0 },
      thresholds: { ...rules.thresholds, overdueAtLeast: 1 },
    };
    expect((await t.request('PUT', url, admin, next)).statusCode).toBe(200);
    const sc = await scorecard(`&from=${PERIOD.from}&to=${PERIOD.to}`);
    const zy = (sc.units as Row[]).find((u) => u.unit.name === '中云街道');
    expect(zy?.score).toBe(50);
    expect(sc.groups[0].units.map((u: { name: string }) => u.name)).toEqual([
      '中云街道',
      '猴嘴街道',
      '朝阳街道',
    ]);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'settings.supervision')
      .execute();
    expect(audit).toHaveLength(1);
    await t.request('PUT', url, admin, rules);
  });

  it('exports the scorecard as a workbook with the same figures', async () => {
    const res = await t.request(
      'GET',
      `/api/supervision/scorecard/export?campaignId=${s.campaignId}&from=${PERIOD.from}&to=${PERIOD.to}`,
      admin,
    );
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no worksheet');
    expect(ws.getCell('A1').value).toBe('各单位问题大排查整改工作评分排名表');
    const header = (ws.getRow(4).values as unknown[]).slice(1);
    expect(header.slice(0, 3)).toEqual(['名次', '单位', '应报送']);
    const rows = Object.fromEntries(
      Array.from({ length: 9 }, (_, i) => {
        const v = (ws.getRow(5 + i).values as unknown[]).slice(1);
        return [v[1], v];
      }),
    );
    expect(rows.中云街道?.slice(0, 14)).toEqual([
      5,
      '中云街道',
      4,
      2,
      1,
      1,
      '50%',
      5,
      2,
      '40%',
      2,
      1,
      4,
      '52.8',
    ]);
    expect(rows.朝阳街道?.[14]).toBe(
      '责任不到位：逾期未整改问题4个\n工作不主动：逾期未报3次、逾期报送1次\n成效不明显：整改销号率0%，发现问题4个、已销号0个',
    );
  });
});
