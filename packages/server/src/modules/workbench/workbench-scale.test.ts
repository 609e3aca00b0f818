// The workbench is every user's landing page: at 30,000 problems each role's workbench reads the
// ledger only off its indexes and sums tallies for counts (the query plans say so), never a full
// read of the problems table or an uncapped count of problems.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../kernel/context.js';
import { seedBulkProblems } from '../../test/bulk-problems.js';
import { DIALECTS } from '../../test/databases.js';
import { capturingConnection } from '../../test/explain.js';
import type { TestApp } from '../../test/harness.js';
import { startLedgerApp } from '../../test/problems.js';
import { unitIdByName } from '../../test/tables.js';
import { buildWorkbench } from './workbench.service.js';

describe.each(DIALECTS)('workbench query plans on %s', (dialect) => {
  let t: TestApp;
  let campaignId: number;

  beforeAll(async () => {
    ({ t, campaignId } = await startLedgerApp(dialect, '2020-04-15T02:00:00Z'));
  });
  afterAll(() => t.close());

  it("reads each role's workbench off indexes and tallies at 30,000 problems", async () => {
    await seedBulkProblems(t.ctx, 30_000);
    const { db, explain, captured, close } = await capturingConnection(t);
    try {
      const street = await unitIdByName(t, '中云街道');
      const actor = (role: Actor['role'], unitId: number): Actor => ({
        userId: 1,
        username: 'x',
        displayName: 'x',
        role,
        unitId,
        unitName: '',
        unitKind: 'street',
      });
      const ctx = { ...t.ctx, db };
      const office = await buildWorkbench(ctx, actor('admin', 1), campaignId);
      const clerk = await buildWorkbench(ctx, actor('reporter', street), campaignId);
      await buildWorkbench(ctx, actor('unit_head', street), campaignId);
      await buildWorkbench(ctx, actor('inspector', 1), campaignId);
      // The seeded ledger gives both something to show.
      expect(office.sections.find((s) => s.key === 'review_queue')?.count).toBeGreaterThan(0);
      expect(clerk.sections.find((s) => s.key === 'overdue')?.count).toBeGreaterThan(0);
      expect(captured.some((q) => /from "problem_tallies"/.test(q.sql))).toBe(true);
      for (const q of captured) {
        const plan = await explain(q);
        expect(plan, q.sql).not.toMatch(/SCAN (p|problems)( |$)(?!USING)/);
        expect(plan, q.sql).not.toMatch(/Seq Scan on problems/);
        // Counts over the ledger sum the tallies; they never count the problems themselves.
        if (/count\(|sum\(/.test(q.sql) && /"problems"/.test(q.sql) && !/from "problem_tallies"/.test(q.sql))
          expect(q.sql, 'a count over problems').toMatch(/"inspection_id" = /);
      }
    } finally {
      await close();
    }
  });
});
