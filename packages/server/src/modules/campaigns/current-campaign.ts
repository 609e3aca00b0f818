// The one place the server decides which campaign a request, a job or a CLI command means.
// The rule itself is core's `currentCampaignId` (running today, else next, else last ended, by
// ctx.clock); a person's explicit choice, kept on the server, comes before it for their requests.
import { AppError, currentCampaignId } from '@paicha/core';
import type { CampaignChoice } from '@paicha/core/api/campaigns';
import type { Actor, AppContext } from '../../kernel/context.js';
import {
  clearCampaignChoice,
  findChosenCampaignId,
  listCampaignSpans,
  saveCampaignChoice,
} from './campaign-choice.repository.js';

/** The campaign everyone works in today, or undefined when there is none at all. */
export async function todaysCampaignId(ctx: AppContext): Promise<number | undefined> {
  return currentCampaignId(await listCampaignSpans(ctx.db), ctx.clock.today());
}

/** The person's campaign: their explicit choice while it exists, else today's. */
export async function choiceOf(ctx: AppContext, actor: Actor | null): Promise<CampaignChoice> {
  const spans = await listCampaignSpans(ctx.db);
  const currentId = currentCampaignId(spans, ctx.clock.today()) ?? null;
  const chosen = actor ? await findChosenCampaignId(ctx.db, actor.userId) : undefined;
  const chosenId = chosen !== undefined && spans.some((c) => c.id === chosen) ? chosen : null;
  return { campaignId: chosenId ?? currentId, currentId, chosenId };
}

/**
 * The campaign a request means: the one it names (which must exist), else the person's choice,
 * else today's. CLI commands and jobs pass no actor and get today's.
 */
export async function resolveCampaignId(
  ctx: AppContext,
  actor: Actor | null,
  requested?: number,
): Promise<number> {
  if (requested !== undefined) {
    const spans = await listCampaignSpans(ctx.db);
    if (!spans.some((c) => c.id === requested)) throw new AppError('not_found', '工作活动不存在');
    return requested;
  }
  const { campaignId } = await choiceOf(ctx, actor);
  if (campaignId === null) throw new AppError('not_found', '没有工作活动');
  return campaignId;
}

/** Keeps (or, with null, forgets) the person's choice; answers what they now see. */
export async function chooseCampaign(ctx: AppContext, actor: Actor, campaignId: number | null) {
  if (campaignId === null) await clearCampaignChoice(ctx.db, actor.userId);
  else {
    const spans = await listCampaignSpans(ctx.db);
    if (!spans.some((c) => c.id === campaignId)) throw new AppError('not_found', '工作活动不存在');
    await saveCampaignChoice(ctx.db, actor.userId, campaignId, ctx.clock.now().toISOString());
  }
  return choiceOf(ctx, actor);
}
