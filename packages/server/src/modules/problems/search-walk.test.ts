// 1–2 character words in a ledger longer than the count's walk: a common word (walked on
// PostgreSQL, page and count), a rare one (the grams' index), one dense only among the newest
// problems (the page walked, the count falling back to the index) — every sort, both orders, a
// few pages, as the office and as a street: the page, its order and the total are exactly plain
// LIKE's on both databases.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_COLUMNS } from '../../db/migrations/2026-12-03-009-ledger-search.js';
import { seedBulkProblems } from '../../test/bulk-problems.js';
import { DIALECTS } from '../../test/databases.js';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../../test/harness.js';
import { filtered } from './problem-list.repository.js';
import { plainCondition, resolveSearch, SEARCH_CAP } from './search.repository.js';
import { COUNT_WALK, walkPage } from './search-walk.repository.js';

const N = COUNT_WALK + 2_000;
// 危房: one problem in 7 (the bulk seed); 知晓: six in 7; 王某: every one; 桥梁: 30 scattered;
// 新村: the newest 300 and one in 500 before (a walk of the newest counts too few); 垮: one
// character, with 桥梁.
// 3+ characters (pg_trgm on PostgreSQL, walked the same way): 危房未改造 one in 7, 政策知晓率
// six in 7, 桥梁垮塌 30 scattered.
const WORDS = ['危房', '知晓', '王某', '桥梁', '新村', '垮', '危房未改造', '政策知晓率', '桥梁垮塌'];
const ORDERS: [string, string][] = [
  ['id', 'desc'],
  ['id', 'asc'],
  ['deadline', 'desc'],
  ['deadline', 'asc'],
  ['foundDate', 'desc'],
  ['status', 'asc'],
  ['updatedAt', 'desc'],
  ['unit', 'asc'],
  ['checkItem', 'desc'],
];
const ORDER_BY: Record<string, string[]> = {
  id: ['p.id'],
  deadline: ['p.deadline', 'p.id'],
  foundDate: ['p.found_date', 'p.id'],
  status: ['p.status', 'p.id'],
  unit: ['u.sort_order', 'u.id', 'p.id'],
  checkItem: ['i.seq', 'p.id'],
  updatedAt: ['p.updated_at', 'p.id'],
};

describe.each(DIALECTS)('short words in a long ledger on %s', (dialect) => {
  let t: TestApp;
  let admin: string;
  let street: { cookie: string; unitId: number };
  let campaignId: number;

  beforeAll(async () => {
    t = await startTestApp(dialect, { now: '2020-03-01T02:00:00Z' });
    await seedBulkProblems(t.ctx, N);
    const last = await t.ctx.db
      .selectFrom('problems')
      .select(['campaign_id', sql<number>`max(id)`.as('max')]);
    const top = await last.groupBy('campaign_id').executeTakeFirstOrThrow();
    campaignId = top.campaign_id;
    await t.ctx.db
      .updateTable('problems')
      .set({ place: '新村' })
      .where(sql<boolean>`id > ${top.max - 300} or id % 500 = 3`)
      .execute();
    await t.ctx.db
      .updateTable('problems')
      .set({ description: '某村桥梁垮塌' })
      .where(sql<boolean>`id % 400 = 7`)
      .execute();
    await sql`analyze`.execute(t.ctx.db);
    admin = await t.login('admin', ADMIN_PASSWORD);
    const user = await t.userIn('中云街道', 'reporter');
    const unit = await t.ctx.db
      .selectFrom('units')
      .select('id')
      .where('name', '=', '中云街道')
      .executeTakeFirstOrThrow();
    street = { cookie: user.cookie, unitId: unit.id };
  }, 300_000);
  afterAll(() => t?.close());

  /** Every match of plain LIKE in the list's order (the meaning the fast paths must keep). */
  async function likeOrder(q: string, sort: string, order: string, unitId?: number) {
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const dir = sql.raw(order);
    const { rows } = await sql<{ id: number }>`
      select p.id from problems p
      join units u on u.id = p.unit_id join check_items i on i.id = p.check_item_id
      where p.campaign_id = ${campaignId} ${unitId === undefined ? sql`` : sql`and p.unit_id = ${unitId}`}
        and (${sql.join(
          SEARCH_COLUMNS.map((c) => sql`${sql.ref(`p.${c}`)} like ${like} escape '\\'`),
          sql` or `,
        )} or u.name like ${like} escape '\\')
      order by ${sql.join((ORDER_BY[sort] ?? []).map((c) => sql`${sql.ref(c)} ${dir}`))}`.execute(t.ctx.db);
    return rows.map((r) => Number(r.id));
  }

  it('pages, orders and totals every short word exactly as LIKE does', async () => {
    for (const [who, cookie, unitId] of [
      ['office', admin, undefined],
      ['street', street.cookie, street.unitId],
    ] as const)
      for (const q of WORDS)
        for (const [sort, order] of ORDERS) {
          const all = await likeOrder(q, sort, order, unitId);
          expect(all.length, `${q} has matches`).toBeGreaterThan(0);
          for (const page of [1, 2, 7]) {
            const url = `/api/problems?q=${encodeURIComponent(q)}&sort=${sort}&order=${order}&page=${page}&pageSize=20`;
            const res = await t.request('GET', url, cookie);
            expect(res.statusCode, res.body).toBe(200);
            const body = res.json() as { items: { id: number }[]; total: number; totalCapped: boolean };
            const label = `${who} ${q} ${sort} ${order} page ${page}`;
            expect(
              body.items.map((i) => i.id),
              label,
            ).toEqual(all.slice((page - 1) * 20, page * 20));
            expect({ total: body.total, capped: body.totalCapped }, label).toEqual({
              total: Math.min(all.length, SEARCH_CAP),
              capped: all.length > SEARCH_CAP,
            });
          }
        }
  }, 300_000);

  it.runIf(dialect === 'postgres')(
    'walks the list for a common word and leaves a rare one to the index',
    async () => {
      const page = async (q: string) => {
        const search = await resolveSearch(t.ctx.db, dialect, q);
        if (!search) throw new Error(q);
        const list = filtered(t.ctx.db, { campaignId, today: '2020-03-01' });
        return walkPage(t.ctx.db, list, plainCondition(search), ['p.id'], 'desc', 0, 20);
      };
      const common = await page('危房');
      expect(common?.ids).toEqual((await likeOrder('危房', 'id', 'desc')).slice(0, 20));
      expect(common?.rowsPerMatch).toBeCloseTo(7, 0);
      expect(await page('桥梁')).toBeNull();
    },
  );
});
