// Downloads that are written while they are sent (ledger lists, findings, a unit's problem
// list): at most EXPORTS_PER_USER at once per person across every server process on the
// database — a lease row each (export-leases.repository.ts) —, given back when the response
// ends: finished, failed, or abandoned by the client.
import { PassThrough, type Writable } from 'node:stream';
import { AppError } from '@paicha/core';
import type { FastifyReply } from 'fastify';
import type { Actor, AppContext } from '../kernel/context.js';
import { THIS_OWNER } from '../lib/process-owner.js';
import { contentDisposition } from './content-disposition.js';
import { releaseLease, renewLease, takeLease } from './export-leases.repository.js';

/** Large exports take a core each while they render; two per person leaves room for others. */
const EXPORTS_PER_USER = 2;

/**
 * A lease counts this long unless renewed; renewed every LEASE_RENEW_MS while the export runs.
 * A process killed mid-export frees the slot at once on its own host (its pid is gone) and after
 * this long from another host.
 */
const LEASE_MS = 120_000;
const LEASE_RENEW_MS = 30_000;

/** Bytes the response may hold before the writer waits for the client. */
const OUT_BUFFER = 256 * 1024;

/** Leases this process holds, per context and person (for tests and logs). */
const running = new WeakMap<AppContext, Map<number, number>>();

function count(ctx: AppContext, userId: number, delta: number) {
  const users = running.get(ctx) ?? new Map<number, number>();
  running.set(ctx, users);
  const n = (users.get(userId) ?? 0) + delta;
  if (n > 0) users.set(userId, n);
  else users.delete(userId);
}

const expiry = (ctx: AppContext) => new Date(ctx.clock.now().getTime() + LEASE_MS).toISOString();

/**
 * Takes one of the person's export slots (429 `too_many_exports` when all are taken, in any
 * process); the returned function gives it back (once) and resolves when the row is gone.
 */
async function takeExportSlot(ctx: AppContext, actor: Actor, log: FastifyReply['log']) {
  const id = await takeLease(ctx.db, ctx.dialect, {
    userId: actor.userId,
    owner: THIS_OWNER,
    now: ctx.clock.now().toISOString(),
    expiresAt: expiry(ctx),
    limit: EXPORTS_PER_USER,
  });
  if (id === null)
    throw new AppError(
      'too_many_exports',
      `您已有 ${EXPORTS_PER_USER} 个导出正在进行，请等其中一个下载完成后再导出`,
      { limit: EXPORTS_PER_USER },
    );
  count(ctx, actor.userId, 1);
  const renew = setInterval(() => {
    renewLease(ctx.db, id, expiry(ctx)).catch((err: unknown) =>
      log.warn({ err }, 'export lease renewal failed'),
    );
  }, LEASE_RENEW_MS);
  renew.unref();
  let given: Promise<void> | null = null;
  return () => {
    if (given) return given;
    clearInterval(renew);
    // The export has ended here at once; the row goes next. Should the delete fail, the row
    // still expires on its own: the slot is free again within LEASE_MS.
    count(ctx, actor.userId, -1);
    given = releaseLease(ctx.db, id).catch((err: unknown) =>
      log.warn({ err }, 'export lease release failed'),
    );
    return given;
  };
}

/** How many exports the person is running in this process (for tests and logs). */
export function exportsRunning(ctx: AppContext, userId: number): number {
  return running.get(ctx)?.get(userId) ?? 0;
}

export interface PreparedExport {
  fileName: string;
  mime: string;
  /** Writes the file into `out`; resolves when all of it is handed over. */
  write(out: Writable): Promise<void>;
}

/**
 * Sends a file written as it goes. `prepare` runs while the slot is held and may still refuse
 * (404, 403 … answered as JSON); once it has resolved, the file streams and a failure mid-way
 * cuts the response (the status is already sent), logged as an error.
 */
export async function sendExport(
  ctx: AppContext,
  actor: Actor,
  reply: FastifyReply,
  prepare: () => Promise<PreparedExport>,
) {
  const release = await takeExportSlot(ctx, actor, reply.log);
  let job: PreparedExport;
  try {
    job = await prepare();
  } catch (err) {
    await release();
    throw err;
  }
  const out = new PassThrough({ highWaterMark: OUT_BUFFER });
  out.once('close', () => void release());
  reply.raw.once('close', () => {
    void release();
    // The client went away (or the response ended): the writer stops at its next page.
    if (!out.readableEnded) out.destroy();
  });
  job.write(out).catch((err: unknown) => {
    if (!out.destroyed) reply.log.error({ err }, 'export failed while streaming');
    out.destroy();
  });
  return reply
    .header('content-type', job.mime)
    .header('content-disposition', contentDisposition(job.fileName))
    .header('cache-control', 'private, no-store')
    .send(out);
}
