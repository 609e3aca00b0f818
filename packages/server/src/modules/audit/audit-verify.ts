// Verifying the audit log: in full (start-up, `paicha audit verify`, the office's button) and
// incrementally from the checkpoint (the server's timer, the end of every CLI command), which
// then moves the checkpoint to the last row it checked.
import type { AppContext } from '../../kernel/context.js';
import { auditPage } from './audit.repository.js';
import { CHECKPOINT_FILE, checkpointExists, readCheckpoint, writeCheckpoint } from './audit-checkpoint.js';
import { auditKeyOf } from './audit-key.js';
import { readSeal } from './audit-seal.js';
import { type Anchor, PAGE_SIZE, type WalkFailure, walkChain } from './audit-walk.js';

export interface AuditVerification {
  ok: boolean;
  /** Rows checked. */
  rows: number;
  lastId: number | null;
  /** The row the signed checkpoint names, when there is a valid one. */
  checkpointId: number | null;
  failure: WalkFailure | null;
}

/** Checks every row from the first, the seal and the checkpoint. */
export async function verifyAudit(ctx: AppContext): Promise<AuditVerification> {
  return verify(ctx, 'full');
}

/**
 * Checks the rows from the checkpoint on and, when they are sound, moves the checkpoint to the
 * last of them. Cheap: the server runs it on a timer.
 */
export async function advanceAuditCheckpoint(ctx: AppContext): Promise<AuditVerification> {
  return verify(ctx, 'from-checkpoint');
}

async function verify(ctx: AppContext, mode: 'full' | 'from-checkpoint'): Promise<AuditVerification> {
  const key = auditKeyOf(ctx.db);
  const { dataDir } = ctx.config;
  const refuse = (reason: string, checkpointId: number | null = null): AuditVerification => ({
    ok: false,
    rows: 0,
    lastId: null,
    checkpointId,
    failure: { id: null, reason },
  });
  const seal = await readSeal(ctx.db, key);
  if (seal.state === 'missing') return refuse('审计日志的封存记录（audit_seal）不存在：被删除');
  if (seal.state === 'invalid') return refuse('审计日志的封存记录签名无效：被改动，或审计密钥不对');
  const cp = readCheckpoint(dataDir, key);
  if (cp.state === 'missing') {
    return refuse(`数据目录中的检查点文件 ${CHECKPOINT_FILE} 不存在：被删除，或数据目录不是这个数据库的`);
  }
  if (cp.state === 'invalid') return refuse('检查点文件签名无效：被改动，或审计密钥不对');
  const start: Anchor | null = mode === 'full' ? null : cp.anchor;
  const result = await walkChain({
    key,
    seal: seal.seal,
    page: (fromId) => auditPage(ctx.db, fromId, PAGE_SIZE),
    start,
    checkpoint: cp.anchor,
  });
  if (!result.failure && result.last && checkpointExists(dataDir)) {
    writeCheckpoint(dataDir, key, result.last, ctx.clock.now().toISOString());
  }
  return {
    ok: result.failure === null,
    rows: result.rows,
    lastId: result.last?.id ?? null,
    checkpointId: cp.anchor.id,
    failure: result.failure,
  };
}
