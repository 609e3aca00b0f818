// Migration 2026-12-03-026 merges the per-finding 数据比对 problems filed before into groups (per
// campaign × street × rule: the open ones into one open group, the closed ones into one closed
// group). Seeded in the old shape on both databases, merged, and checked row by row.
import { type RuleId, screeningRule } from '@paicha/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../test/databases.js';
import { startTestApp, type TestApp } from '../test/harness.js';
import { checkItemId, insertProblem, insertProblemEvent, unitIdByName } from '../test/tables.js';
import { mergePerFindingProblems } from './migrations/2026-12-03-026-finding-groups.js';

describe.each(DIALECTS)('merging per-finding problems into groups on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it('merges per street × rule, keeps closed ones closed, repoints findings, history and reminders', async () => {
    const campaignId = (await t.ctx.db.selectFrom('campaigns').select('id').executeTakeFirstOrThrow()).id;
    const zhongyun = await unitIdByName(t, '中云街道');
    const houzui = await unitIdByName(t, '猴嘴街道');
    const other = await insertProblem(t, {
      campaign_id: campaignId,
      check_item_id: await checkItemId(t, campaignId, 13),
      unit_id: zhongyun,
    });
    // The old shape: one problem per finding, its finding_key the finding's.
    const old = async (
      rule: RuleId,
      hh: string,
      unitId: number,
      status: 'pending' | 'rectifying' | 'closed',
      resolved: boolean,
    ) => {
      const key = `${rule}:${hh}`;
      const at = '2019-12-20T02:00:00.000Z';
      const id = await insertProblem(t, {
        campaign_id: campaignId,
        check_item_id: await checkItemId(t, campaignId, screeningRule(rule).checkItem),
        unit_id: unitId,
        source: '数据比对',
        description: `户${hh}问题`,
        finding_key: key,
        status,
        closed_at: status === 'closed' ? '2019-12-25T02:00:00.000Z' : null,
        screening_cleared_at: resolved ? '2019-12-24T02:00:00.000Z' : null,
      });
      await t.ctx.db
        .insertInto('findings')
        .values({
          campaign_id: campaignId,
          finding_key: key,
          rule_id: rule,
          check_item: screeningRule(rule).checkItem,
          unit_id: unitId,
          household_id: hh,
          detail: `户${hh}`,
          first_run_id: 1,
          last_run_id: 1,
          resolved_at: resolved ? '2019-12-24T02:00:00.000Z' : null,
          problem_id: id,
          created_at: at,
          updated_at: at,
        })
        .execute();
      await insertProblemEvent(t, { problem_id: id, kind: 'created', event_date: '2019-12-20' });
      if (status !== 'pending')
        await insertProblemEvent(t, {
          problem_id: id,
          kind: 'progress',
          event_date: '2019-12-21',
          text: `核实${hh}`,
        });
      return id;
    };
    const a1 = await old('income_below_line', 'A1', zhongyun, 'pending', false);
    await old('income_below_line', 'A2', zhongyun, 'rectifying', true);
    await old('income_below_line', 'A3', zhongyun, 'closed', true);
    await old('income_below_line', 'A4', zhongyun, 'closed', true);
    await old('income_below_line', 'B1', houzui, 'pending', false);
    await old('no_safe_water', 'A1', zhongyun, 'pending', true);
    await t.ctx.db
      .insertInto('notifications')
      .values({
        unit_id: zhongyun,
        kind: 'upcoming',
        entity: 'problem',
        entity_id: a1,
        title: '提醒',
        body: '',
        link: `/problems/${a1}`,
        due_date: '2020-03-31',
        dedup_key: `problem:${a1}:x`,
        created_by: null,
        created_at: '2019-12-20T02:00:00.000Z',
        emailed_at: null,
      })
      .execute();

    await t.ctx.db.transaction().execute((trx) => mergePerFindingProblems(trx));

    const groups = await t.ctx.db
      .selectFrom('problems as p')
      .innerJoin('units as u', 'u.id', 'p.unit_id')
      .select(['p.id', 'u.name', 'p.finding_rule', 'p.status', 'p.findings_total', 'p.findings_done'])
      .select(['p.description', 'p.finding_key', 'p.screening_cleared_at', 'p.closed_at'])
      .where('p.source', '=', '数据比对')
      .orderBy('p.id')
      .execute();
    const shape = groups.map((g) => [g.name, g.finding_rule, g.status, g.findings_total, g.findings_done]);
    expect(shape.sort()).toEqual(
      [
        ['中云街道', 'income_below_line', 'rectifying', 2, 1],
        ['中云街道', 'income_below_line', 'closed', 2, 2],
        ['中云街道', 'no_safe_water', 'pending', 1, 1],
        ['猴嘴街道', 'income_below_line', 'pending', 1, 0],
      ].sort(),
    );
    expect(groups.every((g) => g.finding_key === null)).toBe(true);
    const open = groups.find((g) => g.finding_rule === 'income_below_line' && g.status === 'rectifying');
    expect(open?.description).toBe('数据比对：已脱贫户人均纯收入低于脱贫标准（中云街道，2户）');
    expect(open?.screening_cleared_at).toBeNull();
    const closed = groups.find((g) => g.status === 'closed');
    expect(closed?.closed_at).toBe('2019-12-25T02:00:00.000Z');
    expect(groups.find((g) => g.finding_rule === 'no_safe_water')?.screening_cleared_at).not.toBeNull();

    // Findings point at their groups; the members are gone, the office's own problem stays.
    const findings = await t.ctx.db
      .selectFrom('findings')
      .select(['household_id', 'rule_id', 'problem_id'])
      .execute();
    for (const f of findings) expect(groups.map((g) => g.id)).toContain(f.problem_id);
    expect(
      await t.ctx.db.selectFrom('problems').select('id').where('finding_key', 'is not', null).execute(),
    ).toEqual([]);
    expect(await t.ctx.db.selectFrom('problems').select('id').where('id', '=', other).execute()).toHaveLength(
      1,
    );

    // History: the members' work moved onto the group, under one merge note.
    const events = await t.ctx.db
      .selectFrom('problem_events')
      .select(['kind', 'text'])
      .where('problem_id', '=', open?.id as number)
      .orderBy('id')
      .execute();
    expect(events.filter((e) => e.kind === 'created')).toHaveLength(1);
    expect(events.find((e) => e.kind === 'created')?.text).toContain('由2条');
    expect(events.filter((e) => e.kind === 'progress').map((e) => e.text)).toEqual(['核实A2']);
    const reminder = await t.ctx.db
      .selectFrom('notifications')
      .select(['entity_id', 'link'])
      .executeTakeFirstOrThrow();
    expect(reminder.entity_id).toBe(open?.id);
    expect(reminder.link).toBe(`/problems/${open?.id}`);

    // The tallies (kept by triggers) equal a plain count.
    const key = ['campaign_id', 'unit_id', 'check_item_id', 'source', 'status', 'mode'] as const;
    const plain = await t.ctx.db
      .selectFrom('problems')
      .select([...key, sql<string>`coalesce(deadline, '')`.as('deadline'), sql<number>`count(*)`.as('n')])
      .groupBy([...key, 'deadline'])
      .execute();
    const tallies = await t.ctx.db.selectFrom('problem_tallies').selectAll().where('n', '>', 0).execute();
    const norm = (rows: Record<string, unknown>[]) =>
      rows.map((x) => JSON.stringify({ ...x, n: Number(x.n) }, Object.keys(x).sort())).sort();
    expect(norm(tallies)).toEqual(norm(plain));
  });
});
