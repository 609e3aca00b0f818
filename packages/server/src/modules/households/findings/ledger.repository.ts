// The 数据比对 problems of the ledger, kept by the findings: one problem per campaign × street ×
// rule (a group) with its findings inside. Set-based statements file every routed finding not yet
// done into its street's open group (opening one where there is none, or where the last was closed
// out), keep each open group's counts and description, clear and un-clear it as its findings say,
// and hand a re-mapped place's findings to their new street's group. No statement runs per finding.
import { groupDescriptionParts, type ProblemEventKind, RULE_IDS } from '@paicha/core';
import { type RawBuilder, sql } from 'kysely';
import type { Executor } from '../../../db/transaction.js';
import { findingDoneSql } from './findings.repository.js';
import type { RunRef } from './types.js';

const notDone = sql`not (${findingDoneSql('f')})`;

/** The campaign's 全面整改到位 date (latest rectification milestone), else its end: groups' deadline. */
async function groupDeadline(trx: Executor, campaignId: number): Promise<string> {
  const deadline = await trx
    .selectFrom('milestones')
    .select('due_date')
    .where('campaign_id', '=', campaignId)
    .where('kind', '=', 'rectification')
    .orderBy('due_date', 'desc')
    .executeTakeFirst();
  if (deadline) return deadline.due_date;
  return (
    await trx
      .selectFrom('campaigns')
      .select('end_date')
      .where('id', '=', campaignId)
      .executeTakeFirstOrThrow()
  ).end_date;
}

/**
 * A run's findings new to the registry, filed by the ledger sync itself: `groups` gives the
 * (unit_id, rule_id) of those routed, so that their groups are opened with the others', and
 * `file` then writes them straight into their open groups. Written first and attached after, at a
 * million people each of the 36,000 rows was updated again (0.6 s) and its foreign keys checked
 * again (0.4 s): a row written in the same transaction has them checked on every update.
 */
export interface Arriving {
  groups: RawBuilder<unknown>;
  file: () => Promise<void>;
}

/** Files routed findings into their groups; keeps the groups' counts, wording and cleared mark. */
export async function syncLedger(trx: Executor, run: RunRef, arriving?: Arriving) {
  const { campaignId, at, today } = run;
  const due = await groupDeadline(trx, campaignId);
  // A finding found again after its group was closed out files into the street's open group.
  const inClosed = sql`campaign_id = ${campaignId} and resolved_at is null and problem_id in
      (select id from problems where campaign_id = ${campaignId} and finding_rule is not null and status = 'closed')`;
  const reopened = await sql<{ n: number | string }>`select count(distinct problem_id) as n from findings
    where ${inClosed}`.execute(trx);
  await sql`update findings set problem_id = null where ${inClosed}`.execute(trx);
  const created = await sql<{ id: number }>`insert into problems (campaign_id, check_item_id, unit_id, source,
      description, found_date, place, household_ref, cause, measures, responsible_leader, responsible_person, mode,
      deadline, deadline_reason, status, version, return_reason, created_by, created_at, updated_at, finding_rule)
    select ${campaignId}, i.id, x.unit_id, '数据比对', '', ${today}, '', null, '', '', '', '', '限期整改',
      ${due}, '', 'pending', 1, '', ${run.actorId}, ${at}, ${at}, x.rule_id
    from (select f.unit_id, f.rule_id from findings f
          where f.campaign_id = ${campaignId} and f.problem_id is null and f.unit_id is not null and ${notDone}
          group by f.unit_id, f.rule_id
          ${arriving ? sql`union select a.unit_id, a.rule_id from (${arriving.groups}) a` : sql``}) x
      join campaign_rule_items m on m.campaign_id = ${campaignId} and m.rule_id = x.rule_id
      join check_items i on i.id = m.check_item_id
    where not exists (select 1 from problems g where g.campaign_id = ${campaignId} and g.finding_rule = x.rule_id
      and g.unit_id = x.unit_id and g.status <> 'closed')
    order by x.unit_id, x.rule_id
    returning id`.execute(trx);
  const createdIds = created.rows.map((r) => Number(r.id));
  // A join, not a subquery per finding: PostgreSQL ran that subquery once per finding (30 s for
  // 200,000 findings, the new groups not yet analyzed); joined, it hashes the groups once.
  await sql`update findings set problem_id = g.id from problems g
    where g.campaign_id = findings.campaign_id and g.finding_rule = findings.rule_id
      and g.unit_id = findings.unit_id and g.status <> 'closed'
      and findings.campaign_id = ${campaignId} and findings.problem_id is null and findings.unit_id is not null
      and not (${findingDoneSql('findings')})`.execute(trx);
  await arriving?.file();
  if (createdIds.length > 0)
    await sql`insert into problem_events (problem_id, at, event_date, actor_id, kind, from_status, to_status, text, detail)
      select p.id, ${at}, ${today}, ${run.actorId}, 'created', null, 'pending',
        '数据比对发现问题，按街道和规则自动登记，问题线索见本问题的问题线索清单', '{}'
      from problems p where p.id in (${sql.join(createdIds)}) order by p.id`.execute(trx);
  await countGroups(trx, campaignId, at, null);
  // A group left with no findings that nobody has worked on (a re-mapped place took them all) goes.
  await sql`delete from problems where campaign_id = ${campaignId} and finding_rule is not null
    and status = 'pending' and findings_total = 0`.execute(trx);
  const { cleared, uncleared } = await markCleared(trx, run, null);
  return {
    problemsCreated: createdIds.length,
    problemsCleared: cleared,
    problemsUncleared: uncleared,
    // Closed groups are not reopened: their findings found again went to an open group.
    problemsReopened: Number(reopened.rows[0]?.n ?? 0),
  };
}

