// Each finding worked on its own: the street's 属实 / 不属实 / 已整改 with evidence, the office's
// decision on a 不属实 (the street notified), version checks, scope, batch steps — on both
// databases.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/databases.js';
import { tinyPng, upload } from '../../../test/files.js';
import { insertFinding } from '../../../test/finding-rows.js';
import { type LedgerApp, startLedgerApp } from '../../../test/problems.js';
import { auditActions, checkItemId, countRows, insertProblem, unitIdByName } from '../../../test/tables.js';

describe.each(DIALECTS)('finding verification on %s', (dialect) => {
  let w: LedgerApp;
  let street: number;
  let other: { cookie: string };
  let head: { cookie: string };
  let n = 0;
  const newFinding = async (unitId = street) => {
    n += 1;
    return insertFinding(w.t, { campaign_id: w.campaignId, unit_id: unitId, household_id: `V${n}` });
  };
  const step = (cookie: string, id: number, body: Record<string, unknown>) =>
    w.t.request('POST', `/api/households/findings/${id}/verification`, cookie, body);
  const decide = (id: number, body: Record<string, unknown>) =>
    w.t.request('POST', `/api/households/findings/${id}/decision`, w.admin, body);

  beforeAll(async () => {
    w = await startLedgerApp(dialect);
    street = await unitIdByName(w.t, '中云街道');
    other = await w.t.userIn('猴嘴街道', 'reporter');
    head = await w.t.userIn('中云街道', 'unit_head');
  });
  afterAll(async () => w?.t.close());

  it('属实 with evidence, then 已整改: each step versioned, recorded and audited', async () => {
    const id = await newFinding();
    const file = await upload(w.t, w.reporter.cookie, '入户照片.png', tinyPng(), 'image/png');
    expect(file.statusCode, file.body).toBe(200);
    const confirmed = await step(w.reporter.cookie, id, {
      action: 'confirm',
      version: 1,
      note: '入户查看，收入确实偏低',
      attachmentIds: [file.json().id],
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({
      verification: 'confirmed',
      verificationLabel: '属实',
      verificationNote: '入户查看，收入确实偏低',
      version: 2,
    });
    const rectified = await step(head.cookie, id, { action: 'rectify', version: 2, note: '已落实帮扶措施' });
    expect(rectified.json()).toMatchObject({ verification: 'rectified', version: 3 });

    const history = await w.t.request('GET', `/api/households/findings/${id}/history`, w.admin);
    expect(history.json().events).toMatchObject([
      { action: 'confirm', from: 'pending', to: 'confirmed', attachments: [{ name: '入户照片.png' }] },
      { action: 'rectify', from: 'confirmed', to: 'rectified', note: '已落实帮扶措施' },
    ]);
    expect(await auditActions(w.t, 'finding')).toEqual(
      expect.arrayContaining(['finding.confirm', 'finding.rectify']),
    );
    const list = await w.t.request(
      'GET',
      '/api/households/findings?verification=rectified&status=all',
      w.reporter.cookie,
    );
    expect(list.json().items.map((f: { id: number }) => f.id)).toEqual([id]);
    const xlsx = await w.t.app.inject({
      method: 'GET',
      url: '/api/households/findings/export?verification=rectified&status=all',
      headers: { cookie: w.reporter.cookie },
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('问题线索');
    if (!ws) throw new Error('no sheet');
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const row = (ws.getRow(2).values as unknown[]).slice(1);
    expect(row[header.indexOf('核实状态')]).toBe('已整改');
    expect(row[header.indexOf('核实说明')]).toBe('已落实帮扶措施');
  });

  it('refuses a step from the wrong state and a stale version, changing nothing', async () => {
    const id = await newFinding();
    const early = await step(w.reporter.cookie, id, { action: 'rectify', version: 1, note: '已整改' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('待核实'),
    });
    expect((await step(w.reporter.cookie, id, { action: 'confirm', version: 1 })).statusCode).toBe(200);
    // A second clerk who still saw version 1.
    const stale = await step(head.cookie, id, { action: 'dispute', version: 1, note: '数据有误' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    const after = await w.t.request('GET', `/api/households/findings/${id}`, w.reporter.cookie);
    expect(after.json()).toMatchObject({ verification: 'confirmed', version: 2 });
  });

  it('不属实 needs a reason; the office accepts it and the street is notified', async () => {
    const id = await newFinding();
    const bare = await step(w.reporter.cookie, id, { action: 'dispute', version: 1 });
    expect(bare.statusCode).toBe(400);
    const disputed = await step(w.reporter.cookie, id, {
      action: 'dispute',
      version: 1,
      note: '该户2019年已登记务工收入，系统未录入',
    });
    expect(disputed.json()).toMatchObject({ verification: 'disputed', version: 2 });
    // The street cannot decide its own 不属实.
    expect(
      (
        await w.t.request('POST', `/api/households/findings/${id}/decision`, head.cookie, {
          action: 'accept',
          version: 2,
        })
      ).statusCode,
    ).toBe(403);
    // Its group in the ledger: one finding, none done yet.
    const group = await insertProblem(w.t, {
      campaign_id: w.campaignId,
      check_item_id: await checkItemId(w.t, w.campaignId, 13),
      unit_id: street,
      source: '数据比对',
      finding_rule: 'income_below_line',
      findings_total: 1,
      findings_done: 0,
    });
    await w.t.ctx.db.updateTable('findings').set({ problem_id: group }).where('id', '=', id).execute();
    const notices = await countRows(w.t, 'notifications');
    const accepted = await decide(id, { action: 'accept', version: 2, note: '经核对属实录入错误' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({
      verification: 'dispute_accepted',
      verificationLabel: '不属实（已认定）',
    });
    expect(await countRows(w.t, 'notifications')).toBe(notices + 1);
    // Done now: the group counts it, and with every finding done the group may be closed out.
    const after = await w.t.ctx.db
      .selectFrom('problems')
      .select(['findings_done', 'screening_cleared_at'])
      .where('id', '=', group)
      .executeTakeFirstOrThrow();
    expect(after.findings_done).toBe(1);
    expect(after.screening_cleared_at).not.toBeNull();
    const inbox = await w.t.request('GET', '/api/notifications', w.reporter.cookie);
    expect(JSON.stringify(inbox.json())).toContain('不属实已认定');
    // Decided: nothing more to do on it.
    expect((await step(w.reporter.cookie, id, { action: 'confirm', version: 3 })).statusCode).toBe(409);
  });

  it('the office rejects a 不属实 with its note: back to 属实, the street notified', async () => {
    const id = await newFinding();
    await step(w.reporter.cookie, id, { action: 'dispute', version: 1, note: '数据有误' });
    expect((await decide(id, { action: 'reject', version: 2 })).statusCode).toBe(400);
    const rejected = await decide(id, { action: 'reject', version: 2, note: '扶贫系统收入为准，请整改' });
    expect(rejected.json()).toMatchObject({
      verification: 'confirmed',
      verificationNote: '扶贫系统收入为准，请整改',
      version: 3,
    });
    const inbox = await w.t.request('GET', '/api/notifications', w.reporter.cookie);
    expect(JSON.stringify(inbox.json())).toContain('扶贫系统收入为准，请整改');
    expect(await auditActions(w.t, 'finding')).toEqual(
      expect.arrayContaining(['finding.reject', 'finding.accept']),
    );
  });

  it("another street's finding answers 404 to its clerks; the office cannot take the street's steps", async () => {
    const id = await newFinding();
    const res = await step(other.cookie, id, { action: 'confirm', version: 1 });
    expect(res.statusCode).toBe(404);
    expect(
      (await w.t.request('GET', `/api/households/findings/${id}/history`, other.cookie)).statusCode,
    ).toBe(404);
    expect((await step(w.admin, id, { action: 'confirm', version: 1 })).statusCode).toBe(403);
  });

  it('a cleared finding takes no more steps', async () => {
    const id = await newFinding();
    await w.t.ctx.db
      .updateTable('findings')
      .set({ resolved_at: '2019-12-20T00:00:00.000Z' })
      .where('id', '=', id)
      .execute();
    const res = await step(w.reporter.cookie, id, { action: 'confirm', version: 1 });
    expect(res.statusCode).toBe(409);
  });

  it('batch 属实: all or nothing, with a report per finding', async () => {
    const a = await newFinding();
    const b = await newFinding();
    const done = await newFinding();
    await step(w.reporter.cookie, done, { action: 'confirm', version: 1 });
    const foreign = await newFinding(await unitIdByName(w.t, '猴嘴街道'));
    const refused = await w.t.request('POST', '/api/households/finding-batches', w.reporter.cookie, {
      action: 'confirm',
      ids: [a, b, done, foreign],
    });
    expect(refused.statusCode, refused.body).toBe(200);
    expect(refused.json()).toMatchObject({
      applied: false,
      results: [
        { id: a, ok: true },
        { id: b, ok: true },
        { id: done, ok: false, message: expect.stringContaining('属实') },
        // Another street's finding reads like a missing one.
        { id: foreign, ok: false, message: '问题线索不存在' },
      ],
    });
    const untouched = await w.t.request('GET', `/api/households/findings/${a}`, w.reporter.cookie);
    expect(untouched.json().verification).toBe('pending');

    const ok = await w.t.request('POST', '/api/households/finding-batches', w.reporter.cookie, {
      action: 'confirm',
      ids: [a, b],
      note: '批量核实',
    });
    expect(ok.json()).toMatchObject({
      applied: true,
      results: [
        { id: a, ok: true },
        { id: b, ok: true },
      ],
    });
    const listed = await w.t.request(
      'GET',
      '/api/households/findings?verification=confirmed',
      w.reporter.cookie,
    );
    expect(listed.json().items.map((f: { id: number }) => f.id)).toEqual(expect.arrayContaining([a, b]));
    expect(await auditActions(w.t, 'finding')).toContain('finding.batch_confirm');
  });

  it('batch 交村干部: the cadre shown on each finding; the office cannot', async () => {
    const a = await newFinding();
    const b = await newFinding();
    const body = { action: 'assign', ids: [a, b], assignee: { name: '王村干', phone: '13800001111' } };
    const res = await w.t.request('POST', '/api/households/finding-batches', w.reporter.cookie, body);
    expect(res.json().applied).toBe(true);
    const f = await w.t.request('GET', `/api/households/findings/${b}`, w.admin);
    expect(f.json()).toMatchObject({ assignee: { name: '王村干', phone: '13800001111' }, version: 2 });
    expect((await w.t.request('POST', '/api/households/finding-batches', w.admin, body)).statusCode).toBe(
      403,
    );
    const bad = await w.t.request('POST', '/api/households/finding-batches', w.reporter.cookie, {
      ...body,
      assignee: { name: '' },
    });
    expect(bad.statusCode).toBe(400);
  });
});
