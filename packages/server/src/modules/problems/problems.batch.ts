// Batches over the ledger: the office closes (销号), returns (退回) or hands over (交办) many problems
// at once, a unit records one progress note on many of its problems. Each problem goes through
// the very step a single action takes (applyStep / applyAssign: its checks, its history event,
// its audit row and whatever else the step writes), all inside one transaction: if any problem is
// refused, nothing changes and the answer lists every refused problem with its reason.
import { AppError } from '@paicha/core';
import type { BatchRefusal, BatchRefusedDetails } from '@paicha/core/api/problems';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Actor, AppContext } from '../../kernel/context.js';
import { shareAttachments } from '../files/files.service.js';
import { withNotices } from '../notifications/notices.js';
import { assertOffice, assertUnitMember } from './problems.access.js';
import { applyAssign, assignee } from './problems.assign.js';
import { applyStep, assertProgressDate, closeStep, progressStep, returnStep } from './problems.workflow.js';

interface Item {
  id: number;
  version: number;
}

/**
 * Runs `apply` for every item in one transaction. A refusal (AppError) of one item does not stop
 * the others from being tried, so the answer names every refused problem at once; any refusal
 * rolls the whole batch back. Another unit's problem is refused as "问题不存在", like a missing one.
 */
async function runBatch(
  ctx: AppContext,
  items: Item[],
  verb: string,
  apply: (trx: Transaction<DB>, item: Item) => Promise<unknown>,
) {
  const refused: BatchRefusal[] = [];
  // Each problem's notice is written with it and mailed only once the whole batch has committed.
  await withNotices(ctx, async (trx) => {
    for (const item of items) {
      try {
        await apply(trx, item);
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        refused.push({ id: item.id, code: e.code, message: e.message });
      }
    }
    if (refused.length > 0) {
      const details: BatchRefusedDetails = { total: items.length, refused };
      throw new AppError(
        'batch_refused',
        `所选 ${items.length} 个问题中有 ${refused.length} 个不能${verb}，本次均未办理`,
        details,
      );
    }
  });
  return { done: items.length, ids: items.map((i) => i.id) };
}

export function closeMany(ctx: AppContext, actor: Actor, input: { items: Item[]; text: string }) {
  assertOffice(actor);
  return runBatch(ctx, input.items, '销号', (trx, item) =>
    applyStep(ctx, trx, actor, item.id, closeStep({ version: item.version, text: input.text })),
  );
}

export function returnMany(ctx: AppContext, actor: Actor, input: { items: Item[]; reason: string }) {
  assertOffice(actor);
  return runBatch(ctx, input.items, '退回', (trx, item) =>
    applyStep(ctx, trx, actor, item.id, returnStep({ version: item.version, reason: input.reason })),
  );
}

export async function assignMany(
  ctx: AppContext,
  actor: Actor,
  input: {
    items: Item[];
    unitId: number;
    deadline?: string | null | undefined;
    workingDays?: number | undefined;
    reason: string;
  },
) {
  assertOffice(actor);
  // The receiving unit is the whole batch's: a wrong one refuses the request, not each problem.
  const unit = await assignee(ctx.db, input.unitId);
  return runBatch(ctx, input.items, '交办', (trx, item) =>
    applyAssign(ctx, trx, actor, item.id, unit, {
      version: item.version,
      deadline: input.deadline,
      workingDays: input.workingDays,
      reason: input.reason,
    }),
  );
}

/** One progress note (with the same evidence files) on many of the unit's problems. */
export function progressMany(
  ctx: AppContext,
  actor: Actor,
  input: { items: Item[]; date: string; text: string; attachmentIds: number[] },
) {
  assertUnitMember(actor, actor.unitId);
  assertProgressDate(ctx, input.date);
  const link = shareAttachments(actor, input.attachmentIds, 'problem_event');
  return runBatch(ctx, input.items, '记录进展', (trx, item) =>
    applyStep(
      ctx,
      trx,
      actor,
      item.id,
      progressStep({ version: item.version, date: input.date, text: input.text }, link),
    ),
  );
}
