import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/databases.js';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../../test/harness.js';
import { fillAndSubmit, fillReport, ids, reportUrl } from '../../test/reports.js';

interface GridUnit {
  unit: { name: string };
  expected: boolean;
  cells: { period: string; status: string; timeliness: string; submittedAt: string | null }[];
}

// China is UTC+8: 2020-01-04T15:30Z is 23:30 on the due day, 16:10Z is ten past midnight after it.
describe.each(DIALECTS)('completeness and timeliness on %s', (dialect) => {
  let t: TestApp;
  let campaignId: number;
  let unit: (name: string) => number;
  const url = (name: string, period = '2020-01') => reportUrl(campaignId, period, unit(name));
  const unitPair = async (name: string, tag: string) => ({
    reporter: (await t.userIn(name, 'reporter', `${tag}_r`)).cookie,
    head: (await t.userIn(name, 'unit_head', `${tag}_h`)).cookie,
  });
  const grid = async () => {
    const admin = await t.login('admin', ADMIN_PASSWORD);
    const res = await t.request('GET', `/api/campaigns/${campaignId}/monthly-reports`, admin);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const cell = (g: { units: GridUnit[] }, name: string, period = '2020-01') =>
    g.units.find((u) => u.unit.name === name)?.cells.find((c) => c.period === period);

  beforeAll(async () => {
    t = await startTestApp(dialect, { now: '2020-01-02T02:00:00Z' });
    const admin = await t.login('admin', ADMIN_PASSWORD);
    // A street with no items in the campaign is not expected to report. (One added through the
    // API now takes every 各街道 item of a running campaign, so the row goes straight in.)
    await t.ctx.db
      .insertInto('units')
      .values({ name: '新坝街道', kind: 'street', sort_order: 99, created_at: '2020-01-02T02:00:00Z' })
      .execute();
    ({ campaignId, unit } = await ids(t, admin));
    const c = await unitPair('朝阳街道', 'cy');
    await fillReport(t, c.reporter, url('朝阳街道'));
  });
  afterAll(() => t.close());

  it('counts a submission at 23:30 on the due day as on time, and the others as pending that day', async () => {
    t.clock.set('2020-01-04T15:30:00Z');
    const a = await unitPair('中云街道', 'zy');
    const submitted = await fillAndSubmit(t, a.reporter, a.head, url('中云街道'));
    expect(submitted).toMatchObject({ timeliness: 'on_time', late: false });
    t.clock.set('2020-01-04T15:45:00Z');
    const g = await grid();
    expect(g.today).toBe('2020-01-04');
    expect(cell(g, '中云街道')).toMatchObject({ status: 'submitted', timeliness: 'on_time' });
    expect(cell(g, '猴嘴街道')).toMatchObject({ status: 'not_started', timeliness: 'pending' });
    expect(cell(g, '朝阳街道')).toMatchObject({ status: 'draft', timeliness: 'pending' });
    expect(cell(g, '新坝街道')).toMatchObject({ timeliness: 'not_expected' });
    expect(g.units.find((u: GridUnit) => u.unit.name === '新坝街道').expected).toBe(false);
    expect(g.units.map((u: GridUnit) => u.unit.name)).not.toContain('区领导小组办公室');
    expect(g.totals[0]).toMatchObject({
      period: '2020-01',
      expected: 9,
      submitted: 1,
      onTime: 1,
      missing: 0,
      pending: 8,
    });
  });

  it('marks a submission after midnight as late, and the silent units as missing', async () => {
    t.clock.set('2020-01-04T16:10:00Z');
    const b = await unitPair('猴嘴街道', 'hz');
    const late = await fillAndSubmit(t, b.reporter, b.head, url('猴嘴街道'));
    expect(late).toMatchObject({ timeliness: 'late', late: true });
    expect(late.history.at(-1)).toMatchObject({ action: 'submit', late: true });

    t.clock.set('2020-01-05T02:00:00Z');
    const g = await grid();
    expect(cell(g, '中云街道')?.timeliness).toBe('on_time');
    expect(cell(g, '猴嘴街道')?.timeliness).toBe('late');
    expect(cell(g, '朝阳街道')).toMatchObject({ status: 'draft', timeliness: 'missing' });
    expect(cell(g, '区财政局')?.timeliness).toBe('missing');
    expect(cell(g, '新坝街道')?.timeliness).toBe('not_expected');
    const jan = g.totals.find((x: { period: string }) => x.period === '2020-01');
    expect(jan).toEqual({
      period: '2020-01',
      expected: 9,
      submitted: 2,
      onTime: 1,
      late: 1,
      missing: 7,
      pending: 0,
      completenessRate: 0.222,
      timelinessRate: 0.111,
    });
    expect(g.totals.find((x: { period: string }) => x.period === '2020-02')).toMatchObject({
      expected: 9,
      pending: 9,
    });
    // Overall rates cover only what is due or already in.
    expect(g.overall).toMatchObject({ expected: 9, submitted: 2, onTime: 1, late: 1, missing: 7 });
    const zy = g.units.find((u: GridUnit) => u.unit.name === '中云街道');
    // Per unit, months not yet due are left out of the rates.
    expect(zy.totals).toMatchObject({ expected: 1, submitted: 1, onTime: 1, pending: 0, timelinessRate: 1 });
    const cy = g.units.find((u: GridUnit) => u.unit.name === '朝阳街道');
    expect(cy.totals).toMatchObject({ expected: 1, submitted: 0, missing: 1, timelinessRate: 0 });
  });

  it('keeps judging timeliness by the first submission after a return', async () => {
    const admin = await t.login('admin', ADMIN_PASSWORD);
    const v = (await t.request('GET', url('中云街道'), admin)).json();
    const res = await t.request('POST', `${url('中云街道')}/return`, admin, {
      version: v.version,
      reason: '请补充',
    });
    expect(res.json()).toMatchObject({ status: 'returned', timeliness: 'on_time' });
    expect(cell(await grid(), '中云街道')).toMatchObject({ status: 'returned', timeliness: 'on_time' });
  });

  it("gives a unit user only its own row; another unit's grid cells stay hidden", async () => {
    const r = await t.userIn('中云街道', 'reporter');
    const g = (await t.request('GET', `/api/campaigns/${campaignId}/monthly-reports`, r.cookie)).json();
    expect(g.units.map((u: GridUnit) => u.unit.name)).toEqual(['中云街道']);
    expect(g.totals[0]).toMatchObject({ expected: 1, submitted: 1 });
    const missing = await t.request('GET', '/api/campaigns/999/monthly-reports', r.cookie);
    expect(missing.statusCode).toBe(404);
  });
});
