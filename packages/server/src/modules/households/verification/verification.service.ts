// A finding's verification steps: the street's (属实, 不属实, 已整改 — with note and evidence), the
// office's decision on a 不属实 (the street is notified), and the street's batch steps. Each is one
// transaction with its audit row; a step names the version the clerk saw, and a finding changed
// meanwhile refuses it (version_conflict) instead of overwriting the other clerk's step.
import {
  AppError,
  FINDING_ACTION_LABELS,
  type FindingAction,
  nextVerification,
  refusalMessage,
} from '@paicha/core';
import type { BatchInput, BatchResult, DecisionInput, StreetStepInput } from '@paicha/core/api/verification';
import type { Executor } from '../../../db/transaction.js';
import { assertMay } from '../../../http/access.js';
import type { Actor, AppContext } from '../../../kernel/context.js';
import { appendAudit } from '../../audit/audit.repository.js';
import { listAttachmentsOf } from '../../files/files.repository.js';
import { linkAttachments } from '../../files/files.service.js';
import { withNotices, writeNotices } from '../../notifications/notices.js';
import { findingDecided } from '../../notifications/notices-households.js';
import { versionConflict } from '../../reports/workflow.js';
import { getFinding } from '../findings/findings-read.repository.js';
import { refreshGroup } from '../findings/ledger.repository.js';
import {
  assignFindings,
  confirmPending,
  type FindingState,
  findingEvents,
  findingState,
  findingStates,
  insertFindingEvents,
  setVerification,
} from './verification.repository.js';

/** The finding, or the 404 a missing one gets; another street's answers the same. */
async function loadFinding(
  ctx: AppContext,
  actor: Actor,
  id: number,
  action: 'finding.verify' | 'finding.review',
) {
  const f = await findingState(ctx.db, id);
  if (!f) throw new AppError('not_found', '问题线索不存在');
  assertMay(actor, action, { unitId: f.unitId, what: '问题线索' });
  return f;
}

function assertOpen(f: FindingState) {
  if (f.resolvedAt !== null) throw new AppError('conflict', '该问题线索已在后续数据比对中消除，无需再核实');
}

/** One step on one finding inside `trx`: state by compare-and-set, the event, its evidence. */
async function applyStep(
  trx: Executor,
  actor: Actor,
  f: FindingState,
  step: { action: FindingAction; version: number; note: string; attachmentIds: number[]; at: string },
) {
  const to = nextVerification(f.verification, step.action);
  if (to === null) throw new AppError('conflict', refusalMessage(f.verification, step.action));
  if (!(await setVerification(trx, f.id, step.version, { to, note: step.note, at: step.at })))
    throw versionConflict(f.version);
  const [eventId] = await insertFindingEvents(trx, [
    {
      finding_id: f.id,
      action: step.action,
      from_state: f.verification,
      to_state: to,
      note: step.note,
      actor_id: actor.userId,
      at: step.at,
    },
  ]);
  await linkAttachments(trx, actor, step.attachmentIds, 'finding_event', eventId as number);
  return to;
}

/** 属实 / 不属实 / 已整改 on one of the street's findings. */
export async function streetStep(ctx: AppContext, actor: Actor, id: number, body: StreetStepInput) {
  const f = await loadFinding(ctx, actor, id, 'finding.verify');
  assertOpen(f);
  if (f.version !== body.version) throw versionConflict(f.version);
  if (body.action === 'dispute' && body.note === '')
    throw new AppError('validation_failed', '请说明不属实的理由（数据哪里有误）');
  if (body.action === 'rectify' && body.note === '')
    throw new AppError('validation_failed', '请填写整改情况');
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const to = await applyStep(trx, actor, f, { ...body, at });
    await appendAudit(trx, ctx.dialect, {
      actorId: actor.userId,
      action: `finding.${body.action}`,
      entity: 'finding',
      entityId: id,
      detail: { from: f.verification, to, note: body.note, attachmentIds: body.attachmentIds },
      at,
    });
  });
  return getFinding(ctx, actor, id);
}

