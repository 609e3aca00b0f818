// Each campaign's rule for a deadline on a non-working day, with 2020's real holidays on both
// databases: the monthly reports due 4 January (Saturday), 4 May (劳动节) and — moved there for
// the test — 4 October (国庆) and 31 January (the extended Spring Festival); timeliness judged
// against the effective date; reminders silent on a holiday.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/databases.js';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../../test/harness.js';
import { fillAndSubmit, ids, reportUrl } from '../../test/reports.js';
import { auditActions } from '../../test/tables.js';
import { runReminders } from '../notifications/reminders.js';

interface Period {
  period: string;
  dueDate: string;
  deadline: { date: string; effective: string; policy: string; nonWorking: string | null };
}

describe.each(DIALECTS)('deadline policy on %s', (dialect) => {
  let t: TestApp;
  let campaignId: number;
  let unit: (name: string) => number;
  const admin = () => t.login('admin', ADMIN_PASSWORD);
  const setPolicy = async (policy: string) => {
    const res = await t.request('PUT', `/api/campaigns/${campaignId}/deadline-policy`, await admin(), {
      policy,
    });
    expect(res.statusCode, res.body).toBe(200);
  };
  const grid = async () => {
    const res = await t.request('GET', `/api/campaigns/${campaignId}/monthly-reports`, await admin());
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as {
      periods: Period[];
      units: { unit: { name: string }; cells: { period: string; timeliness: string }[] }[];
    };
  };
  const effective = async () =>
    Object.fromEntries((await grid()).periods.map((p) => [p.period, p.deadline.effective]));

  beforeAll(async () => {
    t = await startTestApp(dialect, { now: '2020-01-02T02:00:00Z' });
    ({ campaignId, unit } = await ids(t, await admin()));
    // The plan's months end in June; two of them are moved to the year's other awkward days so
    // the same grid shows them (the grid reads milestones, which is what is tested).
    const move = (period: string, due: string) =>
      t.ctx.db
        .updateTable('milestones')
        .set({ due_date: due })
        .where('campaign_id', '=', campaignId)
        .where('period', '=', period)
        .execute();
    await move('2020-02', '2020-01-31');
    await move('2020-06', '2020-10-04');
  });
  afterAll(() => t.close());

  it('keeps the dates until the office chooses, marking the non-working ones', async () => {
    const res = await t.request('GET', `/api/campaigns/${campaignId}/deadline-policy`, await admin());
    expect(res.json()).toEqual({ policy: 'keep' });
    const g = await grid();
    expect(g.periods.find((p) => p.period === '2020-01')?.deadline).toEqual({
      date: '2020-01-04',
      effective: '2020-01-04',
      policy: 'keep',
      nonWorking: '星期六',
    });
    expect(g.periods.find((p) => p.period === '2020-05')?.deadline.nonWorking).toBe('劳动节');
    expect(g.periods.find((p) => p.period === '2020-03')?.deadline).toMatchObject({ nonWorking: null });
  });

  it('moves them to the next working day', async () => {
    await setPolicy('next');
    expect(await effective()).toEqual({
      '2020-01': '2020-01-06',
      '2020-02': '2020-02-03',
      '2020-03': '2020-03-04',
      '2020-04': '2020-04-07', // 清明 4–6 April
      '2020-05': '2020-05-06',
      '2020-06': '2020-10-09',
    });
  });

  it('or to the last working day before', async () => {
    await setPolicy('previous');
    expect(await effective()).toEqual({
      '2020-01': '2020-01-03',
      '2020-02': '2020-01-23',
      '2020-03': '2020-03-04',
      '2020-04': '2020-04-03',
      '2020-05': '2020-04-30',
      '2020-06': '2020-09-30',
    });
    expect(await auditActions(t, 'campaign')).toContain('campaign.deadline_policy');
  });

  it('only the office sets it, to one of the three', async () => {
    const street = (await t.userIn('猴嘴街道', 'unit_head')).cookie;
    const url = `/api/campaigns/${campaignId}/deadline-policy`;
    expect((await t.request('PUT', url, street, { policy: 'next' })).statusCode).toBe(403);
    expect((await t.request('PUT', url, await admin(), { policy: 'later' })).statusCode).toBe(400);
    expect(
      (await t.request('PUT', '/api/campaigns/9999/deadline-policy', await admin(), { policy: 'next' }))
        .statusCode,
    ).toBe(404);
  });

  it('judges a report sent on Monday 6 January on time under "next", late under "keep"', async () => {
    await setPolicy('next');
    t.clock.set('2020-01-05T02:00:00Z');
    const cell = async (name: string) =>
      (await grid()).units.find((u) => u.unit.name === name)?.cells.find((c) => c.period === '2020-01')
        ?.timeliness;
    // Sunday the 5th: the 4th has passed, but under "next" nobody is missing yet.
    expect(await cell('中云街道')).toBe('pending');
    t.clock.set('2020-01-06T08:00:00Z');
    const zy = {
      reporter: (await t.userIn('中云街道', 'reporter', 'zy_r')).cookie,
      head: (await t.userIn('中云街道', 'unit_head', 'zy_h')).cookie,
    };
    const sent = await fillAndSubmit(
      t,
      zy.reporter,
      zy.head,
      reportUrl(campaignId, '2020-01', unit('中云街道')),
    );
    expect(sent).toMatchObject({ timeliness: 'on_time', late: false, deadline: { effective: '2020-01-06' } });
    expect(await cell('中云街道')).toBe('on_time');
    await setPolicy('keep');
    expect(await cell('中云街道')).toBe('late');
    await setPolicy('next');
  });

  it('sends no reminder on a holiday, and the due reports’ reminders on the working day before it', async () => {
    t.clock.set('2020-05-04T02:00:00Z'); // 劳动节
    expect(await runReminders(t.ctx)).toEqual({ created: 0, emailed: 0 });
    t.clock.set('2020-05-02T02:00:00Z');
    expect((await runReminders(t.ctx)).created).toBe(0);
    // 30 April, the last working day before the holiday: 2020-05 is due 6 May under "next", its
    // 1-day mark (5 May) is in the holiday, so the reminder comes now.
    t.clock.set('2020-04-30T02:00:00Z');
    expect((await runReminders(t.ctx)).created).toBeGreaterThan(0);
    const rows = await t.ctx.db
      .selectFrom('notifications')
      .select(['title', 'due_date', 'dedup_key'])
      .where('entity', '=', 'milestone')
      .where('dedup_key', 'like', '%before:1')
      .where('due_date', '=', '2020-05-06')
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]?.title).toContain('将于2020年5月6日（原定5月4日为劳动节假期，顺延）截止');
  });

  it('says in the reminder the date that counts, and which day it was moved from and why', async () => {
    const titles = async (due: string) =>
      (
        await t.ctx.db
          .selectFrom('notifications')
          .select('title')
          .where('entity', '=', 'milestone')
          .where('due_date', '=', due)
          .execute()
      ).map((r) => r.title);
    await setPolicy('previous');
    t.clock.set('2020-01-02T02:00:00Z');
    expect((await runReminders(t.ctx)).created).toBeGreaterThan(0);
    expect(await titles('2020-01-03')).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/将于2020年1月3日（原定1月4日为星期六休息日，提前）截止（还有1天）$/),
      ]),
    );
    await setPolicy('keep');
    // 30 September: 国庆 starts tomorrow, so the 3-day reminder of 4 October comes now.
    t.clock.set('2020-09-30T02:00:00Z');
    expect((await runReminders(t.ctx)).created).toBeGreaterThan(0);
    const kept = await titles('2020-10-04');
    expect(kept.length).toBeGreaterThan(0);
    for (const title of kept) expect(title).toContain('将于2020年10月4日（国庆节、中秋节假期）截止');
  });
});
