// Walks the audit chain page by page, checking each row's link, its hash, the seal over the rows
// that predate the key, and the checkpoint kept outside the database. The first failure is named
// by row id with a reason the office can act on.
import type { Selectable } from 'kysely';
import type { AuditLogTable } from '../../db/schema.js';
import { GENESIS, keyedHash, legacyHash } from './audit-chain.js';

export const PAGE_SIZE = 2000;

export interface Seal {
  legacyLastId: number;
  legacyLastHash: string;
}

/** A row known by id and hash: a checkpoint, or where an incremental walk starts. */
export interface Anchor {
  id: number;
  hash: string;
}

export interface WalkFailure {
  /** The first row found wrong (or the anchored row that is gone); null when no row is to blame. */
  id: number | null;
  reason: string;
}

export interface WalkResult {
  rows: number;
  last: Anchor | null;
  failure: WalkFailure | null;
}

export interface WalkOptions {
  key: Buffer;
  seal: Seal;
  /** Rows with id ≥ fromId in id order, at most PAGE_SIZE. */
  page(fromId: number): Promise<Selectable<AuditLogTable>[]>;
  /** null: from the first row (which must follow the genesis hash); else this row must still exist. */
  start: Anchor | null;
  /** The signed checkpoint: its row must be met with its hash. */
  checkpoint: Anchor | null;
}

export async function walkChain(o: WalkOptions): Promise<WalkResult> {
  let expectStart = o.start && o.start.id > 0 ? o.start : null;
  let prev: string | null = expectStart ? null : GENESIS;
  let fromId = expectStart ? expectStart.id : 0;
  let sawLegacy = o.seal.legacyLastId === 0 || (expectStart !== null && expectStart.id > o.seal.legacyLastId);
  let sawCheckpoint =
    !o.checkpoint || o.checkpoint.id === 0 || (expectStart !== null && expectStart.id > o.checkpoint.id);
  let last: Anchor | null = null;
  let rows = 0;
  const fail = (id: number | null, reason: string): WalkResult => ({ rows, last, failure: { id, reason } });

  for (;;) {
    const page = await o.page(fromId);
    for (const r of page) {
      if (expectStart) {
        if (r.id !== expectStart.id || r.hash !== expectStart.hash) return gone(expectStart.id);
        expectStart = null;
      } else if (r.prev_hash !== prev) {
        return fail(r.id, '与上一行的哈希不衔接：此前的行被删除、插入或改动');
      }
      const legacy = r.id <= o.seal.legacyLastId;
      if (r.hash !== (legacy ? legacyHash(r) : keyedHash(o.key, r))) {
        return fail(
          r.id,
          legacy
            ? '内容与哈希不符：启用审计密钥之前的旧记录被改动'
            : '内容与哈希不符：此行被改动，或日志未用审计密钥重新计算过',
        );
      }
      if (r.id === o.seal.legacyLastId) {
        if (r.hash !== o.seal.legacyLastHash)
          return fail(r.id, '与封存时记录的哈希不符：旧记录被改动后重新计算');
        sawLegacy = true;
      }
      if (o.checkpoint && r.id === o.checkpoint.id) {
        if (r.hash !== o.checkpoint.hash)
          return fail(r.id, '与检查点记录的哈希不符：此行或此前的行被改动后重新计算');
        sawCheckpoint = true;
      }
      prev = r.hash;
      last = { id: r.id, hash: r.hash };
      rows++;
    }
    if (page.length < PAGE_SIZE || !last) break;
    fromId = last.id + 1;
  }
  if (expectStart) return gone(expectStart.id);
  if (!sawLegacy)
    return fail(o.seal.legacyLastId, `封存的旧记录第 ${o.seal.legacyLastId} 行已不存在：旧记录被删除`);
  if (!sawCheckpoint && o.checkpoint) return gone(o.checkpoint.id);
  return { rows, last, failure: null };

  function gone(id: number): WalkResult {
    return fail(id, `检查点记录的第 ${id} 行已不存在或被改动：日志尾部被删除`);
  }
}
