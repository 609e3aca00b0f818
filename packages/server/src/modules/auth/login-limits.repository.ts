import type { DialectName } from '../../db/database.js';
import type { Executor } from '../../db/transaction.js';
import type { Counter } from './limiter-rules.js';

type LimitScope = 'pair' | 'address' | 'password';

export interface LimitKey {
  scope: LimitScope;
  subject: string;
  ip: string;
}

const byKey = (k: LimitKey) => ({ scope: k.scope, subject: k.subject, ip: k.ip }) as const;

/**
 * The key's counter, created when missing and locked until the transaction ends: on PostgreSQL
 * by the row lock (FOR UPDATE waits for a concurrent holder, then reads its committed update), on
 * SQLite because the INSERT takes the database's write lock before anything is read.
 */
export async function lockCounter(
  trx: Executor,
  dialect: DialectName,
  key: LimitKey,
  now: string,
): Promise<Counter> {
  await trx
    .insertInto('login_limits')
    .values({ ...byKey(key), failures: 0, window_start: now, next_at: now, updated_at: now })
    .onConflict((oc) => oc.columns(['scope', 'subject', 'ip']).doNothing())
    .execute();
  const k = byKey(key);
  const row = await trx
    .selectFrom('login_limits')
    .select(['failures', 'window_start', 'next_at'])
    .where('scope', '=', k.scope)
    .where('subject', '=', k.subject)
    .where('ip', '=', k.ip)
    .$if(dialect === 'postgres', (q) => q.forUpdate())
    .executeTakeFirstOrThrow();
  return { failures: row.failures, windowStart: row.window_start, nextAt: row.next_at };
}

export async function saveCounter(trx: Executor, key: LimitKey, c: Counter, now: string) {
  const k = byKey(key);
  await trx
    .updateTable('login_limits')
    .set({ failures: c.failures, window_start: c.windowStart, next_at: c.nextAt, updated_at: now })
    .where('scope', '=', k.scope)
    .where('subject', '=', k.subject)
    .where('ip', '=', k.ip)
    .execute();
}

export async function deleteCounter(db: Executor, key: LimitKey) {
  const k = byKey(key);
  await db
    .deleteFrom('login_limits')
    .where('scope', '=', k.scope)
    .where('subject', '=', k.subject)
    .where('ip', '=', k.ip)
    .execute();
}

/** A success gives back the slot its attempt took from the address's budget. */
export async function refundAddress(db: Executor, ip: string) {
  await db
    .updateTable('login_limits')
    .set((eb) => ({ failures: eb('failures', '-', 1) }))
    .where('scope', '=', 'address')
    .where('subject', '=', '')
    .where('ip', '=', ip)
    .where('failures', '>', 0)
    .execute();
}

/** Every counter that concerns one account: its logins from any address, its password changes. */
export async function deleteUserCounters(db: Executor, username: string, userId: number) {
  const res = await db
    .deleteFrom('login_limits')
    .where((eb) =>
      eb.or([
        eb.and([eb('scope', '=', 'pair'), eb('subject', '=', username)]),
        eb.and([eb('scope', '=', 'password'), eb('subject', '=', String(userId))]),
      ]),
    )
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}

/**
 * Counters past their free tries and not yet forgiven: each further failure there waits longer.
 * The office sees them on the user page (the delay itself may have run out a moment ago).
 */
export function listDelayedCounters(
  db: Executor,
  q: { pairFrom: number; passwordFrom: number; countedSince: string },
) {
  return (
    db
      .selectFrom('login_limits')
      .select(['scope', 'subject', 'ip', 'failures', 'next_at as nextAt'])
      .where((eb) =>
        eb.or([
          eb.and([eb('scope', '=', 'pair'), eb('failures', '>=', q.pairFrom)]),
          eb.and([eb('scope', '=', 'password'), eb('failures', '>=', q.passwordFrom)]),
        ]),
      )
      // window_start of a backoff counter is its last counted attempt (limiter-rules.ts).
      .where('window_start', '>=', q.countedSince)
      .orderBy('next_at', 'desc')
      .execute()
  );
}

/** For clean-up: counters untouched since `before` no longer delay anyone. */
export async function deleteStaleCounters(db: Executor, before: string) {
  const res = await db
    .deleteFrom('login_limits')
    .where('updated_at', '<', before)
    .where('next_at', '<', before)
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}
