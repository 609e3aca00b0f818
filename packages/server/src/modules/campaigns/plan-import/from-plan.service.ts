// Creating a campaign from a previewed plan: the office's decisions (units chosen for each item,
// new units to create) checked row by row first — all refusals in one 400 — then new units, the
// campaign, its phases, milestones, items and their units in one transaction, audited.
import {
  AppError,
  type CampaignTemplate,
  monthlyMilestones,
  OFFICE_NAME,
  resolvePhrase,
  splitUnitPhrases,
} from '@paicha/core';
import type { FromPlanBody, FromPlanRowError } from '@paicha/core/api/campaign-import';
import type { z } from 'zod';
import type { AppContext } from '../../../kernel/context.js';
import { appendAudit } from '../../audit/audit.repository.js';
import { listUnits } from '../../units/units.repository.js';
import { addUnitIn } from '../../units/units.service.js';
import { insertCampaign, insertItemUnits, listItemUnits } from '../campaigns.repository.js';

export type FromPlan = z.output<typeof FromPlanBody>;

export async function createCampaignFromPlan(ctx: AppContext, actorId: number | null, input: FromPlan) {
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const units = await listUnits(trx);
    const active = units.filter((u) => u.active);
    checkBody(input, units, active);
    const { id, itemIdBySeq } = await insertCampaign(trx, templateOf(input), at);
    const itemId = (seq: number) => itemIdBySeq.get(seq) as number;
    await insertItemUnits(
      trx,
      input.items.flatMap((item) =>
        [...new Set(item.unitIds)].map((unitId) => ({ checkItemId: itemId(item.seq), unitId })),
      ),
    );
    // New units after the campaign: each takes, as any unit added later does, the items whose
    // 责任单位 names its kind (区各相关部门 → a new department) or its name — this campaign's too.
    const created = [];
    for (const u of input.newUnits) created.push(await addUnitIn(trx, ctx, actorId, u, at));
    const linked = new Set((await listItemUnits(trx, id)).map((l) => `${l.checkItemId}:${l.id}`));
    const newId = new Map(created.map((u) => [u.name, u.id]));
    await insertItemUnits(
      trx,
      input.items.flatMap((item) =>
        [...new Set(item.newUnitNames)]
          .map((n) => ({ checkItemId: itemId(item.seq), unitId: newId.get(n) as number }))
          .filter((r) => !linked.has(`${r.checkItemId}:${r.unitId}`)),
      ),
    );
    await appendAudit(trx, ctx.dialect, {
      actorId,
      action: 'campaign.create_from_plan',
      entity: 'campaign',
      entityId: id,
      detail: {
        title: input.title,
        docNumber: input.docNumber,
        startDate: input.startDate,
        endDate: input.endDate,
        items: input.items.length,
        newUnits: created.map((u) => ({ id: u.id, name: u.name, kind: u.kind })),
      },
      at,
    });
    return {
      id,
      title: input.title,
      itemCount: input.items.length,
      unitsCreated: created.map((u) => ({ id: u.id, name: u.name, kind: u.kind as 'department' | 'street' })),
    };
  });
}

type UnitLike = { id: number; name: string; kind: 'office' | 'street' | 'department'; active: boolean };

