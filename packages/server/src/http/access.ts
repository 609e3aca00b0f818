// One place that decides who may see and change what. "Not found" and "forbidden" answer the
// same for another unit's resources, so ids cannot be probed.
import { AppError, seesAllUnits } from '@paicha/core';
import type { FastifyRequest } from 'fastify';
import type { Actor } from './context.js';

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated', '请先登录');
  return request.actor;
}

export function requireAdmin(request: FastifyRequest): Actor {
  const actor = requireActor(request);
  if (actor.role !== 'admin') throw new AppError('forbidden', '只有领导小组办公室管理员可以执行此操作');
  return actor;
}

/** May the actor see data belonging to this unit? */
export function canSeeUnit(actor: Actor, unitId: number): boolean {
  return seesAllUnits(actor.role) || actor.unitId === unitId;
}

/** Throws the same 404 a missing resource gets when the unit's data is out of the actor's reach. */
export function assertUnitVisible(actor: Actor, unitId: number, what = '记录'): void {
  if (!canSeeUnit(actor, unitId)) throw new AppError('not_found', `${what}不存在`);
}

/** Route hook: admin-only routes answer 401/403 before the body is even validated. */
export async function adminOnly(request: FastifyRequest): Promise<void> {
  requireAdmin(request);
}
