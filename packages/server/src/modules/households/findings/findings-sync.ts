// Findings → the findings registry → the problem ledger. One finding per key per campaign, kept
// across runs; a run that no longer finds it resolves it and marks its problem
// screening_cleared_at (only then may the office close it out); a finding that comes back
// un-clears it — and reopens it if it had been closed out. Ledger writes are set-based.
import { type RuleId, screeningRule } from '@paicha/core';
import type { SyncCounts } from '@paicha/core/api/screening';
import type { Transaction } from 'kysely';
import { sql } from 'kysely';
import type { DialectName } from '../../../db/database.js';
import type { DB } from '../../../db/schema.js';
import type { Executor } from '../../../db/transaction.js';
import type { Routed, RunRef } from './types.js';

const CHUNK = 400;

function chunks<T>(xs: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += CHUNK) out.push(xs.slice(i, i + CHUNK));
  return out;
}

export async function syncFindings(
  trx: Transaction<DB>,
  run: RunRef & { id: number; dialect: DialectName },
  found: Routed[],
  rulesRun: readonly RuleId[],
): Promise<SyncCounts> {
  const existing = new Map(
    (
      await trx
        .selectFrom('findings')
        .select(['id', 'finding_key', 'resolved_at', 'rule_id'])
        .where('campaign_id', '=', run.campaignId)
        .execute()
    ).map((f) => [f.finding_key, f]),
  );
  const current = new Set(found.map((f) => f.key));
  const fresh = found.filter((f) => !existing.has(f.key));
  const reappeared = found.filter((f) => existing.get(f.key)?.resolved_at);
  const ruleSet = new Set(rulesRun);
  // Only rules that ran can clear their findings: a disabled or uncheckable rule proves nothing.
  const gone = [...existing.values()].filter(
    (f) => !f.resolved_at && ruleSet.has(f.rule_id) && !current.has(f.finding_key),
  );
  const { id: runId, campaignId, at } = run;

  for (const batch of chunks(fresh))
    await trx
      .insertInto('findings')
      .values(
        batch.map((f) => ({
          campaign_id: campaignId,
          finding_key: f.key,
          rule_id: f.rule,
          check_item: screeningRule(f.rule).checkItem,
          unit_id: f.unitId,
          township: f.township,
          village: f.village,
          household_id: f.householdId,
          id_number: f.rawId,
          person_name: f.name,
          detail: f.detail,
          data: JSON.stringify(f.data),
          first_run_id: runId,
          last_run_id: runId,
          created_at: at,
          updated_at: at,
        })),
      )
      .execute();
  for (const batch of chunks(gone.map((g) => g.id)))
    await trx
      .updateTable('findings')
      .set({ resolved_at: at, resolved_run_id: runId, updated_at: at })
      .where('id', 'in', batch)
      .execute();
  for (const f of reappeared)
    await trx
      .updateTable('findings')
      .set({
        resolved_at: null,
        resolved_run_id: null,
        detail: f.detail,
        data: JSON.stringify(f.data),
        updated_at: at,
      })
      .where('campaign_id', '=', campaignId)
      .where('finding_key', '=', f.key)
      .execute();
  // Still found: stamp the run (one statement for all of them; the new ones already carry it).
  if (rulesRun.length > 0)
    await trx
      .updateTable('findings')
      .set({ last_run_id: runId })
      .where('campaign_id', '=', campaignId)
      .where('resolved_at', 'is', null)
      .where('rule_id', 'in', [...rulesRun])
      .where('last_run_id', '<>', runId)
      .execute();
  // A place the office mapped since the finding was first made routes it now.
  for (const f of found.filter((x) => x.unitId !== null && existing.has(x.key)))
    await trx
      .updateTable('findings')
      .set({ unit_id: f.unitId })
      .where('campaign_id', '=', campaignId)
      .where('finding_key', '=', f.key)
      .where('unit_id', 'is', null)
      .execute();

  if (run.dialect === 'postgres')
    // The findings just written are not in the planner's statistics (autovacuum cannot see an open
    // transaction's rows); ANALYZE in the transaction counts them, so the ledger's joins are
    // planned for 36,000 findings rather than for none.
    await sql`analyze findings`.execute(trx);
  const ledger = await syncLedger(trx, run);
  return {
    new: fresh.length,
    stillOpen: found.length - fresh.length - reappeared.length,
    reappeared: reappeared.length,
    resolved: gone.length,
    ...ledger,
  };
}

