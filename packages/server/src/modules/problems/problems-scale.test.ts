// The ledger at scale: with tens of thousands of problems every list page, filter, sort, count
// and 3+ character search is answered from an index (the query plans say so), never by reading
// the whole ledger. Search and tallies: problems-search.test.ts, problems-tallies.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBulkProblems } from '../../test/bulk-problems.js';
import { DIALECTS } from '../../test/databases.js';
import { capturingConnection } from '../../test/explain.js';
import type { TestApp } from '../../test/harness.js';
import { startLedgerApp } from '../../test/problems.js';
import { unitIdByName } from '../../test/tables.js';
import { listProblems, type ProblemFilter } from './problem-list.repository.js';
import { resolveSearch } from './search.repository.js';
import { countBySource, countProblems } from './tallies.repository.js';

const TODAY = '2020-01-10';

describe.each(DIALECTS)('ledger query plans on %s', (dialect) => {
  let t: TestApp;
  let campaignId: number;

  beforeAll(async () => {
    ({ t, campaignId } = await startLedgerApp(dialect, `${TODAY}T02:00:00Z`));
  });
  afterAll(() => t.close());

  it('answers every list page, filter, sort, count and 3+ character search from an index at 30,000 problems', async () => {
    await seedBulkProblems(t.ctx, 30_000);
    const { db, explain, captured, close } = await capturingConnection(t);
    try {
      const street = await unitIdByName(t, '中云街道');
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
        // 1–2 characters: SQLite's pairs' index, PostgreSQL's grams' index (or the list walked).
        ...(await Promise.all(
          ['危房', '危'].map(
            async (q): Promise<[ProblemFilter, 'id']> => [
              { ...base, unitId: street, q, search: await resolveSearch(db, dialect, q) },
              'id',
            ],
          ),
        )),
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
      if (dialect === 'sqlite')
        expect(captured.some((q) => q.sql.includes('problems_bigrams match'))).toBe(true);
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
});
