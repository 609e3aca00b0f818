// The workbench's reads that no other area already offers: sums over the ledger's tallies (never
// the problems table), and the small per-campaign tables (reports, submissions, circulars,
// notices, places, screening runs, visits) read off their indexes, a few rows at a time.
import { type SqlBool, sql } from 'kysely';
import type { Executor } from '../../db/transaction.js';
import { overdueSql, tallyColumns } from '../problems/overdue.repository.js';
import { tallyRows } from '../problems/tally-cache.js';

/** Statuses in which a problem's next step is the responsible unit's. */
export const UNIT_TURN = ['pending', 'rectifying', 'returned'] as const;

/** Deadline within [today, dueBy] while the unit still has to act ('' in tallies = none). */
function dueSoonSql(today: string, dueBy: string) {
  return sql<SqlBool>`(status in (${sql.join([...UNIT_TURN])}) and deadline <> '' and deadline >= ${today} and deadline <= ${dueBy})`;
}

/**
 * Problems waiting for each unit — returned, overdue (the one rule) or due soon, each problem
 * once — and the overdue ones alone. Sums over problem_tallies, from memory until the ledger moves.
 */
export async function unitTodoCounts(
  db: Executor,
  f: { campaignId: number; unitId?: number | undefined; today: string; dueBy: string },
) {
  const overdue = overdueSql(tallyColumns(), f.today);
  const rows = await tallyRows(
    db,
    db
      .selectFrom('problem_tallies')
      .select([
        'unit_id as unitId',
        sql<number>`sum(case when status = 'returned' or ${overdue} or ${dueSoonSql(f.today, f.dueBy)} then n else 0 end)`.as(
          'todo',
        ),
        sql<number>`sum(case when ${overdue} then n else 0 end)`.as('overdue'),
      ])
      .where('campaign_id', '=', f.campaignId)
      .$if(f.unitId !== undefined, (q) => q.where('unit_id', '=', f.unitId as number))
      .groupBy('unit_id'),
  );
  return rows.map((r) => ({ unitId: Number(r.unitId), todo: Number(r.todo), overdue: Number(r.overdue) }));
}

/** A unit's monthly reports, one row per monthly milestone (status null: never saved). */
export function unitReports(db: Executor, campaignId: number, unitId: number) {
  return db
    .selectFrom('milestones as m')
    .leftJoin('monthly_reports as r', (j) =>
      j.onRef('r.milestone_id', '=', 'm.id').on('r.unit_id', '=', unitId),
    )
    .select([
      'm.id as milestoneId',
      'm.period',
      'm.title',
      'm.due_date as dueDate',
      'r.status',
      'r.return_reason as returnReason',
    ])
    .where('m.campaign_id', '=', campaignId)
    .where('m.kind', '=', 'monthly')
    .where('m.period', 'is not', null)
    .orderBy('m.due_date')
    .execute();
}

/** A unit's milestone submissions, one row per milestone answered by one (status null: never saved). */
export function unitSubmissions(db: Executor, campaignId: number, unitId: number) {
  return db
    .selectFrom('milestones as m')
    .leftJoin('submissions as s', (j) => j.onRef('s.milestone_id', '=', 'm.id').on('s.unit_id', '=', unitId))
    .select([
      'm.id as milestoneId',
      'm.title',
      'm.due_date as dueDate',
      's.status',
      's.return_reason as returnReason',
    ])
    .where('m.campaign_id', '=', campaignId)
    .where('m.kind', '<>', 'monthly')
    .orderBy('m.due_date')
    .orderBy('m.id')
    .execute();
}

/** Monthly reports submitted and not yet decided by the office: how many, and the oldest few. */
export async function reportsAwaitingReview(db: Executor, campaignId: number, limit: number) {
  const base = () =>
    db
      .selectFrom('monthly_reports as r')
      .where('r.campaign_id', '=', campaignId)
      .where('r.status', '=', 'submitted');
  const [count, rows] = await Promise.all([
    base()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    base()
      .innerJoin('units as u', 'u.id', 'r.unit_id')
      .innerJoin('milestones as m', 'm.id', 'r.milestone_id')
      .select([
        'r.id',
        'r.period',
        'r.unit_id as unitId',
        'u.name as unitName',
        'm.title',
        'm.due_date as dueDate',
        'r.submitted_on as submittedOn',
      ])
      .orderBy('r.submitted_at')
      .orderBy('r.id')
      .limit(limit)
      .execute(),
  ]);
  return { count: Number(count.n), rows };
}

