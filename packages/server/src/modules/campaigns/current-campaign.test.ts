// One current campaign for every area and the CLI: the one running today, else the next to start,
// else the last ended — at the boundary days — and a person's explicit choice kept on the server.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCommand } from '../../cli/export-command.js';
import { DIALECTS } from '../../test/databases.js';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../../test/harness.js';
import { checkItemId, insertProblem, unitIdByName } from '../../test/tables.js';

const day = (d: string) => `${d}T02:00:00Z`; // 10:00 in China, the same calendar day

describe.each(DIALECTS)('the current campaign on %s', (dialect) => {
  let t: TestApp;
  let admin: string;
  let street: { id: number; username: string; cookie: string };
  let plan: number; // the seeded plan: 2019-11-28 … 2020-06-30
  let next: { id: number; startDate: string; endDate: string };
  const outDir = mkdtempSync(path.join(tmpdir(), 'paicha-current-'));

  beforeAll(async () => {
    t = await startTestApp(dialect, { now: day('2020-03-10') });
    admin = await t.login('admin', ADMIN_PASSWORD);
    street = await t.userIn('中云街道', 'reporter');
    plan = (await t.request('GET', '/api/campaigns', admin)).json()[0].id;
    const res = await t.request('POST', '/api/campaigns', admin, {
      title: '第二轮问题大排查',
      startDate: '2020-11-26',
    });
    expect(res.statusCode).toBe(200);
    next = res.json();
    const unitId = await unitIdByName(t, '中云街道');
    for (const [campaignId, description] of [
      [plan, '第一轮的问题'],
      [next.id, '第二轮的问题'],
    ] as const)
      await insertProblem(t, {
        campaign_id: campaignId,
        check_item_id: await checkItemId(t, campaignId, 13),
        unit_id: unitId,
        description,
      });
  });
  afterAll(async () => {
    rmSync(outDir, { recursive: true, force: true });
    await t.close();
  });

  // Moving the clock by months expires sessions: each day signs in again.
  const on = async (d: string) => {
    t.clock.set(day(d));
    admin = await t.login('admin', ADMIN_PASSWORD);
    street.cookie = await t.login(street.username, `${street.username}-password`);
  };
  const seen = async (cookie: string) => {
    const current = (await t.request('GET', '/api/campaigns/current', cookie)).json();
    const ledger = (await t.request('GET', '/api/problems', cookie)).json();
    const counts = (await t.request('GET', '/api/problems/counts?groupBy=unit', cookie)).json();
    return {
      current,
      ledger: ledger.items.map((p: { description: string }) => p.description),
      counted: counts.reduce((n: number, r: { found: number }) => n + r.found, 0),
    };
  };

  it('creating a campaign that starts later moves nobody: the running one stays current to its last day', async () => {
    for (const d of ['2020-03-10', '2020-06-30']) {
      await on(d);
      for (const cookie of [admin, street.cookie]) {
        const s = await seen(cookie);
        expect(s.current).toEqual({ campaignId: plan, currentId: plan, chosenId: null });
        expect(s.ledger).toEqual(['第一轮的问题']);
        expect(s.counted).toBe(1);
      }
    }
  });

  it('between two campaigns is the next to start; from its start day it is that one', async () => {
    for (const d of ['2020-07-01', '2020-11-25', '2020-11-26', next.endDate]) {
      await on(d);
      const s = await seen(street.cookie);
      expect(s.current).toEqual({ campaignId: next.id, currentId: next.id, chosenId: null });
      expect(s.ledger).toEqual(['第二轮的问题']);
    }
  });

  it('with none running: before all, the first to start; after all, the last ended', async () => {
    await on('2019-01-01');
    expect((await seen(street.cookie)).current.campaignId).toBe(plan);
    await on('2030-01-01');
    expect((await seen(street.cookie)).current.campaignId).toBe(next.id);
  });

  it("keeps a person's explicit choice on the server, for every session of theirs, until cleared", async () => {
    await on('2021-03-01');
    const chosen = await t.request('PUT', '/api/campaigns/current', street.cookie, { campaignId: plan });
    expect(chosen.json()).toEqual({ campaignId: plan, currentId: next.id, chosenId: plan });
    // Another browser: a new sign-in of the same person.
    const again = await t.login(street.username, `${street.username}-password`);
    expect((await seen(again)).ledger).toEqual(['第一轮的问题']);
    // Nobody else moves with them.
    expect((await seen(admin)).current.campaignId).toBe(next.id);
    const cleared = await t.request('PUT', '/api/campaigns/current', street.cookie, { campaignId: null });
    expect(cleared.json()).toEqual({ campaignId: next.id, currentId: next.id, chosenId: null });
    expect((await seen(again)).ledger).toEqual(['第二轮的问题']);
  });

  it('refuses choosing a campaign that does not exist, and a ledger request naming one', async () => {
    const res = await t.request('PUT', '/api/campaigns/current', street.cookie, { campaignId: 999_999 });
    expect(res.statusCode).toBe(404);
    expect((await t.request('GET', '/api/problems?campaignId=999999', street.cookie)).statusCode).toBe(404);
  });

  it('the CLI export without --campaign uses the same rule', async () => {
    const config = (now: string) => ({ ...t.ctx.config, fixedTime: day(now) });
    const out = (name: string) => path.join(outDir, name);
    // While the plan runs (the second campaign already created), its periods export.
    expect(
      await exportCommand(
        ['monthly', '--consolidated', '--period', '2020-01', '--out', out('a.xlsx')],
        config('2020-03-10'),
      ),
    ).toBe(0);
    expect(existsSync(out('a.xlsx'))).toBe(true);
    // Once the second campaign runs, it is the one meant: the plan's period needs --campaign.
    await expect(
      exportCommand(
        ['monthly', '--consolidated', '--period', '2020-01', '--out', out('b.xlsx')],
        config('2020-12-20'),
      ),
    ).rejects.toThrow(/当前工作活动/);
    expect(
      await exportCommand(
        [
          'monthly',
          '--consolidated',
          '--period',
          '2020-01',
          '--campaign',
          String(plan),
          '--out',
          out('c.xlsx'),
        ],
        config('2020-12-20'),
      ),
    ).toBe(0);
    expect(
      await exportCommand(
        ['monthly', '--consolidated', '--period', '2021-01', '--out', out('d.xlsx')],
        config('2020-12-20'),
      ),
    ).toBe(0);
  });
});
