// Overdue is one rule: core's isOverdue states it, overdue.repository.ts writes it in SQL. Every
// query that filters or counts overdue problems (the list's filter and total, the tallied counts,
// supervision's as-of counts) must agree with core on the boundary days, on both databases.
import { isOverdue, type ProblemMode, type ProblemStatus } from '@paicha/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/databases.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { problemCountsAsOf } from '../supervision/supervision.repository.js';
import { notOverdueSql, overdueSql, problemColumns } from './overdue.repository.js';
import { listProblems } from './problem-list.repository.js';
import { countBySource, countProblems } from './tallies.repository.js';

const TODAY = '2020-03-10';

interface Case {
  name: string;
  status: ProblemStatus;
  mode: ProblemMode;
  deadline: string | null;
}

const CASES: Case[] = [
  { name: 'deadline today', status: 'rectifying', mode: '限期整改', deadline: TODAY },
  { name: 'deadline yesterday', status: 'rectifying', mode: '限期整改', deadline: '2020-03-09' },
  { name: 'deadline tomorrow', status: 'pending', mode: '限期整改', deadline: '2020-03-11' },
  { name: 'returned, deadline yesterday', status: 'returned', mode: '限期整改', deadline: '2020-03-09' },
  {
    name: 'awaiting review, deadline long past',
    status: 'awaiting_review',
    mode: '限期整改',
    deadline: '2020-01-02',
  },
  { name: 'closed, deadline yesterday', status: 'closed', mode: '限期整改', deadline: '2020-03-09' },
  { name: 'closed today, deadline today', status: 'closed', mode: '限期整改', deadline: TODAY },
  { name: '立行立改 without a deadline', status: 'pending', mode: '立行立改', deadline: null },
  { name: '立行立改 closed without a deadline', status: 'closed', mode: '立行立改', deadline: null },
  {
    name: '立行立改 with yesterday as its deadline',
    status: 'rectifying',
    mode: '立行立改',
    deadline: '2020-03-09',
  },
  { name: '立行立改 with today as its deadline', status: 'rectifying', mode: '立行立改', deadline: TODAY },
];

describe.each(DIALECTS)('overdue: SQL and core agree on %s', (dialect) => {
  let t: TestApp;
  let campaignId: number;
  const ids = new Map<number, Case>();

  beforeAll(async () => {
    t = await startTestApp(dialect, { now: `${TODAY}T02:00:00Z` });
    const link = await t.ctx.db
      .selectFrom('item_units as iu')
      .innerJoin('check_items as i', 'i.id', 'iu.check_item_id')
      .select(['i.id as itemId', 'i.campaign_id as campaignId', 'iu.unit_id as unitId'])
      .orderBy('i.campaign_id')
      .orderBy('i.seq')
      .executeTakeFirstOrThrow();
    campaignId = link.campaignId;
    const at = '2020-01-02T02:00:00.000Z';
    for (const c of CASES) {
      const row = await t.ctx.db
        .insertInto('problems')
        .values({
          campaign_id: link.campaignId,
          check_item_id: link.itemId,
          unit_id: link.unitId,
          source: '自查',
          description: c.name,
          found_date: '2020-01-02',
          place: '某村',
          household_ref: null,
          cause: '',
          measures: '',
          responsible_leader: '',
          responsible_person: '',
          mode: c.mode,
          deadline: c.deadline,
          deadline_reason: '',
          status: c.status,
          created_by: null,
          created_at: at,
          updated_at: at,
          submitted_at: null,
          // Closed out earlier today: the as-of count at the end of today sees it closed.
          closed_at: c.status === 'closed' ? `${TODAY}T01:00:00.000Z` : null,
          finding_key: null,
          screening_cleared_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.set(row.id, c);
    }
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  const coreOverdue = () =>
    [...ids]
      .filter(([, c]) => isOverdue(c, TODAY))
      .map(([id]) => id)
      .sort((a, b) => a - b);
  const coreCount = () => coreOverdue().length;

  it('core sees the boundary days as the rule says', () => {
    const overdue = CASES.filter((c) => isOverdue(c, TODAY)).map((c) => c.name);
    expect(overdue).toEqual([
      'deadline yesterday',
      'returned, deadline yesterday',
      'awaiting review, deadline long past',
      '立行立改 with yesterday as its deadline',
    ]);
  });

  it('the SQL expression and its negation agree with core row by row', async () => {
    const rows = await t.ctx.db
      .selectFrom('problems')
      .select((eb) => [
        'id',
        eb.case().when(overdueSql(problemColumns(), TODAY)).then(1).else(0).end().as('overdue'),
        eb.case().when(notOverdueSql(problemColumns(), TODAY)).then(1).else(0).end().as('notOverdue'),
      ])
      .where('campaign_id', '=', campaignId)
      .execute();
    expect(rows).toHaveLength(CASES.length);
    for (const r of rows) {
      const c = ids.get(r.id);
      const expected = c ? isOverdue(c, TODAY) : null;
      expect({ name: c?.name, overdue: Number(r.overdue) === 1 }).toEqual({
        name: c?.name,
        overdue: expected,
      });
      expect(Number(r.notOverdue)).toBe(1 - Number(r.overdue));
    }
  });

  it("the list's overdue filter and its total (from the tallies) agree with core", async () => {
    const page = { sort: 'id' as const, order: 'asc' as const, offset: 0, limit: 100 };
    const overdue = await listProblems(t.ctx.db, { campaignId, today: TODAY, overdue: '1' }, page, dialect);
    expect(overdue.rows.map((r) => r.id)).toEqual(coreOverdue());
    expect(overdue.total).toBe(coreCount());
    const onTime = await listProblems(t.ctx.db, { campaignId, today: TODAY, overdue: '0' }, page, dialect);
    expect(onTime.rows.map((r) => r.id)).toEqual([...ids.keys()].filter((id) => !coreOverdue().includes(id)));
    expect(onTime.total).toBe(CASES.length - coreCount());
  });

  it('the tallied counts (ledger counts, reports, dashboard) agree with core', async () => {
    const byUnit = await countProblems(t.ctx.db, { campaignId, groupBy: 'unit', today: TODAY });
    expect(byUnit.reduce((sum, r) => sum + r.overdue, 0)).toBe(coreCount());
    const bySource = await countBySource(t.ctx.db, { campaignId, today: TODAY });
    expect(bySource.reduce((sum, r) => sum + r.overdue, 0)).toBe(coreCount());
  });

  it("supervision's counts as of today agree with core", async () => {
    const rows = await problemCountsAsOf(t.ctx.db, campaignId, TODAY);
    expect(rows.reduce((sum, r) => sum + r.overdue, 0)).toBe(coreCount());
  });
});
