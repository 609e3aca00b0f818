// Monthly report commands. Each runs in one transaction with its audit row; every write names the
// version the caller saw, and a stale version changes nothing (409 version_conflict).
import { AppError, phoneProblem, seqList, validateReport } from '@paicha/core';
import type { SaveReportInput } from '@paicha/core/api/reports';
import type { Executor } from '../../db/transaction.js';
import type { Actor, AppContext } from '../../kernel/context.js';
import { appendAudit } from '../audit/audit.repository.js';
import { campaignDeadlines } from '../calendar/deadlines.js';
import { findCampaign } from '../campaigns/campaigns.repository.js';
import { withNotices, writeNotices } from '../notifications/notices.js';
import { monthlyReportName, type ReportStep, reportStep } from '../notifications/notices-reporting.js';
import { type LoadedReport, loadReport, type ReportKey } from './report-load.js';
import { reportRows } from './report-rows.js';
import * as repo from './reports.repository.js';
import { assertAllowed, isUniqueViolation, statusAfter, versionConflict } from './workflow.js';

const ENTITY = 'monthly_report';

function checkVersion(loaded: LoadedReport, version: number) {
  const current = loaded.report?.version ?? 0;
  if (version !== current) throw versionConflict(current);
}

/** Saves the draft (creating the report on its first save, from the prefilled rows). */
export async function saveReport(ctx: AppContext, actor: Actor, key: ReportKey, input: SaveReportInput) {
  const loaded = await loadReport(ctx, actor, key);
  const from = loaded.report?.status ?? 'not_started';
  assertAllowed(actor, key.unitId, 'save', from);
  checkVersion(loaded, input.version);
  if (input.structureVersion !== undefined && input.rows.length > 0) {
    const campaign = await findCampaign(ctx.db, key.campaignId);
    if (campaign && campaign.structure_version !== input.structureVersion)
      throw new AppError(
        'version_conflict',
        '区领导小组办公室刚调整了排查事项（序号可能已变），请刷新后核对再保存（您的修改未保存）',
        { structureVersion: campaign.structure_version },
      );
  }
  const { rows, meta: prefilled } = await reportRows(ctx, key, loaded);
  const bySeq = new Map(rows.map((r) => [r.seq, r]));
  const unknown = input.rows.filter((r) => !bySeq.has(r.seq)).map((r) => r.seq);
  if (unknown.length > 0)
    throw new AppError('validation_failed', `第${unknown.join('、')}项不是本单位承担的排查事项`, {
      seqs: unknown,
    });
  const incoming = new Map(input.rows.map((r) => [r.seq, r]));
  const changed = rows
    .filter((r) => {
      const n = incoming.get(r.seq);
      return n && (n.situation !== r.situation || n.measures !== r.measures || n.progress !== r.progress);
    })
    .map((r) => r.seq);
  // A new report stores every row (the prefilled ones too); an existing one only what was sent.
  const toStore = rows
    .filter((r) => !loaded.report || incoming.has(r.seq))
    .map((r) => ({ checkItemId: r.checkItemId, ...pickTexts(incoming.get(r.seq) ?? r) }));
  const at = ctx.clock.now().toISOString();
  const r = loaded.report;
  const meta = {
    filler_name: input.fillerName ?? r?.filler_name ?? prefilled.fillerName,
    reviewer_name: input.reviewerName ?? r?.reviewer_name ?? prefilled.reviewerName,
    phone: input.phone ?? r?.phone ?? prefilled.phone,
  };
  try {
    await ctx.db.transaction().execute(async (trx) => {
      let id = loaded.report?.id;
      if (id === undefined) {
        id = await repo.insertReport(trx, {
          campaign_id: key.campaignId,
          milestone_id: loaded.milestone.id,
          unit_id: key.unitId,
          period: key.period,
          status: 'draft',
          version: 1,
          ...meta,
          return_reason: '',
          created_by: actor.userId,
          created_at: at,
          updated_by: actor.userId,
          updated_at: at,
        });
      } else {
        const ok = await repo.updateReportAtVersion(trx, id, input.version, {
          ...meta,
          status: statusAfter('save', from),
          updated_by: actor.userId,
          updated_at: at,
        });
        if (!ok) throw versionConflict();
      }
      await repo.upsertRows(trx, id, toStore);
      await appendAudit(trx, ctx.dialect, {
        actorId: actor.userId,
        action: `${ENTITY}.${loaded.report ? 'save' : 'create'}`,
        entity: ENTITY,
        entityId: id,
        detail: { period: key.period, unitId: key.unitId, version: input.version + 1, changedSeqs: changed },
        at,
      });
    });
  } catch (err) {
    // Two first saves raced: the loser's copy is stale like any other.
    if (isUniqueViolation(err)) throw versionConflict();
    throw err;
  }
}

function pickTexts(r: { situation: string; measures: string; progress: string }) {
  return { situation: r.situation, measures: r.measures, progress: r.progress };
}

/**
 * The unit head approves and submits: 填报人 and a valid 联系电话, every row's 排查情况 (the rules'
 * errors), and an explanation where the rules warn. The rows and the ledger's figures beside them
 * are kept as the report's snapshot in the same transaction.
 */
