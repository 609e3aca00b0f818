// The supervision aggregates, computed in the database: one scan of a campaign's problems for
// the weekly trend, one GROUP BY for the scorecard's as-of counts, and counts of 退回/提交 events
// in a period (problem history + the audit trail of reports and submissions).
import { addDays } from '@paicha/core';
import { sql } from 'kysely';
import type { Executor } from '../../db/transaction.js';
import { overdueSql, problemColumnsAt } from '../problems/overdue.repository.js';

/**
 * The first instant (ISO UTC) after a China calendar day: instants are stored as UTC text, so
 * "on or before day D in China" is `at < dayEnd(D)`, an index-friendly text comparison.
 */
function dayEnd(date: string): string {
  return `${date}T16:00:00.000Z`;
}

/**
 * Problems recorded and closed out by the end of each given day (cumulative). Two GROUP BYs by
 * the UTC hour (China days end on a UTC hour boundary), summed up to each day in code: the scan
 * costs the same however many days are asked for. A reopened problem has no closed_at, so it
 * counts as open since it was recorded.
 */
export async function cumulativeCounts(db: Executor, campaignId: number, days: readonly string[]) {
  const hours = (column: 'created_at' | 'closed_at') =>
    db
      .selectFrom('problems')
      .select([sql<string>`substr(${sql.ref(column)}, 1, 13)`.as('hour'), sql<number>`count(*)`.as('n')])
      .where('campaign_id', '=', campaignId)
      .where(column, 'is not', null)
      .groupBy(sql`substr(${sql.ref(column)}, 1, 13)`)
      .execute();
  const [created, closed] = await Promise.all([hours('created_at'), hours('closed_at')]);
  // A China day ends at 16:00 UTC: hour buckets before '…T16' of that date belong to it or earlier.
  const upTo = (rows: { hour: string; n: number }[], end: string) =>
    rows.reduce((sum, r) => (r.hour < end.slice(0, 13) ? sum + Number(r.n) : sum), 0);
  return days.map((day) => ({ day, found: upTo(created, dayEnd(day)), closed: upTo(closed, dayEnd(day)) }));
}

export interface AsOfRow {
  unitId: number;
  checkItemId: number;
  found: number;
  closed: number;
  overdue: number;
}

/**
 * Per unit × check item, as the ledger stood at the end of `asOf`: recorded by then, closed out
 * by then, and overdue then (deadline before `asOf`, not closed out by then). With `asOf` = today
 * these are exactly the ledger's own counts (tallies.repository.ts).
 */
export async function problemCountsAsOf(db: Executor, campaignId: number, asOf: string): Promise<AsOfRow[]> {
  const end = dayEnd(asOf);
  const closedBy = sql`(closed_at is not null and closed_at < ${end})`;
  const rows = await db
    .selectFrom('problems')
    .select([
      'unit_id as unitId',
      'check_item_id as checkItemId',
      sql<number>`count(*)`.as('found'),
      sql<number>`sum(case when ${closedBy} then 1 else 0 end)`.as('closed'),
      sql<number>`sum(case when ${overdueSql(problemColumnsAt(end), asOf)} then 1 else 0 end)`.as('overdue'),
    ])
    .where('campaign_id', '=', campaignId)
    .where('created_at', '<', end)
    .groupBy(['unit_id', 'check_item_id'])
    .execute();
  return rows.map((r) => ({
    unitId: Number(r.unitId),
    checkItemId: Number(r.checkItemId),
    found: Number(r.found),
    closed: Number(r.closed),
    overdue: Number(r.overdue),
  }));
}

export interface EventCounts {
  unitId: number;
  returnedProblems: number;
  returnedReports: number;
  submitted: number;
}

/**
 * 退回 and 提交 per unit within [from, to] (China dates): problem history events (dated by their
 * China day), and the audit trail of monthly reports and milestone submissions (office returns,
 * unit submissions). Unlocking an accepted report is a correction, not a return, and is not counted.
 */
export async function eventCounts(
  db: Executor,
  campaignId: number,
  from: string,
  to: string,
): Promise<EventCounts[]> {
  const problemRows = await db
    .selectFrom('problem_events as e')
    .innerJoin('problems as p', 'p.id', 'e.problem_id')
    .select([
      'p.unit_id as unitId',
      sql<number>`sum(case when e.kind = 'return' then 1 else 0 end)`.as('returned'),
      sql<number>`sum(case when e.kind = 'submit' then 1 else 0 end)`.as('submitted'),
    ])
    .where('p.campaign_id', '=', campaignId)
    .where('e.kind', 'in', ['return', 'submit'])
    .where('e.event_date', '>=', from)
    .where('e.event_date', '<=', to)
    .groupBy('p.unit_id')
    .execute();
  const start = dayEnd(addDays(from, -1));
  const end = dayEnd(to);
  const audited = async (entity: 'monthly_report' | 'submission') => {
    const [rows, owners] = await Promise.all([
      db
        .selectFrom('audit_log')
        .select([
          'entity_id as entityId',
          sql<number>`sum(case when action = ${`${entity}.return`} then 1 else 0 end)`.as('returned'),
          sql<number>`sum(case when action = ${`${entity}.submit`} then 1 else 0 end)`.as('submitted'),
        ])
        .where('entity', '=', entity)
        .where('action', 'in', [`${entity}.return`, `${entity}.submit`])
        .where('at', '>=', start)
        .where('at', '<', end)
        .groupBy('entity_id')
        .execute(),
      db
        .selectFrom(entity === 'monthly_report' ? 'monthly_reports' : 'submissions')
        .select(['id', 'unit_id as unitId'])
        .where('campaign_id', '=', campaignId)
        .execute(),
    ]);
    // The audit trail names the report by id; the campaign's reports say whose it is.
    const unitOf = new Map(owners.map((o) => [String(o.id), Number(o.unitId)]));
    return rows.flatMap((r) => {
      const unitId = r.entityId === null ? undefined : unitOf.get(r.entityId);
      return unitId === undefined ? [] : [{ unitId, returned: r.returned, submitted: r.submitted }];
    });
  };
  const [reports, submissions] = await Promise.all([audited('monthly_report'), audited('submission')]);
  const out = new Map<number, EventCounts>();
  const get = (unitId: number) => {
    let c = out.get(unitId);
    if (!c) {
      c = { unitId, returnedProblems: 0, returnedReports: 0, submitted: 0 };
      out.set(unitId, c);
    }
    return c;
  };
  for (const r of problemRows) {
    const c = get(Number(r.unitId));
    c.returnedProblems += Number(r.returned);
    c.submitted += Number(r.submitted);
  }
  for (const r of [...reports, ...submissions]) {
    const c = get(Number(r.unitId));
    c.returnedReports += Number(r.returned);
    c.submitted += Number(r.submitted);
  }
  return [...out.values()];
}
