import type { ProblemStatus } from '@paicha/core';
import type { Insertable, Updateable } from 'kysely';
import type { ProblemsTable } from '../../db/schema.js';
import type { Executor } from '../../db/transaction.js';
import { containsPattern, likeContains } from '../../lib/text-search.js';
import type { ListQuery } from './problems.schema.js';

export type ProblemInsert = Insertable<ProblemsTable>;

/** Filters after access scoping: `unitId` is forced to the actor's unit for unit users. */
export type ProblemFilter = Omit<ListQuery, 'sort' | 'order' | 'page' | 'pageSize' | 'unit'> & {
  campaignId: number;
  unitId?: number;
  today: string;
};

function joined(db: Executor) {
  return db
    .selectFrom('problems as p')
    .innerJoin('check_items as i', 'i.id', 'p.check_item_id')
    .innerJoin('units as u', 'u.id', 'p.unit_id');
}

const SELECT = [
  'p.id',
  'p.campaign_id as campaignId',
  'i.seq as checkItem',
  'i.content as checkItemContent',
  'i.category',
  'i.sub_category as subCategory',
  'u.id as unitId',
  'u.name as unitName',
  'p.source',
  'p.description',
  'p.found_date as foundDate',
  'p.place',
  'p.household_ref as householdRef',
  'p.cause',
  'p.measures',
  'p.responsible_leader as responsibleLeader',
  'p.responsible_person as responsiblePerson',
  'p.mode',
  'p.deadline',
  'p.deadline_reason as deadlineReason',
  'p.status',
  'p.return_reason as returnReason',
  'p.version',
  'p.created_at as createdAt',
  'p.updated_at as updatedAt',
  'p.submitted_at as submittedAt',
  'p.closed_at as closedAt',
  'p.screening_cleared_at as screeningClearedAt',
] as const;

export type ProblemRow = Awaited<ReturnType<typeof findProblem>> & {};

export function findProblem(db: Executor, id: number) {
  return joined(db).select(SELECT).where('p.id', '=', id).executeTakeFirst();
}

/**
 * The filter on the problems table alone: check-item conditions become uncorrelated sub-queries,
 * so counting matches never joins and stays on the (campaign_id, …) indexes.
 */
function filtered(db: Executor, f: ProblemFilter) {
  const like = containsPattern(f.q);
  const items = (where: (q: ReturnType<typeof itemIds>) => ReturnType<typeof itemIds>) =>
    where(itemIds(db, f.campaignId));
  return db
    .selectFrom('problems as p')
    .where('p.campaign_id', '=', f.campaignId)
    .$if(f.unitId !== undefined, (q) => q.where('p.unit_id', '=', f.unitId as number))
    .$if(f.checkItem !== undefined, (q) =>
      q.where(
        'p.check_item_id',
        'in',
        items((s) => s.where('seq', '=', f.checkItem as number)),
      ),
    )
    .$if(f.category !== undefined, (q) =>
      q.where(
        'p.check_item_id',
        'in',
        items((s) => s.where('category', '=', f.category as never)),
      ),
    )
    .$if(f.status !== undefined && f.status.length > 0, (q) =>
      q.where('p.status', 'in', f.status as ProblemStatus[]),
    )
    .$if(f.source !== undefined && f.source.length > 0, (q) => q.where('p.source', 'in', f.source as never[]))
    .$if(f.mode !== undefined, (q) => q.where('p.mode', '=', f.mode as never))
    .$if(f.overdue === '1' || f.overdue === 'true', (q) =>
      q
        .where('p.status', '<>', 'closed')
        .where('p.deadline', 'is not', null)
        .where('p.deadline', '<', f.today),
    )
    .$if(f.overdue === '0' || f.overdue === 'false', (q) =>
      q.where((eb) =>
        eb.or([eb('p.status', '=', 'closed'), eb('p.deadline', 'is', null), eb('p.deadline', '>=', f.today)]),
      ),
    )
    .$if(f.deadlineFrom !== undefined, (q) => q.where('p.deadline', '>=', f.deadlineFrom as string))
    .$if(f.deadlineTo !== undefined, (q) => q.where('p.deadline', '<=', f.deadlineTo as string))
    .$if(like !== null, (q) =>
      q.where((eb) =>
        eb.or([
          // A problem number or a unit's name typed into the search box finds those too.
          ...(f.q && /^\d{1,9}$/.test(f.q) ? [eb('p.id', '=', Number(f.q))] : []),
          eb(
            'p.unit_id',
            'in',
            db
              .selectFrom('units')
              .select('id')
              .where(likeContains('name', like as string)),
          ),
          ...(
            [
              'p.description',
              'p.place',
              'p.cause',
              'p.measures',
              'p.responsible_leader',
              'p.responsible_person',
              'p.household_ref',
            ] as const
          ).map((col) => likeContains(col, like as string)),
        ]),
      ),
    );
}

function itemIds(db: Executor, campaignId: number) {
  return db.selectFrom('check_items').select('id').where('campaign_id', '=', campaignId);
}

