// The seal (table audit_seal, one row) is written once, the first time a process with an audit key
// opens the database: the rows already there were chained with plain SHA-256 and are anchored by
// the id and hash of the last of them; every later row is HMACed. Its key_check tells a process
// started with another key (a second server without the shared data dir or PAICHA_AUDIT_KEY)
// to stop before it writes rows nobody can verify.
import { AppError } from '@paicha/core';
import type { Executor } from '../../db/transaction.js';
import type { AppContext } from '../../kernel/context.js';
import { findSeal, insertSeal, lastAuditRow, lockAuditLog } from './audit.repository.js';
import { GENESIS, mac } from './audit-chain.js';
import { checkpointExists, writeCheckpoint } from './audit-checkpoint.js';
import { auditKeyOf } from './audit-key.js';
import type { Seal } from './audit-walk.js';

const keyCheck = (key: Buffer) => mac(key, 'key-check', []);
const sealMac = (key: Buffer, id: number, hash: string, at: string) => mac(key, 'seal', [id, hash, at]);

/**
 * Creates the seal and the first checkpoint if this database has none; refuses a wrong key.
 * A data dir that already holds a checkpoint was sealed before: a missing seal there is not
 * re-created (that would bless whatever the rows now say) but reported by verification.
 */
export async function ensureAuditSeal(ctx: AppContext): Promise<void> {
  const key = auditKeyOf(ctx.db);
  const at = ctx.clock.now().toISOString();
  const created = await ctx.db.transaction().execute(async (trx) => {
    await lockAuditLog(trx, ctx.dialect);
    const seal = await findSeal(trx);
    if (seal) {
      if (seal.key_check !== keyCheck(key)) {
        throw new AppError(
          'conflict',
          '审计密钥与数据库不符：请使用写入这些审计记录时的密钥（数据目录中的 audit.key 或环境变量 PAICHA_AUDIT_KEY）',
        );
      }
      return null;
    }
    if (checkpointExists(ctx.config.dataDir)) return null;
    const last = (await lastAuditRow(trx)) ?? { id: 0, hash: GENESIS };
    await insertSeal(trx, {
      legacy_last_id: last.id,
      legacy_last_hash: last.hash,
      key_check: keyCheck(key),
      sealed_at: at,
      mac: sealMac(key, last.id, last.hash, at),
    });
    return last;
  });
  if (created) writeCheckpoint(ctx.config.dataDir, key, created, at);
}

export type SealRead = { state: 'ok'; seal: Seal } | { state: 'missing' } | { state: 'invalid' };

export async function readSeal(db: Executor, key: Buffer): Promise<SealRead> {
  const row = await findSeal(db);
  if (!row) return { state: 'missing' };
  if (row.mac !== sealMac(key, row.legacy_last_id, row.legacy_last_hash, row.sealed_at))
    return { state: 'invalid' };
  return { state: 'ok', seal: { legacyLastId: row.legacy_last_id, legacyLastHash: row.legacy_last_hash } };
}
