// The 数据比对 problems of the ledger, kept by the findings: set-based statements that file a
// problem for each routed finding without one, clear, un-clear and reopen them as the findings
// say, and move a re-mapped place's open problems to its new street (a 交办 in their history).
import { sql } from 'kysely';
import type { Executor } from '../../../db/transaction.js';
import type { RunRef } from './types.js';

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

/** A street's name, for the 交办 text of the problems moved to it. */
export async function unitName(db: Executor, unitId: number): Promise<string> {
  return (await db.selectFrom('units').select('name').where('id', '=', unitId).executeTakeFirstOrThrow())
    .name;
}

/**
 * Open problems of the place's open findings routed to another street move to this one, each with
 * a 交办 event in its history; closed problems stay where they were dealt with.
 */
export async function moveProblemsOfPlace(
  trx: Executor,
  move: {
    place: string;
    unitId: number;
    unitName: string;
    at: string;
    actorId: number | null;
    today: string;
  },
): Promise<void> {
  const { place, unitId, at, actorId, today } = move;
  const moving = sql`(select f.problem_id from findings f where f.township = ${place} and f.resolved_at is null
    and f.unit_id is not null and f.unit_id <> ${unitId} and f.problem_id is not null)`;
  await sql`insert into problem_events (problem_id, at, event_date, actor_id, kind, from_status, to_status, text, detail)
    select p.id, ${at}, ${today}, ${actorId}, 'assigned', p.status, p.status,
      ${`地名“${place}”改为对应${move.unitName}，交办${move.unitName}`},
      '{"fromUnitId":' || p.unit_id || ',"toUnitId":' || ${unitId} || '}'
    from problems p where p.id in ${moving} and p.status <> 'closed'`.execute(trx);
  await sql`update problems set unit_id = ${unitId}, version = version + 1, updated_at = ${at}
    where id in ${moving} and status <> 'closed'`.execute(trx);
}
