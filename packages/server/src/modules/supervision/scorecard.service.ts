// The unit scorecard over a period: reporting timeliness from the report and submission grids
// (reused, not re-derived), problem counts as the ledger stood at the period's end, 退回 in the
// period; then the composite score, the ranking and the 通报 headings (scorecard.rules.ts).
import { AppError, CATEGORIES, type Category, CRITICISM_GROUPS } from '@paicha/core';
import type { Actor, AppContext } from '../../kernel/context.js';
import { findCampaign, listCheckItems } from '../campaigns/campaigns.repository.js';
import { figuresOf, findingFiguresByUnit } from '../households/findings/findings.repository.js';
import { reportGrid } from '../reports/timeliness.js';
import { summarize, type Timeliness } from '../reports/workflow.js';
import { submissionGrid } from '../submissions/submissions.view.js';
import { listUnits } from '../units/units.repository.js';
import {
  compositeScore,
  earliest,
  FIGURE_KEYS,
  type GroupHit,
  groupsOf,
  rank,
  ratesOf,
  thresholdTexts,
  type UnitFigures,
  ZERO_FIGURES,
} from './scorecard.rules.js';
import { eventCounts, problemCountsAsOf } from './supervision.repository.js';
import { readRules } from './supervision.settings.js';

export interface ScorecardQuery {
  campaignId: number;
  from?: string | undefined;
  to?: string | undefined;
}

interface Tally {
  expected: number;
  onTime: number;
  late: number;
  missing: number;
}

const tally = (cells: Timeliness[]): Tally => {
  const s = summarize(cells.filter((c) => c !== 'pending'));
  return { expected: s.expected, onTime: s.onTime, late: s.late, missing: s.missing };
};

/** The campaign and the period a request means: defaults are the campaign's start and today. */
export async function resolvePeriod(ctx: AppContext, q: ScorecardQuery) {
  const campaign = await findCampaign(ctx.db, q.campaignId);
  if (!campaign) throw new AppError('not_found', '工作活动不存在');
  const today = ctx.clock.today();
  const from = q.from ?? campaign.start_date;
  const to = q.to ?? earliest(today, campaign.end_date);
  if (from > to) throw new AppError('validation_failed', '统计起始日期不能晚于截止日期');
  return { campaign, today, from, to, asOf: earliest(to, today) };
}

export async function buildScorecard(ctx: AppContext, actor: Actor, q: ScorecardQuery) {
  const { campaign, today, from, to, asOf } = await resolvePeriod(ctx, q);
  const inPeriod = (due: string) => due >= from && due <= to;
  const [rules, monthly, milestones, units, counts, events, items, findings] = await Promise.all([
    readRules(ctx.db),
    reportGrid(ctx, actor, campaign.id),
    submissionGrid(ctx, actor, campaign.id),
    listUnits(ctx.db),
    problemCountsAsOf(ctx.db, campaign.id, asOf),
    eventCounts(ctx.db, campaign.id, from, to),
    listCheckItems(ctx.db, campaign.id),
    findingFiguresByUnit(ctx.db, campaign.id),
  ]);
  const monthlyDue = monthly.periods.map((p) => inPeriod(p.dueDate));
  const milestoneDue = milestones.milestones.map((m) => inPeriod(m.dueDate));

  const rows = units
    .filter((u) => u.kind !== 'office')
    .map((unit) => {
      const m = monthly.units.find((x) => x.unit.id === unit.id);
      const s = milestones.units.find((x) => x.unit.id === unit.id);
      const mt = tally((m?.cells ?? []).filter((_, i) => monthlyDue[i]).map((c) => c.timeliness));
      const st = tally((s?.cells ?? []).filter((_, i) => milestoneDue[i]).map((c) => c.timeliness));
      const own = counts.filter((c) => c.unitId === unit.id);
      const ev = events.find((e) => e.unitId === unit.id);
      const figures: UnitFigures = {
        expected: mt.expected + st.expected,
        onTime: mt.onTime + st.onTime,
        late: mt.late + st.late,
        missing: mt.missing + st.missing,
        found: sum(own, 'found'),
        closed: sum(own, 'closed'),
        overdue: sum(own, 'overdue'),
        returnedProblems: ev?.returnedProblems ?? 0,
        returnedReports: ev?.returnedReports ?? 0,
        submitted: ev?.submitted ?? 0,
      };
      const rates = ratesOf(figures);
      return {
        unit: { id: unit.id, name: unit.name, kind: unit.kind },
        figures,
        monthly: mt,
        milestones: st,
        rates,
        score: compositeScore(rates, rules.weights),
        groups: groupsOf(figures, rules.thresholds),
        // Its 数据比对 findings, apart from the problems the score counts.
        findings: figuresOf(findings, unit.id),
      };
    });
  const ranks = rank(rows.map((r) => r.score));
  const ranked = rows
    .map((r, i) => ({ ...r, rank: ranks[i] ?? null }))
    .sort((a, b) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER));

  const totalFigures = { ...ZERO_FIGURES };
  for (const r of rows) for (const k of FIGURE_KEYS) totalFigures[k] += r.figures[k];
  const categoryOf = new Map(items.map((i) => [i.id, i.category as Category]));
  const texts = thresholdTexts(rules.thresholds);
  return {
    campaign: {
      id: campaign.id,
      title: campaign.title,
      issuer: campaign.issuer,
      basisDocuments: JSON.parse(campaign.basis_documents) as { title: string; docNumber: string }[],
    },
    period: { from, to, asOf, today },
    rules,
    reportsDue: [
      ...monthly.periods.filter((_, i) => monthlyDue[i]).map((p) => ({ title: p.title, dueDate: p.dueDate })),
      ...milestones.milestones
        .filter((_, i) => milestoneDue[i])
        .map((m) => ({ title: m.title, dueDate: m.dueDate })),
    ].sort((a, b) => a.dueDate.localeCompare(b.dueDate)),
    units: ranked,
    totals: { figures: totalFigures, rates: ratesOf(totalFigures), findings: figuresOf(findings) },
    // Only the groups the campaign's items use: an imported table may have none of them.
    categories: CATEGORIES.filter((c) => items.some((i) => i.category === c)).map((category) => {
      const of = counts.filter((c) => categoryOf.get(c.checkItemId) === category);
      return { category, found: sum(of, 'found'), closed: sum(of, 'closed'), overdue: sum(of, 'overdue') };
    }),
    groups: CRITICISM_GROUPS.map((group) => ({
      group,
      criterion: texts[group],
      // Named in the office's unit order, as a circular lists units.
      units: rows.flatMap((r) =>
        r.groups
          .filter((g: GroupHit) => g.group === group)
          .map((g) => ({ unitId: r.unit.id, name: r.unit.name, reason: g.reason })),
      ),
    })),
  };
}

export type Scorecard = Awaited<ReturnType<typeof buildScorecard>>;

function sum<T extends Record<K, number>, K extends string>(rows: readonly T[], key: K): number {
  return rows.reduce((n, r) => n + r[key], 0);
}
