// What the server tidies on its own, at start-up and on a timer: expired sessions, login attempts
// too old to matter, uploads nobody claimed, and imports, screening runs and export leases whose
// process died.
// Safe in several server processes at once: every deletion is idempotent and every retirement is a
// conditional update, so two processes never both act on one row.

import { retireDeadLeases } from '../../http/export-leases.repository.js';
import type { AppContext } from '../../kernel/context.js';
import { deleteAttemptsBefore } from '../auth/login-attempts.repository.js';
import { deleteStaleCounters } from '../auth/login-limits.repository.js';
import { deleteExpiredSessions } from '../auth/sessions.repository.js';
import { expireUnattachedUploads } from '../files/files.service.js';
import { dropStaleImports } from '../households/import/import-outcome.js';
import { removeOldUploads } from '../households/import/uploads.service.js';
import { retireDeadRuns } from '../households/screening/screening-owner.js';

/** Login attempts are kept this long: longer than any limiter window, short enough to stay small. */
const LOGIN_ATTEMPTS_KEEP_DAYS = 30;

export interface HousekeepingResult {
  sessions: number;
  loginAttempts: number;
  /** Sign-in limiter counters nobody touched in that time (their delays long over). */
  loginLimits: number;
  uploads: number;
  householdUploads: number;
  imports: number[];
  screeningRuns: number[];
  /** Export slots of exports that ended without giving them back (expired, or process gone). */
  exportLeases: number;
}

/**
 * One housekeeping pass. `startingUp`: this process has just started and runs no job yet, so a job
 * left `running` under this host's and this process's id belongs to a dead predecessor.
 */
export async function runHousekeeping(ctx: AppContext, startingUp = false): Promise<HousekeepingResult> {
  const now = ctx.clock.now();
  return {
    // Dead jobs first: a clerk is waiting on them; the rest is tidying.
    imports: await dropStaleImports(ctx, startingUp),
    screeningRuns: await retireDeadRuns(ctx, startingUp),
    exportLeases: await retireDeadLeases(ctx.db, now.toISOString(), startingUp),
    sessions: await deleteExpiredSessions(ctx.db, now),
    loginAttempts: await deleteAttemptsBefore(
      ctx.db,
      new Date(now.getTime() - LOGIN_ATTEMPTS_KEEP_DAYS * 86_400_000),
    ),
    loginLimits: await deleteStaleCounters(
      ctx.db,
      new Date(now.getTime() - LOGIN_ATTEMPTS_KEEP_DAYS * 86_400_000).toISOString(),
    ),
    uploads: await expireUnattachedUploads(ctx),
    householdUploads: await removeOldUploads(ctx),
  };
}

/**
 * Runs housekeeping now (as a start-up pass) and then every `minutes` (0: only the start-up pass).
 * A pass still running when the next is due is not overlapped.
 */
export function scheduleHousekeeping(
  ctx: AppContext,
  minutes: number,
  log: { done(r: HousekeepingResult): void; failed(err: unknown): void },
): () => void {
  let running = false;
  const pass = async (startingUp: boolean) => {
    if (running) return;
    running = true;
    try {
      log.done(await runHousekeeping(ctx, startingUp));
    } catch (err) {
      log.failed(err);
    } finally {
      running = false;
    }
  };
  void pass(true);
  if (minutes <= 0) return () => {};
  const timer = setInterval(() => void pass(false), minutes * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
