// The 从方案导入 wizard's state as plain data: what the preview read, the office's decision for
// each 责任单位 phrase that did not resolve, and the campaign's information as typed. Kept whole
// in a draft (localStorage), so moving between steps or reloading loses nothing; turned into the
// from-plan request body by `fromPlanBody`, and checked before it is sent by `planProblems`.
import type { FromPlanInput, PlanPreview, PlanPreviewItem } from '@paicha/core/api/campaign-import';
import { draftItems } from './planItems';
import { monthlyPeriods, monthlyProblem } from './planMonths';
import { type Decision, newUnitName, type PlanDraft } from './planTypes';
import { newUnitProblems, newUnitsOf } from './planUnits';

export { draftItems } from './planItems';
export * from './planTypes';

export const EMPTY_DRAFT: PlanDraft = {
  step: 0,
  preview: null,
  decisions: {},
  info: {
    title: '',
    docNumber: '',
    reportTitle: '',
    startDate: null,
    endDate: null,
    monthlyDueDay: null,
    monthlyFirst: null,
    monthlyLast: null,
    phases: [],
    milestones: [],
  },
};

/** A fresh draft from a file's preview: the information as the plan states it, no decisions yet. */
export function draftFromPreview(preview: PlanPreview): PlanDraft {
  return {
    step: 1,
    preview,
    decisions: {},
    edits: {},
    info: {
      title: preview.title,
      docNumber: preview.docNumber,
      reportTitle: preview.reportTitle,
      startDate: preview.startDate,
      endDate: preview.endDate,
      monthlyDueDay: preview.monthlyDueDay,
      monthlyFirst: preview.monthlyPeriods[0] ?? null,
      monthlyLast: preview.monthlyPeriods.at(-1) ?? null,
      phases: preview.phases,
      milestones: preview.milestones,
    },
  };
}

/** Unresolved phrases still waiting for a decision. */
export function undecided(d: PlanDraft): string[] {
  // "对应现有单位" with no unit picked yet is no decision.
  return (d.preview?.unresolved ?? []).filter((p) => {
    const dec = d.decisions[p];
    return !dec || (dec.kind === 'units' && dec.unitIds.length === 0);
  });
}

/** One item's units after the decisions: existing ids (sorted, once each) and new units' names. */
export function itemUnits(item: PlanPreviewItem, decisions: Record<string, Decision>) {
  const ids = new Set<number>();
  const newNames: string[] = [];
  for (const u of item.units) {
    for (const id of u.unitIds) ids.add(id);
    if (u.kind !== 'unresolved') continue;
    const d = decisions[u.phrase];
    if (d?.kind === 'units') for (const id of d.unitIds) ids.add(id);
    // A name left blank still counts here: planProblems reports it as the name's problem.
    if (d?.kind === 'new' && !newNames.includes(newUnitName(u.phrase, d)))
      newNames.push(newUnitName(u.phrase, d));
  }
  return { unitIds: [...ids].sort((a, b) => a - b), newUnitNames: newNames };
}

/**
 * What stops creating, in the clerk's words (empty: ready). The server checks all of it again;
 * this only spares a round trip and points at the step to go back to.
 */
export function planProblems(
  d: PlanDraft,
  units: readonly { name: string }[] = [],
): { step: number; message: string }[] {
  const out: { step: number; message: string }[] = [];
  if (!d.preview) return [{ step: 0, message: '请先上传方案或任务分解表' }];
  const open = undecided(d);
  if (open.length > 0)
    out.push({ step: 1, message: `还有 ${open.length} 个责任单位未作决定：${open.join('、')}` });
  const bare = d.preview.items.filter((it) => {
    const u = itemUnits(it, d.decisions);
    return u.unitIds.length === 0 && u.newUnitNames.length === 0;
  });
  if (bare.length > 0)
    out.push({ step: 1, message: `第 ${bare.map((it) => it.seq).join('、')} 项没有责任单位` });
  for (const m of newUnitProblems(d, units)) out.push({ step: 1, message: m });
  const blank = draftItems(d).filter((it) => !it.subCategory.trim() || !it.content.trim());
  if (blank.length > 0)
    out.push({ step: 1, message: `第 ${blank.map((it) => it.seq).join('、')} 项的排查项目或排查内容为空` });
  const i = d.info;
  const missing = [
    !i.title.trim() && '活动名称',
    !i.reportTitle.trim() && '月报表标题',
    !i.startDate && '开始日期',
    !i.endDate && '结束日期',
    !i.monthlyDueDay && '每月报送日',
  ].filter(Boolean);
  if (missing.length > 0) out.push({ step: 2, message: `请填写${missing.join('、')}` });
  if (i.startDate && i.endDate && i.endDate < i.startDate)
    out.push({ step: 2, message: '结束日期不能早于开始日期' });
  const months = monthlyProblem(i);
  if (months) out.push({ step: 2, message: months });
  const badPhase = i.phases.findIndex(
    (p) => !p.name.trim() || !p.startDate || !p.endDate || p.endDate < p.startDate,
  );
  if (badPhase >= 0) out.push({ step: 2, message: `第 ${badPhase + 1} 个阶段的名称或起止日期不完整` });
  const badMilestone = i.milestones.findIndex((m) => !m.title.trim() || !m.dueDate);
  if (badMilestone >= 0)
    out.push({ step: 2, message: `第 ${badMilestone + 1} 个时间节点的名称或日期不完整` });
  return out;
}

/** The from-plan request: the items with their units decided, and the units to create. */
export function fromPlanBody(d: PlanDraft): FromPlanInput {
  const preview = d.preview;
  if (!preview) throw new Error('no preview');
  const i = d.info;
  const newUnits = newUnitsOf(d);
  const periods = monthlyPeriods(i);
  return {
    title: i.title.trim(),
    docNumber: i.docNumber.trim(),
    reportTitle: i.reportTitle.trim(),
    startDate: i.startDate ?? '',
    endDate: i.endDate ?? '',
    monthlyDueDay: i.monthlyDueDay ?? 0,
    ...(periods.length > 0 ? { monthlyPeriods: periods } : {}),
    phases: i.phases,
    milestones: i.milestones,
    items: draftItems(d).map((it) => ({
      seq: it.seq,
      category: it.category,
      subCategory: it.subCategory.trim(),
      subCategoryCell: it.subCategoryCell.trim(),
      content: it.content.trim(),
      unitsText: it.unitsText,
      ...itemUnits(it, d.decisions),
    })),
    newUnits,
  };
}

/** 排查项目 merged like the plan prints it: each row's rowSpan (0 under the first of a run). */
export function subCategorySpans(items: readonly PlanPreviewItem[]): number[] {
  const spans = items.map(() => 0);
  let start = 0;
  for (let i = 1; i <= items.length; i++) {
    if (i < items.length && items[i]?.subCategory === items[start]?.subCategory) continue;
    spans[start] = i - start;
    start = i;
  }
  return spans;
}
