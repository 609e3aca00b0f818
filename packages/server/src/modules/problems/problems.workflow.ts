// The status machine in motion: 整改进展 → 提交销号 → 销号 | 退回 → … → 重新打开.
// Each step checks the actor, the version and the transition, then writes the problem, its
// history event and the audit row in one transaction. `applyStep` does one problem inside a
// transaction the caller opened, so a batch (problems.batch.ts) runs exactly the same rules and
// writes per problem as the single step.
import {
  ACTION_ACTOR,
  AppError,
  closeBlockedBy,
  groupSubmitBlockedBy,
  nextStatus,
  PROBLEM_STATUS_LABELS,
  type ProblemAction,
  type ProblemStatus,
} from '@paicha/core';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Actor, AppContext } from '../../kernel/context.js';
import { linkAttachments } from '../files/files.service.js';
import { type ProblemStepNotice, problemStep, withNotices, writeNotices } from '../notifications/notices.js';
import { recordProblemChange } from './problem-change.js';
import { countEvidence } from './problem-events.repository.js';
import { assertOffice, assertUnitMember, loadVisibleProblem } from './problems.access.js';
import { openGroupOf, type ProblemRow } from './problems.repository.js';

export interface Step {
  action: ProblemAction;
  version: number;
  text: string;
  eventDate?: string;
  /** Extra columns to set with the status change. */
  set?: (at: string) => Record<string, string | null>;
  /** Runs inside the transaction after the event is written (e.g. claiming evidence files). */
  within?: (trx: Transaction<DB>, eventId: number) => Promise<void>;
  /** Refuses the step for this problem (read through the step's transaction). */
  check?: (p: ProblemRow, trx: Transaction<DB>) => Promise<void> | void;
  /** The hand-off's notice (to the unit, or to the office for a 销号 application), if any. */
  notice?: ProblemStepNotice;
}

function takeStep(ctx: AppContext, actor: Actor, id: number, step: Step) {
  return withNotices(ctx, (trx) => applyStep(ctx, trx, actor, id, step));
}

/** One problem's step inside the caller's transaction; throws AppError when it is refused. */
export async function applyStep(
  ctx: AppContext,
  trx: Transaction<DB>,
  actor: Actor,
  id: number,
  step: Step,
): Promise<ProblemStatus> {
  const p = await loadVisibleProblem(trx, actor, id);
  if (ACTION_ACTOR[step.action] === 'office') assertOffice(actor);
  else assertUnitMember(actor, p.unitId);
  const to = nextStatus(p.status, step.action);
  if (!to) throw new AppError('conflict', `问题当前为“${PROBLEM_STATUS_LABELS[p.status]}”，不能执行此操作`);
  await step.check?.(p, trx);
  await recordProblemChange(trx, ctx, actor, p, {
    version: step.version,
    to,
    ...(step.set === undefined ? {} : { set: step.set }),
    event: {
      kind: step.action,
      text: step.text,
      ...(step.eventDate === undefined ? {} : { date: step.eventDate }),
    },
    audit: { action: `problem.${step.action}`, detail: { from: p.status, to, text: step.text } },
    ...(step.within === undefined ? {} : { within: step.within }),
  });
  if (step.notice)
    await writeNotices(trx, ctx, actor, await problemStep(trx, ctx, actor, step.notice, p, step.text));
  return to;
}

/** 整改进展: a pending problem starts; `link` claims the evidence files for the new event. */
export function progressStep(
  input: { version: number; date: string; text: string },
  link: (trx: Transaction<DB>, eventId: number) => Promise<void>,
): Step {
  return {
    action: 'progress',
    version: input.version,
    text: input.text,
    eventDate: input.date,
    within: link,
  };
}

export function assertProgressDate(ctx: AppContext, date: string) {
  if (date > ctx.clock.today()) throw new AppError('validation_failed', '进展日期不能晚于今天');
}

export function logProgress(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: { version: number; date: string; text: string; attachmentIds: number[] },
) {
  assertProgressDate(ctx, input.date);
  return takeStep(
    ctx,
    actor,
    id,
    progressStep(input, (trx, eventId) =>
      linkAttachments(trx, actor, input.attachmentIds, 'problem_event', eventId),
    ),
  );
}

export function submitForClosure(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: { version: number; text: string },
) {
  return takeStep(ctx, actor, id, {
    action: 'submit',
    notice: 'submit',
    version: input.version,
    text: input.text || '整改完成，申请销号',
    set: (at) => ({ submitted_at: at }),
    async check(p, trx) {
      // A screening group is done when every one of its findings is (counted by the screening).
      const blocked = groupSubmitBlockedBy(
        p.findingRule === null ? null : { total: p.findingsTotal, done: p.findingsDone },
      );
      if (blocked) throw new AppError('unprocessable', blocked);
      if ((await countEvidence(trx, id)) === 0) {
        throw new AppError('unprocessable', '申请销号前请至少上传一份佐证材料（在“整改进展”中添加）');
      }
    },
  });
}

export function returnStep(input: { version: number; reason: string }): Step {
  return {
    action: 'return',
    notice: 'return',
    version: input.version,
    text: input.reason,
    set: () => ({ return_reason: input.reason }),
  };
}

export function returnProblem(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: { version: number; reason: string },
) {
  return takeStep(ctx, actor, id, returnStep(input));
}

export function closeStep(input: { version: number; text: string }): Step {
  return {
    action: 'close',
    notice: 'close',
    version: input.version,
    text: input.text || '审核通过，予以销号',
    set: (at) => ({ closed_at: at, return_reason: '' }),
    check(p) {
      // A data-screening finding is fixed only when the data say so (core closeBlockedBy).
      const blocked = closeBlockedBy(p);
      if (blocked) throw new AppError('unprocessable', blocked);
    },
  };
}

export function closeProblem(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: { version: number; text: string },
) {
  return takeStep(ctx, actor, id, closeStep(input));
}

export function reopenProblem(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: { version: number; reason: string },
) {
  return takeStep(ctx, actor, id, {
    action: 'reopen',
    notice: 'reopen',
    version: input.version,
    text: input.reason,
    set: () => ({ closed_at: null }),
    async check(p, trx) {
      // One open group per street and rule: a later screening may have opened the next one.
      if (p.findingRule !== null && (await openGroupOf(trx, p.campaignId, p.findingRule, p.unitId)) !== null)
        throw new AppError(
          'conflict',
          '该街道同一规则已有未销号的数据比对问题，问题线索已转入该问题，不能重新打开',
        );
    },
  });
}
