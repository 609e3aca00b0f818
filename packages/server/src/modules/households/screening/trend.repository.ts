// The data-quality trend (screening_run_tallies): written by a run's recording transaction in one
// INSERT … SELECT, read back per campaign for the 数据比对 page's chart, the dashboard and the
// scorecard export.
import type { RuleId } from '@paicha/core';
import { sql } from 'kysely';
import type { Executor } from '../../../db/transaction.js';

/**
 * One row per street the roll has households in × rule that ran: the findings of the rule open
 * after this run in the street (stampRun has just marked them with the run) — 0 when none, so a
 * street that cleared a rule shows a point at 0 rather than a gap. The streets' household counts
 * (tens of rows, routed in JavaScript by the place resolver) travel as a VALUES list.
 */
export async function recordTallies(
  trx: Executor,
  run: { id: number; campaignId: number },
  households: ReadonlyMap<number, number>,
  rules: readonly RuleId[],
): Promise<void> {
  if (households.size === 0 || rules.length === 0) return;
  const streets = sql.join(
    [...households].map(([unit, n]) => sql`(cast(${unit} as integer), cast(${n} as integer))`),
  );
  const ruleRows = sql.join(rules.map((r) => sql`(cast(${r} as text))`));
  await sql`insert into screening_run_tallies (run_id, unit_id, rule_id, findings, households)
    select cast(${run.id} as integer), h.column1, r.column1, coalesce(f.n, 0), h.column2
    from (values ${streets}) h cross join (values ${ruleRows}) r
    left join (select unit_id, rule_id, count(*) as n from findings
      where campaign_id = ${run.campaignId} and last_run_id = ${run.id} and resolved_at is null
        and unit_id is not null
      group by unit_id, rule_id) f on f.unit_id = h.column1 and f.rule_id = r.column1`.execute(trx);
}

export interface TallyRow {
  runId: number;
  startedAt: string;
  unitId: number;
  ruleId: RuleId;
  findings: number;
  households: number;
}

/** The campaign's last `runs` finished runs' tallies, oldest run first; one street's when given. */
export async function readTallies(
  db: Executor,
  campaignId: number,
  unitId: number | undefined,
  runs: number,
): Promise<TallyRow[]> {
  const last = db
    .selectFrom('screening_runs')
    .select('id')
    .where('campaign_id', '=', campaignId)
    .where('status', '=', 'done')
    .orderBy('id', 'desc')
    .limit(runs);
  let q = db
    .selectFrom('screening_run_tallies as t')
    .innerJoin('screening_runs as r', 'r.id', 't.run_id')
    .select([
      't.run_id as runId',
      'r.started_at as startedAt',
      't.unit_id as unitId',
      't.rule_id as ruleId',
      't.findings',
      't.households',
    ])
    .where('t.run_id', 'in', last)
    .orderBy('t.run_id')
    .orderBy('t.unit_id')
    .orderBy('t.rule_id');
  if (unitId !== undefined) q = q.where('t.unit_id', '=', unitId);
  return (await q.execute()).map((r) => ({
    ...r,
    findings: Number(r.findings),
    households: Number(r.households),
  }));
}

/** The streets the tallies name, by name order. */
export async function unitsNamed(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('units')
    .select(['id', 'name'])
    .where('id', 'in', [...ids])
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
}

export interface StreetRate {
  unitId: number;
  name: string;
  households: number;
  findings: number;
}

/**
 * The campaign's latest run that recorded tallies, per street (all its rules summed; a street's
 * households are the same on each rule's row), in the office's unit order.
 */
export async function latestRunByStreet(
  db: Executor,
  campaignId: number,
): Promise<{ startedAt: string; streets: StreetRate[] } | null> {
  const run = await db
    .selectFrom('screening_runs as r')
    .select(['r.id', 'r.started_at'])
    .where('r.campaign_id', '=', campaignId)
    .where('r.status', '=', 'done')
    .where((eb) =>
      eb.exists(
        eb.selectFrom('screening_run_tallies as t').select('t.run_id').whereRef('t.run_id', '=', 'r.id'),
      ),
    )
    .orderBy('r.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!run) return null;
  const rows = await db
    .selectFrom('screening_run_tallies as t')
    .innerJoin('units as u', 'u.id', 't.unit_id')
    .select((eb) => [
      't.unit_id as unitId',
      'u.name',
      eb.fn.max('t.households').as('households'),
      eb.fn.sum<number>('t.findings').as('findings'),
    ])
    .where('t.run_id', '=', run.id)
    .groupBy(['t.unit_id', 'u.name', 'u.sort_order'])
    .orderBy('u.sort_order')
    .orderBy('t.unit_id')
    .execute();
  return {
    startedAt: run.started_at,
    streets: rows.map((r) => ({ ...r, households: Number(r.households), findings: Number(r.findings) })),
  };
}
