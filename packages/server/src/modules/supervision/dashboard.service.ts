// The office dashboard: the ledger's own counts (tallies.repository.ts) by category and by unit, a
// weekly burn-down of open problems toward the rectification deadline with the ideal line, and
// monthly reporting timeliness per unit from the reports grid.
import { AppError, addDays, CATEGORIES, type Category, daysBetween } from '@paicha/core';
import type { Actor, AppContext } from '../../kernel/context.js';
import {
  findCampaign,
  listCheckItems,
  listMilestones,
  listPhases,
} from '../campaigns/campaigns.repository.js';
import { figuresOf, findingFiguresByUnit } from '../households/findings/findings.repository.js';
import { countProblems } from '../problems/tallies.repository.js';
import { reportGrid } from '../reports/timeliness.js';
import { listUnits } from '../units/units.repository.js';
import { earliest, latest } from './scorecard.rules.js';
import { cumulativeCounts } from './supervision.repository.js';
import { readRules } from './supervision.settings.js';

const rate = (x: number, of: number) => (of === 0 ? null : Math.round((x / of) * 1000) / 1000);

/** Sundays from the first on/after `start` to the first on/after `end` (weeks run Monday–Sunday). */
export function weekEnds(start: string, end: string): string[] {
  const dow = new Date(`${start}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  let w = addDays(start, (7 - dow) % 7);
  const out = [w];
  while (w < end) {
    w = addDays(w, 7);
    out.push(w);
  }
  return out;
}

export async function buildDashboard(ctx: AppContext, actor: Actor, campaignId: number) {
  const campaign = await findCampaign(ctx.db, campaignId);
  if (!campaign) throw new AppError('not_found', '工作活动不存在');
  const today = ctx.clock.today();
  const [byUnit, byItem, units, items, grid, milestones, phases, findings, rules] = await Promise.all([
    countProblems(ctx.db, { campaignId, groupBy: 'unit', today }),
    countProblems(ctx.db, { campaignId, groupBy: 'item', today }),
    listUnits(ctx.db),
    listCheckItems(ctx.db, campaignId),
    reportGrid(ctx, actor, campaignId),
    listMilestones(ctx.db, campaignId),
    listPhases(ctx.db, campaignId),
    findingFiguresByUnit(ctx.db, campaignId),
    readRules(ctx.db),
  ]);
  const figures = (rows: typeof byUnit) => {
    const found = rows.reduce((n, r) => n + r.found, 0);
    const closed = rows.reduce((n, r) => n + r.closed, 0);
    const overdue = rows.reduce((n, r) => n + r.overdue, 0);
    const awaitingReview = rows.reduce((n, r) => n + r.awaitingReview, 0);
    const pending = rows.reduce((n, r) => n + r.pending, 0);
    const inProgress = rows.reduce((n, r) => n + r.inProgress, 0);
    const returned = rows.reduce((n, r) => n + r.returned, 0);
    return {
      found,
      closed,
      overdue,
      awaitingReview,
      pending,
      inProgress,
      returned,
      open: found - closed,
      closureRate: rate(closed, found),
    };
  };
  const categoryOf = new Map(items.map((i) => [i.id, i.category as Category]));

  const rectificationDue = milestones.find((m) => m.kind === 'rectification')?.dueDate ?? campaign.end_date;
  const rectificationStart =
    phases.find((p) => p.endDate === rectificationDue)?.startDate ?? campaign.start_date;
  const trend = await burnDown(ctx, campaignId, {
    start: campaign.start_date,
    end: campaign.end_date,
    rectificationStart,
    rectificationDue,
    today,
  });

  return {
    today,
    campaign: { id: campaign.id, title: campaign.title },
    // A closure rate below the 通报 threshold (成效不明显) is shown as a warning, never as success.
    closureRateBelow: rules.thresholds.closureRateBelow,
    totals: figures(byUnit),
    // Only the groups the campaign's items use: an imported table may have none of them.
    categories: CATEGORIES.filter((c) => items.some((i) => i.category === c)).map((category) => ({
      category,
      ...figures(byItem.filter((r) => r.checkItemId !== null && categoryOf.get(r.checkItemId) === category)),
    })),
    units: units
      .filter((u) => u.kind !== 'office')
      .map((u) => ({
        unit: { id: u.id, name: u.name, kind: u.kind },
        ...figures(byUnit.filter((r) => r.unitId === u.id)),
      })),
    // Data work counted apart: a 数据比对 problem holds a street's findings of one rule.
    findings: {
      totals: figuresOf(findings),
      units: units
        .filter((u) => findings.some((f) => f.unitId === u.id))
        .map((u) => ({ unit: { id: u.id, name: u.name, kind: u.kind }, ...figuresOf(findings, u.id) })),
    },
    trend,
    timeliness: {
      periods: grid.periods.map((p) => ({ period: p.period, title: p.title, dueDate: p.dueDate })),
      units: grid.units
        .filter((u) => u.expected)
        .map((u) => ({
          unit: u.unit,
          expected: u.totals.expected,
          onTime: u.totals.onTime,
          late: u.totals.late,
          missing: u.totals.missing,
          timelinessRate: u.totals.timelinessRate,
        })),
      overall: grid.overall,
    },
  };
}

/**
 * Open problems (recorded − closed out) at the end of each week, from the campaign's start to the
 * rectification deadline (or to today / the campaign's end when later), and the ideal line.
 *
 * The ideal line counts problems added later: at each week's end w it is
 *   (found by w − closed before the rectification phase) × (days left until the due day ÷ the phase's days)
 * — everything recorded so far that the phase has to close, falling evenly to zero on the due
 * day. With no problem added during the phase it is the straight line from the problems open on
 * the phase's eve; a problem recorded later raises it by its share of the time still left (a
 * screening filing 200 problems mid-phase moves the target, instead of showing the office 200
 * "behind plan" at once). Weeks not yet begun use today's total.
 */
async function burnDown(
  ctx: AppContext,
  campaignId: number,
  d: { start: string; end: string; rectificationStart: string; rectificationDue: string; today: string },
) {
  const last = latest(d.rectificationDue, earliest(d.today, d.end));
  const weeks = weekEnds(d.start, last);
  const eve = addDays(d.rectificationStart, -1);
  const baselineDay = earliest(eve, d.today);
  const started = weeks.filter((w) => addDays(w, -6) <= d.today);
  const asOf = (w: string) => earliest(w, d.today);
  const counts = await cumulativeCounts(ctx.db, campaignId, [baselineDay, ...started.map(asOf)]);
  const [base, ...actual] = counts;
  const baseline = base ? base.found - base.closed : 0;
  const closedBefore = base?.closed ?? 0;
  const latestFound = actual.at(-1)?.found ?? base?.found ?? 0;
  const span = Math.max(1, daysBetween(eve, d.rectificationDue));
  return {
    rectificationStart: d.rectificationStart,
    rectificationDue: d.rectificationDue,
    baseline: { day: baselineDay, open: baseline },
    points: weeks.map((weekEnd, i) => {
      const c = actual[i];
      const t = daysBetween(eve, weekEnd) / span;
      const toClose = Math.max(0, (c?.found ?? latestFound) - closedBefore);
      return {
        weekEnd,
        asOf: c?.day ?? null,
        found: c?.found ?? null,
        closed: c?.closed ?? null,
        open: c ? c.found - c.closed : null,
        ideal: t < 0 ? null : Math.round(Math.max(0, toClose * (1 - t)) * 10) / 10,
      };
    }),
  };
}
