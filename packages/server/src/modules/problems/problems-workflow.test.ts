import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/databases.js';
import { tinyPng, upload } from '../../test/files.js';
import type { TestApp } from '../../test/harness.js';
import { type ProblemBody, problemBody, recordProblem, startLedgerApp } from '../../test/problems.js';
import { verifyAuditChain } from '../audit/audit.repository.js';

// A problem's life through the status machine: each step, its history and audit, versions,
// evidence. What may be recorded, by whom and for which unit: problems-record.test.ts.
describe.each(DIALECTS)('problem workflow on %s', (dialect) => {
  let t: TestApp;
  let admin: string;
  let reporter: { cookie: string };
  let campaignId: number;
  beforeAll(async () => {
    ({ t, admin, reporter, campaignId } = await startLedgerApp(dialect));
  });
  afterAll(() => t.close());

  const create = (overrides: Partial<ProblemBody> = {}) =>
    recordProblem(t, reporter.cookie, problemBody(campaignId, overrides));
  const evidence = async () =>
    (await upload(t, reporter.cookie, '整改照片.png', tinyPng(), 'image/png')).json().id as number;

  it('runs record → progress with evidence → submit → return → fix → resubmit → close → reopen, all in history', async () => {
    let p = await create();
    expect(p).toMatchObject({ status: 'pending', version: 1 });

    let res = await t.request('POST', `/api/problems/${p.id}/progress`, reporter.cookie, {
      version: 1,
      date: '2019-12-20',
      text: '已召开培训会',
      attachmentIds: [await evidence()],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().problem).toMatchObject({ status: 'rectifying', version: 2 });
    expect(res.json().events.at(-1).attachments).toHaveLength(1);

    res = await t.request('POST', `/api/problems/${p.id}/submit`, reporter.cookie, {
      version: 2,
      text: '材料已补齐',
    });
    expect(res.json().problem).toMatchObject({ status: 'awaiting_review', version: 3 });
    expect(res.json().problem.submittedAt).toBeTruthy();

    const noReason = await t.request('POST', `/api/problems/${p.id}/return`, admin, {
      version: 3,
      reason: '',
    });
    expect(noReason.statusCode).toBe(400);
    res = await t.request('POST', `/api/problems/${p.id}/return`, admin, {
      version: 3,
      reason: '公示照片不清晰',
    });
    expect(res.json().problem).toMatchObject({ status: 'returned', returnReason: '公示照片不清晰' });

    res = await t.request('POST', `/api/problems/${p.id}/progress`, reporter.cookie, {
      version: 4,
      date: '2019-12-20',
      text: '重新拍摄公示照片',
      attachmentIds: [await evidence()],
    });
    expect(res.json().problem.status).toBe('returned');
    res = await t.request('POST', `/api/problems/${p.id}/submit`, reporter.cookie, { version: 5, text: '' });
    expect(res.json().problem.status).toBe('awaiting_review');

    res = await t.request('POST', `/api/problems/${p.id}/close`, admin, { version: 6, text: '' });
    expect(res.json().problem).toMatchObject({ status: 'closed', version: 7 });
    expect(res.json().problem.closedAt).toBeTruthy();

    expect(
      (await t.request('POST', `/api/problems/${p.id}/reopen`, admin, { version: 7, reason: '' })).statusCode,
    ).toBe(400);
    res = await t.request('POST', `/api/problems/${p.id}/reopen`, admin, {
      version: 7,
      reason: '复查发现仍有缺漏',
    });
    expect(res.json().problem.status).toBe('rectifying');
    p = res.json().problem;

    const kinds = res.json().events.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual([
      'created',
      'progress',
      'submit',
      'return',
      'progress',
      'submit',
      'close',
      'reopen',
    ]);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'problem')
      .where('entity_id', '=', String(p.id))
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'problem.created',
      'problem.progress',
      'problem.submit',
      'problem.return',
      'problem.progress',
      'problem.submit',
      'problem.close',
      'problem.reopen',
    ]);
    expect(await verifyAuditChain(t.ctx.db)).toBeNull();
  });

  it('refuses submission without evidence', async () => {
    const p = await create();
    const res = await t.request('POST', `/api/problems/${p.id}/submit`, reporter.cookie, {
      version: 1,
      text: '',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain('佐证材料');
  });

  it('refuses transitions the status machine forbids, changing nothing', async () => {
    const p = await create();
    const close = await t.request('POST', `/api/problems/${p.id}/close`, admin, { version: 1, text: '' });
    expect(close.statusCode).toBe(409);
    const ret = await t.request('POST', `/api/problems/${p.id}/return`, admin, {
      version: 1,
      reason: '不该退回',
    });
    expect(ret.statusCode).toBe(409);
    const after = (await t.request('GET', `/api/problems/${p.id}`, admin)).json().problem;
    expect(after).toMatchObject({ status: 'pending', version: 1 });
  });

  it('answers a stale version with 409 and changes nothing', async () => {
    const p = await create();
    const first = await t.request('PATCH', `/api/problems/${p.id}`, reporter.cookie, {
      version: 1,
      measures: '第一次修改',
    });
    expect(first.statusCode).toBe(200);
    const stale = await t.request('PATCH', `/api/problems/${p.id}`, reporter.cookie, {
      version: 1,
      measures: '过期的修改',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    const now = (await t.request('GET', `/api/problems/${p.id}`, reporter.cookie)).json();
    expect(now.problem).toMatchObject({ measures: '第一次修改', version: 2 });
    expect(now.events.map((e: { kind: string }) => e.kind)).toEqual(['created', 'edited']);
  });

  it('keeps concurrent writes from both landing', async () => {
    const p = await create();
    const results = await Promise.all(
      ['甲', '乙', '丙', '丁'].map((who) =>
        t.request('PATCH', `/api/problems/${p.id}`, reporter.cookie, {
          version: 1,
          measures: `${who}的修改`,
        }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409]);
  });

  it('closes a data-screening problem only after a later screening clears it', async () => {
    // Only screening files 数据比对 problems (findings-sync writes them directly).
    const p = await create({ householdRef: '3207060010001' });
    await t.ctx.db.updateTable('problems').set({ source: '数据比对' }).where('id', '=', p.id).execute();
    await t.request('POST', `/api/problems/${p.id}/progress`, reporter.cookie, {
      version: 1,
      date: '2019-12-20',
      text: '已更正系统数据',
      attachmentIds: [await evidence()],
    });
    await t.request('POST', `/api/problems/${p.id}/submit`, reporter.cookie, { version: 2, text: '' });
    const refused = await t.request('POST', `/api/problems/${p.id}/close`, admin, { version: 3, text: '' });
    expect(refused.statusCode).toBe(422);
    await t.ctx.db
      .updateTable('problems')
      .set({ screening_cleared_at: '2019-12-20T03:00:00Z' })
      .where('id', '=', p.id)
      .execute();
    expect(
      (await t.request('POST', `/api/problems/${p.id}/close`, admin, { version: 3, text: '' })).statusCode,
    ).toBe(200);
  });

  it('lets evidence be claimed only once and only by its uploader', async () => {
    const p = await create();
    const fileId = await evidence();
    const other = await t.userIn('中云街道', 'unit_head');
    const stolen = await t.request('POST', `/api/problems/${p.id}/progress`, other.cookie, {
      version: 1,
      date: '2019-12-20',
      text: 'x',
      attachmentIds: [fileId],
    });
    expect(stolen.statusCode).toBe(400);
    const ok = await t.request('POST', `/api/problems/${p.id}/progress`, reporter.cookie, {
      version: 1,
      date: '2019-12-20',
      text: 'x',
      attachmentIds: [fileId],
    });
    expect(ok.statusCode).toBe(200);
    const again = await t.request('POST', `/api/problems/${p.id}/progress`, reporter.cookie, {
      version: 2,
      date: '2019-12-20',
      text: 'y',
      attachmentIds: [fileId],
    });
    expect(again.statusCode).toBe(400);
    // Attached evidence can be downloaded by the unit's other clerks and by the office.
    expect((await t.request('GET', `/api/files/${fileId}`, other.cookie)).statusCode).toBe(200);
    expect((await t.request('GET', `/api/files/${fileId}`, admin)).statusCode).toBe(200);
  });
});
