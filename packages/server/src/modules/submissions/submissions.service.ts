// Milestone submission commands (12-15 工作方案, 12-24 排查结果和问题清单, 05-31 整改结果,
// 06-30 总结): the same draft → submit → accept/return workflow as the monthly reports.
import { PassThrough } from 'node:stream';
import { AppError } from '@paicha/core';
import type { SaveSubmissionInput } from '@paicha/core/api/submissions';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Actor, AppContext } from '../../kernel/context.js';
import { appendAudit } from '../audit/audit.repository.js';
import { campaignDeadlines } from '../calendar/deadlines.js';
import { findCampaign } from '../campaigns/campaigns.repository.js';
import { linkAttachments, saveUpload } from '../files/files.service.js';
import { withNotices, writeNotices } from '../notifications/notices.js';
import { type ReportStep, reportStep, submissionName } from '../notifications/notices-reporting.js';
import {
  assertAllowed,
  isUniqueViolation,
  type ReportAction,
  statusAfter,
  versionConflict,
} from '../reports/workflow.js';
import { unitProblemListXlsx } from './problem-list.js';
import * as repo from './submissions.repository.js';
import { ENTITY, type LoadedSubmission, loadSubmission, type SubmissionKey } from './submissions.view.js';

type Patch = Parameters<typeof repo.updateSubmissionAtVersion>[3];

/**
 * Runs `change` on the submission at `version` in one transaction with its audit row, creating
 * the submission first when nobody has saved it yet (version 0). Stale versions change nothing.
 */
