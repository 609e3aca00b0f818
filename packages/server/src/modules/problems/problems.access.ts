import { AppError, seesAllUnits } from '@paicha/core';
import type { Executor } from '../../db/transaction.js';
import type { Actor } from '../../http/context.js';
import { findProblem } from './problems.repository.js';

/** Loads a problem the actor may see; another unit's problem is "not found", like a missing one. */
export async function loadVisibleProblem(db: Executor, actor: Actor, id: number) {
  const p = await findProblem(db, id);
  if (!p || !(seesAllUnits(actor.role) || p.unitId === actor.unitId))
    throw new AppError('not_found', '问题不存在');
  return p;
}

/** Unit steps (progress, submit, edit) are taken by the responsible unit's own clerks. */
export function assertUnitMember(actor: Actor, unitId: number) {
  if ((actor.role !== 'reporter' && actor.role !== 'unit_head') || actor.unitId !== unitId) {
    throw new AppError('forbidden', '只有责任单位的填报人或负责人可以办理此步骤');
  }
}

/** Review steps (close out, return, reopen, 交办) are the office's. */
export function assertOffice(actor: Actor) {
  if (actor.role !== 'admin') throw new AppError('forbidden', '只有领导小组办公室可以办理此步骤');
}

export function staleVersion(): AppError {
  return new AppError('version_conflict', '该问题已被他人修改，请载入最新版本后再操作');
}
