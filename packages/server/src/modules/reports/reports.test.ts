import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/databases.js';
import type { TestApp } from '../../test/harness.js';
import {
  addProblems,
  fillReport,
  type ReportRowView,
  reportUrl,
  startReportDesk,
  travelDesk,
} from '../../test/reports.js';
import { auditActions } from '../../test/tables.js';
import { verifyAuditChain } from '../audit/audit.repository.js';

describe.each(DIALECTS)('monthly report workflow on %s', (dialect) => {
  let t: TestApp;
  let admin: string;
  let reporter: string;
  let head: string;
  let campaignId: number;
  let zy: number;
  let url: string;
  beforeAll(async () => {
    ({ t, admin, reporter, head, campaignId, zy, url } = await startReportDesk(
      dialect,
      '2020-01-02T02:00:00Z',
    ));
  });
  afterAll(() => t.close());

  const travel = async (iso: string) => {
    ({ admin, reporter, head } = await travelDesk(t, iso));
  };

  it("shows a street its 32 items, not started, with the ledger's live counts per item", async () => {
    await addProblems(t, {
      campaignId,
      unitId: zy,
      seq: 13,
      statuses: ['pending', 'awaiting_review', 'closed'],
    });
    await addProblems(t, {
      campaignId,
      unitId: zy,
      seq: 13,
      statuses: ['rectifying'],
      deadline: '2019-12-31',
    });
    const res = await t.request('GET', url, reporter);
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json();
    expect(v).toMatchObject({
      status: 'not_started',
      version: 0,
      dueDate: '2020-01-04',
      timeliness: 'pending',
    });
    expect(v.rows).toHaveLength(32);
    expect(v.rows.map((r: ReportRowView) => r.seq)).not.toContain(3);
    const row13 = v.rows.find((r: ReportRowView) => r.seq === 13);
    expect(row13.counts).toMatchObject({ found: 4, rectified: 2, closed: 1, overdue: 1 });
    expect(v.can).toMatchObject({ save: true, submit: false, accept: false });
  });

  it("answers another unit's report exactly like a missing one", async () => {
    const other = await t.userIn('猴嘴街道', 'reporter');
    const denied = await t.request('GET', url, other.cookie);
    const missing = await t.request('GET', reportUrl(campaignId, '2020-01', 99999), other.cookie);
    const noPeriod = await t.request('GET', reportUrl(campaignId, '2021-01', zy), reporter);
    expect(denied.statusCode).toBe(404);
    expect(denied.json()).toEqual(missing.json());
    expect(noPeriod.json()).toEqual(missing.json());
    const write = await t.request('PUT', url, other.cookie, { version: 0, rows: [] });
    expect(write.statusCode).toBe(404);
    expect(write.json()).toEqual(missing.json());
  });

  it('saves a draft, and a stale save gets 409 and changes nothing', async () => {
    const saved = await fillReport(t, reporter, url);
    expect(saved).toMatchObject({ status: 'draft', version: 1 });
    expect(saved.rows[0]?.situation).toBe('第1项排查情况');
    const before = (await auditActions(t, 'monthly_report')).length;
    const stale = await t.request('PUT', url, head, {
      version: 0,
      fillerName: '别人',
      rows: [{ seq: 1, situation: '覆盖' }],
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    const now = (await t.request('GET', url, reporter)).json();
    expect(now.version).toBe(1);
    expect(now.fillerName).toBe('张填报');
    expect(now.rows[0].situation).toBe('第1项排查情况');
    expect((await auditActions(t, 'monthly_report')).length).toBe(before);
  });

  it('rejects rows for items the unit does not carry', async () => {
    const res = await t.request('PUT', url, reporter, { version: 1, rows: [{ seq: 3, situation: 'x' }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('第3项');
  });

  it('lets only the unit head submit, and only a complete report', async () => {
    expect((await t.request('POST', `${url}/submit`, reporter, { version: 1 })).statusCode).toBe(403);
    expect((await t.request('POST', `${url}/submit`, admin, { version: 1 })).statusCode).toBe(403);
    let res = await t.request('PUT', url, reporter, {
      version: 1,
      fillerName: '张填报',
      phone: '',
      rows: [{ seq: 2, situation: ' ' }],
    });
    expect(res.json().version).toBe(2);
    res = await t.request('POST', `${url}/submit`, head, { version: 2 });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain('联系电话');
    expect(res.json().error.details.missingSeqs).toEqual([2]);
    res = await t.request('PUT', url, reporter, {
      version: 2,
      fillerName: '张填报',
      phone: '0518-85882331',
      rows: [{ seq: 2, situation: '已排查' }],
    });
    await travel('2020-01-03T09:30:00Z');
    res = await t.request('POST', `${url}/submit`, head, { version: 3 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'submitted',
      version: 4,
      submittedAt: '2020-01-03T09:30:00.000Z',
      firstSubmittedAt: '2020-01-03T09:30:00.000Z',
      reviewerName: 'zy_head',
      submittedBy: 'zy_head',
      timeliness: 'on_time',
      late: false,
    });
    // Submitted reports are out of the unit's hands until the office decides.
    expect((await t.request('PUT', url, reporter, { version: 4, rows: [] })).statusCode).toBe(409);
  });

  it('lets the office return with a reason; the unit corrects and resubmits, keeping the first time', async () => {
    expect((await t.request('POST', `${url}/return`, head, { version: 4, reason: '不行' })).statusCode).toBe(
      403,
    );
    expect((await t.request('POST', `${url}/return`, admin, { version: 4, reason: '' })).statusCode).toBe(
      400,
    );
    let res = await t.request('POST', `${url}/return`, admin, { version: 4, reason: '第13项未写明整改时限' });
    expect(res.json()).toMatchObject({
      status: 'returned',
      returnReason: '第13项未写明整改时限',
      version: 5,
    });
    res = await t.request('PUT', url, reporter, {
      version: 5,
      rows: [
        {
          seq: 13,
          situation: '已排查，限2020年3月底前整改',
          measures: '第13项整改措施',
          progress: '第13项整改进度',
        },
      ],
    });
    expect(res.json()).toMatchObject({ status: 'returned', version: 6 });
    await travel('2020-01-06T01:00:00Z');
    res = await t.request('POST', `${url}/submit`, head, { version: 6 });
    expect(res.json()).toMatchObject({
      status: 'submitted',
      returnReason: '',
      submittedAt: '2020-01-06T01:00:00.000Z',
      firstSubmittedAt: '2020-01-03T09:30:00.000Z',
      timeliness: 'on_time',
    });
  });

  it('accepts and locks; the office unlocks with a reason and the unit can correct again', async () => {
    let res = await t.request('POST', `${url}/accept`, admin, { version: 7 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'accepted', reviewedBy: '系统管理员', version: 8 });
    expect(res.json().can).toMatchObject({ unlock: true, accept: false, return: false });
    expect((await t.request('PUT', url, reporter, { version: 8, rows: [] })).statusCode).toBe(409);
    expect(
      (await t.request('POST', `${url}/return`, admin, { version: 8, reason: '再看看' })).statusCode,
    ).toBe(409);
    const stale = await t.request('POST', `${url}/unlock`, admin, { version: 7, reason: '需补充数据' });
    expect(stale.json().error.code).toBe('version_conflict');
    res = await t.request('POST', `${url}/unlock`, admin, { version: 8, reason: '需补充第15项数据' });
    expect(res.json()).toMatchObject({ status: 'returned', returnReason: '需补充第15项数据' });
    const mine = (await t.request('GET', url, reporter)).json();
    expect(mine.can.save).toBe(true);
    expect(mine.history.map((h: { action: string }) => h.action)).toEqual([
      'create',
      'save',
      'save',
      'submit',
      'return',
      'save',
      'submit',
      'accept',
      'unlock',
    ]);
    expect(mine.history.find((h: { action: string }) => h.action === 'unlock')).toMatchObject({
      reason: '需补充第15项数据',
      actor: '系统管理员',
    });
    expect(await verifyAuditChain(t.ctx.db)).toBeNull();
  });

  it("prefills next month from this month's texts until the first save", async () => {
    const feb = reportUrl(campaignId, '2020-02', zy);
    const v = (await t.request('GET', feb, reporter)).json();
    expect(v).toMatchObject({
      status: 'not_started',
      version: 0,
      prefilledFrom: '2020-01',
      fillerName: '张填报',
    });
    expect(v.rows.find((r: ReportRowView) => r.seq === 13).situation).toBe('已排查，限2020年3月底前整改');
    const saved = await t.request('PUT', feb, reporter, {
      version: 0,
      rows: [{ seq: 1, situation: '二月新情况' }],
    });
    const rows = saved.json().rows as ReportRowView[];
    expect(rows.find((r) => r.seq === 1)?.situation).toBe('二月新情况');
    expect(rows.find((r) => r.seq === 2)?.situation).toBe('已排查');
    expect(saved.json().prefilledFrom).toBeNull();
  });

  it('documents the report, export and submission routes in the OpenAPI spec', async () => {
    const spec = (await t.request('GET', '/api/openapi.json')).json();
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/campaigns/{id}/monthly-reports',
        '/api/campaigns/{id}/monthly-reports/{period}/units/{unitId}',
        '/api/campaigns/{id}/monthly-reports/{period}/units/{unitId}/export',
        '/api/campaigns/{id}/monthly-reports/{period}/export',
        '/api/campaigns/{id}/submissions/{milestoneId}/units/{unitId}/problem-list',
      ]),
    );
  });

  it('lets leaders read any report but not act on it', async () => {
    const leader = await t.userIn('区领导小组办公室', 'leader');
    const v = await t.request('GET', url, leader.cookie);
    expect(v.statusCode).toBe(200);
    expect(v.json().can).toEqual({ save: false, submit: false, accept: false, return: false, unlock: false });
    expect((await t.request('POST', `${url}/submit`, leader.cookie, { version: 8 })).statusCode).toBe(403);
  });
});
