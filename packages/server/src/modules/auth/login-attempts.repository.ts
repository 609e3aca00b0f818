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

/** Failed attempts since `since`, for this username and for this address. */
export async function countFailures(db: Executor, username: string, ip: string, since: Date) {
  const row = await db
    .selectFrom('login_attempts')
    .select((eb) => [
      eb.fn.sum<number>(eb.case().when('username', '=', username).then(1).else(0).end()).as('byUser'),
      eb.fn.sum<number>(eb.case().when('ip', '=', ip).then(1).else(0).end()).as('byIp'),
    ])
    .where('success', '=', 0)
    .where('at', '>', since.toISOString())
    .where((eb) => eb.or([eb('username', '=', username), eb('ip', '=', ip)]))
    .executeTakeFirst();
  return { byUser: Number(row?.byUser ?? 0), byIp: Number(row?.byIp ?? 0) };
}

/** Attempts older than `before` decide nothing any more (every limiter window is shorter). */
export async function deleteAttemptsBefore(db: Executor, before: Date): Promise<number> {
  const r = await db.deleteFrom('login_attempts').where('at', '<', before.toISOString()).executeTakeFirst();
  return Number(r.numDeletedRows);
}
