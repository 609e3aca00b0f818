// Recording and editing problems (交办 is problems.assign.ts). Every write is one transaction
// with its history event and audit row; edits carry the version they were made against.
import {
  AppError,
  actsOnAnyUnit,
  chinaToday,
  editBlockedBy,
  isReservedSource,
  RESERVED_SOURCE_MESSAGE,
} from '@paicha/core';
import type { ProblemFields } from '@paicha/core/api/problems';
import { assertMay } from '../../http/access.js';
import type { Actor, AppContext } from '../../kernel/context.js';
import { appendAudit } from '../audit/audit.repository.js';
import { loadCalendar } from '../calendar/deadlines.js';
import { problemAssigned, withNotices, writeNotices } from '../notifications/notices.js';
import { readLedgerSettings } from '../settings/ledger-settings.js';
import { findUnit } from '../units/units.repository.js';
import { recordProblemChange } from './problem-change.js';
import { insertEvent } from './problem-events.repository.js';
import { loadVisibleProblem } from './problems.access.js';
import { editedColumns, insertProblem } from './problems.repository.js';
import {
  campaignLimits,
  checkDeadline,
  resolveCheckItem,
  throwIfErrors,
  withImmediateDeadline,
} from './problems.rules.js';

export async function createProblem(
  ctx: AppContext,
  actor: Actor,
  input: ProblemFields & { campaignId: number; unitId?: number | undefined },
  /** The 明察暗访 visit whose finding this problem records. */
  inspectionId: number | null = null,
) {
  assertMay(actor, 'problem.record');
  const office = actsOnAnyUnit(actor.role, 'problem.record');
  // 明察暗访 and 数据比对 problems come from a visit (inspectionId) or from screening only.
  if (inspectionId === null && isReservedSource(input.source)) throw reservedSource();
  const unitId = office ? input.unitId : actor.unitId;
  if (!unitId)
    throw new AppError('validation_failed', '请选择责任单位', [
      { path: '/unitId', message: '请选择责任单位' },
    ]);
  if (!office && input.unitId !== undefined && input.unitId !== actor.unitId)
    throw new AppError('forbidden', '只能登记本单位的问题');
  const unit = await findUnit(ctx.db, unitId);
  if (!unit || unit.kind === 'office') throw new AppError('validation_failed', '责任单位不存在');
  const item = await resolveCheckItem(ctx.db, input.campaignId, input.checkItem, unitId);
  if (!item) throw new AppError('validation_failed', `排查事项第${input.checkItem}项不存在`);
  if (!office && !item.assigned)
    throw new AppError('validation_failed', `第${input.checkItem}项不是本单位承担的排查事项`);
  const today = ctx.clock.today();
  const limits = await campaignLimits(ctx.db, input.campaignId);
  const [ledgerSettings, calendar] = await Promise.all([readLedgerSettings(ctx.db), loadCalendar(ctx.db)]);
  const due = withImmediateDeadline(input, today, ledgerSettings, limits, calendar);
  throwIfErrors(checkDeadline({ ...input, ...due }, limits, today));

  const at = ctx.clock.now().toISOString();
  return withNotices(ctx, async (trx) => {
    const id = await insertProblem(trx, {
      campaign_id: input.campaignId,
      check_item_id: item.id,
      unit_id: unitId,
      source: input.source,
      description: input.description,
      found_date: input.foundDate,
      place: input.place,
      household_ref: input.householdRef,
      cause: input.cause,
      measures: input.measures,
      responsible_leader: input.responsibleLeader,
      responsible_person: input.responsiblePerson,
      mode: input.mode,
      deadline: due.deadline,
      deadline_reason: due.deadlineReason,
      status: 'pending',
      inspection_id: inspectionId,
      created_by: actor.userId,
      created_at: at,
      updated_at: at,
    });
    const kind = office && unitId !== actor.unitId ? 'assigned' : 'created';
    await insertEvent(trx, {
      problemId: id,
      at,
      eventDate: today,
      actorId: actor.userId,
      kind,
      fromStatus: null,
      toStatus: 'pending',
      text: kind === 'assigned' ? `交办${unit.name}` : '登记问题',
    });
    await appendAudit(trx, ctx.dialect, {
      actorId: actor.userId,
      action: `problem.${kind}`,
      entity: 'problem',
      entityId: id,
      detail: { unitId, checkItem: input.checkItem },
      at,
    });
    // The office recording a problem for a unit hands it over: the unit is told.
    if (kind === 'assigned') {
      const ref = {
        id,
        unitId,
        unitName: unit.name,
        checkItem: input.checkItem,
        description: input.description,
        deadline: input.deadline,
      };
      await writeNotices(trx, ctx, actor, [problemAssigned(ctx, actor, ref, '', calendar)]);
    }
    return id;
  });
}