/** The filtered problems with their item and unit, ready to select the presented columns. */
function filteredJoined(db: Executor, f: ProblemFilter) {
  return filtered(db, f)
    .innerJoin('check_items as i', 'i.id', 'p.check_item_id')
    .innerJoin('units as u', 'u.id', 'p.unit_id');
}

const SORT_COLUMNS = {
  id: 'p.id',
  deadline: 'p.deadline',
  foundDate: 'p.found_date',
  status: 'p.status',
  unit: 'u.sort_order',
  checkItem: 'i.seq',
  updatedAt: 'p.updated_at',
} as const;

export async function listProblems(
  db: Executor,
  f: ProblemFilter,
  page: { sort: keyof typeof SORT_COLUMNS; order: 'asc' | 'desc'; offset: number; limit: number },
) {
  const [rows, count] = await Promise.all([
    filteredJoined(db, f)
      .select(SELECT)
      .orderBy(SORT_COLUMNS[page.sort], page.order)
      .orderBy('p.id', page.order)
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    filtered(db, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Every matching row in ledger order (unit, item, id): for exports. */
export function listAllProblems(db: Executor, f: ProblemFilter) {
  return filteredJoined(db, f)
    .select(SELECT)
    .orderBy('u.sort_order')
    .orderBy('i.seq')
    .orderBy('p.id')
    .execute();
}

export async function insertProblem(db: Executor, p: ProblemInsert): Promise<number> {
  const row = await db.insertInto('problems').values(p).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Rows per multi-row INSERT. A statement binds one parameter per column per row: SQLite refuses
 * more than 32,766 and PostgreSQL's bind message counts them in 16 bits, so a 5,000-row ledger
 * (19 columns) in one statement failed on both. 500 rows stay far below either limit.
 */
export const INSERT_CHUNK = 500;

/** Inserts in chunks, ids returned in the order of `rows`. */
export async function insertProblems(db: Executor, rows: ProblemInsert[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const out = await db
      .insertInto('problems')
      .values(rows.slice(i, i + INSERT_CHUNK))
      .returning('id')
      .execute();
    for (const r of out) ids.push(r.id);
  }
  return ids;
}

/**
 * Optimistic update: applies only if the row is still at `version`, and bumps it.
 * Returns false when someone else changed the problem first.
 */
export async function updateProblemAt(
  db: Executor,
  id: number,
  version: number,
  patch: Omit<Updateable<ProblemsTable>, 'id' | 'version'>,
): Promise<boolean> {
  const res = await db
    .updateTable('problems')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function insertEvent(
  db: Executor,
  e: {
    problemId: number;
    at: string;
    eventDate: string;
    actorId: number | null;
    kind: string;
    fromStatus: ProblemStatus | null;
    toStatus: ProblemStatus | null;
    text: string;
    detail?: Record<string, unknown>;
  },
): Promise<number> {
  const row = await db
    .insertInto('problem_events')
    .values({
      problem_id: e.problemId,
      at: e.at,
      event_date: e.eventDate,
      actor_id: e.actorId,
      kind: e.kind,
      from_status: e.fromStatus,
      to_status: e.toStatus,
      text: e.text,
      detail: JSON.stringify(e.detail ?? {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export type EventInsert = Parameters<typeof insertEvent>[1];

/** Many events at once (an import's history lines), in chunks like insertProblems. */
export async function insertEvents(db: Executor, events: EventInsert[]): Promise<void> {
  for (let i = 0; i < events.length; i += INSERT_CHUNK) {
    await db
      .insertInto('problem_events')
      .values(
        events.slice(i, i + INSERT_CHUNK).map((e) => ({
          problem_id: e.problemId,
          at: e.at,
          event_date: e.eventDate,
          actor_id: e.actorId,
          kind: e.kind,
          from_status: e.fromStatus,
          to_status: e.toStatus,
          text: e.text,
          detail: JSON.stringify(e.detail ?? {}),
        })),
      )
      .execute();
  }
}

export function listEvents(db: Executor, problemId: number) {
  return db
    .selectFrom('problem_events as e')
    .leftJoin('users as a', 'a.id', 'e.actor_id')
    .leftJoin('units as n', 'n.id', 'a.unit_id')
    .select([
      'e.id',
      'e.at',
      'e.event_date as date',
      'e.kind',
      'e.from_status as fromStatus',
      'e.to_status as toStatus',
      'e.text',
      'e.detail',
      'a.display_name as actorName',
      'a.username as actorUsername',
      'n.name as actorUnit',
    ])
    .where('e.problem_id', '=', problemId)
    .orderBy('e.id')
    .execute();
}

/** How many evidence files the problem's progress entries carry. */
export async function countEvidence(db: Executor, problemId: number): Promise<number> {
  const row = await db
    .selectFrom('attachments as a')
    .innerJoin('problem_events as e', (j) =>
      j.onRef('e.id', '=', 'a.entity_id').on('a.entity', '=', 'problem_event'),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('e.problem_id', '=', problemId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
