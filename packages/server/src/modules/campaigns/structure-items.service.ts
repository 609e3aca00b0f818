// Adding, moving, editing and removing a campaign's check items. 序号 is the display order and is
// renumbered 1..n with every change; problems, report rows and screening rules follow the item's
// id, so a reorder changes nothing they point at. An item with problems cannot be removed (its
// problems would lose their item): the office moves them first or keeps the item.
import { AppError, describeUnits } from '@paicha/core';
import type { Executor } from '../../db/transaction.js';
import type { Actor, AppContext } from '../../kernel/context.js';
import { listUnits } from '../units/units.repository.js';
import * as campaigns from './campaigns.repository.js';
import * as repo from './structure.repository.js';
import { type EditOptions, editStructure } from './structure-edit.js';

type ItemRow = Awaited<ReturnType<typeof repo.activeItems>>[number];

const itemState = (i: ItemRow) => ({
  seq: i.seq,
  category: i.category,
  subCategory: i.sub_category,
  content: i.content,
  unitsText: i.units_text,
});

const short = (text: string) => ([...text].length > 24 ? `${[...text].slice(0, 24).join('')}…` : text);

async function loadItem(trx: Executor, campaignId: number, seq: number) {
  const item = await campaigns.findCheckItem(trx, campaignId, seq);
  if (!item || item.removed_at) throw new AppError('not_found', `第${seq}项排查事项不存在`);
  return item;
}

/** The chosen units (all must exist) and the 责任单位 text describing them. */
async function unitsFor(trx: Executor, unitIds: number[]) {
  const all = await listUnits(trx);
  const chosen = all.filter((u) => unitIds.includes(u.id));
  if (chosen.length !== new Set(unitIds).size)
    throw new AppError('validation_failed', '所选单位中有不存在的单位');
  // "各街道" means every active street: a deactivated one kept on an item does not count.
  const described = all.filter((u) => u.active || chosen.includes(u));
  return { ids: chosen.map((u) => u.id), text: describeUnits(chosen, described) };
}

export async function addCheckItem(
  ctx: AppContext,
  actor: Actor,
  campaignId: number,
  input: EditOptions & {
    category: string;
    subCategory: string;
    content: string;
    unitIds: number[];
    seq?: number | undefined;
  },
) {
  return editStructure(ctx, actor, campaignId, input, async (trx) => {
    const items = await repo.activeItems(trx, campaignId);
    const units = await unitsFor(trx, input.unitIds);
    const id = await repo.insertItem(trx, {
      campaign_id: campaignId,
      category: input.category,
      sub_category: input.subCategory,
      content: input.content,
      units_text: units.text,
    });
    await campaigns.replaceItemUnits(trx, id, units.ids);
    const at = Math.min(Math.max((input.seq ?? items.length + 1) - 1, 0), items.length);
    const order = items.map((i) => i.id);
    order.splice(at, 0, id);
    await repo.renumberItems(trx, order);
    const after = {
      seq: at + 1,
      category: input.category,
      subCategory: input.subCategory,
      content: input.content,
      unitsText: units.text,
    };
    return {
      action: 'check_item.add',
      summary: `新增第${at + 1}项：${short(input.content)}`,
      before: null,
      after,
      entity: 'check_item',
      entityId: id,
      result: at + 1,
    };
  });
}

export async function moveCheckItem(
  ctx: AppContext,
  actor: Actor,
  key: { campaignId: number; seq: number },
  input: EditOptions & { to: number },
) {
  return editStructure(ctx, actor, key.campaignId, input, async (trx) => {
    const item = await loadItem(trx, key.campaignId, key.seq);
    const items = await repo.activeItems(trx, key.campaignId);
    if (input.to > items.length)
      throw new AppError('validation_failed', `序号应在 1 到 ${items.length} 之间`);
    const order = items.map((i) => i.id).filter((id) => id !== item.id);
    order.splice(input.to - 1, 0, item.id);
    await repo.renumberItems(trx, order);
    return {
      action: 'check_item.move',
      summary: `第${key.seq}项移至第${input.to}项：${short(item.content)}`,
      before: { seq: key.seq, order: items.map((i) => i.id) },
      after: { seq: input.to, order },
      entity: 'check_item',
      entityId: item.id,
      result: input.to,
    };
  });
}

export async function removeCheckItem(
  ctx: AppContext,
  actor: Actor,
  key: { campaignId: number; seq: number },
  input: EditOptions,
) {
  const at = ctx.clock.now().toISOString();
  return editStructure(ctx, actor, key.campaignId, input, async (trx) => {
    const item = await loadItem(trx, key.campaignId, key.seq);
    const problems = await repo.countItemProblems(trx, item.id);
    if (problems > 0)
      throw new AppError(
        'conflict',
        `第${key.seq}项下已登记${problems}个问题，不能删除：请先将这些问题改到其他排查事项，或保留本项`,
        { problems },
      );
    const rules = await repo.rulesOfItem(trx, item.id);
    await repo.retireItem(trx, item.id, at);
    const rest = (await repo.activeItems(trx, key.campaignId)).map((i) => i.id);
    await repo.renumberItems(trx, rest);
    return {
      action: 'check_item.remove',
      summary:
        `删除第${key.seq}项：${short(item.content)}` +
        (rules.length ? `（${rules.length}条比对规则因此未对应排查事项）` : ''),
      before: itemState(item),
      after: rules.length ? { unmappedRules: rules } : null,
      entity: 'check_item',
      entityId: item.id,
      result: null,
    };
  });
}

export async function editCheckItem(
  ctx: AppContext,
  actor: Actor,
  key: { campaignId: number; seq: number },
  patch: EditOptions & {
    category?: string | undefined;
    subCategory?: string | undefined;
    content?: string | undefined;
  },
) {
  const { version, reason, ...texts } = patch;
  await editStructure(ctx, actor, key.campaignId, { version, reason }, async (trx) => {
    const item = await loadItem(trx, key.campaignId, key.seq);
    await campaigns.updateCheckItem(trx, item.id, texts);
    return {
      action: 'check_item.update',
      summary: `修改第${key.seq}项：${short(texts.content ?? item.content)}`,
      before: { category: item.category, subCategory: item.sub_category, content: item.content },
      after: texts,
      entity: 'check_item',
      entityId: item.id,
      result: null,
    };
  });
}

export async function assignItemUnits(
  ctx: AppContext,
  actor: Actor,
  key: { campaignId: number; seq: number },
  input: EditOptions & { unitIds: number[] },
) {
  await editStructure(ctx, actor, key.campaignId, input, async (trx) => {
    const item = await loadItem(trx, key.campaignId, key.seq);
    const units = await unitsFor(trx, input.unitIds);
    await campaigns.replaceItemUnits(trx, item.id, units.ids);
    await campaigns.updateCheckItem(trx, item.id, { unitsText: units.text });
    return {
      action: 'check_item.assign_units',
      summary: `调整第${key.seq}项责任单位：${units.text.replace(/\n/g, '、') || '（无）'}`,
      before: { unitsText: item.units_text },
      after: { unitIds: units.ids, unitsText: units.text },
      entity: 'check_item',
      entityId: item.id,
      result: null,
    };
  });
}
