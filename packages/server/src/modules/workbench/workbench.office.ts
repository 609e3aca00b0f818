// The office's 待办 (admin): the 待销号 queue, reports and submissions awaiting acceptance, units
// with overdue problems, household places not mapped to a street, and screening runs finished
// since the person last looked; and an inspector's own visits.
import { chinaToday } from '@paicha/core';
import type { ScreeningSummary } from '@paicha/core/api/screening';
import type { WorkbenchSection } from '@paicha/core/api/workbench';
import type { Actor, AppContext } from '../../kernel/context.js';
import { listAnsweringUnits } from '../units/units.repository.js';
import {
  openPlaces,
  ownVisits,
  reportsAwaitingReview,
  runsSince,
  seenAt,
  submissionsAwaitingReview,
  unitTodoCounts,
} from './workbench.repository.js';
import { ENTRY_LIMIT, problemSection, type WorkbenchScope } from './workbench.unit.js';

/** An instant as the China date it fell on. */
const dayOf = (at: string | null) => (at === null ? null : chinaToday(new Date(at)));

export function reviewQueue(ctx: AppContext, actor: Actor, s: WorkbenchScope) {
  return problemSection(
    ctx,
    actor,
    s,
    { key: 'review_queue', title: '待销号', hint: '责任单位已提交整改佐证、等待审核销号的问题' },
    { status: ['awaiting_review'], sort: 'updatedAt', order: 'asc' },
    (p) => `${p.unit.name} · 第${p.checkItem}项 ${p.subCategory}`,
  );
}

export async function reviewSections(ctx: AppContext, s: WorkbenchScope): Promise<WorkbenchSection[]> {
  const [reports, subs] = await Promise.all([
    reportsAwaitingReview(ctx.db, s.campaignId, ENTRY_LIMIT),
    submissionsAwaitingReview(ctx.db, s.campaignId, ENTRY_LIMIT),
  ]);
  const entry = (
    r: { unitName: string; title: string; submittedOn: string | null },
    key: string,
    link: string,
  ) => ({
    key,
    title: `${r.unitName} ${r.title}`,
    detail: '已报送，待审核',
    date: r.submittedOn,
    dateLabel: '报送日期',
    tag: '待审核',
    urgent: false,
    link,
  });
  return [
    {
      key: 'reports_review',
      title: '待审核的月报',
      hint: '各单位已报送、等待办公室审核通过或退回的月报',
      count: reports.count,
      link: '/reports',
      entries: reports.rows.map((r) => entry(r, String(r.id), `/reports/${r.period}/${r.unitId}`)),
    },
    {
      key: 'submissions_review',
      title: '待审核的节点材料',
      hint: '各单位已报送、等待办公室审核通过或退回的节点材料',
      count: subs.count,
      link: '/submissions',
      entries: subs.rows.map((r) => entry(r, String(r.id), `/submissions/${r.milestoneId}/${r.unitId}`)),
    },
  ];
}

/** Units holding overdue problems, most first (sums over the tallies). */
export async function overdueUnits(ctx: AppContext, s: WorkbenchScope): Promise<WorkbenchSection> {
  const [counts, units] = await Promise.all([unitTodoCounts(ctx.db, s), listAnsweringUnits(ctx.db)]);
  const nameOf = new Map(units.map((u) => [u.id, u.name]));
  const late = counts
    .filter((c) => c.overdue > 0)
    .sort((a, b) => b.overdue - a.overdue || a.unitId - b.unitId);
  return {
    key: 'overdue_units',
    title: '有逾期问题的单位',
    hint: '整改时限已过、尚未销号的问题所在单位及个数',
    count: late.length,
    link: '/problems?view=byUnit',
    entries: late.slice(0, ENTRY_LIMIT).map((c) => ({
      key: String(c.unitId),
      title: nameOf.get(c.unitId) ?? `单位 ${c.unitId}`,
      detail: `逾期问题 ${c.overdue} 个`,
      date: null,
      dateLabel: '',
      tag: `逾期 ${c.overdue}`,
      urgent: true,
      link: `/problems?unit=${c.unitId}&overdue=1&sort=deadline&order=asc`,
    })),
  };
}

export async function householdSections(
  ctx: AppContext,
  actor: Actor,
  s: WorkbenchScope,
): Promise<WorkbenchSection[]> {
  const seen = await seenAt(ctx.db, actor.userId, 'screening');
  const [places, runs] = await Promise.all([
    openPlaces(ctx.db, ENTRY_LIMIT),
    runsSince(ctx.db, s.campaignId, seen, ENTRY_LIMIT),
  ]);
  // Never looked: only the latest run is news, not the campaign's whole history.
  const newRuns = seen === null ? Math.min(runs.count, 1) : runs.count;
  return [
    {
      key: 'places',
      title: '待匹配地名',
      hint: '户籍数据中尚未对应到街道的乡镇（街道）名称，匹配后其筛查结果才能分到街道',
      count: places.count,
      link: '/households/places',
      entries: places.rows.map((p) => ({
        key: String(p.id),
        title: p.name,
        detail: `涉及 ${p.households} 户`,
        date: dayOf(p.lastSeenAt),
        dateLabel: '最近导入',
        tag: '待匹配',
        urgent: false,
        link: '/households/places',
      })),
    },
    {
      key: 'screening',
      title: '新的筛查结果',
      hint: '您上次查看筛查结果之后完成的数据比对',
      count: newRuns,
      link: '/households',
      entries: runs.rows.slice(0, newRuns).map((r) => {
        const sum = JSON.parse(r.summary) as Partial<ScreeningSummary>;
        return {
          key: String(r.id),
          title: `第 ${r.id} 次数据比对`,
          detail: `发现疑点 ${sum.findings ?? 0} 条，其中新增 ${sum.new ?? 0} 条，已消除 ${sum.resolved ?? 0} 条`,
          date: dayOf(r.finishedAt),
          dateLabel: '完成',
          tag: '新结果',
          urgent: false,
          link: '/households',
        };
      }),
    },
  ];
}

export async function visitSection(
  ctx: AppContext,
  actor: Actor,
  s: WorkbenchScope,
): Promise<WorkbenchSection> {
  const visits = await ownVisits(ctx.db, s.campaignId, actor.userId, ENTRY_LIMIT);
  return {
    key: 'visits',
    title: '我的明察暗访',
    hint: '您登记的明察暗访记录及其发现转成的问题',
    count: visits.count,
    link: '/inspections',
    entries: visits.rows.map((v) => ({
      key: String(v.id),
      title: `${v.unitName} ${v.visitType}${v.place ? ` · ${v.place}` : ''}`,
      detail: Number(v.problems ?? 0) > 0 ? `已交办问题 ${Number(v.problems)} 个` : '尚未交办问题',
      date: v.visitDate,
      dateLabel: '走访日期',
      tag: v.visitType,
      urgent: false,
      link: `/inspections/${v.id}`,
    })),
  };
}