/** Problems for routed findings that have none; cleared/un-cleared/reopened as the findings say. */
export async function syncLedger(trx: Executor, run: RunRef) {
  const { campaignId, at, today } = run;
  const deadline = await trx
    .selectFrom('milestones')
    .select('due_date')
    .where('campaign_id', '=', campaignId)
    .where('kind', '=', 'rectification')
    .orderBy('due_date', 'desc')
    .executeTakeFirst();
  const campaign = await trx
    .selectFrom('campaigns')
    .select('end_date')
    .where('id', '=', campaignId)
    .executeTakeFirstOrThrow();
  const due = deadline?.due_date ?? campaign.end_date;
  const place = sql<string>`f.township || f.village`;
  // Which findings need a problem, decided before any is inserted: an INSERT … SELECT … WHERE NOT
  // EXISTS (problems) planned as a nested loop re-reads, for every new problem, all those the
  // statement has inserted so far (invisible to it, but still examined) — quadratic.
  await sql`create temp table ledger_todo as
    select f.id as finding_id, f.finding_key from findings f
    where f.campaign_id = ${campaignId} and f.problem_id is null and f.unit_id is not null and f.resolved_at is null
      and not exists (select 1 from problems p where p.campaign_id = f.campaign_id and p.finding_key = f.finding_key)`.execute(
    trx,
  );
  const created =
    await sql`insert into problems (campaign_id, check_item_id, unit_id, source, description, found_date,
      place, household_ref, cause, measures, responsible_leader, responsible_person, mode, deadline, deadline_reason,
      status, version, return_reason, created_by, created_at, updated_at, finding_key)
    select f.campaign_id, i.id, f.unit_id, '数据比对', f.detail, ${today}, ${place}, f.household_id, '', '', '', '',
      '限期整改', ${due}, '', 'pending', 1, '', ${run.actorId}, ${at}, ${at}, f.finding_key
    from ledger_todo t join findings f on f.id = t.finding_id
      join check_items i on i.campaign_id = f.campaign_id and i.seq = f.check_item
    order by f.id`.execute(trx);
  await sql`update findings set problem_id = p.id from problems p
    where p.campaign_id = findings.campaign_id and p.finding_key = findings.finding_key
      and findings.campaign_id = ${campaignId} and findings.problem_id is null and findings.unit_id is not null`.execute(
    trx,
  );
  await sql`insert into problem_events (problem_id, at, event_date, actor_id, kind, from_status, to_status, text, detail)
    select p.id, ${at}, ${today}, ${run.actorId}, 'created', null, 'pending', '数据比对发现问题，自动登记', '{}'
    from problems p where p.campaign_id = ${campaignId} and p.finding_key in (select finding_key from ledger_todo)
    order by p.id`.execute(trx);
  await sql`drop table ledger_todo`.execute(trx);

  const holding = sql`(select finding_key from findings where campaign_id = ${campaignId} and resolved_at is null)`;
  const resolved = sql`(select finding_key from findings where campaign_id = ${campaignId} and resolved_at is not null)`;
  const event = (kind: string, text: string, where: ReturnType<typeof sql>, to: string | null = null) =>
    sql`insert into problem_events (problem_id, at, event_date, actor_id, kind, from_status, to_status, text, detail)
      select p.id, ${at}, ${today}, ${run.actorId}, ${kind}, p.status, ${to ?? sql`p.status`}, ${text}, '{}'
      from problems p where p.campaign_id = ${campaignId} and p.source = '数据比对' and ${where}`.execute(
      trx,
    );
  const toClear = sql`p.screening_cleared_at is null and p.finding_key in ${resolved}`;
  const toUnclear = sql`p.screening_cleared_at is not null and p.finding_key in ${holding}`;
  const toReopen = sql`p.status = 'closed' and p.finding_key in ${holding}`;
  await event('screening_cleared', '再次比对未再发现该问题，可提交销号', toClear);
  await event('reopen', '再次比对仍发现该问题，自动重新打开', toReopen, 'rectifying');
  await event('screening_found_again', '再次比对又发现该问题', sql`${toUnclear} and p.status <> 'closed'`);
  const update = (set: ReturnType<typeof sql>, where: ReturnType<typeof sql>) =>
    sql`update problems set ${set}, version = version + 1, updated_at = ${at}
      where campaign_id = ${campaignId} and source = '数据比对' and id in (select p.id from problems p where p.campaign_id = ${campaignId} and ${where})`.execute(
      trx,
    );
  const reopened = await update(
    sql`status = 'rectifying', closed_at = null, screening_cleared_at = null`,
    toReopen,
  );
  const cleared = await update(sql`screening_cleared_at = ${at}`, toClear);
  const uncleared = await update(sql`screening_cleared_at = null`, toUnclear);
  return {
    problemsCreated: Number(created.numAffectedRows ?? 0),
    problemsCleared: Number(cleared.numAffectedRows ?? 0),
    problemsUncleared: Number(uncleared.numAffectedRows ?? 0),
    problemsReopened: Number(reopened.numAffectedRows ?? 0),
  };
}

/**
 * After the office maps (or re-maps) a place: its unrouted findings get the street and their
 * problems; open findings routed to another street move, and so do their ledger problems that are
 * not yet closed out — as a 交办 in each problem's history, so the old street sees where it went.
 * Closed problems and cleared findings stay where they were dealt with.
 */
export async function routeFindings(
  trx: Executor,
  place: string,
  unitId: number,
  at: string,
  actorId: number | null,
  today: string,
): Promise<number> {
  const unit = await trx
    .selectFrom('units')
    .select('name')
    .where('id', '=', unitId)
    .executeTakeFirstOrThrow();
  const moving = sql`(select f.problem_id from findings f where f.township = ${place} and f.resolved_at is null
    and f.unit_id is not null and f.unit_id <> ${unitId} and f.problem_id is not null)`;
  await sql`insert into problem_events (problem_id, at, event_date, actor_id, kind, from_status, to_status, text, detail)
    select p.id, ${at}, ${today}, ${actorId}, 'assigned', p.status, p.status,
      ${`地名“${place}”改为对应${unit.name}，交办${unit.name}`},
      '{"fromUnitId":' || p.unit_id || ',"toUnitId":' || ${unitId} || '}'
    from problems p where p.id in ${moving} and p.status <> 'closed'`.execute(trx);
  await sql`update problems set unit_id = ${unitId}, version = version + 1, updated_at = ${at}
    where id in ${moving} and status <> 'closed'`.execute(trx);
  const res = await trx
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
  const campaigns = await trx
    .selectFrom('findings')
    .select('campaign_id')
    .where('township', '=', place)
    .distinct()
    .execute();
  for (const c of campaigns)
    await syncLedger(trx, { id: null, campaignId: c.campaign_id, at, actorId, today });
  return Number(res.numUpdatedRows);
}
