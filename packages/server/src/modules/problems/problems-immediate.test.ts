import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { immediateDeadlinesMigration } from '../../db/migrations/2026-12-03-023-immediate-deadlines.js';
import { DIALECTS } from '../../test/databases.js';
import { importLedger } from '../../test/files.js';
import { ADMIN_PASSWORD, type TestApp } from '../../test/harness.js';
import { problemBody, recordProblem, startLedgerApp } from '../../test/problems.js';
import { auditActions, checkItemId, insertProblem, unitIdByName } from '../../test/tables.js';

// 立行立改 problems have a deadline: the office's 立行立改期限 (default 7 days) from the day they
// were recorded — on the form, in the Excel import, on an edit that clears it, and for the
// problems recorded before (migration 2026-12-03-023) — so the one overdue rule applies to them.
describe.each(DIALECTS)('立行立改 deadlines on %s', (dialect) => {
  let t: TestApp;
  let admin: string;
  let reporter: { username: string; cookie: string };
  let campaignId: number;
  beforeAll(async () => {
    ({ t, admin, reporter, campaignId } = await startLedgerApp(dialect));
  });
  afterAll(() => t.close());

  /** Moves the clock (sessions expire over days, so both sign in again). */
  const setClock = async (iso: string) => {
    t.clock.set(iso);
    admin = await t.login('admin', ADMIN_PASSWORD);
    reporter = { ...reporter, cookie: await t.login(reporter.username, `${reporter.username}-password`) };
  };
  const TODAY = '2019-12-20T02:00:00Z';

  const immediate = (deadline: string | null = null) =>
    recordProblem(t, reporter.cookie, problemBody(campaignId, { mode: '立行立改', deadline }));
  const get = async (id: number) => (await t.request('GET', `/api/problems/${id}`, admin)).json().problem;

  it('gives a 立行立改 problem recorded without a deadline 7 days, and it falls overdue by the one rule', async () => {
    const p = await immediate();
    expect(await get(p.id)).toMatchObject({ mode: '立行立改', deadline: '2019-12-27', overdue: false });
    // A deadline typed on the form is kept.
    expect(await get((await immediate('2019-12-22')).id)).toMatchObject({ deadline: '2019-12-22' });

    await setClock('2019-12-28T02:00:00Z');
    try {
      expect(await get(p.id)).toMatchObject({ overdue: true });
      const overdue = (
        await t.request('GET', `/api/problems?campaignId=${campaignId}&overdue=1`, admin)
      ).json();
      expect(overdue.items.map((i: { id: number }) => i.id)).toContain(p.id);
      const counts = (await t.request('GET', `/api/problems/counts?campaignId=${campaignId}`, admin)).json();
      const street = counts.find((c: { label: string }) => c.label === '中云街道');
      expect(street.overdue).toBe(overdue.total);
    } finally {
      await setClock(TODAY);
    }
  });

  it('takes the office’s 立行立改期限 from settings, for new problems only', async () => {
    expect((await t.request('GET', '/api/settings/ledger', reporter.cookie)).json()).toEqual({
      immediateDays: 7,
      immediateWorkingDays: false,
    });
    expect(
      (await t.request('PUT', '/api/settings/ledger', reporter.cookie, { immediateDays: 3 })).statusCode,
    ).toBe(403);
    const zero = await t.request('PUT', '/api/settings/ledger', admin, { immediateDays: 0 });
    expect(zero.json().error).toMatchObject({ code: 'validation_failed' });
    const before = await immediate();
    const saved = await t.request('PUT', '/api/settings/ledger', admin, { immediateDays: 3 });
    expect(saved.json()).toEqual({ immediateDays: 3, immediateWorkingDays: false });
    expect((await auditActions(t, 'settings')).at(-1)).toBe('settings.ledger');
    try {
      expect(await get((await immediate()).id)).toMatchObject({ deadline: '2019-12-23' });
      expect(await get(before.id)).toMatchObject({ deadline: '2019-12-27' });
    } finally {
      await t.request('PUT', '/api/settings/ledger', admin, { immediateDays: 7 });
    }
  });

  it('edits the deadline like any other; cleared, it is counted again from the day recorded', async () => {
    const p = await immediate();
    let res = await t.request('PATCH', `/api/problems/${p.id}`, reporter.cookie, {
      version: 1,
      deadline: '2020-01-10',
    });
    expect(res.json().problem).toMatchObject({ deadline: '2020-01-10', version: 2 });
    await setClock('2019-12-24T02:00:00Z');
    try {
      res = await t.request('PATCH', `/api/problems/${p.id}`, reporter.cookie, {
        version: 2,
        deadline: null,
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().problem).toMatchObject({ deadline: '2019-12-27' });
      // A 限期整改 problem switched to 立行立改 without a deadline gets one too.
      const limited = await recordProblem(t, reporter.cookie, problemBody(campaignId));
      res = await t.request('PATCH', `/api/problems/${limited.id}`, reporter.cookie, {
        version: 1,
        mode: '立行立改',
        deadline: null,
      });
      expect(res.json().problem).toMatchObject({ mode: '立行立改', deadline: '2019-12-31' });
    } finally {
      await setClock(TODAY);
    }
  });

  it('gives an imported 立行立改 row without 整改时限 the same deadline', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.addRow(['排查事项序号', '问题描述', '发现日期', '整改方式', '整改时限']);
    ws.addRow([13, '导入的立行立改问题', '2019-12-18', '立行立改', '']);
    const res = await importLedger(t, reporter.cookie, Buffer.from(await wb.xlsx.writeBuffer()), 'all');
    expect(res.json(), res.body).toMatchObject({ imported: 1 });
    const list = (
      await t.request('GET', `/api/problems?q=${encodeURIComponent('导入的立行立改')}`, admin)
    ).json();
    expect(list.items[0]).toMatchObject({ mode: '立行立改', deadline: '2019-12-27' });
  });

  it('an automatic deadline past the 全面整改到位 date explains itself', async () => {
    await setClock('2020-06-28T02:00:00Z');
    try {
      const p = await recordProblem(
        t,
        reporter.cookie,
        problemBody(campaignId, { mode: '立行立改', deadline: null, foundDate: '2020-06-27' }),
      );
      expect(await get(p.id)).toMatchObject({
        deadline: '2020-07-05',
        deadlineReason: '立行立改：登记之日起7天内整改',
      });
    } finally {
      await setClock(TODAY);
    }
  });

  it('migrates earlier 立行立改 problems without a deadline: 7 days from the day recorded in China', async () => {
    const base = {
      campaign_id: campaignId,
      check_item_id: await checkItemId(t, campaignId, 13),
      unit_id: await unitIdByName(t, '中云街道'),
    };
    // 2020-01-13 00:30 in China.
    const late = await insertProblem(t, {
      ...base,
      mode: '立行立改',
      deadline: null,
      created_at: '2020-01-12T16:30:00.000Z',
    });
    const typed = await insertProblem(t, { ...base, mode: '立行立改', deadline: '2020-02-01' });
    const limited = await insertProblem(t, { ...base, mode: '限期整改', deadline: '2020-03-31' });
    await immediateDeadlinesMigration(dialect).up(t.ctx.db);
    const rows = await t.ctx.db
      .selectFrom('problems')
      .select(['id', 'deadline'])
      .where('id', 'in', [late, typed, limited])
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.deadline)).toEqual(['2020-01-20', '2020-02-01', '2020-03-31']);
    const left = await t.ctx.db
      .selectFrom('problems')
      .select('id')
      .where('mode', '=', '立行立改')
      .where('deadline', 'is', null)
      .execute();
    expect(left).toEqual([]);
    // The tallies follow (triggers): the ledger's counts see the new deadline as overdue in time.
    await setClock('2020-01-21T02:00:00Z');
    try {
      expect((await get(late)).overdue).toBe(true);
    } finally {
      await setClock(TODAY);
    }
  });
});
