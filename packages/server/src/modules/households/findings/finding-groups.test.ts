// Screening files one ledger problem per street × rule with its findings inside: a later run adds
// to the open group, done findings make its progress, 销号 waits for every one, a finding found
// again after 销号 opens the next group. Both databases.
import { groupDescription } from '@paicha/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/databases.js';
import { tinyPng, upload } from '../../../test/files.js';
import { routedFinding, syncRun } from '../../../test/findings.js';
import { type LedgerApp, startLedgerApp } from '../../../test/problems.js';
import { unitIdByName } from '../../../test/tables.js';
import { routeFindings } from './findings-sync.js';
import { refreshGroup } from './ledger.repository.js';

describe.each(DIALECTS)('grouped screening problems on %s', (dialect) => {
  let L: LedgerApp;
  let zhongyun: number;
  let houzui: number;
  beforeAll(async () => {
    L = await startLedgerApp(dialect);
    zhongyun = await unitIdByName(L.t, '中云街道');
    houzui = await unitIdByName(L.t, '猴嘴街道');
  });
  afterAll(async () => L?.t.close());

  const ledger = async (cookie: string) =>
    (await L.t.request('GET', '/api/problems?source=数据比对&pageSize=100', cookie)).json().items as {
      id: number;
      version: number;
      description: string;
      status: string;
      unit: { name: string };
      findings: { rule: string; total: number; done: number };
      screeningClearedAt: string | null;
    }[];
  const incomes = (n: number, from = 1) =>
    Array.from({ length: n }, (_, i) => routedFinding('income_below_line', `Z${from + i}`, zhongyun));

  it('files one problem per street × rule, and a re-run adds to the open group', async () => {
    const { t, campaignId, admin } = L;
    const water = routedFinding('no_safe_water', 'Z1', zhongyun);
    const elsewhere = routedFinding('income_below_line', 'H1', houzui, { township: '猴嘴街道' });
    const first = await syncRun(
      t,
      campaignId,
      [...incomes(3), water, elsewhere],
      ['income_below_line', 'no_safe_water'],
    );
    expect(first).toMatchObject({ new: 5, problemsCreated: 3 });
    const before = await ledger(admin);
    expect(before).toHaveLength(3);
    const income = before.find((p) => p.findings.rule === 'income_below_line' && p.unit.name === '中云街道');
    expect(income).toMatchObject({
      description: groupDescription('income_below_line', '中云街道', 3),
      findings: { total: 3, done: 0 },
      status: 'pending',
    });
    expect(income?.description).toBe('数据比对：已脱贫户人均纯收入低于脱贫标准（中云街道，3户）');

    const second = await syncRun(
      t,
      campaignId,
      [...incomes(5), water, elsewhere],
      ['income_below_line', 'no_safe_water'],
    );
    expect(second).toMatchObject({ new: 2, problemsCreated: 0 });
    const after = await ledger(admin);
    expect(after.map((p) => p.id).sort()).toEqual(before.map((p) => p.id).sort());
    const grown = after.find((p) => p.id === income?.id);
    expect(grown).toMatchObject({ findings: { total: 5, done: 0 } });
    expect(grown?.description).toContain('（中云街道，5户）');
    // Its findings are listed inside it.
    const inside = (
      await t.request('GET', `/api/households/findings?problemId=${income?.id}&status=all`, L.reporter.cookie)
    ).json();
    expect(inside.total).toBe(5);
    expect(inside.items.map((f: { householdId: string }) => f.householdId)).toEqual([
      'Z1',
      'Z2',
      'Z3',
      'Z4',
      'Z5',
    ]);
  });

  it('counts cleared findings toward progress and refuses 销号 until every finding is done', async () => {
    const { t, campaignId, admin, reporter } = L;
    const group = () =>
      ledger(admin).then((ps) =>
        ps.find((p) => p.findings.rule === 'income_below_line' && p.unit.name === '中云街道'),
      );
    let g = await group();
    if (!g) throw new Error('no group');
    const evidence = (await upload(t, reporter.cookie, '整改照片.png', tinyPng(), 'image/png')).json()
      .id as number;
    const progress = await t.request('POST', `/api/problems/${g.id}/progress`, reporter.cookie, {
      version: g.version,
      date: '2019-12-20',
      text: '已逐户核对收入',
      attachmentIds: [evidence],
    });
    expect(progress.statusCode, progress.body).toBe(200);
    g = await group();
    const refused = await t.request('POST', `/api/problems/${g?.id}/submit`, reporter.cookie, {
      version: g?.version,
      text: '',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.message).toContain('还有5条问题线索未完成');

    // Two households no longer found: two of five done, still refused with the three left.
    await syncRun(t, campaignId, incomes(3, 3), ['income_below_line']);
    g = await group();
    expect(g?.findings).toMatchObject({ total: 5, done: 2 });
    expect(g?.screeningClearedAt).toBeNull();
    const still = await t.request('POST', `/api/problems/${g?.id}/submit`, reporter.cookie, {
      version: g?.version,
      text: '',
    });
    expect(still.json().error.message).toContain('还有3条');
    const partial = (
      await t.request('GET', `/api/households/findings?problemId=${g?.id}&status=resolved`, reporter.cookie)
    ).json();
    expect(partial.items.map((f: { householdId: string }) => f.householdId)).toEqual(['Z1', 'Z2']);

    // None found: the group is done and cleared; 销号 goes through.
    const run = await syncRun(t, campaignId, [], ['income_below_line']);
    expect(run.problemsCleared).toBe(1);
    g = await group();
    expect(g?.findings).toMatchObject({ total: 5, done: 5 });
    expect(g?.screeningClearedAt).not.toBeNull();
    const submitted = await t.request('POST', `/api/problems/${g?.id}/submit`, reporter.cookie, {
      version: g?.version,
      text: '',
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const closed = await t.request('POST', `/api/problems/${g?.id}/close`, admin, {
      version: submitted.json().problem.version,
      text: '',
    });
    expect(closed.statusCode, closed.body).toBe(200);

    // One household found again: the closed group keeps its history, a new open group takes it.
    const back = await syncRun(t, campaignId, incomes(1, 2), ['income_below_line']);
    expect(back).toMatchObject({ reappeared: 1, problemsCreated: 1, problemsReopened: 1 });
    const groups = (await ledger(admin)).filter(
      (p) => p.findings.rule === 'income_below_line' && p.unit.name === '中云街道',
    );
    expect(groups.map((p) => [p.status, p.findings.total, p.findings.done]).sort()).toEqual([
      ['closed', 5, 5],
      ['pending', 1, 0],
    ]);
    // The office accepts that household as 不属实: done, the new group is complete and cleared.
    const next = groups.find((p) => p.status === 'pending');
    await t.ctx.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('findings')
        .set({ verification: 'dispute_accepted' })
        .where('problem_id', '=', next?.id as number)
        .execute();
      const at = t.clock.now().toISOString();
      await refreshGroup(trx, next?.id as number, {
        id: null,
        campaignId,
        at,
        actorId: null,
        today: t.clock.today(),
      });
    });
    const accepted = (await ledger(admin)).find((p) => p.id === next?.id);
    expect(accepted?.findings).toMatchObject({ total: 1, done: 1 });
    expect(accepted?.screeningClearedAt).not.toBeNull();
    // Screening still finds it, but the office's acceptance keeps it done.
    await syncRun(t, campaignId, incomes(1, 2), ['income_below_line']);
    expect((await ledger(admin)).find((p) => p.id === next?.id)?.findings).toMatchObject({
      total: 1,
      done: 1,
    });

    // The closed one cannot be reopened while the next is open.
    const old = groups.find((p) => p.status === 'closed');
    const reopen = await t.request('POST', `/api/problems/${old?.id}/reopen`, admin, {
      version: old?.version,
      reason: '复查',
    });
    expect(reopen.statusCode).toBe(409);
  });

  it("hands a re-mapped place's findings to the new street's group, with a 交办 note on a worked-on group", async () => {
    const { t, campaignId, admin, reporter } = L;
    const water = routedFinding('no_safe_water', 'Z1', zhongyun);
    const moved = routedFinding('no_safe_water', 'X1', zhongyun, { township: '新坝乡' });
    await syncRun(t, campaignId, [water, moved], ['no_safe_water']);
    const g = (await ledger(admin)).find(
      (p) => p.findings.rule === 'no_safe_water' && p.unit.name === '中云街道',
    );
    expect(g?.findings.total).toBe(2);
    // The street has started on it: it stays, with a note of what left.
    const res = await t.request('POST', `/api/problems/${g?.id}/progress`, reporter.cookie, {
      version: g?.version,
      date: '2019-12-20',
      text: '已安排入户核实',
      attachmentIds: [],
    });
    expect(res.statusCode, res.body).toBe(200);
    await t.ctx.db.transaction().execute((trx) =>
      routeFindings(trx, {
        place: '新坝乡',
        unitId: houzui,
        at: t.clock.now().toISOString(),
        today: t.clock.today(),
        actor: null,
      }),
    );
    const after = await ledger(admin);
    expect(after.find((p) => p.id === g?.id)?.findings.total).toBe(1);
    const theirs = after.find((p) => p.findings.rule === 'no_safe_water' && p.unit.name === '猴嘴街道');
    expect(theirs?.findings).toMatchObject({ total: 1, done: 0 });
    const history = (await t.request('GET', `/api/problems/${g?.id}`, admin)).json().events;
    expect(history.at(-1)).toMatchObject({ kind: 'assigned' });
    expect(history.at(-1).text).toBe('地名“新坝乡”改为对应猴嘴街道，1条问题线索交办猴嘴街道');
  });
});
