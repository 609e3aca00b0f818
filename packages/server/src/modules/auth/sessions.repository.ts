import { createHash, randomBytes } from 'node:crypto';
import type { Executor } from '../../db/transaction.js';

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function insertSession(
  db: Executor,
  s: { token: string; userId: number; now: Date; hours: number },
) {
  const at = s.now.toISOString();
  await db
    .insertInto('sessions')
    .values({
      token_hash: tokenHash(s.token),
      user_id: s.userId,
      created_at: at,
      last_seen_at: at,
      expires_at: new Date(s.now.getTime() + s.hours * 3_600_000).toISOString(),
    })
    .execute();
}

/** The live session's user with unit, or undefined when the token is unknown or expired. */
export async function findSessionUser(db: Executor, token: string, now: Date) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .innerJoin('units as n', 'n.id', 'u.unit_id')
    .select([
      's.token_hash',
      's.last_seen_at',
      'u.id as userId',
      'u.username',
      'u.display_name as displayName',
      'u.role',
      'u.active',
      'n.id as unitId',
      'n.name as unitName',
      'n.kind as unitKind',
    ])
    .where('s.token_hash', '=', tokenHash(token))
    .where('s.expires_at', '>', now.toISOString())
    .executeTakeFirst();
}

export async function touchSession(db: Executor, hash: string, now: Date) {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: now.toISOString() })
    .where('token_hash', '=', hash)
    .execute();
}

export async function deleteSession(db: Executor, token: string) {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash(token)).execute();
}

export async function deleteUserSessions(db: Executor, userId: number, exceptToken?: string) {
  await db
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .$if(exceptToken !== undefined, (q) => q.where('token_hash', '!=', tokenHash(exceptToken as string)))
    .execute();
}

export async function deleteExpiredSessions(db: Executor, now: Date): Promise<number> {
  const r = await db.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).executeTakeFirst();
  return Number(r.numDeletedRows);
}
