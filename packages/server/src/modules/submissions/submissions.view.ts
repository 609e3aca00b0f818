// Loading and presenting milestone submissions, and their units × milestones grid.
import { AppError } from '@paicha/core';
import type { FileKind, SubmissionViewData } from '@paicha/core/api/submissions';
import { assertUnitVisible, scopedUnitId } from '../../http/access.js';
import type { Actor, AppContext } from '../../kernel/context.js';
import { campaignDeadlines } from '../calendar/deadlines.js';
import { findCampaign } from '../campaigns/campaigns.repository.js';
import { listHistory, unitIdsWithItems } from '../reports/reports.repository.js';
import { presentHistory } from '../reports/reports.view.js';
import { buildGrid, reportingUnits } from '../reports/timeliness.js';
import {
  allowedActions,
  presentTrail,
  STATUS_LABELS,
  timelinessOf,
  type ViewStatus,
} from '../reports/workflow.js';
import { findUnit } from '../units/units.repository.js';
import * as repo from './submissions.repository.js';

export interface SubmissionKey {
  campaignId: number;
  milestoneId: number;
  unitId: number;
}

export const ENTITY = 'submission';

export async function loadSubmission(ctx: AppContext, actor: Actor, key: SubmissionKey) {
  assertUnitVisible(actor, key.unitId, '报送材料');
  const [milestones, unit] = await Promise.all([
    repo.listSubmissionMilestones(ctx.db, key.campaignId),
    findUnit(ctx.db, key.unitId),
  ]);
  const milestone = milestones.find((m) => m.id === key.milestoneId);
  if (!milestone || !unit) throw new AppError('not_found', '报送材料不存在');
  const submission = await repo.findSubmission(ctx.db, milestone.id, unit.id);
  return { milestone, unit, submission };
}
export type LoadedSubmission = Awaited<ReturnType<typeof loadSubmission>>;

export async function presentSubmission(
  ctx: AppContext,
  actor: Actor,
  key: SubmissionKey,
  loaded: LoadedSubmission,
): Promise<SubmissionViewData> {
  const { milestone, unit, submission: s } = loaded;
  const today = ctx.clock.today();
  const [withItems, files, history, deadlines] = await Promise.all([
    unitIdsWithItems(ctx.db, key.campaignId),
    s ? repo.listFiles(ctx.db, s.id) : Promise.resolve([]),
    s ? listHistory(ctx.db, ENTITY, s.id) : Promise.resolve([]),
    campaignDeadlines(ctx.db, key.campaignId),
  ]);
  const deadline = deadlines.info(milestone.dueDate);
  const status: ViewStatus = s?.status ?? 'not_started';
  const expected = withItems.has(unit.id);
  const timeliness = timelinessOf({
    expected,
    firstSubmittedOn: s?.first_submitted_on ?? null,
    dueDate: deadline.effective,
    today,
  });
  return {
    campaignId: key.campaignId,
    milestone,
    deadline,
    today,
    unit: { id: unit.id, name: unit.name },
    expected,
    status,
    statusLabel: STATUS_LABELS[status],
    version: s?.version ?? 0,
    content: s?.content ?? '',
    experience: s?.experience ?? '',
    institutions: s?.institutions ?? '',
    ...presentTrail(s),
    timeliness,
    late: timeliness === 'late',
    files: files.map((f) => ({ ...f, kind: f.kind as FileKind })),
    needs: { summaryFields: milestone.kind === 'summary', problemList: milestone.kind === 'problem_list' },
    history: history.map(presentHistory),
    can: allowedActions(actor, unit.id, status),
  };
}

export async function submissionGrid(ctx: AppContext, actor: Actor, campaignId: number) {
  if (!(await findCampaign(ctx.db, campaignId))) throw new AppError('not_found', '工作活动不存在');
  const today = ctx.clock.today();
  const own = scopedUnitId(actor);
  const [milestones, { units, withItems }, subs, deadlines] = await Promise.all([
    repo.listSubmissionMilestones(ctx.db, campaignId),
    reportingUnits(ctx, campaignId, own),
    repo.listSubmissions(ctx.db, campaignId, own),
    campaignDeadlines(ctx.db, campaignId),
  ]);
  const grid = buildGrid({
    today,
    columns: milestones.map((m) => ({ ...m, key: String(m.id), dueDate: deadlines.effective(m.dueDate) })),
    units,
    withItems,
    submissions: subs.map((s) => ({ ...s, key: String(s.milestoneId) })),
  });
  return {
    today,
    milestones: milestones.map((m) => ({
      id: m.id,
      kind: m.kind,
      title: m.title,
      dueDate: m.dueDate,
      deadline: deadlines.info(m.dueDate),
    })),
    units: grid.units.map((u) => ({
      ...u,
      cells: u.cells.map(({ key, ...c }) => ({ milestoneId: Number(key), ...c })),
    })),
    totals: grid.totals.map(({ key, ...t }) => ({ milestoneId: Number(key), ...t })),
    overall: grid.overall,
  };
}
