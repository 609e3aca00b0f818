// A street or department leaving the campaign is deactivated, never silently emptied: the admin
// first sees what it still holds (open problems, items of campaigns not yet ended) and chooses
// to hand it all to another unit of the same kind or to keep it with the unit, shown as 已停用.
import { AppError } from '@paicha/core';
import type { UnitDeactivation, UnitWorkload } from '@paicha/core/api/units';
import type { Executor } from '../../db/transaction.js';
import type { Actor, AppContext } from '../../kernel/context.js';
import { appendAudit } from '../audit/audit.repository.js';
import { updateCheckItem } from '../campaigns/campaigns.repository.js';
import { unitWorkReceived, withNotices, writeNotices } from '../notifications/notices.js';
import {
  countActiveUsers,
  countOpenAssignments,
  countOpenProblems,
  itemTexts,
  moveOpenAssignments,
  moveOpenProblems,
  setUnitActive,
} from './unit-work.repository.js';
import { findUnit, type UnitRow } from './units.repository.js';

async function loadAnswering(db: Executor, id: number): Promise<UnitRow> {
  const unit = await findUnit(db, id);
  if (!unit) throw new AppError('not_found', '单位不存在');
  if (unit.kind === 'office') throw new AppError('conflict', '领导小组办公室不能停用');
  return unit;
}

async function workload(db: Executor, unitId: number, today: string): Promise<UnitWorkload> {
  const [openProblems, assignments, activeUsers] = await Promise.all([
    countOpenProblems(db, unitId),
    countOpenAssignments(db, unitId, today),
    countActiveUsers(db, unitId),
  ]);
  return { openProblems, assignments, activeUsers };
}

/** What deactivating the unit would affect: the counts the confirmation states. */
export async function unitWorkload(ctx: AppContext, id: number): Promise<UnitWorkload> {
  await loadAnswering(ctx.db, id);
  return workload(ctx.db, id, ctx.clock.today());
}

export async function deactivateUnit(ctx: AppContext, actor: Actor, id: number, choice: UnitDeactivation) {
  const at = ctx.clock.now().toISOString();
  const today = ctx.clock.today();
  return withNotices(ctx, async (trx) => {
    const unit = await loadAnswering(trx, id);
    if (!unit.active) throw new AppError('conflict', `“${unit.name}”已停用`);
    const target = choice.disposition === 'move' ? await findUnit(trx, choice.toUnitId) : undefined;
    if (
      choice.disposition === 'move' &&
      (!target || target.id === id || !target.active || target.kind !== unit.kind)
    )
      throw new AppError('validation_failed', '请选择一个在用的同类单位接收');
    const before = await workload(trx, id, today);
    if (before.activeUsers > 0)
      throw new AppError(
        'conflict',
        `“${unit.name}”下还有${before.activeUsers}个在用账号，请先将其调到其他单位或停用后再停用本单位`,
      );
    let moved = { problems: 0, items: 0 };
    if (target) {
      const problems = await moveOpenProblems(trx, {
        fromId: id,
        toId: target.id,
        text: `${unit.name}停用，交办${target.name}`,
        at,
        today,
        actorId: actor.userId,
      });
      const itemIds = await moveOpenAssignments(trx, { fromId: id, toId: target.id, today });
      await renameInUnitsText(trx, itemIds, unit.name, target.name);
      moved = { problems: problems.length, items: itemIds.length };
      // The receiving unit is told what it now holds, in the same transaction as the move.
      if (problems.length > 0 || itemIds.length > 0)
        await writeNotices(trx, ctx, actor, [
          unitWorkReceived(ctx, actor, {
            fromName: unit.name,
            toUnitId: target.id,
            problemIds: problems,
            items: itemIds.length,
          }),
        ]);
    }
    await setUnitActive(trx, id, false);
    await appendAudit(trx, ctx.dialect, {
      actorId: actor.userId,
      action: 'unit.deactivate',
      entity: 'unit',
      entityId: id,
      detail: { ...choice, before, moved },
      at,
    });
    return { ...unit, active: false };
  });
}

/**
 * The 责任单位 text of items that changed hands: where it named the leaving unit, it now names
 * the receiving one; a group phrase (各街道) still says who holds the item and stays as it is.
 */
async function renameInUnitsText(trx: Executor, itemIds: number[], from: string, to: string) {
  for (const item of await itemTexts(trx, itemIds)) {
    const lines = item.unitsText.split('\n');
    if (!lines.includes(from)) continue;
    const renamed = lines.filter((l) => l !== from);
    if (!renamed.includes(to)) renamed.push(to);
    await updateCheckItem(trx, item.id, { unitsText: renamed.join('\n') });
  }
}

/** Brings a deactivated unit back; items it should have are assigned by the office as usual. */
export async function reactivateUnit(ctx: AppContext, actor: Actor, id: number) {
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const unit = await loadAnswering(trx, id);
    if (unit.active) return unit;
    await setUnitActive(trx, id, true);
    await appendAudit(trx, ctx.dialect, {
      actorId: actor.userId,
      action: 'unit.reactivate',
      entity: 'unit',
      entityId: id,
      detail: {},
      at,
    });
    return { ...unit, active: true };
  });
}
