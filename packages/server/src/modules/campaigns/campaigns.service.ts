import {
  AppError,
  type CampaignTemplate,
  daysBetween,
  describeUnits,
  PLAN_CAMPAIGN,
  resolveUnitsText,
  shiftTemplate,
} from '@paicha/core';
import type { Executor } from '../../db/transaction.js';
import type { AppContext } from '../../kernel/context.js';
import { appendAudit } from '../audit/audit.repository.js';
import { listUnits } from '../units/units.repository.js';
import * as repo from './campaigns.repository.js';

/**
 * Creates a campaign from a template inside the caller's transaction, assigning every check item
 * to the units its 责任单位 text names. Returns the campaign id.
 */
export async function insertCampaignFromTemplate(trx: Executor, template: CampaignTemplate, at: string) {
  // A deactivated unit takes no part in a new campaign: 各街道 means the streets still active.
  const units = (await listUnits(trx)).filter((u) => u.active);
  const { id, itemIdBySeq } = await repo.insertCampaign(trx, template, at);
  const rows = template.checkItems.flatMap((item) =>
    resolveUnitsText(item.unitsText, units).units.map((u) => ({
      checkItemId: itemIdBySeq.get(item.seq) as number,
      unitId: u.id,
    })),
  );
  await repo.insertItemUnits(trx, rows);
  return id;
}

export async function createCampaign(
  ctx: AppContext,
  actorId: number,
  input: { title: string; startDate: string },
) {
  const at = ctx.clock.now().toISOString();
  const template = shiftTemplate(PLAN_CAMPAIGN, input.startDate, input.title);
  return ctx.db.transaction().execute(async (trx) => {
    const id = await insertCampaignFromTemplate(trx, template, at);
    await appendAudit(trx, ctx.dialect, {
      actorId,
      action: 'campaign.create',
      entity: 'campaign',
      entityId: id,
      detail: input,
      at,
    });
    return id;
  });
}

export async function getCampaign(ctx: AppContext, id: number) {
  const c = await repo.findCampaign(ctx.db, id);
  if (!c) throw new AppError('not_found', '工作活动不存在');
  const [phases, milestones] = await Promise.all([
    repo.listPhases(ctx.db, id),
    repo.listMilestones(ctx.db, id),
  ]);
  return {
    id: c.id,
    title: c.title,
    issuer: c.issuer,
    docNumber: c.doc_number,
    basisDocuments: JSON.parse(c.basis_documents) as { title: string; docNumber: string }[],
    startDate: c.start_date,
    endDate: c.end_date,
    monthlyDueDay: c.monthly_due_day,
    reportTitle: c.report_title,
    reportFooter: c.report_footer,
    contact: c.contact,
    phases,
    milestones,
  };
}

/** The campaign as of today: which phase is running and the deadlines still ahead (and just missed). */
export async function getOverview(ctx: AppContext, id: number) {
  const campaign = await getCampaign(ctx, id);
  const today = ctx.clock.today();
  const current = campaign.phases.find((p) => p.startDate <= today && today <= p.endDate);
  // Deadlines missed within the last week stay on the list so nobody learns of them too late.
  const upcoming = campaign.milestones
    .map((milestone) => ({ milestone, daysLeft: daysBetween(today, milestone.dueDate) }))
    .filter((m) => m.daysLeft >= -7)
    .slice(0, 8);
  return { today, campaign, currentPhaseSeq: current?.seq ?? null, upcoming };
}

export async function getCheckItems(ctx: AppContext, campaignId: number, onlyUnitId?: number) {
  if (!(await repo.findCampaign(ctx.db, campaignId))) throw new AppError('not_found', '工作活动不存在');
  const [items, links] = await Promise.all([
    repo.listCheckItems(ctx.db, campaignId, onlyUnitId),
    repo.listItemUnits(ctx.db, campaignId),
  ]);
  return items.map(({ id, ...item }) => ({
    ...item,
    units: links.filter((l) => l.checkItemId === id).map((l) => ({ id: l.id, name: l.name, kind: l.kind })),
  }));
}

async function loadItem(trx: Executor, campaignId: number, seq: number) {
  const item = await repo.findCheckItem(trx, campaignId, seq);
  if (!item) throw new AppError('not_found', `第${seq}项排查事项不存在`);
  return item;
}

export async function editCheckItem(
  ctx: AppContext,
  actorId: number,
  key: { campaignId: number; seq: number },
  patch: { category?: string; subCategory?: string; content?: string },
) {
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const item = await loadItem(trx, key.campaignId, key.seq);
    await repo.updateCheckItem(trx, item.id, patch);
    await appendAudit(trx, ctx.dialect, {
      actorId,
      action: 'check_item.update',
      entity: 'check_item',
      entityId: item.id,
      detail: {
        before: { category: item.category, subCategory: item.sub_category, content: item.content },
        patch,
      },
      at,
    });
  });
}

export async function assignItemUnits(
  ctx: AppContext,
  actorId: number,
  key: { campaignId: number; seq: number },
  unitIds: number[],
) {
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const item = await loadItem(trx, key.campaignId, key.seq);
    const all = await listUnits(trx);
    const chosen = all.filter((u) => unitIds.includes(u.id));
    if (chosen.length !== new Set(unitIds).size)
      throw new AppError('validation_failed', '所选单位中有不存在的单位');
    await repo.replaceItemUnits(
      trx,
      item.id,
      chosen.map((u) => u.id),
    );
    // "各街道" means every active street: a deactivated one kept on an item does not count.
    const described = all.filter((u) => u.active || chosen.includes(u));
    await repo.updateCheckItem(trx, item.id, { unitsText: describeUnits(chosen, described) });
    await appendAudit(trx, ctx.dialect, {
      actorId,
      action: 'check_item.assign_units',
      entity: 'check_item',
      entityId: item.id,
      detail: { unitIds: chosen.map((u) => u.id) },
      at,
    });
  });
}
