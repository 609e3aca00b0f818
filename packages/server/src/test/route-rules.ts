// The access rule of an OpenAPI operation, for tests that walk every route: a request meant to
// reach validation or the database must come from a role the route's gate lets through.
import { type AccessAction, mayTake, type Role } from '@paicha/core';
import { ROUTE_ACCESS } from '../http/route-access.js';

/** `GET /api/problems/{id}` → `GET /api/problems/:id`, the route table's key. */
function routeKey(method: string, openApiPath: string): string {
  return `${method.toUpperCase()} ${openApiPath.replace(/\{(\w+)\}/g, ':$1')}`;
}

/** The operation's action, or null when the route is public. */
export function actionOf(op: { method: string; path: string }): AccessAction | null {
  return ROUTE_ACCESS[routeKey(op.method, op.path)] ?? null;
}

/** The first of `roles` the route lets through (public routes: the first). */
export function firstAllowed<R extends Role>(op: { method: string; path: string }, roles: readonly R[]): R {
  const action = actionOf(op);
  const role = roles.find((r) => action === null || mayTake(r, action));
  if (!role) throw new Error(`no role of ${roles.join(',')} may call ${op.method} ${op.path}`);
  return role;
}
