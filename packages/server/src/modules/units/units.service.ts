import { AppError, resolveUnitsText, type UnitKind } from '@paicha/core';
import type { Executor } from '../../db/transaction.js';
import type { Actor, AppContext } from '../../kernel/context.js';
import { appendAudit } from '../audit/audit.repository.js';
import { insertItemUnits } from '../campaigns/campaigns.repository.js';
import { hasHistory, itemsOfOpenCampaigns } from './unit-work.repository.js';
import {
  countUsersOfUnit,
  deleteUnit,
  findUnit,
  findUnitByName,
  insertUnit,
  nextSortOrder,
  updateUnit,
} from './units.repository.js';

export async function createUnit(ctx: AppContext, actor: Actor, input: { name: string; kind: UnitKind }) {
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute((trx) => addUnitIn(trx, ctx, actor.userId, input, at));
}

/**
 * Adds a unit inside the caller's transaction (the 单位管理 page, or a plan import naming a new
 * department): it takes its share of the campaigns not yet ended and is audited as unit.create.
 */
export async function addUnitIn(
  trx: Executor,
  ctx: AppContext,
  /** null for the CLI (paicha campaign import). */
  actorId: number | null,
  input: { name: string; kind: UnitKind },
  at: string,
) {
  if (await findUnitByName(trx, input.name)) throw new AppError('conflict', `已有名为“${input.name}”的单位`);
  const unit = await insertUnit(trx, { ...input, sortOrder: await nextSortOrder(trx), at });
  const assignedItems = await assignGroupItems(trx, unit, ctx.clock.today());
  await appendAudit(trx, ctx.dialect, {
    actorId,
    action: 'unit.create',
    entity: 'unit',
    entityId: unit.id,
    detail: { ...input, assignedItems },
    at,
  });
  return unit;
}

export async function renameUnit(
  ctx: AppContext,
  actor: Actor,
  id: number,
  patch: { name?: string; sortOrder?: number },
) {
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const unit = await findUnit(trx, id);
    if (!unit) throw new AppError('not_found', '单位不存在');
    // An empty PATCH changes nothing (and an UPDATE without columns is not SQL: it answered 500).
    if (patch.name === undefined && patch.sortOrder === undefined) return unit;
    if (patch.name !== undefined && patch.name !== unit.name) {
      const clash = await findUnitByName(trx, patch.name);
      if (clash) throw new AppError('conflict', `已有名为“${patch.name}”的单位`);
    }
    await updateUnit(trx, id, patch);
    await appendAudit(trx, ctx.dialect, {
      actorId: actor.userId,
      action: 'unit.update',
      entity: 'unit',
      entityId: id,
      detail: { before: unit, patch },
      at,
    });
    return (await findUnit(trx, id)) ?? unit;
  });
}

/**
 * A unit added after a campaign started takes its share of it: every item of a campaign not yet
 * ended whose 责任单位 names its kind (各街道 → a new street, 区各相关部门 → a new department) or
 * the unit by name, exactly as the campaign's creation resolved them. Returns how many.
 */
async function assignGroupItems(
  trx: Executor,
  unit: { id: number; name: string; kind: UnitKind },
  today: string,
) {
  const items = await itemsOfOpenCampaigns(trx, today);
  const mine = items.filter((i) => resolveUnitsText(i.unitsText, [unit]).units.length > 0);
  await insertItemUnits(
    trx,
    mine.map((i) => ({ checkItemId: i.id, unitId: unit.id })),
  );
  return mine.length;
}

/**
 * Removes a street or department added by mistake; refused while people belong to it or once
 * anything was filed for it (problems, reports, submissions) — such a unit is deactivated instead.
 */
export async function removeUnit(ctx: AppContext, actor: Actor, id: number) {
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const unit = await findUnit(trx, id);
    if (!unit) throw new AppError('not_found', '单位不存在');
    if (unit.kind === 'office') throw new AppError('conflict', '领导小组办公室不能删除');
    const users = await countUsersOfUnit(trx, id);
    if (users > 0)
      throw new AppError(
        'conflict',
        `“${unit.name}”下还有${users}个用户，请先将其调到其他单位或停用后再删除`,
      );
    if (await hasHistory(trx, id))
      throw new AppError(
        'conflict',
        `“${unit.name}”已有问题、报送或数据比对记录，不能删除；如不再参与，请停用`,
      );
    // Its check-item assignments go with it (ON DELETE CASCADE on item_units).
    await deleteUnit(trx, id);
    await appendAudit(trx, ctx.dialect, {
      actorId: actor.userId,
      action: 'unit.delete',
      entity: 'unit',
      entityId: id,
      detail: { unit },
      at,
    });
  });
}