/**
 * After one finding's state changed outside screening (the office accepted it as 不属实): its
 * group's counts and cleared mark follow at once, in the caller's transaction.
 */
export async function refreshGroup(trx: Executor, problemId: number, run: RunRef): Promise<void> {
  await countGroups(trx, run.campaignId, run.at, problemId);
  await markCleared(trx, run, problemId);
}

/**
 * Each open group's findings total and done (of the campaign, or one group), and its description
 * with the count, in one statement per rule; a group whose counts did not change keeps its version.
 */
async function countGroups(trx: Executor, campaignId: number, at: string, only: number | null) {
  const one = only === null ? sql`` : sql`and f.problem_id = ${only}`;
  await sql`create temp table group_counts as
    select f.problem_id, count(*) as total, sum(case when ${findingDoneSql('f')} then 1 else 0 end) as done
    from findings f where f.campaign_id = ${campaignId} and f.problem_id is not null ${one}
    group by f.problem_id`.execute(trx);
  const total = sql`coalesce((select c.total from group_counts c where c.problem_id = problems.id), 0)`;
  const done = sql`coalesce((select c.done from group_counts c where c.problem_id = problems.id), 0)`;
  for (const rule of RULE_IDS) {
    const { before, after } = groupDescriptionParts(rule);
    await sql`update problems set findings_total = ${total}, findings_done = ${done},
        description = cast(${before} as text) || (select u.name from units u where u.id = problems.unit_id) || '，'
          || ${total} || cast(${after} as text),
        version = version + 1, updated_at = ${at}
      where campaign_id = ${campaignId} and finding_rule = ${rule} and status <> 'closed'
        ${only === null ? sql`` : sql`and id = ${only}`}
        and (findings_total <> ${total} or findings_done <> ${done} or description = '')`.execute(trx);
  }
  await sql`drop table group_counts`.execute(trx);
}

/** Open groups whose every finding is done are cleared (销号 allowed); one found again, un-cleared. */
async function markCleared(trx: Executor, run: RunRef, only: number | null) {
  const { campaignId, at, today } = run;
  const one = only === null ? sql`` : sql`and p.id = ${only}`;
  const groups = sql`p.campaign_id = ${campaignId} and p.finding_rule is not null and p.status <> 'closed' ${one}`;
  const toClear = sql`${groups} and p.screening_cleared_at is null and p.findings_done = p.findings_total`;
  const toUnclear = sql`${groups} and p.screening_cleared_at is not null and p.findings_done < p.findings_total`;
  const event = (kind: ProblemEventKind, text: string, where: ReturnType<typeof sql>) =>
    sql`insert into problem_events (problem_id, at, event_date, actor_id, kind, from_status, to_status, text, detail)
      select p.id, ${at}, ${today}, ${run.actorId}, ${kind}, p.status, p.status, ${text}, '{}'
      from problems p where ${where} order by p.id`.execute(trx);
  await event('screening_cleared', '本问题的问题线索均已完成（再次比对不再发现），可提交销号', toClear);
  await event('screening_found_again', '再次比对又发现本问题的问题线索，须整改完成后再提交销号', toUnclear);
  const update = (set: ReturnType<typeof sql>, where: ReturnType<typeof sql>) =>
    sql`update problems set ${set}, version = version + 1, updated_at = ${at}
      where id in (select p.id from problems p where ${where})`.execute(trx);
  const cleared = await update(sql`screening_cleared_at = ${at}`, toClear);
  const uncleared = await update(sql`screening_cleared_at = null`, toUnclear);
  return { cleared: Number(cleared.numAffectedRows ?? 0), uncleared: Number(uncleared.numAffectedRows ?? 0) };
}

