import { AppError, type UnitKind } from '@paicha/core';
import type { Actor, AppContext } from '../../kernel/context.js';
import { appendAudit } from '../audit/audit.repository.js';
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
  return ctx.db.transaction().execute(async (trx) => {
    if (await findUnitByName(trx, input.name))
      throw new AppError('conflict', `已有名为“${input.name}”的单位`);
    const unit = await insertUnit(trx, { ...input, sortOrder: await nextSortOrder(trx), at });
    await appendAudit(trx, ctx.dialect, {
      actorId: actor.userId,
      action: 'unit.create',
      entity: 'unit',
      entityId: unit.id,
      detail: input,
      at,
    });
    return unit;
  });
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

/** Removes a street or department; refused while people still belong to it. */
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
