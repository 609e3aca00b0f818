// PostgreSQL answers 1–2 character words from the grams' index (migration 2026-12-04-051) when
// the word is rare, instead of walking the whole ledger with LIKE, and walks the list (LIKE
// first) when the word is common — the plans of the list's page and of its capped count.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBulkProblems } from '../../test/bulk-problems.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { filtered, type ProblemFilter } from './problem-list.repository.js';
import { resolveSearch } from './search.repository.js';

const N = 20_000;

describe('short words through the grams index on postgres', () => {
  let t: TestApp;
  let campaignId: number;
  let rare: number;

  beforeAll(async () => {
    t = await startTestApp('postgres', { now: '2020-03-01T02:00:00Z' });
    await seedBulkProblems(t.ctx, N);
    const p = await t.ctx.db
      .selectFrom('problems')
      .select(['id', 'campaign_id'])
      .orderBy('id')
      .executeTakeFirstOrThrow();
    campaignId = p.campaign_id;
    rare = p.id;
    // One problem in 20,000 mentions 桥梁; the planner knows it from the index's statistics.
    await t.ctx.db
      .updateTable('problems')
      .set({ description: '某村桥梁垮塌' })
      .where('id', '=', rare)
      .execute();
    await sql`analyze problems`.execute(t.ctx.db);
  }, 300_000);
  afterAll(() => t?.close());

  async function plan(q: string, limit: number) {
    const search = await resolveSearch(t.ctx.db, 'postgres', q);
    const query = filtered(t.ctx.db, { campaignId, search, today: '2020-03-01' } satisfies ProblemFilter)
      .select('p.id')
      .orderBy('p.id', 'desc')
      .limit(limit);
    const { rows } = await sql<{ 'QUERY PLAN': string }>`explain ${query}`.execute(t.ctx.db);
    return {
      text: rows.map((r) => r['QUERY PLAN']).join('\n'),
      ids: (await query.execute()).map((r) => r.id),
    };
  }

  it('reads a rare word of 1–2 characters off the index, and finds it', async () => {
    for (const q of ['桥梁', '桥']) {
      const { text, ids } = await plan(q, 20);
      expect(text, q).toContain('problems_search_grams_idx');
      expect(ids, q).toEqual([rare]);
    }
  });

  it('walks the list for a word in most problems, the page full at once', async () => {
    const { text, ids } = await plan('知晓', 20);
    expect(text).not.toContain('problems_search_grams_idx');
    expect(ids).toHaveLength(20);
  });
});
