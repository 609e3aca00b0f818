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

/**
 * One screening run's sync: `found` is everything the rules in `rulesRun` found this time. As a
 * run does, the findings are first the run's own rows (screening_run_findings of a run row).
 */
export function syncRun(t: TestApp, campaignId: number, found: Routed[], rulesRun: RuleId[]) {
  const at = t.clock.now().toISOString();
  return t.ctx.db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('screening_runs')
      .values({ campaign_id: campaignId, status: 'done', started_at: at, finished_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (let i = 0; i < found.length; i += 400)
      await trx
        .insertInto('screening_run_findings')
        .values(
          found.slice(i, i + 400).map((f, j) => ({
            run_id: id,
            seq: i + j + 1,
            rule_id: f.rule,
            finding_key: f.key,
            check_item: screeningRule(f.rule).checkItem,
            unit_id: f.unitId,
            township: f.township,
            village: f.village,
            household_id: f.householdId,
            id_number: f.idNumber,
            raw_id: f.rawId,
            person_name: f.name,
            detail: f.detail,
            data: JSON.stringify(f.data),
          })),
        )
        .execute();
    return syncFindings(
      trx,
      { id, campaignId, at, actorId: null, today: t.clock.today(), dialect: t.ctx.dialect },
      rulesRun,
    );
  });
}

/** A run's findings as the run recorded them (key, rule, street), in the order found. */
export async function runFindings(t: TestApp, runId: number) {
  const rows = await t.ctx.db
    .selectFrom('screening_run_findings')
    .select(['finding_key as key', 'rule_id as rule', 'unit_id as unitId'])
    .where('run_id', '=', runId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({ ...r, unitId: r.unitId === null ? null : Number(r.unitId) }));
}
