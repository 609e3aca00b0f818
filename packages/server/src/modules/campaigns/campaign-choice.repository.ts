// The rows the current-campaign rule reads, and a person's explicit choice of campaign.
import type { CampaignSpan } from '@paicha/core';
import type { Executor } from '../../db/transaction.js';

/** Every campaign's id and dates: the plan's few campaigns, never many. */
export function listCampaignSpans(db: Executor): Promise<CampaignSpan[]> {
  return db
    .selectFrom('campaigns')
    .select(['id', 'start_date as startDate', 'end_date as endDate'])
    .execute();
}

export async function findChosenCampaignId(db: Executor, userId: number): Promise<number | undefined> {
  const row = await db
    .selectFrom('campaign_choices')
    .select('campaign_id')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.campaign_id;
}

export async function saveCampaignChoice(db: Executor, userId: number, campaignId: number, at: string) {
  await db
    .insertInto('campaign_choices')
    .values({ user_id: userId, campaign_id: campaignId, chosen_at: at })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ campaign_id: campaignId, chosen_at: at }))
    .execute();
}

export async function clearCampaignChoice(db: Executor, userId: number) {
  await db.deleteFrom('campaign_choices').where('user_id', '=', userId).execute();
}
