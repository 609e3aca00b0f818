// 入户核实 on a phone. A visit arrives when the phone has a connection — maybe hours after it was
// recorded, maybe twice when an answer was lost — and becomes, in one transaction, the visit row,
// the verdict on each finding (a state change where the verdict changes something), its photos
// (uploads claimed by the visit) and the audit row. The phone's own id for the visit makes a
// second arrival return the first one instead of recording twice.
import { AppError, type FindingVerification, maskName, nextVerification, visitAction } from '@paicha/core';
import type { Visit, VisitInput, VisitQueue, VisitQueueQuery } from '@paicha/core/api/verification';
import { assertMay, assertUnitVisible, scopedUnitId } from '../../../http/access.js';
import type { Actor, AppContext } from '../../../kernel/context.js';
import { appendAudit } from '../../audit/audit.repository.js';
import { resolveCampaignId } from '../../campaigns/current-campaign.js';
import { listAttachmentsOf } from '../../files/files.repository.js';
import { linkAttachments } from '../../files/files.service.js';
import { isUniqueViolation, versionConflict } from '../../reports/workflow.js';
import { insertFindingEvents, setVerification } from './verification.repository.js';
import {
  householdFindings,
  insertVisit,
  queueExtras,
  visitByClientId,
  visitQueuePage,
  visitsOf,
  visitVerdicts,
} from './visits.repository.js';

