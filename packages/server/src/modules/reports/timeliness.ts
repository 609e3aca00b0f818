// Completeness and timeliness, as DHIS2 reports them: per period, which units were expected to
// report, which did (on time or late), which are missing, and the district's rates.
import { AppError } from '@paicha/core';
import { scopedUnitId } from '../../http/access.js';
import type { Actor, AppContext } from '../../kernel/context.js';
import { campaignDeadlines } from '../calendar/deadlines.js';
import { findCampaign } from '../campaigns/campaigns.repository.js';
import { listUnits, type UnitRow } from '../units/units.repository.js';
import * as repo from './reports.repository.js';
import { summarize, type Timeliness, timelinessOf, type ViewStatus } from './workflow.js';

/** A unit is expected to report when it has items in the campaign; the office only if it has some. */
export async function reportingUnits(ctx: AppContext, campaignId: number, onlyUnitId?: number) {
  const [units, withItems] = await Promise.all([
    listUnits(ctx.db),
    repo.unitIdsWithItems(ctx.db, campaignId),
  ]);
  const visible = units.filter(
    (u) => (u.kind !== 'office' || withItems.has(u.id)) && (onlyUnitId === undefined || u.id === onlyUnitId),
  );
  return { units: visible, withItems };
}

export interface GridSubmission {
  unitId: number;
  key: string;
  status: ViewStatus;
  firstSubmittedOn: string | null;
  firstSubmittedAt: string | null;
  submittedAt: string | null;
}

/**
 * A units × columns grid (columns = periods or milestones). The due day itself is on time: a
 * report counts as late only when first submitted on a later China date.
 */
export function buildGrid<C extends { key: string; dueDate: string }>(opts: {
  today: string;
  columns: C[];
  units: UnitRow[];
  withItems: Set<number>;
  submissions: GridSubmission[];
}) {
  const byKey = new Map(opts.submissions.map((s) => [`${s.unitId}|${s.key}`, s]));
  const units = opts.units.map((unit) => {
    const cells = opts.columns.map((col) => {
      const s = byKey.get(`${unit.id}|${col.key}`);
      const expected = opts.withItems.has(unit.id) || !!s?.firstSubmittedOn;
      const timeliness = timelinessOf({
        expected,
        firstSubmittedOn: s?.firstSubmittedOn ?? null,
        dueDate: col.dueDate,
        today: opts.today,
      });
      return {
        key: col.key,
        status: s?.status ?? ('not_started' as ViewStatus),
        timeliness,
        firstSubmittedAt: s?.firstSubmittedAt ?? null,
        submittedAt: s?.submittedAt ?? null,
      };
    });
    return {
      unit: { id: unit.id, name: unit.name, kind: unit.kind },
      expected: opts.withItems.has(unit.id),
      cells,
      // A unit's own rates cover what is due (or already in): months still open don't drag them down.
      totals: summarize(cells.map((c) => c.timeliness).filter((x) => x !== 'pending')),
    };
  });
  const column = (i: number): Timeliness[] => units.map((u) => u.cells[i]?.timeliness ?? 'not_expected');
  const totals = opts.columns.map((col, i) => ({ key: col.key, ...summarize(column(i)) }));
  // Overall rates, like a unit's, cover what is due or already in.
  const settled = units.flatMap((u) => u.cells.map((c) => c.timeliness)).filter((x) => x !== 'pending');
  return { units, totals, overall: summarize(settled) };
}

export async function reportGrid(ctx: AppContext, actor: Actor, campaignId: number) {
  if (!(await findCampaign(ctx.db, campaignId))) throw new AppError('not_found', '工作活动不存在');
  const today = ctx.clock.today();
  const own = scopedUnitId(actor);
  const [milestones, { units, withItems }, reports, deadlines] = await Promise.all([
    repo.listMonthlyMilestones(ctx.db, campaignId),
    reportingUnits(ctx, campaignId, own),
    repo.listReports(ctx.db, campaignId, own === undefined ? {} : { unitId: own }),
    campaignDeadlines(ctx.db, campaignId),
  ]);
  // Timeliness is judged against the date that counts (a Saturday's due day moved to Monday).
  const grid = buildGrid({
    today,
    columns: milestones.map((m) => ({ ...m, key: m.period, dueDate: deadlines.effective(m.dueDate) })),
    units,
    withItems,
    submissions: reports.map((r) => ({ ...r, key: r.period })),
  });
  return {
    today,
    periods: milestones.map((m) => ({
      period: m.period,
      milestoneId: m.id,
      title: m.title,
      dueDate: m.dueDate,
      deadline: deadlines.info(m.dueDate),
    })),
    units: grid.units.map((u) => ({ ...u, cells: u.cells.map(({ key, ...c }) => ({ period: key, ...c })) })),
    totals: grid.totals.map(({ key, ...t }) => ({ period: key, ...t })),
    overall: grid.overall,
  };
}
