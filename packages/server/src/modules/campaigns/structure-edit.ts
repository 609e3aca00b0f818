// The one way a campaign's structure changes: in one transaction, the edit's version is checked
// and moved on (409 when another edit came first), the campaign's start decides whether a reason
// is required, the change is applied, and its history row and audit row are written with it.
import { AppError, AUDIT_ACTION_LABELS } from '@paicha/core';
import type { Executor } from '../../db/transaction.js';
import type { Actor, AppContext } from '../../kernel/context.js';
import { appendAudit } from '../audit/audit.repository.js';
import { findCampaign } from './campaigns.repository.js';
import * as repo from './structure.repository.js';

export interface StructureStep<T> {
  action: string;
  /** One line the history shows, e.g. “新增第38项：……”. */
  summary: string;
  before: unknown;
  after: unknown;
  entity: string;
  entityId: number | null;
  result: T;
}

export interface EditOptions {
  /** The structure version the edit was made on; omitted (older clients) edits the latest. */
  version?: number | undefined;
  reason?: string | undefined;
}

/** Whether the campaign has started by the clock: from then on structure edits need a reason. */
export function hasStarted(ctx: AppContext, startDate: string): boolean {
  return startDate <= ctx.clock.today();
}

export async function editStructure<T>(
  ctx: AppContext,
  actor: Actor,
  campaignId: number,
  edit: EditOptions,
  apply: (trx: Executor) => Promise<StructureStep<T>>,
): Promise<T> {
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const campaign = await findCampaign(trx, campaignId);
    if (!campaign) throw new AppError('not_found', '工作活动不存在');
    const version = edit.version ?? campaign.structure_version;
    if (!(await repo.bumpVersion(trx, campaignId, version)))
      throw new AppError('version_conflict', '活动结构已被他人修改，请刷新后再改（您的修改未保存）', {
        currentVersion: campaign.structure_version,
      });
    const started = hasStarted(ctx, campaign.start_date);
    const reason = (edit.reason ?? '').trim();
    if (started && reason.length < 2)
      throw new AppError('unprocessable', '活动已开始，修改排查事项、阶段或节点须填写修改原因');
    const step = await apply(trx);
    await repo.insertChange(trx, {
      campaign_id: campaignId,
      version: version + 1,
      action: step.action,
      actor_id: actor.userId,
      at,
      started: started ? 1 : 0,
      reason,
      summary: step.summary,
      before_json: JSON.stringify(step.before ?? null),
      after_json: JSON.stringify(step.after ?? null),
    });
    await appendAudit(trx, ctx.dialect, {
      actorId: actor.userId,
      action: step.action,
      entity: step.entity,
      entityId: step.entityId,
      detail: {
        campaignId,
        structureVersion: version + 1,
        summary: step.summary,
        ...(reason ? { reason } : {}),
        before: step.before ?? null,
        after: step.after ?? null,
      },
      at,
    });
    return step.result;
  });
}

/** The structure's version, whether it has started, and every change, newest first. */
export async function structureState(ctx: AppContext, campaignId: number) {
  const campaign = await findCampaign(ctx.db, campaignId);
  if (!campaign) throw new AppError('not_found', '工作活动不存在');
  const changes = await repo.listChanges(ctx.db, campaignId);
  return {
    version: campaign.structure_version,
    started: hasStarted(ctx, campaign.start_date),
    changes: changes.map((c) => ({
      version: c.version,
      action: c.action,
      actionLabel: AUDIT_ACTION_LABELS[c.action] ?? c.action,
      summary: c.summary,
      reason: c.reason,
      started: c.started === 1,
      at: c.at,
      actorName: c.actorName ?? null,
      before: JSON.parse(c.before) as unknown,
      after: JSON.parse(c.after) as unknown,
    })),
  };
}
