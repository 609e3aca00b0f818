// Findings for the group tests: what screening would have found, filed through the real sync
// (findings-sync.ts) in one transaction, as a run would, without importing households.
import { type RuleId, screeningRule } from '@paicha/core';
import { syncFindings } from '../modules/households/findings/findings-sync.js';
import type { Routed } from '../modules/households/findings/types.js';
import type { TestApp } from './harness.js';

/** A household finding of `rule` in a village of the street `unitId`. */
export function routedFinding(
  rule: RuleId,
  householdId: string,
  unitId: number | null,
  overrides: Partial<Routed> = {},
): Routed {
  return {
    rule,
    key: `${rule}:${householdId}`,
    householdId,
    idNumber: null,
    rawId: null,
    name: null,
    township: '中云街道',
    village: '东村',
    detail: `户${householdId}：${screeningRule(rule).title}`,
    data: {},
    unitId,
    ...overrides,
  };
}

let runs = 0;

/** One screening run's sync: `found` is everything the rules in `rulesRun` found this time. */
export function syncRun(t: TestApp, campaignId: number, found: Routed[], rulesRun: RuleId[]) {
  runs += 1;
  const at = t.clock.now().toISOString();
  return t.ctx.db
    .transaction()
    .execute((trx) =>
      syncFindings(
        trx,
        { id: runs, campaignId, at, actorId: null, today: t.clock.today(), dialect: t.ctx.dialect },
        found,
        rulesRun,
      ),
    );
}