/** The office accepts a 不属实 (the finding is done) or rejects it (back to 属实, with its note). */
export async function officeDecision(ctx: AppContext, actor: Actor, id: number, body: DecisionInput) {
  const f = await loadFinding(ctx, actor, id, 'finding.review');
  assertOpen(f);
  if (f.version !== body.version) throw versionConflict(f.version);
  if (body.action === 'reject' && body.note === '')
    throw new AppError('validation_failed', '请填写不认定的理由，街道将据此整改');
  const at = ctx.clock.now().toISOString();
  await withNotices(ctx, async (trx) => {
    const to = await applyStep(trx, actor, f, { ...body, attachmentIds: [], at });
    // An accepted 不属实 is done (core findingIsDone): its group's progress, and 销号 once all are.
    if (to === 'dispute_accepted' && f.problemId !== null)
      await refreshGroup(trx, f.problemId, {
        id: null,
        campaignId: f.campaignId,
        at,
        actorId: actor.userId,
        today: ctx.clock.today(),
      });
    if (f.unitId !== null)
      await writeNotices(trx, ctx, actor, [
        findingDecided({ ...f, unitId: f.unitId }, body.action, to, body.note),
      ]);
    await appendAudit(trx, ctx.dialect, {
      actorId: actor.userId,
      action: `finding.${body.action}`,
      entity: 'finding',
      entityId: id,
      detail: { from: f.verification, to, note: body.note },
      at,
    });
  });
  return getFinding(ctx, actor, id);
}

/** Why one finding of a batch is refused, or null when the step applies to it. */
function batchRefusal(actor: Actor, f: FindingState | undefined, step: BatchInput): string | null {
  if (!f || f.unitId !== actor.unitId) return '问题线索不存在';
  if (f.resolvedAt !== null) return '已在后续数据比对中消除';
  if (step.action === 'confirm' && nextVerification(f.verification, 'confirm') === null)
    return refusalMessage(f.verification, 'confirm');
  return null;
}

/**
 * Marks many findings 属实, or assigns many to a village cadre: all or nothing. Every finding is
 * checked first and reported; when one is refused nothing changes (applied: false).
 */
export async function batchStep(ctx: AppContext, actor: Actor, step: BatchInput): Promise<BatchResult> {
  assertMay(actor, 'finding.verify');
  const ids = [...new Set(step.ids)];
  const byId = new Map((await findingStates(ctx.db, ids)).map((f) => [f.id, f]));
  const results = ids.map((id) => {
    const refused = batchRefusal(actor, byId.get(id), step);
    return { id, ok: refused === null, message: refused ?? '' };
  });
  if (results.some((r) => !r.ok)) return { applied: false, results };
  const at = ctx.clock.now().toISOString();
  const findings = ids.map((id) => byId.get(id) as FindingState);
  await ctx.db.transaction().execute(async (trx) => {
    const note =
      step.action === 'confirm'
        ? step.note
        : `交由${step.assignee.name}${step.assignee.phone ? `（${step.assignee.phone}）` : ''}入户核实`;
    const moved =
      step.action === 'confirm'
        ? await confirmPending(trx, ids, { note, at })
        : await assignFindings(trx, ids, { name: step.assignee.name, phone: step.assignee.phone, at });
    // A finding another clerk moved since it was checked: the whole batch is refused.
    if (moved !== ids.length) throw versionConflict();
    await insertFindingEvents(
      trx,
      findings.map((f) => ({
        finding_id: f.id,
        action: step.action,
        from_state: f.verification,
        to_state: step.action === 'confirm' ? 'confirmed' : f.verification,
        note,
        actor_id: actor.userId,
        at,
      })),
    );
    await appendAudit(trx, ctx.dialect, {
      actorId: actor.userId,
      action: `finding.batch_${step.action}`,
      entity: 'finding',
      entityId: null,
      detail: { ids, note },
      at,
    });
  });
  return { applied: true, results: results.map((r) => ({ ...r, message: '已办理' })) };
}

const EVENT_LABELS: Record<string, string> = { ...FINDING_ACTION_LABELS, assign: '交村干部核实' };

/** A finding with every step taken on it and the evidence of each. */
export async function findingHistory(ctx: AppContext, actor: Actor, id: number) {
  const finding = await getFinding(ctx, actor, id);
  const events = await findingEvents(ctx.db, id);
  const files = await listAttachmentsOf(
    ctx.db,
    'finding_event',
    events.map((e) => e.id),
  );
  return {
    finding,
    events: events.map((e) => ({
      ...e,
      actionLabel:
        e.visitId === null
          ? (EVENT_LABELS[e.action] ?? e.action)
          : `入户核实：${e.action === 'dispute' ? '不属实' : '属实'}`,
      attachments: files
        .filter((a) => a.entityId === e.id)
        .map((a) => ({
          id: a.id,
          name: a.name,
          size: a.size,
          mime: a.mime,
          sha256: a.sha256,
          uploadedAt: a.uploadedAt,
        })),
    })),
  };
}