/** A street's name, for the 交办 text of the findings moved to it. */
export async function unitName(db: Executor, unitId: number): Promise<string> {
  return (await db.selectFrom('units').select('name').where('id', '=', unitId).executeTakeFirstOrThrow())
    .name;
}

/**
 * Before a place's open findings routed to another street move to this one: each open group losing
 * some records a 交办 of how many in its history, and the findings leave it (syncLedger files them
 * into the new street's group). Closed groups keep theirs: they were dealt with there.
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
  const moving = sql`f.township = ${place} and f.resolved_at is null and f.unit_id is not null
    and f.unit_id <> ${unitId} and f.problem_id in (select id from problems where status <> 'closed')`;
  await sql`insert into problem_events (problem_id, at, event_date, actor_id, kind, from_status, to_status, text, detail)
    select p.id, ${at}, ${today}, ${actorId}, 'assigned', p.status, p.status,
      cast(${`地名“${place}”改为对应${move.unitName}，`} as text) || m.n || cast(${`条问题线索交办${move.unitName}`} as text),
      '{"fromUnitId":' || p.unit_id || ',"toUnitId":' || ${unitId} || '}'
    from (select f.problem_id, count(*) as n from findings f where ${moving} group by f.problem_id) m
      join problems p on p.id = m.problem_id
    order by p.id`.execute(trx);
  await sql`update findings set problem_id = null where id in (select f.id from findings f where ${moving})`.execute(
    trx,
  );
}

/** Each street's open 数据比对 groups of a campaign, for the notice of what a run filed with it. */
export function openGroupsOf(db: Executor, campaignId: number, unitIds: number[]) {
  return db
    .selectFrom('problems')
    .select(['id', 'unit_id as unitId', 'finding_rule as rule'])
    .where('campaign_id', '=', campaignId)
    .where('unit_id', 'in', unitIds)
    .where('finding_rule', 'is not', null)
    .where('status', '!=', 'closed')
    .orderBy('id')
    .execute();
}

/**
 * A place's open findings that other streets hold, per street and the open group they sit in
 * (null: none open), read before a re-map moves them: what each street loses.
 */
export async function placeHolders(trx: Executor, place: string, unitId: number) {
  const rows = await trx
    .selectFrom('findings as f')
    .leftJoin('problems as p', (j) => j.onRef('p.id', '=', 'f.problem_id').on('p.status', '<>', 'closed'))
    .select(['f.unit_id as unitId', 'p.id as problemId', (eb) => eb.fn.countAll().as('n')])
    .where('f.township', '=', place)
    .where('f.resolved_at', 'is', null)
    .where('f.unit_id', 'is not', null)
    .where('f.unit_id', '<>', unitId)
    .groupBy(['f.unit_id', 'p.id'])
    .orderBy('f.unit_id')
    .orderBy('p.id')
    .execute();
  return rows.map((r) => ({ unitId: r.unitId as number, problemId: r.problemId, n: Number(r.n) }));
}

/** The street's open 数据比对 problems holding a place's findings, after they were filed. */
export async function placeGroupsOf(trx: Executor, place: string, unitId: number): Promise<number[]> {
  const rows = await trx
    .selectFrom('findings as f')
    .innerJoin('problems as p', 'p.id', 'f.problem_id')
    .select('p.id')
    .distinct()
    .where('f.township', '=', place)
    .where('f.unit_id', '=', unitId)
    .where('f.resolved_at', 'is', null)
    .where('p.status', '<>', 'closed')
    .orderBy('p.id')
    .execute();
  return rows.map((r) => r.id);
}
