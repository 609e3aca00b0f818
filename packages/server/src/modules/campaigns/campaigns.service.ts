import {
  AppError,
  type CampaignTemplate,
  daysBetween,
  PLAN_CAMPAIGN,
  resolveUnitsText,
  SCREENING_RULES,
  shiftTemplate,
} from '@paicha/core';
import type { Executor } from '../../db/transaction.js';
import type { AppContext } from '../../kernel/context.js';
import { appendAudit } from '../audit/audit.repository.js';
import { campaignDeadlines } from '../calendar/deadlines.js';
import { listUnits } from '../units/units.repository.js';
import * as repo from './campaigns.repository.js';
import { mapRulesByTemplate } from './rule-items.repository.js';

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
    await mapRulesByTemplate(trx, id, SCREENING_RULES);
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
  const [campaign, deadlines] = await Promise.all([getCampaign(ctx, id), campaignDeadlines(ctx.db, id)]);
  const today = ctx.clock.today();
  const current = campaign.phases.find((p) => p.startDate <= today && today <= p.endDate);
  // Deadlines missed within the last week stay on the list so nobody learns of them too late.
  const upcoming = campaign.milestones
    .map((milestone) => {
      const deadline = deadlines.info(milestone.dueDate);
      return { milestone, deadline, daysLeft: daysBetween(today, deadline.effective) };
    })
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
