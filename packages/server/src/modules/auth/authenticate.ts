import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../kernel/context.js';
import { findSessionUser, touchSession } from './sessions.repository.js';

export const SESSION_COOKIE = 'paicha_session';
/** last_seen_at is written at most this often, so reads don't turn into writes. */
const TOUCH_EVERY_MS = 5 * 60_000;

/** Resolves the session cookie to an actor on every request; routes decide whether they need one. */
export function registerAuthentication(app: FastifyInstance, ctx: AppContext) {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const now = ctx.clock.now();
    const row = await findSessionUser(ctx.db, token, now);
    if (row?.active !== 1) return;
    if (now.getTime() - Date.parse(row.last_seen_at) > TOUCH_EVERY_MS)
      await touchSession(ctx.db, row.token_hash, now);
    request.sessionToken = token;
    request.actor = {
      userId: row.userId,
      username: row.username,
      displayName: row.displayName,
      role: row.role,
      unitId: row.unitId,
      unitName: row.unitName,
      unitKind: row.unitKind,
    };
  });
}
