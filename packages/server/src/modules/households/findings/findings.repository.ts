// The findings registry (findings): one row per finding key per campaign, kept across runs. A
// run files into it from its own rows (run-filing.repository.ts); this file holds the rest.
import type { RuleId } from '@paicha/core';
import { sql } from 'kysely';
import type { Executor } from '../../../db/transaction.js';

/** Open findings of the rules that ran are stamped with the run (one statement for all). */
export async function stampRun(db: Executor, campaignId: number, rules: readonly RuleId[], runId: number) {
  await db
    .updateTable('findings')
    .set({ last_run_id: runId })
    .where('campaign_id', '=', campaignId)
    .where('resolved_at', 'is', null)
    .where('rule_id', 'in', [...rules])
    .where('last_run_id', '<>', runId)
    .execute();
}

/**
 * Findings show the 序号 of their rule's item: after the office reordered the items or gave a rule
 * another item (or none: 0), the campaign's findings of that rule follow. Rules unchanged touch nothing.
 */
export async function renumberFindings(
  db: Executor,
  campaignId: number,
  seqOf: ReadonlyMap<string, number>,
  rules: readonly RuleId[],
) {
  for (const rule of rules) {
    const seq = seqOf.get(rule) ?? 0;
    await db
      .updateTable('findings')
      .set({ check_item: seq })
      .where('campaign_id', '=', campaignId)
      .where('rule_id', '=', rule)
      .where('check_item', '<>', seq)
      .execute();
  }
}

/**
 * PostgreSQL only. The findings just written are not in the planner's statistics (autovacuum
 * cannot see an open transaction's rows); ANALYZE in the transaction counts them, so the ledger's
 * joins are planned for 36,000 findings rather than for none. Only the columns the ledger's
 * statements select and join on: sampling the texts too took 0.18 s at 36,000 findings instead
 * of 0.07 s (autovacuum analyzes them all after the run).
 */
export async function analyzeFindings(db: Executor): Promise<void> {
  await sql`analyze findings (campaign_id, finding_key, rule_id, unit_id, resolved_at, verification, problem_id)`.execute(
    db,
  );
}

/**
 * The place's unrouted findings, and its open ones routed to another street, go to this street.
 * Returns how many changed.
 */
export async function routePlace(db: Executor, place: string, unitId: number, at: string): Promise<number> {
  const res = await db
    .updateTable('findings')
    .set({ unit_id: unitId, updated_at: at })
    .where('township', '=', place)
    .where((eb) =>
      eb.or([
        eb('unit_id', 'is', null),
        eb.and([eb('unit_id', '<>', unitId), eb('resolved_at', 'is', null)]),
      ]),
    )
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export async function campaignsWithPlace(db: Executor, place: string): Promise<number[]> {
  const rows = await db
    .selectFrom('findings')
    .select('campaign_id')
    .where('township', '=', place)
    .distinct()
    .execute();
  return rows.map((r) => r.campaign_id);
}

/**
 * A finding is done — counts toward its group's progress and 销号 — when screening no longer finds
 * it or the office accepted it as 不属实: core's findingIsDone in SQL. `f` is the findings alias.
 */
export function findingDoneSql(f: string) {
  return sql<boolean>`(${sql.ref(`${f}.resolved_at`)} is not null or ${sql.ref(`${f}.verification`)} = 'dispute_accepted')`;
}

/** A unit's findings figures (api/supervision FindingFigures), as numbers. */
export interface UnitFindingFigures {
  unitId: number;
  found: number;
  verified: number;
  cleared: number;
  disputeAccepted: number;
  done: number;
}

/**
 * The campaign's routed findings counted per unit in one aggregate (the dashboard's and the
 * scorecard's data figures, apart from the problems).
 */
export async function findingFiguresByUnit(db: Executor, campaignId: number): Promise<UnitFindingFigures[]> {
  const count = (when: ReturnType<typeof sql>) => sql<number>`sum(case when ${when} then 1 else 0 end)`;
  const rows = await db
    .selectFrom('findings as f')
    .select((eb) => [
      'f.unit_id as unitId',
      eb.fn.countAll<number>().as('found'),
      count(sql`f.verification <> 'pending'`).as('verified'),
      count(sql`f.resolved_at is not null`).as('cleared'),
      count(sql`f.verification = 'dispute_accepted'`).as('disputeAccepted'),
      count(findingDoneSql('f')).as('done'),
    ])
    .where('f.campaign_id', '=', campaignId)
    .where('f.unit_id', 'is not', null)
    .groupBy('f.unit_id')
    .execute();
  return rows.map((r) => ({
    unitId: Number(r.unitId),
    found: Number(r.found),
    verified: Number(r.verified),
    cleared: Number(r.cleared),
    disputeAccepted: Number(r.disputeAccepted),
    done: Number(r.done),
  }));
}

/** The figures of one unit (zeros when it has no findings), or summed over all. */
export function figuresOf(rows: readonly UnitFindingFigures[], unitId?: number) {
  const out = { found: 0, verified: 0, cleared: 0, disputeAccepted: 0, done: 0 };
  for (const r of rows) {
    if (unitId !== undefined && r.unitId !== unitId) continue;
    out.found += r.found;
    out.verified += r.verified;
    out.cleared += r.cleared;
    out.disputeAccepted += r.disputeAccepted;
    out.done += r.done;
  }
  return out;
}
