// 通报 drafts and issuing. A draft keeps the scorecard it was built from (the figures the office
// reviews) until the office refreshes them; issuing freezes the figures, dates the circular, and
// stores the .docx exactly as issued. Every write checks the version and appends its audit row in
// the same transaction.
import { createHash } from 'node:crypto';
import { AppError } from '@paicha/core';
import type { UpdateCircularBody } from '@paicha/core/api/supervision';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { may } from '../../http/access.js';
import type { Actor, AppContext } from '../../kernel/context.js';
import { appendAudit } from '../audit/audit.repository.js';
import { listMilestones } from '../campaigns/campaigns.repository.js';
import { withNotices, writeNotices } from '../notifications/notices.js';
import { circularIssued, type NamedUnit } from '../notifications/notices-reporting.js';
import { renderCircularDocx } from './circular.docx.js';
import {
  buildCircularDocument,
  defaultDeadline,
  defaultIntro,
  defaultRequirements,
  defaultTitle,
  oneLine,
} from './circular.text.js';
import * as repo from './circulars.repository.js';
import { buildScorecard, resolvePeriod, type Scorecard } from './scorecard.service.js';

const NOT_FOUND = '通报不存在';

function stale(): AppError {
  return new AppError('version_conflict', '通报已被他人修改或已签发，请刷新后再操作（您的修改未保存）');
}

/** Units see issued circulars only; a draft (district figures) answers them like a missing one. */
export async function loadCircular(ctx: AppContext, actor: Actor, id: number) {
  const row = await repo.findCircular(ctx.db, id);
  if (!row || (row.status !== 'issued' && !may(actor, 'view.district')))
    throw new AppError('not_found', NOT_FOUND);
  return row;
}

function documentOf(row: repo.CircularRow, today: string) {
  const figures = JSON.parse(row.figures) as Scorecard;
  return {
    figures,
    document: buildCircularDocument(figures, {
      title: row.title,
      docNumber: row.docNumber,
      intro: row.intro,
      requirements: row.requirements,
      deadline: row.deadline,
      // A draft carries the date it would be issued today.
      docDate: row.status === 'issued' ? row.docDate : today,
    }),
  };
}

export function presentCircular(ctx: AppContext, row: repo.CircularRow) {
  const { docx: _docx, figures: _f, updatedAt: _u, ...rest } = row;
  return { ...rest, ...documentOf(row, ctx.clock.today()) };
}

export async function createDraft(
  ctx: AppContext,
  actor: Actor,
  input: { campaignId: number; from?: string | undefined; to?: string | undefined },
) {
  const { campaign, today, from, to } = await resolvePeriod(ctx, input);
  const [figures, milestones] = await Promise.all([
    buildScorecard(ctx, actor, { campaignId: campaign.id, from, to }),
    listMilestones(ctx.db, campaign.id),
  ]);
  const rectificationDue = milestones.find((m) => m.kind === 'rectification')?.dueDate ?? campaign.end_date;
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const id = await repo.insertCircular(trx, {
      campaign_id: campaign.id,
      status: 'draft',
      version: 1,
      title: defaultTitle(campaign.title),
      doc_number: '',
      period_from: from,
      period_to: to,
      intro: defaultIntro(figures),
      requirements: defaultRequirements(rectificationDue, campaign.monthly_due_day, campaign.issuer),
      deadline: defaultDeadline(today),
      figures: JSON.stringify(figures),
      figures_at: at,
      doc_date: today,
      docx: null,
      docx_sha256: null,
      issued_at: null,
      issued_by: null,
      created_by: actor.userId,
      created_at: at,
      updated_by: actor.userId,
      updated_at: at,
    });
    await appendAudit(trx, ctx.dialect, {
      actorId: actor.userId,
      action: 'circular.create',
      entity: 'circular',
      entityId: id,
      detail: { campaignId: campaign.id, from, to },
      at,
    });
    return id;
  });
}

/** The office edits the draft's texts (title, 文号, intro, requirements, deadline). */
export async function updateDraft(ctx: AppContext, actor: Actor, id: number, input: UpdateCircularBody) {
  const row = await loadDraft(ctx, actor, id);
  const at = ctx.clock.now().toISOString();
  const patch = {
    ...(input.title === undefined ? {} : { title: input.title }),
    ...(input.docNumber === undefined ? {} : { doc_number: input.docNumber }),
    ...(input.intro === undefined ? {} : { intro: input.intro }),
    ...(input.requirements === undefined ? {} : { requirements: input.requirements }),
    ...(input.deadline === undefined ? {} : { deadline: input.deadline }),
  };
  await write(
    ctx,
    actor,
    row,
    input.version,
    'edit',
    { ...patch, updated_at: at, updated_by: actor.userId },
    {
      fields: Object.keys(patch),
    },
  );
}

