// The rows of running exports (migration 2026-12-04-050): taken atomically against the person's
// live count, renewed while the export runs, deleted when it ends; rows of dead processes retired.
import type { Kysely } from 'kysely';
import type { DialectName } from '../db/database.js';
import type { DB } from '../db/schema.js';
import type { Executor } from '../db/transaction.js';
import { ownerIsGone } from '../lib/process-owner.js';

export interface LeaseRequest {
  userId: number;
  owner: string;
  now: string;
  expiresAt: string;
  limit: number;
}

/**
 * Takes a lease if the person holds fewer than `limit` live ones; returns its id, or null when
 * the limit is reached. Serialised per person: SQLite's write transaction begins IMMEDIATE (one
 * writer at a time), PostgreSQL locks the person's users row, so two processes counting at the
 * same moment cannot both see room for the last slot. A live-looking row whose process is known
 * to be gone (same host, pid no longer running) is deleted instead of counted.
 */
export async function takeLease(
  db: Kysely<DB>,
  dialect: DialectName,
  r: LeaseRequest,
): Promise<number | null> {
  return db.transaction().execute(async (trx) => {
    if (dialect === 'postgres')
      await trx.selectFrom('users').select('id').where('id', '=', r.userId).forUpdate().execute();
    const live = await trx
      .selectFrom('export_leases')
      .select(['id', 'owner'])
      .where('user_id', '=', r.userId)
      .where('expires_at', '>', r.now)
      .execute();
    const dead = live.filter((l) => ownerIsGone(l.owner) === true).map((l) => l.id);
    if (dead.length > 0) await trx.deleteFrom('export_leases').where('id', 'in', dead).execute();
    if (live.length - dead.length >= r.limit) return null;
    const row = await trx
      .insertInto('export_leases')
      .values({ user_id: r.userId, owner: r.owner, started_at: r.now, expires_at: r.expiresAt })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(row.id);
  });
}

export async function renewLease(db: Executor, id: number, expiresAt: string): Promise<void> {
  await db.updateTable('export_leases').set({ expires_at: expiresAt }).where('id', '=', id).execute();
}

export async function releaseLease(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('export_leases').where('id', '=', id).execute();
}

/** The person's live leases, every process's (tests, logs). */
export async function liveLeases(db: Executor, userId: number, now: string) {
  return db
    .selectFrom('export_leases')
    .select(['id', 'owner', 'expires_at'])
    .where('user_id', '=', userId)
    .where('expires_at', '>', now)
    .orderBy('id')
    .execute();
}

/**
 * Housekeeping: deletes expired leases and those of processes known to be gone (`startingUp`:
 * this process's own host:pid counts as gone, a predecessor's). Returns how many went.
 */
export async function retireDeadLeases(db: Executor, now: string, startingUp: boolean): Promise<number> {
  const expired = await db.deleteFrom('export_leases').where('expires_at', '<=', now).executeTakeFirst();
  const rows = await db.selectFrom('export_leases').select(['id', 'owner']).execute();
  const dead = rows.filter((l) => ownerIsGone(l.owner, startingUp) === true).map((l) => l.id);
  if (dead.length > 0) await db.deleteFrom('export_leases').where('id', 'in', dead).execute();
  return Number(expired.numDeletedRows) + dead.length;
}
