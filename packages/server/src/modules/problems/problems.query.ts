// Reading the ledger: the list (scoped to what the actor may see), one problem with its history
// and evidence, and counts.
import type { ListQuery } from '@paicha/core/api/problems';
import { scopedUnitId } from '../../http/access.js';
import type { Actor, AppContext } from '../../kernel/context.js';
import { loadCalendar } from '../calendar/deadlines.js';
import { resolveCampaignId } from '../campaigns/current-campaign.js';
import { listAttachmentsOf } from '../files/files.repository.js';
import { listEvents } from './problem-events.repository.js';
import { listProblems, type ProblemFilter } from './problem-list.repository.js';
import { loadVisibleProblem } from './problems.access.js';
import { presentProblem } from './problems.presenter.js';
import { resolveSearch } from './search.repository.js';

export async function scopedFilter(ctx: AppContext, actor: Actor, q: ListQuery): Promise<ProblemFilter> {
  const { sort: _s, order: _o, page: _p, pageSize: _ps, unit, campaignId, ...rest } = q;
  const unitId = scopedUnitId(actor, unit);
  const search = await resolveSearch(ctx.db, ctx.dialect, rest.q);
  return {
    ...rest,
    campaignId: await resolveCampaignId(ctx, actor, campaignId),
    today: ctx.clock.today(),
    ...(unitId === undefined ? {} : { unitId }),
    ...(search === undefined ? {} : { search }),
  };
}

export async function queryProblems(ctx: AppContext, actor: Actor, q: ListQuery) {
  const filter = await scopedFilter(ctx, actor, q);
  const calendar = await loadCalendar(ctx.db);
  const { rows, total, totalCapped } = await listProblems(
    ctx.db,
    filter,
    {
      sort: q.sort,
      order: q.order,
      offset: (q.page - 1) * q.pageSize,
      limit: q.pageSize,
    },
    ctx.dialect,
  );
  return {
    items: rows.map((r) => presentProblem(r, filter.today, calendar)),
    total,
    totalCapped,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function getProblemDetail(ctx: AppContext, actor: Actor, id: number) {
  const p = await loadVisibleProblem(ctx.db, actor, id);
  const events = await listEvents(ctx.db, id);
  const files = await listAttachmentsOf(
    ctx.db,
    'problem_event',
    events.map((e) => e.id),
  );
  return {
    problem: presentProblem(p, ctx.clock.today(), await loadCalendar(ctx.db)),
    events: events.map((e) => ({
      id: e.id,
      at: e.at,
      date: e.date,
      kind: e.kind,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      text: e.text,
      actor: e.actorUsername ? { name: e.actorName || e.actorUsername, unit: e.actorUnit ?? '' } : null,
      attachments: files
        .filter((f) => f.entityId === e.id)
        .map(({ id, name, size, mime, sha256, uploadedAt }) => ({
          id,
          name,
          size,
          mime,
          sha256,
          uploadedAt,
        })),
    })),
  };
}
