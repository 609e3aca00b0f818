import type { Executor } from '../../db/transaction.js';

export async function recordAttempt(
  db: Executor,
  a: { username: string; ip: string; at: Date; success: boolean },
) {
  await db
    .insertInto('login_attempts')
    .values({ username: a.username, ip: a.ip, at: a.at.toISOString(), success: a.success ? 1 : 0 })
    .execute();
}

/** Attempts older than `before` decide nothing any more (every limiter window is shorter). */
export async function deleteAttemptsBefore(db: Executor, before: Date): Promise<number> {
  const r = await db.deleteFrom('login_attempts').where('at', '<', before.toISOString()).executeTakeFirst();
  return Number(r.numDeletedRows);
}
