// 交办: the office hands a problem to another unit, optionally with a new deadline (a date, or
// "N 个工作日内" by the office's calendar). One problem's 交办 (`applyAssign`) is the step both
// the single action and a batch take, in the caller's transaction, with its history event, audit
// row and the notices to both units.
import { AppError, addWorkingDays, formatChineseDate } from '@paicha/core';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Executor } from '../../db/transaction.js';
import type { Actor, AppContext } from '../../kernel/context.js';
import { loadCalendar } from '../calendar/deadlines.js';
import { problemAssigned, problemTakenAway, withNotices, writeNotices } from '../notifications/notices.js';
import { findUnit } from '../units/units.repository.js';
import { recordProblemChange } from './problem-change.js';
import { assertOffice, loadVisibleProblem } from './problems.access.js';
import { campaignLimits, checkDeadline, throwIfErrors } from './problems.rules.js';

/** 交办: the office hands the problem to another unit (optionally with a new deadline). */
export function assignProblem(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: AssignInput & { unitId: number },
) {
  assertOffice(actor);
  return withNotices(ctx, async (trx) => {
    const unit = await assignee(trx, input.unitId);
    await applyAssign(ctx, trx, actor, id, unit, input);
  });
}

/** The unit a problem is handed to: a street or department, never the office itself. */
export async function assignee(db: Executor, unitId: number) {
  const unit = await findUnit(db, unitId);
  if (!unit || unit.kind === 'office') throw new AppError('validation_failed', '责任单位不存在');
  return unit;
}

/** One problem's 交办 inside the caller's transaction (single or batch); throws when refused. */
export async function applyAssign(
  ctx: AppContext,
  trx: Transaction<DB>,
  actor: Actor,
  id: number,
  unit: { id: number; name: string },
  given: AssignInput,
) {
  const p = await loadVisibleProblem(trx, actor, id);
  if (p.status === 'closed') throw new AppError('conflict', '问题已销号，不能交办');
  const input = await withWorkingDaysDeadline(ctx, trx, given);
  if (input.deadline !== undefined) {
    // A new deadline obeys the same rules as one typed on the form; the 交办 reason may explain
    // a deadline past the campaign's rectification date.
    const merged = {
      mode: p.mode,
      deadline: input.deadline,
      deadlineReason: p.deadlineReason || input.reason,
      foundDate: p.foundDate,
    };
    throwIfErrors(checkDeadline(merged, await campaignLimits(trx, p.campaignId), ctx.clock.today()));
  }
  await recordProblemChange(trx, ctx, actor, p, {
    version: input.version,
    set: () => ({ unit_id: unit.id, ...(input.deadline === undefined ? {} : { deadline: input.deadline }) }),
    event: {
      kind: 'assigned',
      text: `交办${unit.name}${input.reason ? `：${input.reason}` : ''}`,
      detail: { fromUnitId: p.unitId, toUnitId: unit.id },
    },
    audit: {
      action: 'problem.assign',
      detail: { fromUnitId: p.unitId, toUnitId: unit.id, deadline: input.deadline },
    },
  });
  const deadline = input.deadline === undefined ? p.deadline : input.deadline;
  // Both ends of the hand-off hear of it: the unit it goes to, and the one that loses it.
  await writeNotices(trx, ctx, actor, [
    problemAssigned(
      ctx,
      actor,
      { ...p, unitId: unit.id, unitName: unit.name, deadline },
      input.reason,
      await loadCalendar(trx),
    ),
    ...(p.unitId === unit.id ? [] : [problemTakenAway(ctx, actor, p, unit, input.reason)]),
  ]);
}

/** What a 交办 carries: a new deadline as a date, or as "N 个工作日内" counted from today. */
export interface AssignInput {
  version: number;
  deadline?: string | null | undefined;
  workingDays?: number | undefined;
  reason: string;
}

/**
 * "N 个工作日内": the N-th working day after today by the office's calendar, and said so in the
 * 交办 reason (the receiving unit reads the rule, not only the date).
 */
async function withWorkingDaysDeadline(ctx: AppContext, db: Executor, input: AssignInput) {
  if (input.workingDays === undefined) return input;
  if (input.deadline) throw new AppError('validation_failed', '整改时限与工作日数只能填一项');
  const deadline = addWorkingDays(ctx.clock.today(), input.workingDays, await loadCalendar(db));
  const rule = `${input.workingDays}个工作日内整改（至${formatChineseDate(deadline)}）`;
  return { ...input, deadline, reason: input.reason ? `${input.reason}；${rule}` : rule };
}
