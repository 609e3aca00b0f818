// 入户核实 visits: the queue of households with findings to check (nearest deadline first), the
// visits themselves (keyed by the phone's own id) and what each visit said about each finding.
import type { FindingVerification } from '@paicha/core';
import { type Insertable, sql } from 'kysely';
import type { FindingVisitsTable } from '../../../db/schema-households.js';
import { containsPattern, likeContains } from '../../../db/text-search.js';
import type { Executor } from '../../../db/transaction.js';

/** Findings still to be worked at the door: not cleared by screening, not decided or rectified. */
const WORKABLE: FindingVerification[] = ['pending', 'confirmed', 'disputed'];

function queueBase(db: Executor, campaignId: number, unitId: number | undefined, q: string | undefined) {
  const like = containsPattern(q);
  return db
    .selectFrom('findings as f')
    .leftJoin('problems as p', 'p.id', 'f.problem_id')
    .where('f.campaign_id', '=', campaignId)
    .where('f.resolved_at', 'is', null)
    .where('f.verification', 'in', WORKABLE)
    .where('f.household_id', 'is not', null)
    .$if(unitId !== undefined, (w) => w.where('f.unit_id', '=', unitId as number))
    .$if(like !== null, (w) =>
      w.where((eb) => eb.or(['f.household_id', 'f.person_name'].map((c) => likeContains(c, like as string)))),
    );
}

/** One page of households, nearest deadline first (none last), then by 户编号. */
export async function visitQueuePage(
  db: Executor,
  f: { campaignId: number; unitId?: number; q?: string; page: number; pageSize: number },
) {
  const base = queueBase(db, f.campaignId, f.unitId, f.q);
  const deadline = sql<string | null>`min(p.deadline)`;
  const [rows, count] = await Promise.all([
    base
      .select([
        'f.household_id as householdId',
        sql<string>`min(f.township)`.as('township'),
        sql<string>`min(f.village)`.as('village'),
        sql<string | null>`min(f.person_name)`.as('name'),
        sql<number>`count(*)`.as('openFindings'),
        sql<number>`sum(case when f.verification = 'pending' then 1 else 0 end)`.as('pending'),
        deadline.as('deadline'),
      ])
      .groupBy('f.household_id')
      .orderBy(sql`case when min(p.deadline) is null then 1 else 0 end`)
      .orderBy(deadline)
      .orderBy('f.household_id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    base.select(sql<number>`count(distinct f.household_id)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** The cadres the page's households are assigned to, and when each was last visited. */
export async function queueExtras(db: Executor, campaignId: number, householdIds: string[]) {
  if (householdIds.length === 0) return { assignees: [], visits: [] };
  const [assignees, visits] = await Promise.all([
    db
      .selectFrom('findings')
      .select(['household_id as householdId', 'assignee_name as name', 'assignee_phone as phone'])
      .distinct()
      .where('campaign_id', '=', campaignId)
      .where('household_id', 'in', householdIds)
      .where('assignee_name', '<>', '')
      .where('resolved_at', 'is', null)
      .orderBy('assignee_name')
      .execute(),
    db
      .selectFrom('finding_visits')
      .select(['household_id as householdId', sql<string>`max(received_at)`.as('at')])
      .where('campaign_id', '=', campaignId)
      .where('household_id', 'in', householdIds)
      .groupBy('household_id')
      .execute(),
  ]);
  return { assignees, visits };
}

/** The household's findings, every campaign's (a visit may speak only of these). */
export function householdFindings(db: Executor, householdId: string, unitId?: number) {
  return (
    db
      .selectFrom('findings')
      .select([
        'id',
        'campaign_id as campaignId',
        'unit_id as unitId',
        'verification',
        'version',
        'resolved_at as resolvedAt',
      ])
      // Every campaign named, so the (campaign_id, household_id) index serves the look-up.
      .where('campaign_id', 'in', (eb) => eb.selectFrom('campaigns').select('id'))
      .where('household_id', '=', householdId)
      .$if(unitId !== undefined, (w) => w.where('unit_id', '=', unitId as number))
      .orderBy('id')
      .execute()
  );
}

export function visitByClientId(db: Executor, clientId: string) {
  return db
    .selectFrom('finding_visits')
    .select(['id', 'recorded_by as recordedBy', 'household_id as householdId', 'unit_id as unitId'])
    .where('client_id', '=', clientId)
    .executeTakeFirst();
}

export async function insertVisit(db: Executor, v: Insertable<FindingVisitsTable>): Promise<number> {
  const r = await db.insertInto('finding_visits').values(v).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** A household's visits, newest first, with who recorded them. */
export function visitsOf(db: Executor, f: { campaignId: number; householdId?: string; ids?: number[] }) {
  return db
    .selectFrom('finding_visits as v')
    .innerJoin('users as u', 'u.id', 'v.recorded_by')
    .select([
      'v.id',
      'v.client_id as clientId',
      'v.household_id as householdId',
      'v.unit_id as unitId',
      'v.note',
      'v.visitor_name as visitorName',
      'u.display_name as recordedBy',
      'v.recorded_at as recordedAt',
      'v.received_at as receivedAt',
      'v.latitude',
      'v.longitude',
      'v.accuracy',
    ])
    .where('v.campaign_id', '=', f.campaignId)
    .$if(f.householdId !== undefined, (w) => w.where('v.household_id', '=', f.householdId as string))
    .$if(f.ids !== undefined, (w) => w.where('v.id', 'in', f.ids as number[]))
    .orderBy('v.id', 'desc')
    .limit(200)
    .execute();
}

/** What the visits said about each finding (their 'visit' and state-changing events). */
export function visitVerdicts(db: Executor, visitIds: number[]) {
  if (visitIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('finding_events')
    .select([
      'visit_id as visitId',
      'finding_id as findingId',
      'action',
      'to_state as to',
      'from_state as from',
      'note',
    ])
    .where('visit_id', 'in', visitIds)
    .orderBy('id')
    .execute();
}
