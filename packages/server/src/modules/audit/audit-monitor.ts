// What the office sees of the audit log's integrity, per server process: a full verification
// after the server starts listening (in the background: a large log must not delay start-up),
// then on a timer the new rows are checked and the checkpoint signed. A failure stays until a
// full verification passes again (restart, or the office's 重新校验).
import type { AuditState, AuditStatus } from '@paicha/core/api/audit';
import type { AppContext } from '../../kernel/context.js';
import { type AuditVerification, advanceAuditCheckpoint, verifyAudit } from './audit-verify.js';

interface Entry {
  status: AuditStatus;
  running: Promise<AuditStatus> | null;
}

const entries = new WeakMap<AppContext, Entry>();

function entry(ctx: AppContext): Entry {
  let e = entries.get(ctx);
  if (!e) {
    e = {
      status: { state: 'unchecked', checkedAt: null, rows: 0, lastId: null, failure: null },
      running: null,
    };
    entries.set(ctx, e);
  }
  return e;
}

export function auditStatus(ctx: AppContext): AuditStatus {
  return entry(ctx).status;
}

/** Runs a full verification (or joins the one under way) and records its outcome. */
export function verifyAuditNow(ctx: AppContext): Promise<AuditStatus> {
  const e = entry(ctx);
  if (e.running) return e.running;
  const previous = e.status;
  e.status = { ...previous, state: 'checking' };
  e.running = verifyAudit(ctx)
    .then((v) => {
      e.status = fromVerification(ctx, v, v.rows);
      return e.status;
    })
    .catch((err: unknown) => {
      e.status = previous;
      throw err;
    })
    .finally(() => {
      e.running = null;
    });
  return e.running;
}

async function checkNewRows(ctx: AppContext): Promise<void> {
  const e = entry(ctx);
  if (e.running || e.status.state !== 'ok') return;
  const v = await advanceAuditCheckpoint(ctx);
  if (e.running || e.status.state !== 'ok') return;
  e.status = fromVerification(ctx, v, e.status.rows + Math.max(0, v.rows - 1));
}

function fromVerification(ctx: AppContext, v: AuditVerification, rows: number): AuditStatus {
  return {
    state: v.ok ? 'ok' : 'failed',
    checkedAt: ctx.clock.now().toISOString(),
    rows,
    lastId: v.lastId,
    failure: v.failure,
  };
}

export interface AuditLog {
  info(msg: string): void;
  error(msg: string): void;
}

/** Starts the background verification and the checkpoint timer; returns a stop function. */
export function startAuditMonitor(ctx: AppContext, log: AuditLog): () => void {
  const report = (s: AuditStatus) => {
    if (s.state === 'ok') log.info(`审计日志校验通过：${s.rows} 行，最后一行 id=${s.lastId ?? '无'}`);
    else log.error(`审计日志校验失败：第 ${s.failure?.id ?? '?'} 行，${s.failure?.reason ?? ''}`);
  };
  const fail = (err: unknown) => log.error(`审计日志校验出错：${String(err)}`);
  const started = setImmediate(() => void verifyAuditNow(ctx).then(report, fail));
  let last: AuditState = 'unchecked';
  const seconds = ctx.config.auditCheckpointSeconds;
  const timer =
    seconds > 0
      ? setInterval(() => {
          void checkNewRows(ctx).then(() => {
            const s = auditStatus(ctx);
            if (s.state === 'failed' && last !== 'failed') report(s);
            last = s.state;
          }, fail);
        }, seconds * 1000)
      : null;
  timer?.unref();
  return () => {
    clearImmediate(started);
    if (timer) clearInterval(timer);
  };
}
