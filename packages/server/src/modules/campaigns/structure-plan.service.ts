// Editing a campaign's phases (numbered 1..n in date order the office chooses) and milestones.
// A milestone that monthly reports or milestone submissions were filed against keeps its kind and
// month and cannot be removed: those reports would otherwise go with it.
import { AppError, formatChineseDate } from '@paicha/core';
import type { Executor } from '../../db/transaction.js';
import type { Actor, AppContext } from '../../kernel/context.js';
import * as repo from './structure.repository.js';
import { type EditOptions, editStructure } from './structure-edit.js';

interface PhaseInput extends EditOptions {
  name: string;
  startDate: string;
  endDate: string;
  description: string;
}

const phaseRow = (p: PhaseInput) => ({
  name: p.name,
  start_date: p.startDate,
  end_date: p.endDate,
  description: p.description,
});

type PhaseRow = Awaited<ReturnType<typeof repo.phases>>[number];
const phaseState = (p: PhaseRow) => ({
  seq: p.seq,
  name: p.name,
  startDate: p.start_date,
  endDate: p.end_date,
  description: p.description,
});

async function loadPhase(trx: Executor, campaignId: number, seq: number) {
  const all = await repo.phases(trx, campaignId);
  const phase = all.find((p) => p.seq === seq);
  if (!phase) throw new AppError('not_found', `第${seq}阶段不存在`);
  return { all, phase };
}

export function addPhase(ctx: AppContext, actor: Actor, campaignId: number, input: PhaseInput) {
  return editStructure(ctx, actor, campaignId, input, async (trx) => {
    const all = await repo.phases(trx, campaignId);
    const id = await repo.insertPhase(trx, { campaign_id: campaignId, ...phaseRow(input) });
    await repo.renumberPhases(trx, [...all.map((p) => p.id), id]);
    return {
      action: 'phase.add',
      summary: `新增阶段：${input.name}`,
      before: null,
      after: { seq: all.length + 1, name: input.name, startDate: input.startDate, endDate: input.endDate },
      entity: 'phase',
      entityId: id,
      result: all.length + 1,
    };
  });
}

export function updatePhase(
  ctx: AppContext,
  actor: Actor,
  key: { campaignId: number; seq: number },
  input: PhaseInput,
) {
  return editStructure(ctx, actor, key.campaignId, input, async (trx) => {
    const { phase } = await loadPhase(trx, key.campaignId, key.seq);
    await repo.updatePhase(trx, phase.id, phaseRow(input));
    return {
      action: 'phase.update',
      summary: `修改第${key.seq}阶段：${input.name}`,
      before: phaseState(phase),
      after: {
        seq: key.seq,
        name: input.name,
        startDate: input.startDate,
        endDate: input.endDate,
        description: input.description,
      },
      entity: 'phase',
      entityId: phase.id,
      result: key.seq,
    };
  });
}

export function movePhase(
  ctx: AppContext,
  actor: Actor,
  key: { campaignId: number; seq: number },
  input: EditOptions & { to: number },
) {
  return editStructure(ctx, actor, key.campaignId, input, async (trx) => {
    const { all, phase } = await loadPhase(trx, key.campaignId, key.seq);
    if (input.to > all.length)
      throw new AppError('validation_failed', `阶段序号应在 1 到 ${all.length} 之间`);
    const order = all.map((p) => p.id).filter((id) => id !== phase.id);
    order.splice(input.to - 1, 0, phase.id);
    await repo.renumberPhases(trx, order);
    return {
      action: 'phase.move',
      summary: `第${key.seq}阶段（${phase.name}）移至第${input.to}阶段`,
      before: { seq: key.seq },
      after: { seq: input.to },
      entity: 'phase',
      entityId: phase.id,
      result: input.to,
    };
  });
}