export async function submitReport(
  ctx: AppContext,
  actor: Actor,
  key: ReportKey,
  input: { version: number; explanation?: string | undefined },
) {
  const { version } = input;
  const loaded = await loadReport(ctx, actor, key);
  const report = loaded.report;
  assertAllowed(actor, key.unitId, 'submit', report?.status ?? 'not_started');
  checkVersion(loaded, version);
  if (!report) throw versionConflict(0);
  const { rows } = await reportRows(ctx, key, loaded);
  const violations = validateReport(rows);
  const missing: string[] = [];
  if (!report.filler_name) missing.push('填报人');
  if (!report.phone) missing.push('联系电话');
  const blank = violations.filter((v) => v.severity === 'error');
  if (blank.length > 0) missing.push(`${seqList(blank)}的排查情况`);
  if (missing.length > 0)
    throw new AppError('unprocessable', `报送前请填写：${missing.join('；')}`, {
      missingSeqs: blank.map((v) => v.seq),
    });
  const badPhone = phoneProblem(report.phone);
  if (badPhone) throw new AppError('unprocessable', `报送前请改正联系电话：${badPhone}`);
  const warnings = violations.filter((v) => v.severity === 'warning');
  const explanation = warnings.length > 0 ? (input.explanation ?? '').trim() : '';
  if (warnings.length > 0 && [...explanation].length < 2)
    throw new AppError(
      'unprocessable',
      `${seqList(warnings)}与台账不一致或整改情况未填（${warnings.length}条提示）：请修改，或填写说明后报送`,
      { violations: warnings },
    );
  const at = ctx.clock.now().toISOString();
  const today = ctx.clock.today();
  const firstOn = report.first_submitted_on ?? today;
  const late =
    firstOn > (await campaignDeadlines(ctx.db, key.campaignId)).effective(loaded.milestone.dueDate);
  await transition(
    ctx,
    actor,
    loaded,
    version,
    'submit',
    {
      status: 'submitted',
      // The unit head who approves is the 审核人 unless the form names someone else.
      reviewer_name: report.reviewer_name || actor.displayName,
      first_submitted_at: report.first_submitted_at ?? at,
      first_submitted_on: firstOn,
      submitted_at: at,
      submitted_on: today,
      submitted_by: actor.userId,
      return_reason: '',
      snapshot_at: at,
      explanation,
    },
    {
      late,
      dueDate: loaded.milestone.dueDate,
      submittedOn: today,
      resubmission: report.first_submitted_at !== null,
      warnings: warnings.map((w) => ({ seq: w.seq, rule: w.rule })),
      ...(explanation ? { explanation } : {}),
    },
    (trx) =>
      repo.replaceSnapshot(
        trx,
        report.id,
        rows.map((r) => ({
          check_item_id: r.checkItemId,
          // The item as submitted: a later rename, reorder or removal leaves this report's rows as they were.
          item_seq: r.seq,
          category: r.category,
          sub_category: r.subCategory,
          sub_category_cell: r.subCategoryCell,
          content: r.content,
          units_text: r.unitsText,
          group_seq: r.group.key,
          group_label: r.group.label,
          situation: r.situation,
          measures: r.measures,
          progress: r.progress,
          assigned: r.assigned ? 1 : 0,
          found: r.counts.found,
          rectifying: r.counts.rectifying,
          awaiting_review: r.counts.awaitingReview,
          rectified: r.counts.rectified,
          closed: r.counts.closed,
          overdue: r.counts.overdue,
        })),
      ),
  );
}

/** Office decisions: accept (locks), return with a reason, unlock an accepted report with a reason. */
export async function decideReport(
  ctx: AppContext,
  actor: Actor,
  key: ReportKey,
  action: 'accept' | 'return' | 'unlock',
  input: { version: number; reason?: string },
) {
  const loaded = await loadReport(ctx, actor, key);
  assertAllowed(actor, key.unitId, action, loaded.report?.status ?? 'not_started');
  checkVersion(loaded, input.version);
  const at = ctx.clock.now().toISOString();
  await transition(
    ctx,
    actor,
    loaded,
    input.version,
    action,
    {
      status: statusAfter(action, 'submitted'),
      reviewed_at: at,
      reviewed_by: actor.userId,
      ...(action === 'accept' ? {} : { return_reason: input.reason ?? '' }),
    },
    input.reason ? { reason: input.reason } : {},
  );
}

async function transition(
  ctx: AppContext,
  actor: Actor,
  loaded: LoadedReport,
  version: number,
  action: ReportStep,
  patch: Parameters<typeof repo.updateReportAtVersion>[3],
  detail: Record<string, unknown>,
  alsoWrite?: (trx: Executor) => Promise<void>,
) {
  const report = loaded.report;
  if (!report) throw new AppError('not_found', '月报不存在');
  const at = ctx.clock.now().toISOString();
  await withNotices(ctx, async (trx) => {
    const ok = await repo.updateReportAtVersion(trx, report.id, version, {
      ...patch,
      updated_by: actor.userId,
      updated_at: at,
    });
    if (!ok) throw versionConflict();
    await alsoWrite?.(trx);
    await appendAudit(trx, ctx.dialect, {
      actorId: actor.userId,
      action: `${ENTITY}.${action}`,
      entity: ENTITY,
      entityId: report.id,
      detail: {
        period: report.period,
        unitId: report.unit_id,
        from: report.status,
        version: version + 1,
        ...detail,
      },
      at,
    });
    const ref = {
      entity: ENTITY,
      id: report.id,
      unitId: loaded.unit.id,
      unitName: loaded.unit.name,
      name: monthlyReportName(report.period, loaded.milestone.title),
      campaignId: report.campaign_id,
      dueDate: loaded.milestone.dueDate,
      link: `/reports/${report.period}/${loaded.unit.id}`,
    } as const;
    await writeNotices(
      trx,
      ctx,
      actor,
      await reportStep(trx, ctx, actor, action, ref, {
        reason: typeof detail.reason === 'string' ? detail.reason : undefined,
        late: detail.late === true,
        resubmission: detail.resubmission === true,
      }),
    );
  });
}
