// One change to a problem as every write path records it — a workflow step, a 交办, an edit: the
// row updated at the version the change was made against (409 when someone changed it since),
// its history line and its audit row, in the caller's transaction. Written once so that no path
// can forget the version check or leave a change without its history.
import type { ProblemEventKind, ProblemStatus } from '@paicha/core';
import type { Transaction, Updateable } from 'kysely';
import type { DB, ProblemsTable } from '../../db/schema.js';
import type { Actor, AppContext } from '../../kernel/context.js';
import { appendAudit } from '../audit/audit.repository.js';
import { insertEvent } from './problem-events.repository.js';
import { staleVersion } from './problems.access.js';
import { updateProblemAt } from './problems.repository.js';

export interface ProblemChange {
  /** The version the actor saw; the change is refused if the row has moved on. */
  version: number;
  /** The status after the change; unchanged when absent. */
  to?: ProblemStatus;
  /** Columns to set besides status and updated_at, given the change's timestamp. */
  set?: (at: string) => Omit<Updateable<ProblemsTable>, 'id' | 'version'>;
  event: { kind: ProblemEventKind; text: string; date?: string; detail?: Record<string, unknown> };
  audit: { action: string; detail: Record<string, unknown> };
  /** Runs after the history line is written (e.g. evidence files claimed by it). */
  within?: (trx: Transaction<DB>, eventId: number) => Promise<void>;
}

/** Records `change` to problem `p`; returns the history line's id. */
export async function recordProblemChange(
  trx: Transaction<DB>,
  ctx: AppContext,
  actor: Actor,
  p: { id: number; status: ProblemStatus },
  change: ProblemChange,
): Promise<number> {
  const at = ctx.clock.now().toISOString();
  const to = change.to ?? p.status;
  const ok = await updateProblemAt(trx, p.id, change.version, {
    ...(change.to === undefined ? {} : { status: change.to }),
    updated_at: at,
    ...(change.set?.(at) ?? {}),
  });
  if (!ok) throw staleVersion();
  const eventId = await insertEvent(trx, {
    problemId: p.id,
    at,
    eventDate: change.event.date ?? ctx.clock.today(),
    actorId: actor.userId,
    kind: change.event.kind,
    fromStatus: p.status,
    toStatus: to,
    text: change.event.text,
    ...(change.event.detail === undefined ? {} : { detail: change.event.detail }),
  });
  await change.within?.(trx, eventId);
  await appendAudit(trx, ctx.dialect, {
    actorId: actor.userId,
    action: change.audit.action,
    entity: 'problem',
    entityId: p.id,
    detail: change.audit.detail,
    at,
  });
  return eventId;
}