/** Edits the ledger fields. Units edit while the problem is theirs to work on; the office any time before 销号. */
export async function editProblem(
  ctx: AppContext,
  actor: Actor,
  id: number,
  patch: Partial<ProblemFields> & { version: number },
) {
  const p = await loadVisibleProblem(ctx.db, actor, id);
  assertMay(actor, 'problem.record', { unitId: p.unitId, what: '问题' });
  const office = actsOnAnyUnit(actor.role, 'problem.record');
  const blocked = editBlockedBy(actor.role, p.status);
  if (blocked) throw new AppError('conflict', blocked);
  // A reserved source is neither given nor taken away by an edit (a 数据比对 problem closes
  // only when screening no longer finds it; relabelled, it would bypass that).
  if (
    patch.source !== undefined &&
    patch.source !== p.source &&
    (isReservedSource(patch.source) || isReservedSource(p.source))
  )
    throw reservedSource();
  const limits = await campaignLimits(ctx.db, p.campaignId);
  const given = {
    mode: patch.mode ?? p.mode,
    deadline: patch.deadline === undefined ? p.deadline : patch.deadline,
    deadlineReason: patch.deadlineReason ?? p.deadlineReason,
  };
  // A 立行立改 problem left without a deadline gets the 立行立改期限 from the day it was recorded.
  const [ledgerSettings, calendar] = await Promise.all([readLedgerSettings(ctx.db), loadCalendar(ctx.db)]);
  const due = withImmediateDeadline(
    given,
    chinaToday(new Date(p.createdAt)),
    ledgerSettings,
    limits,
    calendar,
  );
  if (due.deadline !== given.deadline) Object.assign(patch, due);
  const merged = { ...given, ...due, foundDate: patch.foundDate ?? p.foundDate };
  throwIfErrors(checkDeadline(merged, limits, ctx.clock.today()));
  let checkItemId: number | undefined;
  if (patch.checkItem !== undefined && patch.checkItem !== p.checkItem) {
    const item = await resolveCheckItem(ctx.db, p.campaignId, patch.checkItem, p.unitId);
    if (!item || (!office && !item.assigned))
      throw new AppError('validation_failed', `第${patch.checkItem}项不是本单位承担的排查事项`);
    checkItemId = item.id;
  }
  const changed = Object.keys(patch).filter((k) => k !== 'version');
  await ctx.db.transaction().execute((trx) =>
    recordProblemChange(trx, ctx, actor, p, {
      version: patch.version,
      set: () => ({
        ...(checkItemId === undefined ? {} : { check_item_id: checkItemId }),
        ...editedColumns(patch),
      }),
      event: { kind: 'edited', text: '修改问题信息', detail: { fields: changed } },
      audit: { action: 'problem.edit', detail: { before: p, patch } },
    }),
  );
}

function reservedSource(): AppError {
  return new AppError('validation_failed', RESERVED_SOURCE_MESSAGE, [
    { path: '/source', message: RESERVED_SOURCE_MESSAGE },
  ]);
}
