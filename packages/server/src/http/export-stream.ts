// Downloads that are written while they are sent (ledger lists, findings, a unit's problem
// list): at most EXPORTS_PER_USER at once per person and process, the slot given back when the
// response ends — finished, failed, or abandoned by the client.
import { PassThrough, type Writable } from 'node:stream';
import { AppError } from '@paicha/core';
import type { FastifyReply } from 'fastify';
import type { Actor, AppContext } from '../kernel/context.js';
import { contentDisposition } from './content-disposition.js';

/** Large exports take a core each while they render; two per person leaves room for others. */
const EXPORTS_PER_USER = 2;

/** Bytes the response may hold before the writer waits for the client. */
const OUT_BUFFER = 256 * 1024;

const running = new WeakMap<AppContext, Map<number, number>>();

/** Takes one of the person's export slots; the returned function gives it back (once). */
function takeExportSlot(ctx: AppContext, actor: Actor): () => void {
  const users = running.get(ctx) ?? new Map<number, number>();
  running.set(ctx, users);
  const now = users.get(actor.userId) ?? 0;
  if (now >= EXPORTS_PER_USER)
    throw new AppError(
      'too_many_exports',
      `您已有 ${EXPORTS_PER_USER} 个导出正在进行，请等其中一个下载完成后再导出`,
      { limit: EXPORTS_PER_USER },
    );
  users.set(actor.userId, now + 1);
  let given = false;
  return () => {
    if (given) return;
    given = true;
    const left = (users.get(actor.userId) ?? 1) - 1;
    if (left > 0) users.set(actor.userId, left);
    else users.delete(actor.userId);
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
  const release = takeExportSlot(ctx, actor);
  let job: PreparedExport;
  try {
    job = await prepare();
  } catch (err) {
    release();
    throw err;
  }
  const out = new PassThrough({ highWaterMark: OUT_BUFFER });
  out.once('close', release);
  reply.raw.once('close', () => {
    release();
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
