import { type Insertable, sql } from 'kysely';
import type { DialectName } from '../../db/database.js';
import type { AuditSealTable } from '../../db/schema-audit.js';
import type { Executor } from '../../db/transaction.js';
import { GENESIS, keyedHash } from './audit-chain.js';
import { auditKeyOf } from './audit-key.js';
import { PAGE_SIZE, walkChain } from './audit-walk.js';

export interface AuditEntry {
  actorId: number | null;
  action: string;
  entity: string;
  entityId: string | number | null;
  detail?: Record<string, unknown>;
  at: string;
}

/** Serialises appends on PostgreSQL so two transactions never chain onto the same row. */
const AUDIT_LOCK_KEY = 7_204_118;

export async function lockAuditLog(trx: Executor, dialect: DialectName): Promise<void> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(trx);
}

/**
 * Appends one row to the hash-chained audit log. Call it inside the transaction that makes the
 * change it records, so the change and its audit row commit or vanish together.
 */
export async function appendAudit(trx: Executor, dialect: DialectName, e: AuditEntry): Promise<void> {
  const key = auditKeyOf(trx);
  await lockAuditLog(trx, dialect);
  const last = await lastAuditRow(trx);
  const row = {
    at: e.at,
    actor_id: e.actorId,
    action: e.action,
    entity: e.entity,
    entity_id: e.entityId === null ? null : String(e.entityId),
    detail: JSON.stringify(e.detail ?? {}),
    prev_hash: last?.hash ?? GENESIS,
  };
  await trx
    .insertInto('audit_log')
    .values({ ...row, hash: keyedHash(key, row) })
    .execute();
}

export async function lastAuditRow(db: Executor): Promise<{ id: number; hash: string } | undefined> {
  return db.selectFrom('audit_log').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
}

/** Rows from `fromId` on, in id order: the verifier reads the log in pages. */
/** The seal is one row (audit-seal.ts). */
const SEAL_ID = 1;

export function findSeal(db: Executor) {
  return db.selectFrom('audit_seal').selectAll().where('id', '=', SEAL_ID).executeTakeFirst();
}

export async function insertSeal(db: Executor, seal: Omit<Insertable<AuditSealTable>, 'id'>): Promise<void> {
  await db
    .insertInto('audit_seal')
    .values({ id: SEAL_ID, ...seal })
    .execute();
}

export async function auditPage(db: Executor, fromId: number, limit: number) {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('id', '>=', fromId)
    .orderBy('id')
    .limit(limit)
    .execute();
}

/**
 * The chain alone (links, hashes, the seal's boundary), without the checkpoint: the id of the
 * first bad row, or null. `verifyAudit` (audit-verify.ts) is the full check the product runs.
 */
export async function verifyAuditChain(db: Executor): Promise<number | null> {
  const seal = await db.selectFrom('audit_seal').selectAll().executeTakeFirst();
  const result = await walkChain({
    key: auditKeyOf(db),
    seal: { legacyLastId: seal?.legacy_last_id ?? 0, legacyLastHash: seal?.legacy_last_hash ?? GENESIS },
    page: (fromId) => auditPage(db, fromId, PAGE_SIZE),
    start: null,
    checkpoint: null,
  });
  return result.failure ? (result.failure.id ?? 0) : null;
}
