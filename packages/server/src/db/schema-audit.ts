// Row types of the hash-chained audit log and its seal; listed in DB in schema.ts.
import type { Generated } from 'kysely';

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: number | null;
  action: string;
  entity: string;
  entity_id: string | null;
  /** JSON. */
  detail: string;
  prev_hash: string;
  /**
   * HMAC-SHA256 with the audit key over prev_hash + canonical row (plain SHA-256 for rows written
   * before the key existed, up to audit_seal.legacy_last_id): editing a row breaks the chain, and
   * re-computing it needs the key, which is kept outside the database.
   */
  hash: string;
}

/** One row (id 1): see migrations/2026-12-03-011-audit-anchor.ts. */
export interface AuditSealTable {
  id: number;
  legacy_last_id: number;
  legacy_last_hash: string;
  key_check: string;
  sealed_at: string;
  mac: string;
}
