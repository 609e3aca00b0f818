// Filling the 月报表 model: one unit's report, or the office's consolidated table of every
// responsible unit's entries for one period. A submitted or accepted report is printed from the
// snapshot taken at its submission (reports/report-rows.ts).
import { AppError, formatChineseDate } from '@paicha/core';
import type { Actor, AppContext } from '../../kernel/context.js';
import { campaignDeadlines } from '../calendar/deadlines.js';
import { findCampaign, listCheckItems, listItemUnits } from '../campaigns/campaigns.repository.js';
import { loadReport, type ReportKey } from '../reports/report-load.js';
import { reportRows } from '../reports/report-rows.js';
import * as reports from '../reports/reports.repository.js';
import { reportingUnits } from '../reports/timeliness.js';
import { summarize, timelinessOf } from '../reports/workflow.js';
import { listUnits } from '../units/units.repository.js';
import { type CurrentItem, consolidatedRows, type SubmittedRow } from './consolidated-rows.js';
import { type MonthlyTable, mergeGroups, periodLabel } from './monthly-table.js';

async function campaignTexts(ctx: AppContext, campaignId: number) {
  const campaign = await findCampaign(ctx.db, campaignId);
  if (!campaign) throw new AppError('not_found', '工作活动不存在');
  return { title: campaign.report_title, footer: campaign.report_footer };
}

/** One unit's table: its assigned items in 序号 order, merged as the plan prints them. */
export async function unitMonthlyTable(
  ctx: AppContext,
  actor: Actor | null,
  key: ReportKey,
): Promise<MonthlyTable> {
  const loaded = await loadReport(ctx, actor, key);
  const [texts, { rows, meta }] = await Promise.all([
    campaignTexts(ctx, key.campaignId),
    reportRows(ctx, key, loaded),
  ]);
  const r = loaded.report;
  return {
    ...texts,
    unitName: loaded.unit.name,
    periodLabel: periodLabel(key.period),
    // The day it was (last) submitted; a draft printed for signing carries today's date.
    filledDate: formatChineseDate(r?.submitted_on ?? ctx.clock.today()),
    rows: rows.map((row) => ({
      seq: row.seq,
      itemKey: row.seq,
      // A submitted report prints its items as submitted, its merged cells included.
      groupKey: row.group.key,
      groupLabel: row.group.label,
      content: row.content,
      situation: row.situation,
      measures: row.measures,
      progress: row.progress,
      unitsText: row.unitsText,
    })),
    signature: r
      ? { filler: r.filler_name, reviewer: r.reviewer_name, phone: r.phone }
      : { filler: meta.fillerName, reviewer: meta.reviewerName, phone: meta.phone },
    summary: null,
    footer: texts.footer,
    consolidated: false,
  };
}

/** What a unit's sub-row says when the office has nothing from it to file. */
const NOT_IN = {
  not_started: '（未报送）',
  draft: '（未报送）',
  returned: '（已退回，待重新报送）',
} as const;

/**
 * The office's table: every item once, with one sub-row per responsible unit carrying that
 * unit's own entries (序号, 排查项目 and 排查内容 merged over them). Only reports the units have
 * submitted are filed, each as submitted (consolidated-rows.ts lays out rows of an older
 * structure); the others are marked as such.
 */
export async function consolidatedMonthlyTable(
  ctx: AppContext,
  campaignId: number,
  period: string,
): Promise<MonthlyTable> {
  const texts = await campaignTexts(ctx, campaignId);
  const milestone = (await reports.listMonthlyMilestones(ctx.db, campaignId)).find(
    (m) => m.period === period,
  );
  if (!milestone) throw new AppError('not_found', '该月份没有月报任务');
  const [items, links, list, units] = await Promise.all([
    listCheckItems(ctx.db, campaignId),
    listItemUnits(ctx.db, campaignId),
    reports.listReports(ctx.db, campaignId, { period }),
    listUnits(ctx.db),
  ]);
  const filed = list.filter((r) => r.status === 'submitted' || r.status === 'accepted');
  const reportOf = new Map(list.map((r) => [r.unitId, r]));
  const rows = consolidatedRows({
    items,
    owners: links,
    units,
    notFiled: (unitId) => {
      const status = reportOf.get(unitId)?.status ?? 'not_started';
      return status === 'submitted' || status === 'accepted' ? null : NOT_IN[status];
    },
    submitted: await submittedRows(ctx, filed, items),
  });
  const office = units.find((u) => u.kind === 'office');
  return {
    ...texts,
    unitName: office ? `${office.name}（汇总）` : '汇总',
    periodLabel: periodLabel(period),
    filledDate: formatChineseDate(ctx.clock.today()),
    rows,
    signature: { filler: '', reviewer: '', phone: '' },
    summary: await reportingSummary(ctx, campaignId, milestone.dueDate, list),
    footer: texts.footer,
    consolidated: true,
  };
}

