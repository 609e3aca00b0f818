// The data-quality trend as the API shows it: a street's user sees only its own street's rows
// (the access policy's unit scope), the office every street's. The chart works out the rates.
import { chinaToday } from '@paicha/core';
import type { ScreeningTrend } from '@paicha/core/api/screening';
import { scopedUnitId } from '../../../http/access.js';
import type { Actor, AppContext } from '../../../kernel/context.js';
import { resolveCampaignId } from '../../campaigns/current-campaign.js';
import { readTallies, unitsNamed } from './trend.repository.js';

/** Runs a trend shows at most: the last two dozen are the campaign's recent history. */
export const TREND_RUNS = 24;

export async function screeningTrend(
  ctx: AppContext,
  actor: Actor,
  campaignId?: number,
): Promise<ScreeningTrend> {
  const id = await resolveCampaignId(ctx, actor, campaignId);
  const rows = await readTallies(ctx.db, id, scopedUnitId(actor), TREND_RUNS);
  const units = await unitsNamed(ctx.db, [...new Set(rows.map((r) => r.unitId))]);
  return {
    units,
    points: rows.map((r) => ({
      runId: r.runId,
      date: chinaToday(new Date(r.startedAt)),
      unitId: r.unitId,
      rule: r.ruleId,
      findings: r.findings,
      households: r.households,
    })),
  };
}
