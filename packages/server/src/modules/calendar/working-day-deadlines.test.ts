// "N 个工作日内" on both databases with 2020's Spring Festival: a 交办 given 3 working days on
// Thursday 23 January is due 5 February (the holiday, extended to 2 February, does not count),
// single and in a batch; the office's 立行立改期限 counted in working days the same way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/databases.js';
import { ADMIN_PASSWORD } from '../../test/harness.js';
import { type LedgerApp, problemBody, recordProblem, startLedgerApp } from '../../test/problems.js';
import { unitIdByName } from '../../test/tables.js';

describe.each(DIALECTS)('working-day deadlines on %s', (dialect) => {
  let w: LedgerApp;
  beforeAll(async () => {
    w = await startLedgerApp(dialect, '2020-01-23T02:00:00Z');
  });
  afterAll(() => w.t.close());

  const body = () => problemBody(w.campaignId, { foundDate: '2020-01-22', deadline: '2020-03-31' });

  it('交办 within 3 working days is due on 5 February, and says so', async () => {
    const p = await recordProblem(w.t, w.reporter.cookie, body());
    const to = await unitIdByName(w.t, '猴嘴街道');
    const res = await w.t.request('POST', `/api/problems/${p.id}/assign`, w.admin, {
      version: p.version,
      unitId: to,
      workingDays: 3,
      reason: '属猴嘴街道辖区',
    });
    expect(res.statusCode, res.body).toBe(200);
    const detail = res.json();
    expect(detail.problem.deadline).toBe('2020-02-05');
    expect(detail.events.at(-1)?.text ?? detail.events[0]?.text).toContain(
      '3个工作日内整改（至2020年2月5日）',
    );
  });

  it('refuses a date and a number of working days together, or a number out of range', async () => {
    const p = await recordProblem(w.t, w.reporter.cookie, body());
    const to = await unitIdByName(w.t, '猴嘴街道');
    const both = await w.t.request('POST', `/api/problems/${p.id}/assign`, w.admin, {
      version: p.version,
      unitId: to,
      deadline: '2020-02-10',
      workingDays: 3,
    });
    expect(both.statusCode).toBe(400);
    expect(both.json().error.message).toBe('整改时限与工作日数只能填一项');
    const zero = await w.t.request('POST', `/api/problems/${p.id}/assign`, w.admin, {
      version: p.version,
      unitId: to,
      workingDays: 0,
    });
    expect(zero.statusCode).toBe(400);
  });

  it('a batch 交办 counts the same working days for every problem', async () => {
    const a = await recordProblem(w.t, w.reporter.cookie, body());
    const b = await recordProblem(w.t, w.reporter.cookie, body());
    const res = await w.t.request('POST', '/api/problems/batch/assign', w.admin, {
      items: [a, b].map((p) => ({ id: p.id, version: p.version })),
      unitId: await unitIdByName(w.t, '朝阳街道'),
      workingDays: 1,
      reason: '',
    });
    expect(res.statusCode, res.body).toBe(200);
    for (const p of [a, b]) {
      const d = (await w.t.request('GET', `/api/problems/${p.id}`, w.admin)).json();
      // The first working day after Thursday 23 January is Monday 3 February.
      expect(d.problem.deadline).toBe('2020-02-03');
    }
  });

  it('立行立改期限 in working days: 3 working days from 23 January is 5 February', async () => {
    const saved = await w.t.request('PUT', '/api/settings/ledger', w.admin, {
      immediateDays: 3,
      immediateWorkingDays: true,
    });
    expect(saved.json()).toEqual({ immediateDays: 3, immediateWorkingDays: true });
    const p = await recordProblem(
      w.t,
      w.reporter.cookie,
      problemBody(w.campaignId, { foundDate: '2020-01-22', mode: '立行立改', deadline: null }),
    );
    const d = (await w.t.request('GET', `/api/problems/${p.id}`, w.admin)).json();
    expect(d.problem.deadline).toBe('2020-02-05');
    // Calendar days again: 3 days from 23 January.
    await w.t.request('PUT', '/api/settings/ledger', w.admin, {
      immediateDays: 3,
      immediateWorkingDays: false,
    });
    const q = await recordProblem(
      w.t,
      w.reporter.cookie,
      problemBody(w.campaignId, { foundDate: '2020-01-22', mode: '立行立改', deadline: null }),
    );
    expect((await w.t.request('GET', `/api/problems/${q.id}`, w.admin)).json().problem.deadline).toBe(
      '2020-01-26',
    );
  });

  it('a problem due on a holiday is marked, not moved: overdue from the day after, as always', async () => {
    const p = await recordProblem(
      w.t,
      w.reporter.cookie,
      problemBody(w.campaignId, { foundDate: '2020-01-22', deadline: '2020-02-01' }),
    );
    const seen = async () => {
      const res = await w.t.request('GET', `/api/problems?campaignId=${w.campaignId}&pageSize=100`, w.admin);
      expect(res.statusCode, res.body).toBe(200);
      const list = res.json();
      const item = list.items.find((x: { id: number }) => x.id === p.id);
      const detail = (await w.t.request('GET', `/api/problems/${p.id}`, w.admin)).json().problem;
      expect(detail.deadlineInfo).toEqual(item.deadlineInfo);
      return item;
    };
    expect((await seen()).deadlineInfo).toEqual({
      date: '2020-02-01',
      effective: '2020-02-01',
      policy: 'keep',
      nonWorking: '春节',
    });
    expect((await seen()).overdue).toBe(false);
    // Sessions last 12 hours: sign in again on the later day.
    w.t.clock.set('2020-02-02T02:00:00Z');
    w.admin = await w.t.login('admin', ADMIN_PASSWORD);
    expect((await seen()).overdue).toBe(true);
  });
});
