// 明察暗访: the office's visits to units, and the problems their findings become.
import { AppError, isOverdue } from '@paicha/core';
import type { CreateInspectionBody, UpdateInspectionBody } from '@paicha/core/api/inspections';
import type { ProblemFields } from '@paicha/core/api/problems';
import type { z } from 'zod';
import { assertMay, scopedUnitId } from '../../http/access.js';
import type { Actor, AppContext } from '../../kernel/context.js';
import { appendAudit } from '../audit/audit.repository.js';
import { findCampaign } from '../campaigns/campaigns.repository.js';
import { createProblem } from '../problems/problems.service.js';
import { findUnit } from '../units/units.repository.js';
import {
  campaignOfVisit,
  deleteVisit,
  insertVisit,
  listVisits,
  problemsOfVisits,
  updateVisitAt,
} from './inspections.repository.js';

export async function listInspections(ctx: AppContext, actor: Actor, campaignId: number, id?: number) {
  const unitId = scopedUnitId(actor);
  const visits = await listVisits(ctx.db, { campaignId, unitId, id });
  const ids = visits.map((v) => v.id);
  const today = ctx.clock.today();
  const problems = ids.length ? await problemsOfVisits(ctx.db, ids) : [];
  return visits.map(({ unitId, unitName, ...v }) => ({
    ...v,
    visitType: v.visitType as '明察' | '暗访',
    unit: { id: unitId, name: unitName },
    problems: problems
      .filter((p) => p.inspectionId === v.id)
      .map(({ inspectionId: _i, ...p }) => ({ ...p, overdue: isOverdue(p, today) })),
  }));
}

export async function getInspection(ctx: AppContext, actor: Actor, id: number) {
  const campaignId = await campaignOfVisit(ctx.db, id);
  const [visit] = campaignId === undefined ? [] : await listInspections(ctx, actor, campaignId, id);
  if (!visit) throw new AppError('not_found', '检查记录不存在');
  return visit;
}

async function checkUnit(ctx: AppContext, unitId: number) {
  const unit = await findUnit(ctx.db, unitId);
  if (!unit || unit.kind === 'office') throw new AppError('validation_failed', '被检查单位不存在');
}

export async function createInspection(
  ctx: AppContext,
  actor: Actor,
  input: z.infer<typeof CreateInspectionBody>,
) {
  assertMay(actor, 'inspection.record');
  await checkUnit(ctx, input.unitId);
  // Checked here, not left to the foreign key: a missing campaign is the caller's mistake (was 500).
  const campaign = await findCampaign(ctx.db, input.campaignId);
  if (!campaign) throw new AppError('not_found', '工作活动不存在');
  if (input.visitDate > ctx.clock.today()) throw new AppError('validation_failed', '检查日期不能晚于今天');
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const id = await insertVisit(trx, {
      campaign_id: input.campaignId,
      unit_id: input.unitId,
      visit_date: input.visitDate,
      place: input.place,
      visit_type: input.visitType,
      inspectors: input.inspectors,
      findings: input.findings,
      created_by: actor.userId,
      created_at: at,
    });
    await appendAudit(trx, ctx.dialect, {
      actorId: actor.userId,
      action: 'inspection.create',
      entity: 'inspection',
      entityId: id,
      detail: input,
      at,
    });
    return id;
  });
}

export async function updateInspection(
  ctx: AppContext,
  actor: Actor,
  id: number,
  patch: z.infer<typeof UpdateInspectionBody>,
) {
  assertMay(actor, 'inspection.record');
  const before = await getInspection(ctx, actor, id);
  if (patch.unitId !== undefined) await checkUnit(ctx, patch.unitId);
  if (patch.visitDate !== undefined && patch.visitDate > ctx.clock.today())
    throw new AppError('validation_failed', '检查日期不能晚于今天');
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const { version, ...fields } = patch;
    if (!(await updateVisitAt(trx, id, version, fields)))
      throw new AppError('version_conflict', '该检查记录已被他人修改，请刷新后再修改');
    await appendAudit(trx, ctx.dialect, {
      actorId: actor.userId,
      action: 'inspection.update',
      entity: 'inspection',
      entityId: id,
      detail: { before, patch },
      at,
    });
  });
}

/** Turns a finding into a problem 交办 to the visited unit (source 明察暗访), linked to the visit. */
export async function problemFromInspection(
  ctx: AppContext,
  actor: Actor,
  id: number,
  fields: Omit<ProblemFields, 'source'>,
) {
  assertMay(actor, 'inspection.assign');
  const visit = await getInspection(ctx, actor, id);
  return createProblem(
    ctx,
    actor,
    { ...fields, source: '明察暗访', campaignId: visit.campaignId, unitId: visit.unit.id },
    visit.id,
  );
}

/** Removes a visit entered by mistake; one whose findings became problems stays on record. */
export async function deleteInspection(ctx: AppContext, actor: Actor, id: number) {
  assertMay(actor, 'inspection.record');
  const visit = await getInspection(ctx, actor, id);
  if (visit.problems.length > 0) throw new AppError('conflict', '该检查已转出问题，不能删除');
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await deleteVisit(trx, id);
    await appendAudit(trx, ctx.dialect, {
      actorId: actor.userId,
      action: 'inspection.delete',
      entity: 'inspection',
      entityId: id,
      detail: { visit },
      at,
    });
  });
}
