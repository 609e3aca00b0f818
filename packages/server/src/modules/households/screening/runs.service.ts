// Screening runs as the API shows them: started in the background and polled. A unit sees when
// runs happened, not the district's totals (other streets' counts).
import { AppError } from '@paicha/core';
import type { Selectable } from 'kysely';
import type { ScreeningRunsTable } from '../../../db/schema-households.js';
import { scopeOf } from '../../../http/access.js';
import type { Actor, AppContext } from '../../../kernel/context.js';
import * as repo from './runs.repository.js';
import { executeScreening, startScreening } from './screening.service.js';

function presentRun(r: Selectable<ScreeningRunsTable>, actor: Actor) {
  return {
    id: r.id,
    campaignId: r.campaign_id,
    status: r.status,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    summary: scopeOf(actor).all ? JSON.parse(r.summary) : {},
    message: r.message,
  };
}

/**
 * Starts a run that goes on after the answer (the UI polls it). `onFailure` hears a run that
 * failed (the run's row says so too).
 */
export async function startScreeningJob(
  ctx: AppContext,
  actor: Actor,
  campaignId: number | undefined,
  onFailure: (err: unknown) => void,
) {
  const id = await startScreening(ctx, actor, campaignId);
  void executeScreening(ctx, actor, id).catch(onFailure);
  return getRun(ctx, actor, id);
}

export async function listRuns(ctx: AppContext, actor: Actor, campaignId?: number) {
  return (await repo.latestRuns(ctx.db, campaignId)).map((r) => presentRun(r, actor));
}

export async function getRun(ctx: AppContext, actor: Actor, id: number) {
  const run = await repo.findRun(ctx.db, id);
  if (!run) throw new AppError('not_found', '比对记录不存在');
  return presentRun(run, actor);
}
