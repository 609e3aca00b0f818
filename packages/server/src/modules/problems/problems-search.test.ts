// The ledger's search box finds Chinese words of 1, 2 and 3+ characters exactly as LIKE over
// the searched columns does (through SQLite FTS5 trigram / PostgreSQL pg_trgm), and follows edits.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_COLUMNS } from '../../db/migrations/2026-12-03-009-ledger-search.js';
import { DIALECTS } from '../../test/databases.js';
import type { TestApp } from '../../test/harness.js';
import { type ProblemBody, problemBody, recordProblem, startLedgerApp } from '../../test/problems.js';

const TODAY = '2020-01-10';

describe.each(DIALECTS)('ledger search on %s', (dialect) => {
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
          ...SEARCH_COLUMNS.map((c) => sql<boolean>`${sql.ref(c)} like ${like} escape '\\'`),
          // Typing part of a unit's name finds that unit's problems.
          sql<boolean>`unit_id in (select id from units where name like ${like} escape '\\')`,
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

    // Letters in either case, digits, punctuation and one character of any kind: 1–2 character
    // words go through each database's own short-word index (SQLite pairs, PostgreSQL grams)
    // and still find exactly what LIKE finds — case-folded on SQLite, case-kept on PostgreSQL.
    await add(street.cookie, { description: 'AB类问题Ab', place: '二组', householdRef: 'aB-07' });
    await add(street.cookie, { description: '编号X9，x9复核', place: '三组 ', cause: '初查' });
    await add(street.cookie, { description: '第三批\n复查', place: '组' });
    for (const q of [
      'AB',
      'ab',
      'Ab',
      'aB',
      'a',
      'B',
      'x9',
      'X9',
      '07',
      '0',
      '9',
      '组',
      '二组',
      '，',
      '%',
      '_',
      '查',
      '复查',
      'Z',
      '初',
      '9，',
    ]) {
      const expected = await recount(q);
      const found = await search(q);
      expect(found.ids, q).toEqual(expected);
      expect(found.total, q).toBe(expected.length);
    }

    const edited = await t.request('PATCH', `/api/problems/${a.id}`, street.cookie, {
      version: a.version,
      description: '饮水安全不达标',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await search('危房未改造')).ids).not.toContain(a.id);
    expect((await search('饮水安全')).ids).toEqual([a.id]);
  });
});
