// Routes are authenticated unless marked public, and gated by role before validation: one global
// hook, driven by the route table (`route-access.ts`) and the policy in core. Failing closed: a
// route under /api with neither a rule nor `config: { public: true }` stops the server at start.
import { ACCESS_RULES, type AccessAction, AppError, mayTake } from '@paicha/core';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { ROUTE_ACCESS } from './route-access.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Answered without a session (login, health, the API document). */
    public?: boolean;
    /** Set from the route table at registration. */
    access?: AccessAction;
  }
}

/** The web app and its assets are public; so is the API's own documentation page. */
function publicByNature(url: string): boolean {
  return !url.startsWith('/api/') || url === '/api/docs' || url.startsWith('/api/docs/');
}

function ruleKey(method: string, url: string): string {
  return `${method === 'HEAD' ? 'GET' : method} ${url}`;
}

export function registerAccessPolicy(app: FastifyInstance): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    const config = (route.config ?? {}) as { public?: boolean; access?: AccessAction };
    if (config.public || publicByNature(route.url)) {
      route.config = { ...config, public: true };
      return;
    }
    const rules = new Set([route.method].flat().map((m) => ROUTE_ACCESS[ruleKey(m, route.url)]));
    const [access] = rules;
    if (rules.size !== 1 || !access)
      throw new Error(
        `${[route.method].flat().join(',')} ${route.url} has no single access rule: add it to http/route-access.ts or mark it config.public`,
      );
    route.config = { ...config, access };
  });
  // Runs after the session hook (registered first), before validation and route hooks.
  app.addHook('onRequest', async (request) => {
    const config = request.routeOptions.config;
    // Unknown URLs go on to the 404 handler, which reveals nothing.
    if (config.public || request.is404) return;
    if (!request.actor) throw new AppError('unauthenticated', '请先登录');
    const access = config.access;
    if (!access || !mayTake(request.actor.role, access))
      throw new AppError('forbidden', access ? ACCESS_RULES[access].denied : '您无权执行此操作');
  });
}
