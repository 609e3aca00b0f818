// Which check item each screening rule files its findings under, per campaign (by item id, so a
// reorder or rename keeps it). A rule without a row has no item in the campaign.
import type { Executor } from '../../db/transaction.js';

/** A campaign built from the plan's template: each rule takes the item carrying its template 序号. */
export async function mapRulesByTemplate(
  db: Executor,
  campaignId: number,
  rules: readonly { id: string; checkItem: number }[],
) {
  const items = await db
    .selectFrom('check_items')
    .select(['id', 'seq'])
    .where('campaign_id', '=', campaignId)
    .where('removed_at', 'is', null)
    .execute();
  const idBySeq = new Map(items.map((i) => [i.seq, i.id]));
  const rows = rules.flatMap((r) => {
    const id = idBySeq.get(r.checkItem);
    return id === undefined ? [] : [{ campaign_id: campaignId, rule_id: r.id, check_item_id: id }];
  });
  if (rows.length > 0) await db.insertInto('campaign_rule_items').values(rows).execute();
}

/** The campaign's rules with their item's id and current 序号. */
export function ruleItems(db: Executor, campaignId: number) {
  return db
    .selectFrom('campaign_rule_items as m')
    .innerJoin('check_items as i', 'i.id', 'm.check_item_id')
    .select([
      'm.rule_id as ruleId',
      'i.id as checkItemId',
      'i.seq',
      'i.sub_category as subCategory',
      'i.content',
    ])
    .where('m.campaign_id', '=', campaignId)
    .where('i.removed_at', 'is', null)
    .execute();
}

export async function setRuleItem(
  db: Executor,
  campaignId: number,
  ruleId: string,
  checkItemId: number | null,
) {
  await db
    .deleteFrom('campaign_rule_items')
    .where('campaign_id', '=', campaignId)
    .where('rule_id', '=', ruleId)
    .execute();
  if (checkItemId !== null)
    await db
      .insertInto('campaign_rule_items')
      .values({ campaign_id: campaignId, rule_id: ruleId, check_item_id: checkItemId })
      .execute();
}
