import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { DialectName } from '../../db/database.js';
import type { Executor } from '../../db/transaction.js';

export interface AuditEntry {
  actorId: number | null;
  action: string;
  entity: string;
  entityId: string | number | null;
  detail?: Record<string, unknown>;
  at: string;
}

const GENESIS = '0'.repeat(64);
/** Serialises appends on PostgreSQL so two transactions never chain onto the same row. */
const AUDIT_LOCK_KEY = 7_204_118;

/**
 * Appends one row to the hash-chained audit log. Call it inside the transaction that makes the
 * change it records, so the change and its audit row commit or vanish together.
 */
export async function appendAudit(trx: Executor, dialect: DialectName, e: AuditEntry): Promise<void> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(trx);
  const last = await trx
    .selectFrom('audit_log')
    .select('hash')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const prevHash = last?.hash ?? GENESIS;
  const row = {
    at: e.at,
    actor_id: e.actorId,
    action: e.action,
    entity: e.entity,
    entity_id: e.entityId === null ? null : String(e.entityId),
    detail: JSON.stringify(e.detail ?? {}),
    prev_hash: prevHash,
  };
  const hash = chainHash(row);
  await trx
    .insertInto('audit_log')
    .values({ ...row, hash })
    .execute();
}

function chainHash(row: {
  at: string;
  actor_id: number | null;
  action: string;
  entity: string;
  entity_id: string | null;
  detail: string;
  prev_hash: string;
}): string {
  const canonical = JSON.stringify([
    row.prev_hash,
    row.at,
    row.actor_id,
    row.action,
    row.entity,
    row.entity_id,
    row.detail,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Re-computes the chain; returns the id of the first row that does not match, or null. */
export async function verifyAuditChain(db: Executor): Promise<number | null> {
  const rows = await db.selectFrom('audit_log').selectAll().orderBy('id').execute();
  let prev = GENESIS;
  for (const r of rows) {
    if (r.prev_hash !== prev || chainHash(r) !== r.hash) return r.id;
    prev = r.hash;
  }
  return null;
}

export async function listAudit(db: Executor, filter: { entity?: string; entityId?: string; limit: number }) {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .$if(filter.entity !== undefined, (q) => q.where('entity', '=', filter.entity as string))
    .$if(filter.entityId !== undefined, (q) => q.where('entity_id', '=', filter.entityId as string))
    .orderBy('id', 'desc')
    .limit(filter.limit)
    .execute();
}
