import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/databases.js';
import type { TestApp } from '../../test/harness.js';
import { problemBody, recordProblem, startLedgerApp } from '../../test/problems.js';

// What a problem may be recorded with (deadlines, items), who may record and step it, and the
// office's 交办. The status machine itself: problems-workflow.test.ts.
describe.each(DIALECTS)('recording problems on %s', (dialect) => {
  let t: TestApp;
  let admin: string;
  let reporter: { cookie: string };
  let campaignId: number;
  beforeAll(async () => {
    ({ t, admin, reporter, campaignId } = await startLedgerApp(dialect));
  });
  afterAll(() => t.close());

  it('checks deadlines against the mode and the 05-31 rectification deadline', async () => {
    const noDeadline = await t.request(
      'POST',
      '/api/problems',
      reporter.cookie,
      problemBody(campaignId, { deadline: null }),
    );
    expect(noDeadline.statusCode).toBe(400);
    expect(noDeadline.json().error.details).toEqual([
      { path: '/deadline', message: '限期整改的问题必须填写整改时限' },
    ]);
    const late = await t.request(
      'POST',
      '/api/problems',
      reporter.cookie,
      problemBody(campaignId, { deadline: '2020-06-30' }),
    );
    expect(late.statusCode).toBe(400);
    expect(late.json().error.details[0].path).toBe('/deadlineReason');
    const reasoned = await t.request(
      'POST',
      '/api/problems',
      reporter.cookie,
      problemBody(campaignId, { deadline: '2020-06-30', deadlineReason: '需待汛期后施工' }),
    );
    expect(reasoned.statusCode).toBe(200);
    const immediate = await t.request(
      'POST',
      '/api/problems',
      reporter.cookie,
      problemBody(campaignId, { mode: '立行立改', deadline: null }),
    );
    expect(immediate.statusCode).toBe(200);
    const future = await t.request(
      'POST',
      '/api/problems',
      reporter.cookie,
      problemBody(campaignId, { foundDate: '2019-12-25' }),
    );
    expect(future.statusCode).toBe(400);
  });

  it("keeps a unit to its own items and the office's review steps to the office", async () => {
    const wrongItem = await t.request(
      'POST',
      '/api/problems',
      reporter.cookie,
      problemBody(campaignId, { checkItem: 5 }),
    );
    expect(wrongItem.statusCode).toBe(400);
    const p = await recordProblem(t, reporter.cookie, problemBody(campaignId));
    expect(
      (await t.request('POST', `/api/problems/${p.id}/reopen`, reporter.cookie, { version: 1, reason: 'x' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await t.request('POST', `/api/problems/${p.id}/close`, reporter.cookie, { version: 1, text: '' }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await t.request('POST', `/api/problems/${p.id}/progress`, admin, {
          version: 1,
          date: '2019-12-20',
          text: 'x',
          attachmentIds: [],
        })
      ).statusCode,
    ).toBe(403);
    const leader = await t.userIn('区领导小组办公室', 'leader');
    expect((await t.request('GET', `/api/problems/${p.id}`, leader.cookie)).statusCode).toBe(200);
    expect(
      (await t.request('PATCH', `/api/problems/${p.id}`, leader.cookie, { version: 1, measures: 'x' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await t.request('POST', '/api/problems', leader.cookie, problemBody(campaignId))).statusCode,
    ).toBe(403);
  });

  it('lets the office record a problem for any unit (交办) and hand it on', async () => {
    const units = (await t.request('GET', '/api/units', admin)).json() as { id: number; name: string }[];
    const byName = (n: string) => units.find((u) => u.name === n)?.id;
    const res = await t.request(
      'POST',
      '/api/problems',
      admin,
      problemBody(campaignId, { checkItem: 5, source: '审计', unitId: byName('区财政局') }),
    );
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json().problem;
    expect(p.unit.name).toBe('区财政局');
    expect(res.json().events[0]).toMatchObject({ kind: 'assigned', text: '交办区财政局' });
    const moved = await t.request('POST', `/api/problems/${p.id}/assign`, admin, {
      version: 1,
      unitId: byName('区住建局'),
      reason: '属住建职责',
    });
    expect(moved.json().problem.unit.name).toBe('区住建局');
    expect(
      (
        await t.request('POST', `/api/problems/${p.id}/assign`, reporter.cookie, {
          version: 2,
          unitId: byName('中云街道'),
        })
      ).statusCode,
    ).toBe(403);
    const assign = (body: { deadline: string; reason?: string }) =>
      t.request('POST', `/api/problems/${p.id}/assign`, admin, {
        version: 2,
        unitId: byName('区住建局'),
        ...body,
      });
    expect((await assign({ deadline: '2020-07-15' })).statusCode).toBe(400);
    expect((await assign({ deadline: '2019-12-01' })).statusCode).toBe(400);
    expect((await assign({ deadline: '2020-07-15', reason: '需跨汛期施工' })).statusCode).toBe(200);
  });
});
