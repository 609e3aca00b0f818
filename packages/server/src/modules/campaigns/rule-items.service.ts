// The office's table of screening rule → check item for a campaign. Rules name the 2019 template's
// 序号; a campaign built from the template starts with each rule on the item carrying that 序号
// (followed by id through reorders), an imported campaign with none. A rule without an item still
// runs and records its findings, but they are not filed into the ledger until the office gives it
// one; the screening run reports such rules (screening.service.ts).
import { AppError, SCREENING_RULES } from '@paicha/core';
import type { Actor, AppContext } from '../../kernel/context.js';
import { findCampaign, findCheckItem } from './campaigns.repository.js';
import * as repo from './rule-items.repository.js';
import { type EditOptions, editStructure } from './structure-edit.js';

export async function listRuleItems(ctx: AppContext, campaignId: number) {
  if (!(await findCampaign(ctx.db, campaignId))) throw new AppError('not_found', '工作活动不存在');
  const mapped = new Map((await repo.ruleItems(ctx.db, campaignId)).map((m) => [m.ruleId, m]));
  return SCREENING_RULES.map((r) => {
    const m = mapped.get(r.id);
    return {
      ruleId: r.id,
      title: r.title,
      templateSeq: r.checkItem,
      checkItem: m ? { seq: m.seq, subCategory: m.subCategory, content: m.content } : null,
    };
  });
}

export async function setRuleItem(
  ctx: AppContext,
  actor: Actor,
  key: { campaignId: number; ruleId: string },
  input: EditOptions & { seq: number | null },
) {
  const rule = SCREENING_RULES.find((r) => r.id === key.ruleId);
  if (!rule) throw new AppError('not_found', '比对规则不存在');
  await editStructure(ctx, actor, key.campaignId, input, async (trx) => {
    const before = (await repo.ruleItems(trx, key.campaignId)).find((m) => m.ruleId === rule.id);
    let itemId: number | null = null;
    if (input.seq !== null) {
      const item = await findCheckItem(trx, key.campaignId, input.seq);
      if (!item || item.removed_at) throw new AppError('not_found', `第${input.seq}项排查事项不存在`);
      itemId = item.id;
    }
    await repo.setRuleItem(trx, key.campaignId, rule.id, itemId);
    return {
      action: 'rule_item.set',
      summary:
        input.seq === null
          ? `比对规则“${rule.title}”不再对应排查事项`
          : `比对规则“${rule.title}”对应第${input.seq}项`,
      before: before ? { seq: before.seq } : null,
      after: input.seq === null ? null : { seq: input.seq },
      entity: 'campaign',
      entityId: key.campaignId,
      result: null,
    };
  });
}
