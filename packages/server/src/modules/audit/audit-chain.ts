// How one audit row is hashed. Rows written since the key exists are chained with HMAC-SHA256;
// rows from before keep their plain SHA-256 and are anchored by the seal (audit-seal.ts).
import { createHash, createHmac } from 'node:crypto';

export const GENESIS = '0'.repeat(64);

export interface ChainedRow {
  at: string;
  actor_id: number | null;
  action: string;
  entity: string;
  entity_id: string | null;
  detail: string;
  prev_hash: string;
}

function canonical(row: ChainedRow): string {
  return JSON.stringify([
    row.prev_hash,
    row.at,
    row.actor_id,
    row.action,
    row.entity,
    row.entity_id,
    row.detail,
  ]);
}

export function keyedHash(key: Buffer, row: ChainedRow): string {
  return createHmac('sha256', key).update(canonical(row)).digest('hex');
}

/** The chain as written before the key existed. */
export function legacyHash(row: ChainedRow): string {
  return createHash('sha256').update(canonical(row)).digest('hex');
}

/** A MAC over a few values, for the seal and the checkpoint file. */
export function mac(key: Buffer, label: string, values: unknown[]): string {
  return createHmac('sha256', key)
    .update(JSON.stringify([label, ...values]))
    .digest('hex');
}