async function write(
  ctx: AppContext,
  actor: Actor,
  key: SubmissionKey,
  loaded: LoadedSubmission,
  version: number,
  step: {
    action: string;
    patch: Patch;
    detail?: Record<string, unknown>;
    /** A hand-off: 报送 (to the office), 审核通过, 退回 or 解锁 (to the unit). */
    notice?: { step: ReportStep; reason?: string | undefined; late?: boolean; resubmission?: boolean };
  },
  change?: (trx: Transaction<DB>, id: number) => Promise<void>,
) {
  const current = loaded.submission?.version ?? 0;
  if (version !== current) throw versionConflict(current);
  const at = ctx.clock.now().toISOString();
  try {
    await withNotices(ctx, async (trx) => {
      let id = loaded.submission?.id;
      const stamp = { updated_by: actor.userId, updated_at: at };
      if (id === undefined) {
        id = await repo.insertSubmission(trx, {
          campaign_id: key.campaignId,
          milestone_id: key.milestoneId,
          unit_id: key.unitId,
          status: 'draft',
          version: 1,
          content: '',
          experience: '',
          institutions: '',
          return_reason: '',
          ...step.patch,
          created_by: actor.userId,
          created_at: at,
          ...stamp,
        } as Parameters<typeof repo.insertSubmission>[1]);
      } else if (!(await repo.updateSubmissionAtVersion(trx, id, version, { ...step.patch, ...stamp }))) {
        throw versionConflict();
      }
      if (change) await change(trx, id);
      await appendAudit(trx, ctx.dialect, {
        actorId: actor.userId,
        action: `${ENTITY}.${step.action}`,
        entity: ENTITY,
        entityId: id,
        detail: { milestoneId: key.milestoneId, unitId: key.unitId, version: version + 1, ...step.detail },
        at,
      });
      if (!step.notice) return;
      const { step: handOff, ...detail } = step.notice;
      const ref = {
        entity: ENTITY,
        id,
        unitId: key.unitId,
        unitName: loaded.unit.name,
        name: submissionName(loaded.milestone.title),
        campaignId: key.campaignId,
        dueDate: loaded.milestone.dueDate,
        link: `/submissions/${key.milestoneId}/${key.unitId}`,
      } as const;
      await writeNotices(trx, ctx, actor, await reportStep(trx, ctx, actor, handOff, ref, detail));
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw versionConflict();
    throw err;
  }
}

export async function saveSubmission(
  ctx: AppContext,
  actor: Actor,
  key: SubmissionKey,
  input: SaveSubmissionInput,
) {
  const loaded = await loadSubmission(ctx, actor, key);
  const from = loaded.submission?.status ?? 'not_started';
  assertAllowed(actor, key.unitId, 'save', from);
  const patch: Patch = { status: statusAfter('save', from) };
  if (input.content !== undefined) patch.content = input.content;
  if (input.experience !== undefined) patch.experience = input.experience;
  if (input.institutions !== undefined) patch.institutions = input.institutions;
  const current = loaded.submission ? await repo.listFiles(ctx.db, loaded.submission.id) : [];
  const wanted = input.files;
  if (wanted) {
    const scans = wanted.filter((f) => f.kind === 'scan').map((f) => f.attachmentId);
    const mimes = await repo.attachmentMimes(ctx.db, scans);
    if (mimes.some((m) => m.mime !== 'application/pdf' && !m.mime.startsWith('image/')))
      throw new AppError('validation_failed', '盖章扫描件应为 PDF 或图片');
  }
  await write(
    ctx,
    actor,
    key,
    loaded,
    input.version,
    {
      action: loaded.submission ? 'save' : 'create',
      patch,
      detail: { files: wanted?.map((f) => f.attachmentId) },
    },
    async (trx, id) => {
      if (!wanted) return;
      const have = new Map(current.map((f) => [f.id, f.kind]));
      const added = wanted.filter((f) => !have.has(f.attachmentId));
      await linkAttachments(
        trx,
        actor,
        added.map((f) => f.attachmentId),
        ENTITY,
        id,
      );
      await repo.addFiles(trx, id, added, actor.userId, ctx.clock.now().toISOString());
      const keep = new Set(wanted.map((f) => f.attachmentId));
      await repo.removeFiles(
        trx,
        id,
        current.filter((f) => !keep.has(f.id)).map((f) => f.id),
      );
      for (const f of wanted)
        if (have.has(f.attachmentId) && have.get(f.attachmentId) !== f.kind)
          await repo.updateFileKind(trx, id, f.attachmentId, f.kind);
    },
  );
}

/** Generates the unit's 问题清单 from the ledger, stores it as a file and attaches it (12-24). */
export async function attachProblemList(ctx: AppContext, actor: Actor, key: SubmissionKey, version: number) {
  const loaded = await loadSubmission(ctx, actor, key);
  if (loaded.milestone.kind !== 'problem_list')
    throw new AppError('validation_failed', '只有“问题排查结果和问题清单”可以附台账问题清单');
  assertAllowed(actor, key.unitId, 'save', loaded.submission?.status ?? 'not_started');
  if (version !== (loaded.submission?.version ?? 0)) throw versionConflict(loaded.submission?.version ?? 0);
  const campaign = await findCampaign(ctx.db, key.campaignId);
  const list = await unitProblemListXlsx(ctx.db, {
    campaignId: key.campaignId,
    campaignTitle: campaign?.title ?? '',
    unitId: key.unitId,
    unitName: loaded.unit.name,
    today: ctx.clock.today(),
  });
  // The workbook is written straight into the stored file. A failing writer fails the upload
  // through the stream; if storing refuses (quota), closing the stream stops the writer.
  const stream = new PassThrough();
  const writing = list.write(stream).catch((err: unknown) => {
    stream.destroy(err instanceof Error ? err : new Error(String(err)));
    throw err;
  });
  writing.catch(() => undefined); // observed below; never an unhandled rejection meanwhile
  const file = await saveUpload(ctx, actor, { filename: list.fileName, stream }).catch(async (err) => {
    stream.destroy();
    await writing.catch(() => undefined);
    throw err;
  });
  await writing;
  await write(
    ctx,
    actor,
    key,
    loaded,
    version,
    {
      action: 'problem_list',
      patch: { status: statusAfter('save', loaded.submission?.status ?? 'not_started') },
      detail: { attachmentId: file.id, problems: list.count },
    },
    async (trx, id) => {
      await linkAttachments(trx, actor, [file.id], ENTITY, id);
      await repo.addFiles(
        trx,
        id,
        [{ attachmentId: file.id, kind: 'problem_list' }],
        actor.userId,
        ctx.clock.now().toISOString(),
      );
    },
  );
}

/** The unit head submits: the text, a sealed scan, and for the summary 经验做法 and 建章立制. */
export async function submitSubmission(ctx: AppContext, actor: Actor, key: SubmissionKey, version: number) {
  const loaded = await loadSubmission(ctx, actor, key);
  const s = loaded.submission;
  assertAllowed(actor, key.unitId, 'submit', s?.status ?? 'not_started');
  if (!s || version !== s.version) throw versionConflict(s?.version ?? 0);
  const files = await repo.listFiles(ctx.db, s.id);
  const missing: string[] = [];
  if (!s.content.trim()) missing.push('报送内容');
  if (loaded.milestone.kind === 'summary') {
    if (!s.experience.trim()) missing.push('经验做法');
    if (!s.institutions.trim()) missing.push('建章立制情况');
  }
  if (!files.some((f) => f.kind === 'scan')) missing.push('加盖公章的扫描件（PDF或图片）');
  if (missing.length > 0)
    throw new AppError('unprocessable', `报送前请补充：${missing.join('；')}`, { missing });
  const at = ctx.clock.now().toISOString();
  const today = ctx.clock.today();
  const firstOn = s.first_submitted_on ?? today;
  const late =
    firstOn > (await campaignDeadlines(ctx.db, key.campaignId)).effective(loaded.milestone.dueDate);
  await write(ctx, actor, key, loaded, version, {
    action: 'submit',
    patch: {
      status: 'submitted',
      first_submitted_at: s.first_submitted_at ?? at,
      first_submitted_on: firstOn,
      submitted_at: at,
      submitted_on: today,
      submitted_by: actor.userId,
      return_reason: '',
    },
    detail: {
      late,
      dueDate: loaded.milestone.dueDate,
      submittedOn: today,
    },
    notice: {
      step: 'submit',
      late,
      resubmission: s.first_submitted_at !== null,
    },
  });
}

export async function decideSubmission(
  ctx: AppContext,
  actor: Actor,
  key: SubmissionKey,
  action: Extract<ReportAction, 'accept' | 'return' | 'unlock'>,
  input: { version: number; reason?: string },
) {
  const loaded = await loadSubmission(ctx, actor, key);
  assertAllowed(actor, key.unitId, action, loaded.submission?.status ?? 'not_started');
  const at = ctx.clock.now().toISOString();
  await write(ctx, actor, key, loaded, input.version, {
    action,
    patch: {
      status: statusAfter(action, 'submitted'),
      reviewed_at: at,
      reviewed_by: actor.userId,
      ...(action === 'accept' ? {} : { return_reason: input.reason ?? '' }),
    },
    detail: input.reason ? { reason: input.reason } : {},
    notice: { step: action, reason: input.reason },
  });
}