/** Households of the actor's street (every street for the office) with findings to check. */
export async function visitQueue(ctx: AppContext, actor: Actor, q: VisitQueueQuery): Promise<VisitQueue> {
  const campaignId = await resolveCampaignId(ctx, actor);
  const { rows, total } = await visitQueuePage(ctx.db, {
    campaignId,
    unitId: scopedUnitId(actor),
    q: q.q,
    page: q.page,
    pageSize: q.pageSize,
  });
  const ids = rows.map((r) => r.householdId as string);
  const extras = await queueExtras(ctx.db, campaignId, ids);
  return {
    items: rows.map((r) => ({
      householdId: r.householdId as string,
      township: r.township ?? '',
      village: r.village ?? '',
      name: r.name === null ? null : maskName(r.name),
      openFindings: Number(r.openFindings),
      pending: Number(r.pending),
      deadline: r.deadline,
      assignees: extras.assignees
        .filter((a) => a.householdId === r.householdId)
        .map((a) => ({ name: a.name, phone: a.phone })),
      lastVisitAt: extras.visits.find((v) => v.householdId === r.householdId)?.at ?? null,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/**
 * The household's findings the actor sees, in the newest campaign that has any for it (a visit
 * belongs to the campaign of the findings it checks); none in reach is "not found".
 */
async function reachableFindings(ctx: AppContext, actor: Actor, householdId: string) {
  const unitId = scopedUnitId(actor);
  const mine = await householdFindings(ctx.db, householdId, unitId);
  const campaignId = Math.max(...mine.map((f) => f.campaignId));
  const findings = mine.filter((f) => f.campaignId === campaignId);
  const first = findings[0];
  if (!first) throw new AppError('not_found', '户不存在');
  assertUnitVisible(actor, first.unitId, '户');
  return { campaignId, findings };
}

async function presentVisits(
  ctx: AppContext,
  campaignId: number,
  f: { householdId?: string; ids?: number[] },
) {
  const visits = await visitsOf(ctx.db, { campaignId, ...f });
  const ids = visits.map((v) => v.id);
  const [verdicts, photos] = await Promise.all([
    visitVerdicts(ctx.db, ids),
    listAttachmentsOf(ctx.db, 'finding_visit', ids),
  ]);
  return visits.map(
    (v): Visit => ({
      id: v.id,
      clientId: v.clientId,
      householdId: v.householdId,
      note: v.note,
      visitorName: v.visitorName,
      recordedBy: v.recordedBy,
      recordedAt: v.recordedAt,
      receivedAt: v.receivedAt,
      location:
        v.latitude === null || v.longitude === null
          ? null
          : {
              latitude: Number(v.latitude),
              longitude: Number(v.longitude),
              accuracy: v.accuracy === null ? null : Number(v.accuracy),
            },
      results: verdicts
        .filter((e) => e.visitId === v.id)
        .map((e) => ({
          findingId: e.findingId,
          result: e.action === 'dispute' ? ('disputed' as const) : ('confirmed' as const),
          note: e.note,
          to: e.to,
          changed: e.from !== e.to,
        })),
      photos: photos
        .filter((p) => p.entityId === v.id)
        .map((p) => ({
          id: p.id,
          name: p.name,
          size: p.size,
          mime: p.mime,
          sha256: p.sha256,
          uploadedAt: p.uploadedAt,
        })),
    }),
  );
}

/** A household's visits for its card (the street's own, every street's for the office). */
export async function householdVisits(ctx: AppContext, actor: Actor, householdId: string) {
  const { campaignId } = await reachableFindings(ctx, actor, householdId);
  return { items: await presentVisits(ctx, campaignId, { householdId }) };
}

async function existingVisit(
  ctx: AppContext,
  actor: Actor,
  campaignId: number,
  clientId: string,
  householdId: string,
) {
  const v = await visitByClientId(ctx.db, clientId);
  if (!v) return null;
  // Another user's id, or another household's, cannot be used to read a visit: it is simply taken.
  if (v.recordedBy !== actor.userId || v.householdId !== householdId)
    throw new AppError('conflict', '该核实记录编号已被使用，请重新记录');
  const [shown] = await presentVisits(ctx, campaignId, { ids: [v.id] });
  return shown ?? null;
}

/** Records a visit once; the same phone id again answers the visit already recorded. */
export async function recordVisit(
  ctx: AppContext,
  actor: Actor,
  householdId: string,
  body: VisitInput,
): Promise<Visit> {
  assertMay(actor, 'finding.verify');
  const { campaignId, findings } = await reachableFindings(ctx, actor, householdId);
  const again = await existingVisit(ctx, actor, campaignId, body.clientId, householdId);
  if (again) return again;
  const unitId = findings[0]?.unitId as number;
  const byId = new Map(findings.map((f) => [f.id, f]));
  if (new Set(body.results.map((r) => r.findingId)).size !== body.results.length)
    throw new AppError('validation_failed', '同一问题线索只能填写一个核实结果');
  for (const r of body.results)
    if (!byId.has(r.findingId)) throw new AppError('unprocessable', '核实结果中有不属于该户的问题线索');
  const at = ctx.clock.now().toISOString();
  try {
    const id = await ctx.db.transaction().execute(async (trx) => {
      const visitId = await insertVisit(trx, {
        client_id: body.clientId,
        campaign_id: campaignId,
        unit_id: unitId,
        household_id: householdId,
        note: body.note,
        visitor_name: body.visitorName,
        recorded_at: new Date(body.recordedAt).toISOString(),
        received_at: at,
        latitude: body.location?.latitude ?? null,
        longitude: body.location?.longitude ?? null,
        accuracy: body.location?.accuracy ?? null,
        recorded_by: actor.userId,
      });
      const events = [];
      for (const r of body.results) {
        const f = byId.get(r.findingId) as (typeof findings)[number];
        const from = f.verification as FindingVerification;
        // A finding screening has cleared keeps its state: the visit's words are still kept.
        const action = f.resolvedAt === null ? visitAction(from, r.result) : null;
        const to = action === null ? from : (nextVerification(from, action) as FindingVerification);
        if (
          action !== null &&
          !(await setVerification(trx, f.id, Number(f.version), { to, note: r.note, at }))
        )
          throw versionConflict();
        events.push({
          finding_id: f.id,
          action: r.result === 'disputed' ? ('dispute' as const) : ('confirm' as const),
          from_state: from,
          to_state: to,
          note: r.note,
          visit_id: visitId,
          actor_id: actor.userId,
          at,
        });
      }
      await insertFindingEvents(trx, events);
      await linkAttachments(trx, actor, body.attachmentIds, 'finding_visit', visitId);
      await appendAudit(trx, ctx.dialect, {
        actorId: actor.userId,
        action: 'finding.visit',
        entity: 'finding_visit',
        entityId: visitId,
        detail: {
          householdId,
          clientId: body.clientId,
          recordedAt: body.recordedAt,
          results: events.map((e) => ({ findingId: e.finding_id, from: e.from_state, to: e.to_state })),
          attachmentIds: body.attachmentIds,
        },
        at,
      });
      return visitId;
    });
    const [shown] = await presentVisits(ctx, campaignId, { ids: [id] });
    return shown as Visit;
  } catch (err) {
    // The same visit arriving twice at once: the second insert meets the first's id.
    if (isUniqueViolation(err)) {
      const first = await existingVisit(ctx, actor, campaignId, body.clientId, householdId);
      if (first) return first;
    }
    throw err;
  }
}
