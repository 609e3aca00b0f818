// A screening run records which process runs it (host:pid). A run whose process has died — killed
// mid-way, a server restart — would otherwise stay 'running' and block every later run, so the
// next start retires it as failed. On this host the process table says whether the owner lives;
// for an owner elsewhere (several servers on one PostgreSQL) its heartbeat says so, which a
// PostgreSQL run refreshes from a pool connection of its own. A SQLite run needs none: SQLite
// runs on one host, where the process table answers.
import type { AppContext } from '../../../kernel/context.js';
import { ownerIsGone, THIS_OWNER } from '../../../lib/process-owner.js';
import * as repo from './runs.repository.js';

export { THIS_OWNER };

const HEARTBEAT_MS = 30_000;
const STALE_AFTER_MS = 10 * 60_000;

/**
 * Marks running runs whose process is gone (or silent for 10 minutes elsewhere) as failed. Called
 * before each run, at server start-up (`startingUp`) and by the housekeeping timer.
 */
export async function retireDeadRuns(ctx: AppContext, startingUp = false): Promise<number[]> {
  const running = await repo.runningRuns(ctx.db);
  const staleBefore = new Date(ctx.clock.now().getTime() - STALE_AFTER_MS).toISOString();
  const retired: number[] = [];
  for (const r of running) {
    const gone = ownerIsGone(r.owner, startingUp);
    const silent = (r.heartbeat_at ?? r.started_at) < staleBefore;
    if (!(gone === true || (gone === null && silent))) continue;
    const done = await repo.updateRunningRun(ctx.db, r.id, {
      status: 'failed',
      finished_at: ctx.clock.now().toISOString(),
      message: '比对中断（运行比对的进程已停止），未作任何更改，可重新比对',
    });
    if (done) retired.push(r.id);
  }
  return retired;
}

/** Keeps a PostgreSQL run's heartbeat fresh until the returned function is called. */
export function keepAlive(ctx: AppContext, runId: number): () => void {
  if (ctx.dialect !== 'postgres') return () => {};
  const timer = setInterval(() => {
    repo.updateRunningRun(ctx.db, runId, { heartbeat_at: ctx.clock.now().toISOString() }).catch(() => {});
  }, HEARTBEAT_MS);
  timer.unref();
  return () => clearInterval(timer);
}
