// The ledger at scale: the search box finds Chinese words of any length exactly as LIKE does,
// the tallies behind counts and totals always equal a plain recount, and with tens of thousands
// of problems every list page, filter, sort, count and 3+ character search is answered from an
// index (the query plans say so), never by reading the whole ledger.
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { type CompiledQuery, Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../db/schema.js';
import { seedBulkProblems } from '../../test/bulk-problems.js';
import { DIALECTS } from '../../test/databases.js';
import { tinyPng, upload } from '../../test/files.js';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../../test/harness.js';
import { firstCampaignId, type ProblemBody, problemBody } from '../../test/problems.js';
import { listProblems, type ProblemFilter } from './problems.repository.js';
import { resolveSearch } from './problems.search.js';
import { countBySource, countProblems } from './problems.stats.js';

const TODAY = '2020-01-10';
const SEARCHED = [
  'description',
  'place',
  'cause',
  'measures',
  'responsible_leader',
  'responsible_person',
  'household_ref',
];

describe.each(DIALECTS)('ledger search, tallies and query plans on %s', (dialect) => {
  let t: TestApp;
  let admin: string;
  let street: { cookie: string };
  let campaignId: number;

  beforeAll(async () => {
    t = await startTestApp(dialect, { now: `${TODAY}T02:00:00Z` });
    admin = await t.login('admin', ADMIN_PASSWORD);
    street = await t.userIn('中云街道', 'reporter');
    campaignId = await firstCampaignId(t, admin);
  });
  afterAll(() => t.close());

  const add = async (cookie: string, o: Partial<ProblemBody>) => {
    const res = await t.request('POST', '/api/problems', cookie, problemBody(campaignId, o));
    expect(res.statusCode, res.body).toBe(200);
    return res.json().problem as { id: number; version: number };
  };
  const search = async (q: string) => {
    const res = await t.request('GET', `/api/problems?pageSize=200&q=${encodeURIComponent(q)}`, admin);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { items: { id: number }[]; total: number; totalCapped: boolean };
    return { ids: body.items.map((i) => i.id).sort((a, b) => a - b), total: body.total };
  };
  /** What LIKE over each searched column finds (the meaning the indexes must keep). */
  const recount = async (q: string) => {
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = await t.ctx.db
      .selectFrom('problems')
      .select('id')
      .where((eb) =>
        eb.or([
          // A number is also a problem number.
          ...(/^\d+$/.test(q) ? [eb('id', '=', Number(q))] : []),
          ...SEARCHED.map((c) => sql<boolean>`${sql.ref(c)} like ${like} escape '\\'`),
        ]),
      )
      .orderBy('id')
      .execute();
    return rows.map((r) => r.id);
  };

  it('finds Chinese words of 1, 2 and 3+ characters exactly as LIKE does, and follows edits', async () => {
    const a = await add(street.cookie, { description: '住D级危房未改造', place: '东风村' });
    const b = await add(street.cookie, { description: '危房', place: '西山村', responsiblePerson: '张三丰' });
    await add(street.cookie, { description: '自来水未入户', place: '东风村', householdRef: 'HH-0042' });
    await add(street.cookie, { description: '100%完成率不实', place: '南_村' });
    for (const q of [
      '危',
      '危房',
      '危房未改造',
      '东风村',
      '三丰',
      '丰',
      'HH-0042',
      '42',
      '2',
      'hh',
      '水库',
      'd级危房',
      '100%',
      '南_村',
      '造东',
      '无此问题',
    ]) {
      const expected = await recount(q);
      const found = await search(q);
      expect(found.ids, q).toEqual(expected);
      expect(found.total, q).toBe(expected.length);
    }
    // Across two columns is not a match: 住D级危房未改造 | 东风村 never reads 造东.
    expect((await search('造东')).total).toBe(0);
    expect((await search(String(b.id))).ids).toContain(b.id);

    const edited = await t.request('PATCH', `/api/problems/${a.id}`, street.cookie, {
      version: a.version,
      description: '饮水安全不达标',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await search('危房未改造')).ids).not.toContain(a.id);
    expect((await search('饮水安全')).ids).toEqual([a.id]);
  });

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

  it('answers every list page, filter, sort, count and 3+ character search from an index at 30,000 problems', async () => {
    await seedBulkProblems(t.ctx, 30_000);
    const { db, explain, captured, close } = await capturing();
    try {
      const street = await unitId('中云街道');
      const base: ProblemFilter = { campaignId, today: TODAY };
      const cases: [
        ProblemFilter,
        'id' | 'deadline' | 'foundDate' | 'status' | 'unit' | 'checkItem' | 'updatedAt',
      ][] = [
        [base, 'id'],
        [{ ...base, unitId: street }, 'id'],
        ...(['deadline', 'foundDate', 'status', 'unit', 'checkItem', 'updatedAt'] as const).flatMap(
          (s): [ProblemFilter, typeof s][] => [
            [base, s],
            [{ ...base, unitId: street }, s],
          ],
        ),
        [{ ...base, status: ['rectifying', 'returned'] }, 'id'],
        [{ ...base, checkItem: 13, unitId: street }, 'id'],
        [{ ...base, today: '2020-03-01', overdue: '1' }, 'deadline'],
        [{ ...base, source: ['审计'], category: '三保障' }, 'id'],
        [{ ...base, q: '危房未改造', search: await resolveSearch(db, dialect, '危房未改造') }, 'id'],
        [{ ...base, q: '第123村', search: await resolveSearch(db, dialect, '第123村') }, 'id'],
      ];
      for (const [f, sort] of cases) {
        const { rows } = await listProblems(db, f, { sort, order: 'desc', offset: 40, limit: 20 }, dialect);
        expect(rows.length, JSON.stringify(f)).toBeGreaterThan(0);
      }
      await countProblems(db, { campaignId, groupBy: 'unit', today: TODAY });
      await countProblems(db, { campaignId, groupBy: 'item', today: TODAY, unitId: street });
      await countBySource(db, { campaignId, today: TODAY });
      for (const q of captured) {
        // A full read of the ledger: SQLite `SCAN p` without an index, PostgreSQL `Seq Scan on
        // problems` — except straight under a Limit (a capped search count stops early).
        const plan = (await explain(q)).split('\n');
        plan.forEach((line, i) => {
          const capped = /^\s*(->\s*)?Limit/.test(plan[i - 1] ?? '');
          expect(line, q.sql).not.toMatch(/SCAN (p|problems)( |$)(?!USING)/);
          if (!capped) expect(line, q.sql).not.toMatch(/Seq Scan on problems/);
        });
      }
      // The rare word's count goes through the text index.
      const counted = captured.filter((q) =>
        q.parameters.includes(dialect === 'sqlite' ? '"第123村"' : '%第123村%'),
      );
      const plans = (await Promise.all(counted.map(explain))).join('\n');
      expect(plans).toMatch(dialect === 'sqlite' ? /VIRTUAL TABLE/ : /problems_search_trgm_idx/);
      // Counts and totals without words sum the tallies; they never count the problems themselves
      // (a search's total is capped: `limit` on the matches it counts).
      for (const q of captured.filter((c) => /count\(|sum\(/.test(c.sql))) {
        if (/from "problem_tallies"/.test(q.sql)) continue;
        expect(q.sql, 'an uncapped count over problems').toMatch(/ limit /);
      }
    } finally {
      await close();
    }
  });

  async function unitId(name: string): Promise<number> {
    const u = await t.ctx.db
      .selectFrom('units')
      .select('id')
      .where('name', '=', name)
      .executeTakeFirstOrThrow();
    return u.id;
  }

  /** A second connection whose queries are kept, and EXPLAIN for them. */
  async function capturing() {
    const captured: CompiledQuery[] = [];
    const log = (e: { query: CompiledQuery }) => {
      captured.push(e.query);
    };
    if (dialect === 'sqlite') {
      const raw = new SQLite(path.join(t.ctx.config.dataDir, 'paicha.sqlite'));
      const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: raw }), log });
      return {
        db,
        captured,
        explain: async (q: CompiledQuery) =>
          (
            raw.prepare(`explain query plan ${q.sql}`).all(...(q.parameters as unknown[])) as {
              detail: string;
            }[]
          )
            .map((r) => r.detail)
            .join('\n'),
        close: () => db.destroy(),
      };
    }
    const pool = new pg.Pool({ connectionString: t.ctx.config.databaseUrl as string, max: 2 });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log });
    return {
      db,
      captured,
      explain: async (q: CompiledQuery) =>
        (await pool.query(`explain ${q.sql}`, q.parameters as unknown[])).rows
          .map((r: Record<string, string>) => r['QUERY PLAN'])
          .join('\n'),
      close: () => db.destroy(),
    };
  }
});