/** Recomputes the draft's figures for its period from the ledger and reports as they are now. */
export async function refreshDraft(ctx: AppContext, actor: Actor, id: number, version: number) {
  const row = await loadDraft(ctx, actor, id);
  const figures = await buildScorecard(ctx, actor, {
    campaignId: row.campaignId,
    from: row.periodFrom,
    to: row.periodTo,
  });
  const at = ctx.clock.now().toISOString();
  await write(ctx, actor, row, version, 'refresh', {
    figures: JSON.stringify(figures),
    figures_at: at,
    updated_at: at,
    updated_by: actor.userId,
  });
}

/** Issues the draft: dated today, figures frozen, the .docx rendered once and kept. */
export async function issueCircular(ctx: AppContext, actor: Actor, id: number, version: number) {
  const row = await loadDraft(ctx, actor, id);
  if (!row.deadline) throw new AppError('validation_failed', '签发前请填写反馈时限');
  const today = ctx.clock.today();
  const issued = { ...row, status: 'issued' as const, docDate: today };
  const docx = await renderCircularDocx(documentOf(issued, today).document, { draft: false });
  const sha256 = createHash('sha256').update(docx).digest('hex');
  const at = ctx.clock.now().toISOString();
  const figures = JSON.parse(row.figures) as Scorecard;
  await write(
    ctx,
    actor,
    row,
    version,
    'issue',
    {
      status: 'issued',
      doc_date: today,
      docx: docx.toString('base64'),
      docx_sha256: sha256,
      issued_at: at,
      issued_by: actor.userId,
      updated_at: at,
      updated_by: actor.userId,
    },
    { sha256, docDate: today },
    (trx) =>
      writeNotices(
        trx,
        ctx,
        actor,
        circularIssued(
          {
            id: row.id,
            title: row.title,
            docNumber: row.docNumber,
            issuer: figures.campaign.issuer,
            deadline: row.deadline,
          },
          namedUnits(figures),
        ),
      ),
  );
}

/** Every unit the circular's ranking names, with the 通报批评 it receives. */
function namedUnits(figures: Scorecard): NamedUnit[] {
  return figures.units.map((u) => ({
    unitId: u.unit.id,
    rank: u.rank,
    score: u.score,
    criticisms: figures.groups.flatMap((g) =>
      g.units.filter((x) => x.unitId === u.unit.id).map((x) => ({ group: g.group, reason: x.reason })),
    ),
  }));
}

export async function deleteDraft(ctx: AppContext, actor: Actor, id: number, version: number) {
  const row = await loadDraft(ctx, actor, id);
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.deleteDraftAt(trx, id, version))) throw stale();
    await appendAudit(trx, ctx.dialect, {
      actorId: actor.userId,
      action: 'circular.delete',
      entity: 'circular',
      entityId: id,
      detail: { title: row.title, from: row.periodFrom, to: row.periodTo },
      at,
    });
  });
}

/** The .docx: as stored for an issued circular, rendered from the draft (marked 草稿) otherwise. */
export async function circularDocx(ctx: AppContext, actor: Actor, id: number) {
  const row = await loadCircular(ctx, actor, id);
  const date = row.status === 'issued' ? row.docDate : ctx.clock.today();
  const fileName = `${oneLine(row.title)}${row.status === 'draft' ? '（草稿）' : ''}_${date}.docx`;
  if (row.status === 'issued' && row.docx) return { fileName, body: Buffer.from(row.docx, 'base64') };
  const { document } = documentOf(row, ctx.clock.today());
  return { fileName, body: await renderCircularDocx(document, { draft: true }) };
}

async function loadDraft(ctx: AppContext, actor: Actor, id: number) {
  const row = await loadCircular(ctx, actor, id);
  if (row.status !== 'draft') throw new AppError('conflict', '通报已签发，不能再修改');
  return row;
}

async function write(
  ctx: AppContext,
  actor: Actor,
  row: repo.CircularRow,
  version: number,
  action: string,
  patch: Parameters<typeof repo.updateDraftAt>[3],
  detail: Record<string, unknown> = {},
  /** The hand-off's notices, written in the same transaction. */
  notify?: (trx: Transaction<DB>) => Promise<unknown>,
) {
  await withNotices(ctx, async (trx) => {
    if (!(await repo.updateDraftAt(trx, row.id, version, patch))) throw stale();
    await appendAudit(trx, ctx.dialect, {
      actorId: actor.userId,
      action: `circular.${action}`,
      entity: 'circular',
      entityId: row.id,
      detail: { version: version + 1, ...detail },
      at: String(patch.updated_at),
    });
    await notify?.(trx);
  });
}