/** Every refusal at once: the office fixes the whole table in one pass. */
function checkBody(input: FromPlan, units: readonly UnitLike[], active: readonly UnitLike[]) {
  if (input.endDate < input.startDate) throw new AppError('validation_failed', '结束日期不能早于开始日期');
  for (const p of input.phases)
    if (p.endDate < p.startDate)
      throw new AppError('validation_failed', `阶段“${p.name}”的结束日期不能早于开始日期`);
  checkPeriods(input);
  const names = new Set<string>();
  for (const u of input.newUnits) {
    if (names.has(u.name)) throw new AppError('validation_failed', `新建单位“${u.name}”重复`);
    names.add(u.name);
    if (units.some((x) => x.name === u.name)) throw new AppError('conflict', `已有名为“${u.name}”的单位`);
  }
  const byId = new Map(units.map((u) => [u.id, u]));
  // New units count when phrases are resolved: "区水利局" is settled by creating 区水利局.
  const known = [
    ...active,
    ...input.newUnits.map((u, i) => ({ id: -1 - i, name: u.name, kind: u.kind, active: true })),
  ];
  const rows: FromPlanRowError[] = [];
  const seen = new Set<number>();
  for (const item of input.items) {
    const refuse = (message: string) => rows.push({ seq: item.seq, message });
    if (seen.has(item.seq)) refuse(`序号 ${item.seq} 重复`);
    seen.add(item.seq);
    for (const id of item.unitIds) {
      const u = byId.get(id);
      if (!u) refuse(`单位编号 ${id} 不存在`);
      else if (!u.active) refuse(`“${u.name}”已停用，不能承担新活动的事项`);
    }
    for (const n of item.newUnitNames) if (!names.has(n)) refuse(`新单位“${n}”不在新建单位之中`);
    if (item.unitIds.length + item.newUnitNames.length === 0) refuse('没有责任单位');
    // A phrase nothing resolves is a decision left open unless the office chose a unit beyond
    // what the other phrases already give.
    const phrases = splitUnitPhrases(item.unitsText).map((p) => resolvePhrase(p, known));
    const open = phrases.filter((p) => p.kind === 'unresolved');
    if (open.length) {
      const given = new Set(phrases.flatMap((p) => p.unitIds));
      const newIds = item.newUnitNames.map((n) => -1 - input.newUnits.findIndex((u) => u.name === n));
      if ([...item.unitIds, ...newIds].every((id) => given.has(id)))
        refuse(`责任单位“${open.map((p) => p.phrase).join('、')}”尚未确定对应的单位`);
    }
  }
  if (rows.length)
    throw new AppError(
      'validation_failed',
      `有 ${rows.length} 处需要修改：${rows
        .slice(0, 5)
        .map((r) => `第${r.seq}项${r.message}`)
        .join('；')}${rows.length > 5 ? '……' : ''}`,
      { rows },
    );
}

/**
 * The 月报 months the office set: none before the campaign's first month, none later than the month
 * after its last (the last month's report falls due after the campaign ends) — as the wizard says.
 */
function checkPeriods(input: FromPlan) {
  const periods = input.monthlyPeriods ?? [];
  const first = input.startDate.slice(0, 7);
  const [after = ''] = monthsAfterFirst(input.endDate, `${Number(input.endDate.slice(0, 4)) + 1}-12-31`);
  const early = periods.find((p) => p < first);
  if (early) throw new AppError('validation_failed', `月报月份 ${early} 早于活动开始的月份`);
  const late = periods.find((p) => p > after);
  if (late) throw new AppError('validation_failed', `月报月份 ${late} 晚于活动结束的下一个月`);
}

function templateOf(input: FromPlan): CampaignTemplate {
  const periods = input.monthlyPeriods?.length
    ? input.monthlyPeriods
    : monthsAfterFirst(input.startDate, input.endDate);
  const monthly = monthlyMilestones([...new Set(periods)].sort(), input.monthlyDueDay);
  return {
    title: input.title,
    issuer: OFFICE_NAME,
    docNumber: input.docNumber,
    basisDocuments: [],
    startDate: input.startDate,
    endDate: input.endDate,
    monthlyDueDay: input.monthlyDueDay,
    reportTitle: input.reportTitle,
    reportFooter: `注：此表于每月${input.monthlyDueDay}日前上报${OFFICE_NAME}。`,
    contact: '',
    phases: input.phases.map((p, i) => ({ seq: i + 1, ...p })),
    milestones: [...input.milestones.map((m) => ({ ...m, period: null })), ...monthly].sort((a, b) =>
      a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0,
    ),
    checkItems: [...input.items]
      .sort((a, b) => a.seq - b.seq)
      .map((i) => ({
        seq: i.seq,
        category: i.category ?? '',
        subCategory: i.subCategory,
        subCategoryCell: i.subCategoryCell,
        content: i.content,
        unitsText: i.unitsText,
      })),
  };
}

/** Every month after the campaign's first, through its last (the plan reports the month before). */
function monthsAfterFirst(start: string, end: string): string[] {
  const out: string[] = [];
  let y = Number(start.slice(0, 4));
  let m = Number(start.slice(5, 7));
  for (;;) {
    if (++m > 12) [y, m] = [y + 1, 1];
    const p = `${y}-${String(m).padStart(2, '0')}`;
    if (p > end.slice(0, 7) || out.length >= 60) return out;
    out.push(p);
  }
}
