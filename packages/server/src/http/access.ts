// The access policy (core `ACCESS_RULES`) applied to the signed-in actor. Routes are gated by
// role before validation (`policy.ts`); services ask here about the resource's unit. "Not found"
// and "forbidden" answer the same for another unit's resources, so ids cannot be probed.
import {
  ACCESS_RULES,
  type AccessAction,
  AppError,
  mayTake,
  mayTakeOn,
  seesUnit,
  type UnitScope,
  unitScope,
} from '@paicha/core';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../kernel/context.js';

/** The request's actor. The gate has already refused signed-out callers on non-public routes. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated', '请先登录');
  return request.actor;
}

export function requireAdmin(request: FastifyRequest): Actor {
  const actor = requireActor(request);
  assertMay(actor, 'office');
  return actor;
}

/** The units whose data the actor reads: all, or their own. */
export function scopeOf(actor: Actor): UnitScope {
  return unitScope(actor);
}

/** The unit filter for a list: any-unit readers get what they asked for, others their own unit. */
export function scopedUnitId(actor: Actor, requested?: number): number | undefined {
  const scope = unitScope(actor);
  return scope.all ? requested : scope.unitId;
}

/** Throws the same 404 a missing resource gets when the unit's data is out of the actor's reach. */
export function assertUnitVisible(actor: Actor, unitId: number | null, what = '记录'): void {
  if (!seesUnit(actor, unitId)) throw new AppError('not_found', `${what}不存在`);
}

/**
 * Throws unless the actor may take the action — on a resource of `unitId` when given. A resource
 * the actor cannot even see is "not found" (404); one they see but may not act on is 403.
 */
export function assertMay(
  actor: Actor,
  action: AccessAction,
  unit?: { unitId: number | null; what: string },
) {
  const denied = () => new AppError('forbidden', ACCESS_RULES[action].denied);
  if (!mayTake(actor.role, action)) throw denied();
  if (!unit) return;
  assertUnitVisible(actor, unit.unitId, unit.what);
  if (!mayTakeOn(actor, action, unit.unitId)) throw denied();
}

/** May the actor take the action (on this unit's resources, when given)? For `can` flags in views. */
export function may(actor: Actor, action: AccessAction, unitId?: number | null): boolean {
  return unitId === undefined ? mayTake(actor.role, action) : mayTakeOn(actor, action, unitId);
}