/**
 * Each filed report's rows as submitted: its snapshot with the item texts it kept. A report
 * submitted before snapshots kept texts (or before snapshots existed) prints today's item.
 */
async function submittedRows(
  ctx: AppContext,
  filed: { id: number; unitId: number }[],
  items: readonly CurrentItem[],
): Promise<Map<number, SubmittedRow[]>> {
  const ids = filed.map((r) => r.id);
  const [live, snapshots] = await Promise.all([
    reports.listRowsOfReports(ctx.db, ids),
    reports.listSnapshotRows(ctx.db, ids),
  ]);
  const current = new Map(items.map((i) => [i.id, i]));
  const groups = mergeGroups(items);
  const asToday = (checkItemId: number) => {
    const i = current.get(checkItemId);
    if (!i) return null;
    const g = groups.get(i.seq) ?? { key: i.seq, label: i.subCategory };
    return { checkItemId, seq: i.seq, groupKey: g.key, groupLabel: g.label, content: i.content };
  };
  // As the unit's own view: a snapshot from before merge groups were kept takes today's.
  const groupOf = (seq: number, key: number | null, label: string | null, sub: string) => {
    const g = key !== null ? { key, label: label ?? sub } : (groups.get(seq) ?? { key: seq, label: sub });
    return { groupKey: g.key, groupLabel: g.label };
  };
  const out = new Map<number, SubmittedRow[]>();
  for (const r of filed) {
    const snap = snapshots.filter((s) => s.reportId === r.id);
    const texts = (s: { situation: string; measures: string; progress: string }) => ({
      situation: s.situation,
      measures: s.measures,
      progress: s.progress,
    });
    const rows =
      snap.length > 0
        ? snap.flatMap((s) => {
            const kept =
              s.itemSeq !== null
                ? {
                    checkItemId: s.checkItemId,
                    seq: s.itemSeq,
                    ...groupOf(s.itemSeq, s.groupSeq, s.groupLabel, s.subCategory ?? ''),
                    content: s.content ?? '',
                  }
                : asToday(s.checkItemId);
            return kept ? [{ ...kept, ...texts(s) }] : [];
          })
        : live.flatMap((l) => {
            const kept = l.reportId === r.id ? asToday(l.checkItemId) : null;
            return kept ? [{ ...kept, ...texts(l) }] : [];
          });
    out.set(r.unitId, rows);
  }
  return out;
}

/** 应报/已报/按时/逾期/未报 for the period, naming the units still missing. */
async function reportingSummary(
  ctx: AppContext,
  campaignId: number,
  dueDate: string,
  list: Awaited<ReturnType<typeof reports.listReports>>,
): Promise<string> {
  const today = ctx.clock.today();
  const { units, withItems } = await reportingUnits(ctx, campaignId);
  const effective = (await campaignDeadlines(ctx.db, campaignId)).effective(dueDate);
  const byUnit = new Map(list.map((r) => [r.unitId, r]));
  const cells = units.map((u) => ({
    name: u.name,
    t: timelinessOf({
      expected: withItems.has(u.id),
      firstSubmittedOn: byUnit.get(u.id)?.firstSubmittedOn ?? null,
      dueDate: effective,
      today,
    }),
  }));
  const s = summarize(cells.map((c) => c.t));
  const notYet = cells.filter((c) => c.t === 'missing' || c.t === 'pending').map((c) => c.name);
  const late = cells.filter((c) => c.t === 'late').map((c) => c.name);
  return (
    `报送情况：应报${s.expected}个单位，已报${s.submitted}个（按时${s.onTime}个，逾期${s.late}个）` +
    (late.length ? `；逾期报送：${late.join('、')}` : '') +
    (notYet.length ? `；未报送：${notYet.join('、')}` : '') +
    `。截止日期：${formatChineseDate(dueDate)}。`
  );
}
