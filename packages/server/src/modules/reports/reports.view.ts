// Loading a monthly report and presenting it: the unit's assigned items with its texts (or the
// previous period's texts until the first save), live ledger counts, history and allowed actions.
import { AppError } from '@paicha/core';
import type { ReportViewData } from '@paicha/core/api/reports';
import { assertUnitVisible } from '../../http/access.js';
import type { Actor, AppContext } from '../../kernel/context.js';
import { listCheckItems } from '../campaigns/campaigns.repository.js';
import { countProblems, ZERO_COUNTS } from '../problems/tallies.repository.js';
import { findUnit } from '../units/units.repository.js';
import * as repo from './reports.repository.js';
import { allowedActions, STATUS_LABELS, timelinessOf, type ViewStatus } from './workflow.js';

export interface ReportKey {
  campaignId: number;
  period: string;
  unitId: number;
}

const NOT_FOUND = '月报不存在';

/** The milestone, unit and (if saved) report behind a key; another unit's answers like a missing one. */
export async function loadReport(ctx: AppContext, actor: Actor | null, key: ReportKey) {
  if (actor) assertUnitVisible(actor, key.unitId, '月报');
  const [milestones, unit] = await Promise.all([
    repo.listMonthlyMilestones(ctx.db, key.campaignId),
    findUnit(ctx.db, key.unitId),
  ]);
  const milestone = milestones.find((m) => m.period === key.period);
  if (!milestone || !unit) throw new AppError('not_found', NOT_FOUND);
  const report = await repo.findReport(ctx.db, milestone.id, unit.id);
  return { milestone, unit, report };
}
export type LoadedReport = Awaited<ReturnType<typeof loadReport>>;

/** The table rows of a report: assigned items plus any item it already holds text for, in 序号 order. */
export async function reportRows(ctx: AppContext, key: ReportKey, loaded: LoadedReport) {
  const [all, assigned] = await Promise.all([
    listCheckItems(ctx.db, key.campaignId),
    listCheckItems(ctx.db, key.campaignId, key.unitId),
  ]);
  const assignedIds = new Set(assigned.map((i) => i.id));
  let stored: Awaited<ReturnType<typeof repo.listRows>> = [];
  let prefilledFrom: string | null = null;
  let meta = { fillerName: '', reviewerName: '', phone: '' };
  if (loaded.report) {
    stored = await repo.listRows(ctx.db, loaded.report.id);
  } else {
    const prev = await repo.findPreviousReport(ctx.db, key.campaignId, key.unitId, key.period);
    if (prev) {
      stored = await repo.listRows(ctx.db, prev.id);
      prefilledFrom = prev.period;
      meta = { fillerName: prev.filler_name, reviewerName: prev.reviewer_name, phone: prev.phone };
    }
  }
  const byItem = new Map(stored.map((r) => [r.checkItemId, r]));
  // An earlier period's text for an item no longer assigned is not carried forward.
  const rows = all
    .filter((i) => assignedIds.has(i.id) || (loaded.report && byItem.has(i.id)))
    .map((i) => {
      const r = byItem.get(i.id);
      return {
        checkItemId: i.id,
        seq: i.seq,
        subCategory: i.subCategory,
        subCategoryCell: i.subCategoryCell,
        content: i.content,
        unitsText: i.unitsText,
        situation: r?.situation ?? '',
        measures: r?.measures ?? '',
        progress: r?.progress ?? '',
        assigned: assignedIds.has(i.id),
      };
    });
  return { rows, prefilledFrom, meta, expected: assigned.length > 0 };
}

export async function presentReport(
  ctx: AppContext,
  actor: Actor,
  key: ReportKey,
  loaded: LoadedReport,
): Promise<ReportViewData> {
  const { milestone, unit, report } = loaded;
  const today = ctx.clock.today();
  const [{ rows, prefilledFrom, meta, expected }, counts, history] = await Promise.all([
    reportRows(ctx, key, loaded),
    countProblems(ctx.db, { campaignId: key.campaignId, groupBy: 'unit_item', unitId: key.unitId, today }),
    report ? repo.listHistory(ctx.db, 'monthly_report', report.id) : Promise.resolve([]),
  ]);
  const status: ViewStatus = report?.status ?? 'not_started';
  const firstOn = report?.first_submitted_on ?? null;
  const timeliness = timelinessOf({ expected, firstSubmittedOn: firstOn, dueDate: milestone.dueDate, today });
  return {
    campaignId: key.campaignId,
    period: key.period,
    milestoneId: milestone.id,
    title: milestone.title,
    dueDate: milestone.dueDate,
    today,
    unit: { id: unit.id, name: unit.name },
    expected,
    status,
    statusLabel: STATUS_LABELS[status],
    version: report?.version ?? 0,
    fillerName: report?.filler_name ?? meta.fillerName,
    reviewerName: report?.reviewer_name ?? meta.reviewerName,
    phone: report?.phone ?? meta.phone,
    returnReason: report?.return_reason ?? '',
    firstSubmittedAt: report?.first_submitted_at ?? null,
    submittedAt: report?.submitted_at ?? null,
    submittedBy: report?.submittedByName ?? null,
    reviewedAt: report?.reviewed_at ?? null,
    reviewedBy: report?.reviewedByName ?? null,
    updatedAt: report?.updated_at ?? null,
    updatedBy: report?.updatedByName ?? null,
    timeliness,
    late: timeliness === 'late',
    prefilledFrom,
    rows: rows.map(({ checkItemId, ...r }) => {
      const c = counts.find((x) => x.checkItemId === checkItemId);
      const { unitId: _u, checkItemId: _i, ...n } = c ?? { unitId: null, checkItemId: null, ...ZERO_COUNTS };
      return { ...r, counts: n };
    }),
    history: history.map(presentHistory),
    can: allowedActions(actor, unit.id, status),
  };
}

export function presentHistory(h: {
  at: string;
  action: string;
  detail: string;
  actorName: string | null;
  actorUnit: string | null;
}) {
  const detail = JSON.parse(h.detail) as { reason?: string; late?: boolean };
  return {
    at: h.at,
    action: h.action.split('.').pop() ?? h.action,
    actor: h.actorName,
    actorUnit: h.actorUnit,
    reason: detail.reason ?? null,
    late: typeof detail.late === 'boolean' ? detail.late : null,
  };
}
