import { AppError } from '@paicha/core';
import type { Executor } from '../../db/transaction.js';
import { assertMay, assertUnitVisible } from '../../http/access.js';
import type { Actor } from '../../kernel/context.js';
import { findProblem } from './problems.repository.js';

/** Loads a problem the actor may see; another unit's problem is "not found", like a missing one. */
export async function loadVisibleProblem(db: Executor, actor: Actor, id: number) {
  const p = await findProblem(db, id);
  if (!p) throw new AppError('not_found', '问题不存在');
  assertUnitVisible(actor, p.unitId, '问题');
  return p;
}

/** Unit steps (progress, submit) are taken by the responsible unit's own clerks. */
export function assertUnitMember(actor: Actor, unitId: number) {
  assertMay(actor, 'problem.work', { unitId, what: '问题' });
}

/** Review steps (close out, return, reopen, 交办) are the office's. */
export function assertOffice(actor: Actor) {
  assertMay(actor, 'problem.review');
}

export function staleVersion(): AppError {
  return new AppError('version_conflict', '该问题已被他人修改，请载入最新版本后再操作');
}
