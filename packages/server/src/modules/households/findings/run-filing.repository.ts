// A run's findings (screening_run_findings) filed into the registry (findings), one statement per
// step, matched by (campaign, finding_key) on the registry's unique key and (run, finding_key) on
// the run's: whatever the run found, nothing is read back into JavaScript but counts.
import type { RuleId } from '@paicha/core';
import { type RawBuilder, sql } from 'kysely';
import type { Executor } from '../../../db/transaction.js';

const count = (n: unknown) => Number(n ?? 0);

/** How many the run found, and how many of them no street could be named for (place unmapped). */
export async function runTotals(
  db: Executor,
  runId: number,
): Promise<{ findings: number; unrouted: number }> {
  const { rows } = await sql<{ n: number | string; unrouted: number | string | null }>`select count(*) as n,
      sum(case when unit_id is null then 1 else 0 end) as unrouted
    from screening_run_findings where run_id = ${runId}`.execute(db);
  return { findings: count(rows[0]?.n), unrouted: count(rows[0]?.unrouted) };
}

/**
 * Per street, the run's findings that give it work: new to the registry, found again after being
 * resolved, or now routed to it (unrouted before, or another street's). Read before filing.
 */
export async function givenPerUnit(
  db: Executor,
  campaignId: number,
  runId: number,
): Promise<Map<number, number>> {
  const { rows } = await sql<{ unit_id: number; n: number | string }>`select s.unit_id, count(*) as n
    from screening_run_findings s
      left join findings f on f.campaign_id = ${campaignId} and f.finding_key = s.finding_key
    where s.run_id = ${runId} and s.unit_id is not null
      and (f.id is null or f.resolved_at is not null or f.unit_id is null or f.unit_id <> s.unit_id)
    group by s.unit_id`.execute(db);
  return new Map(rows.map((r) => [Number(r.unit_id), count(r.n)]));
}

/** The run's findings new to the campaign's registry (its unique key is (campaign, finding_key)). */
const arriving = (campaignId: number, runId: number) => sql`s.run_id = ${runId}
  and not exists (select 1 from findings f where f.campaign_id = ${campaignId} and f.finding_key = s.finding_key)`;

/** The streets and rules of the run's new routed findings: the groups they will be filed into. */
export function arrivingGroups(campaignId: number, runId: number): RawBuilder<unknown> {
  return sql`select distinct s.unit_id, s.rule_id from screening_run_findings s
    where ${arriving(campaignId, runId)} and s.unit_id is not null`;
}

/**
 * Findings new to the campaign's registry, in the order the run found them, each in its street's
 * open group for its rule if there is one (syncLedger has just opened them); returns how many.
 */
export async function insertNewFindings(db: Executor, campaignId: number, runId: number, at: string) {
  const res =
    await sql`insert into findings (campaign_id, finding_key, rule_id, check_item, unit_id, township,
      village, household_id, id_number, person_name, detail, data, first_run_id, last_run_id, created_at, updated_at,
      problem_id)
    select ${campaignId}, s.finding_key, s.rule_id, s.check_item, s.unit_id, s.township, s.village,
      s.household_id, s.raw_id, s.person_name, s.detail, s.data, ${runId}, ${runId}, ${at}, ${at}, g.id
    from screening_run_findings s
      left join problems g on g.campaign_id = ${campaignId} and g.finding_rule = s.rule_id and g.unit_id = s.unit_id
        and g.status <> 'closed'
    where ${arriving(campaignId, runId)}
    order by s.seq`.execute(db);
  return count(res.numAffectedRows);
}

/** Open findings of the rules that ran, not found by this run: resolved by it; returns how many. */
export async function resolveGone(
  db: Executor,
  campaignId: number,
  run: { id: number; at: string },
  rules: readonly RuleId[],
): Promise<number> {
  if (rules.length === 0) return 0;
  const res = await sql`update findings set resolved_at = ${run.at}, resolved_run_id = ${run.id},
      updated_at = ${run.at}
    where campaign_id = ${campaignId} and resolved_at is null and rule_id in (${sql.join([...rules])})
      and not exists (select 1 from screening_run_findings s
        where s.run_id = ${run.id} and s.finding_key = findings.finding_key)`.execute(db);
  return count(res.numAffectedRows);
}

/** Resolved findings found again: open, with this run's text and data; returns how many. */
export async function reopenFound(db: Executor, campaignId: number, runId: number, at: string) {
  const mine = sql`from screening_run_findings s where s.run_id = ${runId} and s.finding_key = findings.finding_key`;
  const res = await sql`update findings set resolved_at = null, resolved_run_id = null,
      detail = (select s.detail ${mine}), data = (select s.data ${mine}), updated_at = ${at}
    where campaign_id = ${campaignId} and resolved_at is not null and exists (select 1 ${mine})`.execute(db);
  return count(res.numAffectedRows);
}

/** Unrouted findings whose place now maps to a street get it. */
export async function routeFound(db: Executor, campaignId: number, runId: number): Promise<void> {
  const mine = sql`from screening_run_findings s where s.run_id = ${runId} and s.finding_key = findings.finding_key
    and s.unit_id is not null`;
  await sql`update findings set unit_id = (select s.unit_id ${mine})
    where campaign_id = ${campaignId} and unit_id is null and exists (select 1 ${mine})`.execute(db);
}

/** A run's findings as `paicha screen --json` prints them. */
export interface RunFindingRow {
  seq: number;
  rule: RuleId;
  checkItem: number;
  unit: string | null;
  householdId: string | null;
  idNumber: string | null;
  detail: string;
}

/** The run's findings after `seq`, in the order found, `limit` of them (keyset on the primary key). */
export function runFindingsAfter(db: Executor, runId: number, seq: number, limit: number) {
  return db
    .selectFrom('screening_run_findings as s')
    .leftJoin('units as u', 'u.id', 's.unit_id')
    .select([
      's.seq',
      's.rule_id as rule',
      's.check_item as checkItem',
      'u.name as unit',
      's.household_id as householdId',
      's.id_number as idNumber',
      's.detail',
    ])
    .where('s.run_id', '=', runId)
    .where('s.seq', '>', seq)
    .orderBy('s.seq')
    .limit(limit)
    .execute() as Promise<RunFindingRow[]>;
}
