// A problem's history: each step as a row of problem_events, read back with who took it, and
// the evidence files its progress entries carry.
import { setImmediate } from 'node:timers/promises';
import type { ProblemEventKind, ProblemStatus } from '@paicha/core';
import type { Executor } from '../../db/transaction.js';
import { INSERT_CHUNK } from './problems.repository.js';

export async function insertEvent(
  db: Executor,
  e: {
    problemId: number;
    at: string;
    eventDate: string;
    actorId: number | null;
    kind: ProblemEventKind;
    fromStatus: ProblemStatus | null;
    toStatus: ProblemStatus | null;
    text: string;
    detail?: Record<string, unknown>;
  },
): Promise<number> {
  const row = await db
    .insertInto('problem_events')
    .values(eventRow(e))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export type EventInsert = Parameters<typeof insertEvent>[1];

/** One history line as its table row: shared by the single and the chunked insert. */
function eventRow(e: EventInsert) {
  return {
    problem_id: e.problemId,
    at: e.at,
    event_date: e.eventDate,
    actor_id: e.actorId,
    kind: e.kind,
    from_status: e.fromStatus,
    to_status: e.toStatus,
    text: e.text,
    detail: JSON.stringify(e.detail ?? {}),
  };
}

/** Many events at once (an import's history lines), in chunks like insertProblems. */
export async function insertEvents(db: Executor, events: EventInsert[]): Promise<void> {
  for (let i = 0; i < events.length; i += INSERT_CHUNK) {
    if (i > 0) await setImmediate();
    await db
      .insertInto('problem_events')
      .values(events.slice(i, i + INSERT_CHUNK).map(eventRow))
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