export function removePhase(
  ctx: AppContext,
  actor: Actor,
  key: { campaignId: number; seq: number },
  input: EditOptions,
) {
  return editStructure(ctx, actor, key.campaignId, input, async (trx) => {
    const { all, phase } = await loadPhase(trx, key.campaignId, key.seq);
    await repo.deletePhase(trx, phase.id);
    await repo.renumberPhases(
      trx,
      all.filter((p) => p.id !== phase.id).map((p) => p.id),
    );
    return {
      action: 'phase.remove',
      summary: `删除第${key.seq}阶段：${phase.name}`,
      before: phaseState(phase),
      after: null,
      entity: 'phase',
      entityId: phase.id,
      result: null,
    };
  });
}

interface MilestoneInput extends EditOptions {
  kind: string;
  period: string | null;
  title: string;
  dueDate: string;
  description: string;
}

const milestoneRow = (m: MilestoneInput) => ({
  kind: m.kind,
  period: m.period,
  title: m.title,
  due_date: m.dueDate,
  description: m.description,
});

async function assertFreePeriod(trx: Executor, campaignId: number, m: MilestoneInput, self?: number) {
  if (m.period === null) return;
  const other = await repo.monthlyMilestone(trx, campaignId, m.period);
  if (other && other.id !== self) throw new AppError('conflict', `${m.period} 已有月报节点`);
}

async function loadMilestone(trx: Executor, campaignId: number, id: number) {
  const m = await repo.findMilestone(trx, campaignId, id);
  if (!m) throw new AppError('not_found', '节点不存在');
  return m;
}

export function addMilestone(ctx: AppContext, actor: Actor, campaignId: number, input: MilestoneInput) {
  return editStructure(ctx, actor, campaignId, input, async (trx) => {
    await assertFreePeriod(trx, campaignId, input);
    const id = await repo.insertMilestone(trx, campaignId, milestoneRow(input));
    return {
      action: 'milestone.add',
      summary: `新增节点：${input.title}（${formatChineseDate(input.dueDate)}）`,
      before: null,
      after: milestoneRow(input),
      entity: 'milestone',
      entityId: id,
      result: id,
    };
  });
}

export function updateMilestone(
  ctx: AppContext,
  actor: Actor,
  key: { campaignId: number; id: number },
  input: MilestoneInput,
) {
  return editStructure(ctx, actor, key.campaignId, input, async (trx) => {
    const m = await loadMilestone(trx, key.campaignId, key.id);
    if ((m.kind !== input.kind || m.period !== input.period) && (await repo.milestoneUses(trx, m.id)) > 0)
      throw new AppError('conflict', '该节点已有报送，不能改变节点类型或月份（可改名称、日期和说明）');
    await assertFreePeriod(trx, key.campaignId, input, m.id);
    await repo.updateMilestone(trx, m.id, milestoneRow(input));
    const { id: _id, campaign_id: _c, ...before } = m;
    return {
      action: 'milestone.update',
      summary: `修改节点：${input.title}（${formatChineseDate(input.dueDate)}）`,
      before,
      after: milestoneRow(input),
      entity: 'milestone',
      entityId: m.id,
      result: m.id,
    };
  });
}

export function removeMilestone(
  ctx: AppContext,
  actor: Actor,
  key: { campaignId: number; id: number },
  input: EditOptions,
) {
  return editStructure(ctx, actor, key.campaignId, input, async (trx) => {
    const m = await loadMilestone(trx, key.campaignId, key.id);
    const uses = await repo.milestoneUses(trx, m.id);
    if (uses > 0) throw new AppError('conflict', `节点“${m.title}”已有${uses}份报送，不能删除（可修改日期）`);
    await repo.deleteMilestone(trx, m.id);
    const { id: _id, campaign_id: _c, ...before } = m;
    return {
      action: 'milestone.remove',
      summary: `删除节点：${m.title}（${formatChineseDate(m.due_date)}）`,
      before,
      after: null,
      entity: 'milestone',
      entityId: m.id,
      result: null,
    };
  });
}
