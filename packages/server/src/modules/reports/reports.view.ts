// Presenting a monthly report: its rows with the ledger's figures (report-rows.ts: live, or as
// at submission), what the validation rules say about them, history and allowed actions.

import { validateReport } from '@paicha/core';
import type { LedgerTexts, ReportViewData } from '@paicha/core/api/reports';
import type { Actor, AppContext } from '../../kernel/context.js';
import { campaignDeadlines } from '../calendar/deadlines.js';
import { findCampaign } from '../campaigns/campaigns.repository.js';
import type { LoadedReport, ReportKey } from './report-load.js';
import { ledgerTextsOf, reportRows } from './report-rows.js';
import * as repo from './reports.repository.js';
import { allowedActions, presentTrail, STATUS_LABELS, timelinessOf, type ViewStatus } from './workflow.js';

export async function presentReport(
  ctx: AppContext,
  actor: Actor,
  key: ReportKey,
  loaded: LoadedReport,
): Promise<ReportViewData> {
  const { milestone, unit, report } = loaded;
  const today = ctx.clock.today();
  const [{ rows, prefilledFrom, meta, expected, snapshotAt }, history, deadlines, campaign] =
    await Promise.all([
      reportRows(ctx, key, loaded),
      report ? repo.listHistory(ctx.db, 'monthly_report', report.id) : Promise.resolve([]),
      campaignDeadlines(ctx.db, key.campaignId),
      findCampaign(ctx.db, key.campaignId),
    ]);
  const deadline = deadlines.info(milestone.dueDate);
  const status: ViewStatus = report?.status ?? 'not_started';
  const firstOn = report?.first_submitted_on ?? null;
  const timeliness = timelinessOf({
    expected,
    firstSubmittedOn: firstOn,
    dueDate: deadline.effective,
    today,
  });
  return {
    campaignId: key.campaignId,
    period: key.period,
    milestoneId: milestone.id,
    title: milestone.title,
    dueDate: milestone.dueDate,
    deadline,
    today,
    unit: { id: unit.id, name: unit.name },
    expected,
    status,
    statusLabel: STATUS_LABELS[status],
    version: report?.version ?? 0,
    fillerName: report?.filler_name ?? meta.fillerName,
    reviewerName: report?.reviewer_name ?? meta.reviewerName,
    phone: report?.phone ?? meta.phone,
    ...presentTrail(report),
    timeliness,
    late: timeliness === 'late',
    prefilledFrom,
    rows: rows.map(({ checkItemId: _, ...r }) => r),
    validation: validateReport(rows),
    explanation: report?.explanation ?? '',
    snapshotAt,
    structureVersion: campaign?.structure_version ?? 1,
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

/**
 * 按台账生成: for each of the report's assigned rows whose ledger has problems, the texts written
 * from them (core report/ledger-texts.ts); the page fills them in, asking before it overwrites.
 */
export async function presentLedgerTexts(
  ctx: AppContext,
  key: ReportKey,
  loaded: LoadedReport,
): Promise<LedgerTexts> {
  const { rows } = await reportRows(ctx, key, loaded);
  const mine = rows.filter((r) => r.assigned);
  const texts = await ledgerTextsOf(ctx, key, mine);
  return {
    asOf: ctx.clock.today(),
    rows: mine.flatMap((r) => {
      const t = texts.get(r.checkItemId);
      return t ? [{ seq: r.seq, found: r.counts.found, ...t }] : [];
    }),
  };
}