/** Milestone submissions awaiting the office's decision: how many, and the oldest few. */
export async function submissionsAwaitingReview(db: Executor, campaignId: number, limit: number) {
  const base = () =>
    db
      .selectFrom('submissions as s')
      .where('s.campaign_id', '=', campaignId)
      .where('s.status', '=', 'submitted');
  const [count, rows] = await Promise.all([
    base()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    base()
      .innerJoin('units as u', 'u.id', 's.unit_id')
      .innerJoin('milestones as m', 'm.id', 's.milestone_id')
      .select([
        's.id',
        's.milestone_id as milestoneId',
        's.unit_id as unitId',
        'u.name as unitName',
        'm.title',
        'm.due_date as dueDate',
        's.submitted_on as submittedOn',
      ])
      .orderBy('s.submitted_at')
      .orderBy('s.id')
      .limit(limit)
      .execute(),
  ]);
  return { count: Number(count.n), rows };
}

/** Issued circulars of a campaign with their frozen figures (a campaign issues a handful). */
export function issuedCirculars(db: Executor, campaignId: number) {
  return db
    .selectFrom('circulars')
    .select(['id', 'title', 'doc_date as docDate', 'deadline', 'figures'])
    .where('campaign_id', '=', campaignId)
    .where('status', '=', 'issued')
    .orderBy('id', 'desc')
    .execute();
}

/** Household places not yet mapped to a street: how many, and the ones holding most households. */
export async function openPlaces(db: Executor, limit: number) {
  const base = () => db.selectFrom('household_places').where('unit_id', 'is', null);
  const [count, rows] = await Promise.all([
    base()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    base()
      .select(['id', 'name', 'households', 'last_seen_at as lastSeenAt'])
      .orderBy('households', 'desc')
      .orderBy('id')
      .limit(limit)
      .execute(),
  ]);
  return { count: Number(count.n), rows };
}

/** Finished screening runs of a campaign after `since` (every one when null): how many, the newest few. */
export async function runsSince(db: Executor, campaignId: number, since: string | null, limit: number) {
  const base = () =>
    db
      .selectFrom('screening_runs')
      .where('campaign_id', '=', campaignId)
      .where('status', '=', 'done')
      .where('finished_at', 'is not', null)
      .$if(since !== null, (q) => q.where('finished_at', '>', since as string));
  const [count, rows] = await Promise.all([
    base()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    base()
      .select(['id', 'finished_at as finishedAt', 'summary'])
      .orderBy('finished_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute(),
  ]);
  return { count: Number(count.n), rows };
}

export async function seenAt(db: Executor, userId: number, what: string): Promise<string | null> {
  const row = await db
    .selectFrom('workbench_seen')
    .select('seen_at')
    .where('user_id', '=', userId)
    .where('what', '=', what)
    .executeTakeFirst();
  return row?.seen_at ?? null;
}

export async function markSeen(db: Executor, userId: number, what: string, at: string) {
  await db
    .insertInto('workbench_seen')
    .values({ user_id: userId, what, seen_at: at })
    .onConflict((oc) => oc.columns(['user_id', 'what']).doUpdateSet({ seen_at: at }))
    .execute();
}

/** A person's own 明察暗访 visits in a campaign: how many, and the newest few with their problems. */
export async function ownVisits(db: Executor, campaignId: number, userId: number, limit: number) {
  const base = () =>
    db
      .selectFrom('inspections as v')
      .where('v.created_by', '=', userId)
      .where('v.campaign_id', '=', campaignId);
  const [count, rows] = await Promise.all([
    base()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    base()
      .innerJoin('units as u', 'u.id', 'v.unit_id')
      .select([
        'v.id',
        'v.visit_date as visitDate',
        'v.visit_type as visitType',
        'v.place',
        'u.name as unitName',
        (eb) =>
          eb
            .selectFrom('problems as p')
            .select((e) => e.fn.countAll<number>().as('c'))
            .whereRef('p.inspection_id', '=', 'v.id')
            .as('problems'),
      ])
      .orderBy('v.visit_date', 'desc')
      .orderBy('v.id', 'desc')
      .limit(limit)
      .execute(),
  ]);
  return { count: Number(count.n), rows };
}
