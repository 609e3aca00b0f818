// 明察暗访: the office's visits to units, and the problems their findings become.
import { AppError, isOverdue } from '@paicha/core';
import type { CreateInspectionBody, UpdateInspectionBody } from '@paicha/core/api/inspections';
import type { ProblemFields } from '@paicha/core/api/problems';
import type { z } from 'zod';
import { assertMay, scopedUnitId } from '../../http/access.js';
import type { Actor, AppContext } from '../../kernel/context.js';
import { appendAudit } from '../audit/audit.repository.js';
import { createProblem } from '../problems/problems.service.js';

export async function listInspections(ctx: AppContext, actor: Actor, campaignId: number, id?: number) {
  const unitId = scopedUnitId(actor);
  const visits = await ctx.db
    .selectFrom('inspections as v')
    .innerJoin('units as u', 'u.id', 'v.unit_id')
    .select([
      'v.id',
      'v.campaign_id as campaignId',
      'u.id as unitId',
      'u.name as unitName',
      'v.visit_date as visitDate',
      'v.place',
      'v.visit_type as visitType',
      'v.inspectors',
      'v.findings',
      'v.created_at as createdAt',
      'v.version',
    ])
    .where('v.campaign_id', '=', campaignId)
    .$if(unitId !== undefined, (q) => q.where('v.unit_id', '=', unitId as number))
    .$if(id !== undefined, (q) => q.where('v.id', '=', id as number))
    .orderBy('v.visit_date', 'desc')
    .orderBy('v.id', 'desc')
    .execute();
  const ids = visits.map((v) => v.id);
  const today = ctx.clock.today();
  const problems = ids.length
    ? await ctx.db
        .selectFrom('problems as p')
        .innerJoin('check_items as i', 'i.id', 'p.check_item_id')
        .select([
          'p.id',
          'p.inspection_id as inspectionId',
          'i.seq as checkItem',
          'p.description',
          'p.status',
          'p.deadline',
        ])
        .where('p.inspection_id', 'in', ids)
        .orderBy('p.id')
        .execute()
    : [];
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
  const row = await ctx.db
    .selectFrom('inspections')
    .select('campaign_id')
    .where('id', '=', id)
    .executeTakeFirst();
  const [visit] = row ? await listInspections(ctx, actor, row.campaign_id, id) : [];
  if (!visit) throw new AppError('not_found', '检查记录不存在');
  return visit;
}

async function checkUnit(ctx: AppContext, unitId: number) {
  const unit = await ctx.db
    .selectFrom('units')
    .select(['id', 'kind'])
    .where('id', '=', unitId)
    .executeTakeFirst();
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
  const campaign = await ctx.db
    .selectFrom('campaigns')
    .select('id')
    .where('id', '=', input.campaignId)
    .executeTakeFirst();
  if (!campaign) throw new AppError('not_found', '工作活动不存在');
  if (input.visitDate > ctx.clock.today()) throw new AppError('validation_failed', '检查日期不能晚于今天');
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('inspections')
      .values({
        campaign_id: input.campaignId,
        unit_id: input.unitId,
        visit_date: input.visitDate,
        place: input.place,
        visit_type: input.visitType,
        inspectors: input.inspectors,
        findings: input.findings,
        created_by: actor.userId,
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
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
    const done = await trx
      .updateTable('inspections')
      .set((eb) => ({
        ...(patch.unitId === undefined ? {} : { unit_id: patch.unitId }),
        ...(patch.visitDate === undefined ? {} : { visit_date: patch.visitDate }),
        ...(patch.place === undefined ? {} : { place: patch.place }),
        ...(patch.visitType === undefined ? {} : { visit_type: patch.visitType }),
        ...(patch.inspectors === undefined ? {} : { inspectors: patch.inspectors }),
        ...(patch.findings === undefined ? {} : { findings: patch.findings }),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', id)
      .where('version', '=', patch.version)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1)
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
    await trx.deleteFrom('inspections').where('id', '=', id).execute();
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
