// 入户核实 visits sent from a phone: the queue (nearest deadline first, searchable), a visit
// becoming the findings' state changes in one transaction, its photos claimed, and the phone's
// own id making a retry after a lost answer return the first visit instead of recording twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/databases.js';
import { tinyPng, upload } from '../../../test/files.js';
import { insertFinding } from '../../../test/finding-rows.js';
import { type LedgerApp, startLedgerApp } from '../../../test/problems.js';
import { auditActions, checkItemId, countRows, insertProblem, unitIdByName } from '../../../test/tables.js';

describe.each(DIALECTS)('household visits on %s', (dialect) => {
  let w: LedgerApp;
  let street: number;
  let other: { cookie: string };
  const visit = (cookie: string, household: string, body: Record<string, unknown>) =>
    w.t.request('POST', `/api/households/households/${household}/visits`, cookie, {
      recordedAt: '2019-12-20T09:30:00+08:00',
      ...body,
    });

  beforeAll(async () => {
    w = await startLedgerApp(dialect);
    street = await unitIdByName(w.t, '中云街道');
    other = await w.t.userIn('猴嘴街道', 'reporter');
  });
  afterAll(async () => w?.t.close());

  it('lists households with findings to check, nearest deadline first, searchable by 户编号 or name', async () => {
    const item = await checkItemId(w.t, w.campaignId, 13);
    const problem = (deadline: string) =>
      insertProblem(w.t, {
        campaign_id: w.campaignId,
        check_item_id: item,
        unit_id: street,
        deadline,
        source: '数据比对',
      });
    const base = { campaign_id: w.campaignId, unit_id: street };
    await insertFinding(w.t, { ...base, household_id: 'Q-LATE', problem_id: await problem('2020-06-30') });
    await insertFinding(w.t, {
      ...base,
      household_id: 'Q-SOON',
      problem_id: await problem('2020-01-10'),
      person_name: '李秀英',
    });
    await insertFinding(w.t, {
      ...base,
      household_id: 'Q-SOON',
      problem_id: await problem('2020-03-01'),
      person_name: '李秀英',
    });
    await insertFinding(w.t, { ...base, household_id: 'Q-NONE' });
    await insertFinding(w.t, { ...base, household_id: 'Q-GONE', resolved_at: '2019-12-01T00:00:00.000Z' });
    await insertFinding(w.t, { ...base, household_id: 'Q-DONE', verification: 'dispute_accepted' });
    await insertFinding(w.t, {
      campaign_id: w.campaignId,
      unit_id: await unitIdByName(w.t, '猴嘴街道'),
      household_id: 'Q-OTHER',
    });
    const queue = await w.t.request('GET', '/api/households/visit-queue?q=Q-', w.reporter.cookie);
    expect(queue.statusCode, queue.body).toBe(200);
    expect(queue.json()).toMatchObject({
      total: 3,
      items: [
        { householdId: 'Q-SOON', openFindings: 2, pending: 2, deadline: '2020-01-10', name: '李**' },
        { householdId: 'Q-LATE', deadline: '2020-06-30' },
        { householdId: 'Q-NONE', deadline: null },
      ],
    });
    const byName = await w.t.request(
      'GET',
      `/api/households/visit-queue?q=${encodeURIComponent('秀英')}`,
      w.reporter.cookie,
    );
    expect(byName.json().items.map((i: { householdId: string }) => i.householdId)).toEqual(['Q-SOON']);
    const office = await w.t.request('GET', '/api/households/visit-queue?q=Q-', w.admin);
    expect(office.json().total).toBe(4);
  });

  it('a visit records each verdict as a state change, its photos and place, in one go', async () => {
    const base = { campaign_id: w.campaignId, unit_id: street, household_id: 'H-VISIT' };
    const a = await insertFinding(w.t, base);
    const b = await insertFinding(w.t, base);
    const c = await insertFinding(w.t, { ...base, verification: 'confirmed', version: 4 });
    const photo = await upload(w.t, w.reporter.cookie, 'IMG_0001.jpg', tinyPng(), 'image/png');
    w.t.clock.set('2019-12-20T05:00:00Z');
    const res = await visit(w.reporter.cookie, 'H-VISIT', {
      clientId: 'b7d5c3a1-0000-4000-8000-000000000001',
      note: '户主在家，查看了收入台账',
      visitorName: '王村干',
      location: { latitude: 34.6, longitude: 119.2, accuracy: 25 },
      results: [
        { findingId: a, result: 'confirmed', note: '收入确实偏低' },
        { findingId: b, result: 'disputed', note: '有务工收入未录入' },
        { findingId: c, result: 'confirmed' },
      ],
      attachmentIds: [photo.json().id],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      householdId: 'H-VISIT',
      visitorName: '王村干',
      recordedAt: '2019-12-20T01:30:00.000Z',
      receivedAt: '2019-12-20T05:00:00.000Z',
      location: { latitude: 34.6, longitude: 119.2, accuracy: 25 },
      results: [
        { findingId: a, result: 'confirmed', to: 'confirmed', changed: true },
        { findingId: b, result: 'disputed', to: 'disputed', changed: true },
        { findingId: c, result: 'confirmed', to: 'confirmed', changed: false },
      ],
      photos: [{ name: 'IMG_0001.jpg' }],
    });
    const f = await w.t.request('GET', `/api/households/findings/${b}`, w.admin);
    expect(f.json()).toMatchObject({
      verification: 'disputed',
      verificationNote: '有务工收入未录入',
      version: 2,
    });
    // The office sees the visit on the household.
    const seen = await w.t.request('GET', '/api/households/households/H-VISIT/visits', w.admin);
    expect(seen.json().items).toMatchObject([
      { note: '户主在家，查看了收入台账', photos: [{ name: 'IMG_0001.jpg' }] },
    ]);
    const history = await w.t.request('GET', `/api/households/findings/${a}/history`, w.admin);
    expect(history.json().events).toMatchObject([{ actionLabel: '入户核实：属实', visitId: res.json().id }]);
    expect(await auditActions(w.t, 'finding_visit')).toEqual(['finding.visit']);
  });

  it('the same visit sent again (an answer lost) is recorded once', async () => {
    const id = await insertFinding(w.t, {
      campaign_id: w.campaignId,
      unit_id: street,
      household_id: 'H-RETRY',
    });
    const photo = await upload(w.t, w.reporter.cookie, 'p.png', tinyPng(), 'image/png');
    const body = {
      clientId: 'retry-0000-4000-8000-000000000002',
      results: [{ findingId: id, result: 'confirmed' }],
      attachmentIds: [photo.json().id],
    };
    const visits = await countRows(w.t, 'finding_visits');
    const events = await countRows(w.t, 'finding_events');
    const [first, second] = await Promise.all([
      visit(w.reporter.cookie, 'H-RETRY', body),
      visit(w.reporter.cookie, 'H-RETRY', body),
    ]);
    expect(first.statusCode, first.body).toBe(200);
    expect(second.statusCode, second.body).toBe(200);
    const third = await visit(w.reporter.cookie, 'H-RETRY', body);
    expect(third.statusCode).toBe(200);
    expect(new Set([first.json().id, second.json().id, third.json().id]).size).toBe(1);
    expect(await countRows(w.t, 'finding_visits')).toBe(visits + 1);
    expect(await countRows(w.t, 'finding_events')).toBe(events + 1);
    expect(third.json().photos).toHaveLength(1);
    // Someone else cannot reuse (or read through) the id.
    const head = await w.t.userIn('中云街道', 'unit_head');
    expect((await visit(head.cookie, 'H-RETRY', body)).statusCode).toBe(409);
  });

  it("refuses another street's household (404), findings of another household, and the office", async () => {
    const mine = await insertFinding(w.t, {
      campaign_id: w.campaignId,
      unit_id: street,
      household_id: 'H-MINE',
    });
    await insertFinding(w.t, { campaign_id: w.campaignId, unit_id: street, household_id: 'H-NEXT' });
    const body = {
      clientId: 'scope-0000-4000-8000-000000000003',
      results: [{ findingId: mine, result: 'confirmed' }],
    };
    expect((await visit(other.cookie, 'H-MINE', body)).statusCode).toBe(404);
    expect(
      (await w.t.request('GET', '/api/households/households/H-MINE/visits', other.cookie)).statusCode,
    ).toBe(404);
    const wrong = await visit(w.reporter.cookie, 'H-NEXT', body);
    expect(wrong.statusCode).toBe(422);
    expect((await visit(w.admin, 'H-MINE', body)).statusCode).toBe(403);
    expect(
      (await w.t.request('GET', `/api/households/findings/${mine}`, w.reporter.cookie)).json().verification,
    ).toBe('pending');
  });

  it("a finding screening has cleared keeps its state; the visit's words are kept", async () => {
    const base = { campaign_id: w.campaignId, unit_id: street, household_id: 'H-CLEARED' };
    const open = await insertFinding(w.t, base);
    const cleared = await insertFinding(w.t, { ...base, resolved_at: '2019-12-19T00:00:00.000Z' });
    const res = await visit(w.reporter.cookie, 'H-CLEARED', {
      clientId: 'cleared-0000-4000-8000-000000000004',
      results: [
        { findingId: open, result: 'disputed', note: '数据有误' },
        { findingId: cleared, result: 'confirmed', note: '已不符合' },
      ],
    });
    expect(res.json().results).toMatchObject([
      { findingId: open, to: 'disputed', changed: true },
      { findingId: cleared, to: 'pending', changed: false, note: '已不符合' },
    ]);
  });
});
