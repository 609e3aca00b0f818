import { PROBLEM_SOURCES } from '@paicha/core';
import { scopedUnitId } from '../../http/access.js';
import type { Actor, AppContext } from '../../kernel/context.js';
import { listCheckItems } from '../campaigns/campaigns.repository.js';
import { resolveCampaignId } from '../campaigns/current-campaign.js';
import { listAnsweringUnits } from '../units/units.repository.js';
import { countBySource, countProblems, ZERO_COUNTS } from './tallies.repository.js';

/** Counts per unit or per check item, with every unit/item listed (zeros included), scoped to the actor. */
export async function ledgerCounts(
  ctx: AppContext,
  actor: Actor,
  q: { campaignId?: number | undefined; groupBy: 'unit' | 'item' | 'source' },
) {
  const campaignId = await resolveCampaignId(ctx, actor, q.campaignId);
  const unitId = scopedUnitId(actor, undefined);
  const today = ctx.clock.today();
  if (q.groupBy === 'source') {
    const bySource = await countBySource(ctx.db, { campaignId, today, unitId });
    return PROBLEM_SOURCES.map((source, i) => {
      const { source: _s, ...counts } = bySource.find((r) => r.source === source) ?? {
        source,
        ...ZERO_COUNTS,
      };
      return { key: i + 1, label: source, ...counts };
    });
  }
  const rows = await countProblems(ctx.db, {
    campaignId,
    groupBy: q.groupBy,
    today,
    ...(unitId === undefined ? {} : { unitId }),
  });
  if (q.groupBy === 'unit') {
    const units = await listAnsweringUnits(ctx.db, unitId);
    return units.map((u) => ({
      key: u.id,
      label: u.name,
      ...ZERO_COUNTS,
      ...stripKeys(rows.find((r) => r.unitId === u.id)),
    }));
  }
  const items = await listCheckItems(ctx.db, campaignId);
  return items.map((i) => ({
    key: i.seq,
    label: `${i.seq}. ${i.subCategory}`,
    ...ZERO_COUNTS,
    ...stripKeys(rows.find((r) => r.checkItemId === i.id)),
  }));
}

function stripKeys<T extends { unitId: unknown; checkItemId: unknown }>(r: T | undefined) {
  if (!r) return {};
  const { unitId: _u, checkItemId: _c, ...counts } = r;
  return counts;
}
