// The tallies behind counts and list totals (kept by triggers on problems) always equal a plain
// GROUP BY over the problems, through status changes, moves, edits and 交办.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/databases.js';
import { tinyPng, upload } from '../../test/files.js';
import type { TestApp } from '../../test/harness.js';
import { type ProblemBody, problemBody, recordProblem, startLedgerApp } from '../../test/problems.js';
import { unitIdByName } from '../../test/tables.js';

const TODAY = '2020-01-10';

describe.each(DIALECTS)('ledger tallies on %s', (dialect) => {
  let t: TestApp;
  let admin: string;
  let street: { cookie: string };
  let campaignId: number;

  beforeAll(async () => {
    ({ t, admin, reporter: street, campaignId } = await startLedgerApp(dialect, `${TODAY}T02:00:00Z`));
  });
  afterAll(() => t.close());

  const add = (cookie: string, o: Partial<ProblemBody>) =>
    recordProblem(t, cookie, problemBody(campaignId, o));
  const unitId = (name: string) => unitIdByName(t, name);

  it('keeps counts and list totals equal to a plain recount through status changes, moves and edits', async () => {
    const p = await add(street.cookie, { checkItem: 22, deadline: '2020-01-05', source: '巡视' });
    const q = await add(street.cookie, { checkItem: 32, mode: '立行立改', deadline: null });
    const r = await add(street.cookie, { checkItem: 13, deadline: '2020-02-01' });
    const step = async (who: string, url: string, body: object) => {
      const res = await t.request('POST', url, who, body);
      expect(res.statusCode, `${url} ${res.body}`).toBe(200);
      return res.json().problem.version as number;
    };
    const withEvidence = async (id: number, version: number) => {
      const file = (await upload(t, street.cookie, '整改照片.png', tinyPng(), 'image/png')).json()
        .id as number;
      const body = { version, date: '2020-01-09', text: '已整改', attachmentIds: [file] };
      return step(street.cookie, `/api/problems/${id}/progress`, body);
    };
    let v = await withEvidence(p.id, p.version);
    v = await step(street.cookie, `/api/problems/${p.id}/submit`, { version: v, text: '' });
    v = await step(admin, `/api/problems/${p.id}/return`, { version: v, reason: '材料不全' });
    v = await step(street.cookie, `/api/problems/${p.id}/submit`, { version: v, text: '' });
    await step(admin, `/api/problems/${p.id}/close`, { version: v, text: '' });
    await step(street.cookie, `/api/problems/${q.id}/submit`, {
      version: await withEvidence(q.id, q.version),
      text: '',
    });
    const moved = await t.request('PATCH', `/api/problems/${r.id}`, street.cookie, {
      version: r.version,
      deadline: '2020-01-02',
      source: '审计',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const office = await add(admin, { checkItem: 5, source: '审计', unitId: await unitId('区财政局') });
    await step(admin, `/api/problems/${office.id}/assign`, { version: 1, unitId: await unitId('区住建局') });

    // The tallies themselves: every non-empty one equals a GROUP BY over the problems.
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

    for (const groupBy of ['unit', 'item', 'source'] as const) {
      const counts = (await t.request('GET', `/api/problems/counts?groupBy=${groupBy}`, admin)).json();
      const column = { unit: 'unit_id', item: 'check_item_id', source: 'source' }[groupBy];
      const again = await t.ctx.db
        .selectFrom('problems')
        .select([
          sql<string>`${sql.ref(column)}`.as('k'),
          sql<number>`count(*)`.as('found'),
          sql<number>`sum(case when status = 'closed' then 1 else 0 end)`.as('closed'),
          sql<number>`sum(case when status <> 'closed' and deadline < ${TODAY} then 1 else 0 end)`.as(
            'overdue',
          ),
        ])
        .groupBy(column as never)
        .execute();
      const sum = (k: 'found' | 'closed' | 'overdue') =>
        counts.reduce((s: number, c: Record<string, number>) => s + (c[k] ?? 0), 0);
      for (const k of ['found', 'closed', 'overdue'] as const)
        expect(sum(k), `${groupBy} ${k}`).toBe(again.reduce((s, x) => s + Number(x[k]), 0));
    }
    for (const [qs, where] of [
      ['', sql`true`],
      ['status=closed,awaiting_review', sql`status in ('closed', 'awaiting_review')`],
      ['overdue=1', sql`status <> 'closed' and deadline < ${TODAY}`],
      ['overdue=0', sql`(status = 'closed' or deadline is null or deadline >= ${TODAY})`],
      ['deadlineTo=2020-01-31', sql`deadline <= '2020-01-31'`],
      [`source=${encodeURIComponent('审计')}`, sql`source = '审计'`],
      [`mode=${encodeURIComponent('立行立改')}`, sql`mode = '立行立改'`],
      ['checkItem=22', sql`check_item_id = (select id from check_items where seq = 22)`],
    ] as const) {
      const listed = (await t.request('GET', `/api/problems?${qs}`, admin)).json().total;
      const row = await t.ctx.db
        .selectFrom('problems')
        .select(sql<number>`count(*)`.as('n'))
        .where(where as never)
        .executeTakeFirstOrThrow();
      expect(listed, qs).toBe(Number(row.n));
    }
  });
});
