// A unit's 待办 (reporter, unit_head): its returned, overdue and soon-due problems, the monthly
// reports and milestone submissions waiting for the person's step, 通报 naming the unit, and
// unread notices. Everything is read for the actor's own unit only (the access policy's scope).
import { NOTIFICATION_KIND_LABELS, type NotificationKind } from '@paicha/core';
import type { DeadlineInfo } from '@paicha/core/api/calendar';
import type { ListQuery } from '@paicha/core/api/problems';
import type { WorkbenchEntry, WorkbenchSection } from '@paicha/core/api/workbench';
import type { Actor, AppContext } from '../../kernel/context.js';
import { campaignDeadlines } from '../calendar/deadlines.js';
import { countUnread, listForUnit } from '../notifications/notifications.repository.js';
import { queryProblems } from '../problems/problems.query.js';
import { unitIdsWithItems } from '../reports/reports.repository.js';
import type { Scorecard } from '../supervision/scorecard.service.js';
import { issuedCirculars, UNIT_TURN, unitReports, unitSubmissions } from './workbench.repository.js';

export const ENTRY_LIMIT = 5;
/** Notices asking the unit to act now, not merely telling it something. */
const PRESSING = new Set(['missed', 'urge', 'returned', 'reopened']);

export interface WorkbenchScope {
  campaignId: number;
  today: string;
  /** The last day counted as "due soon". */
  dueBy: string;
}

/** A unit clerk's workbench: the one unit the access policy's scope gives them (`scopeOf`). */
export interface UnitWorkbenchScope extends WorkbenchScope {
  unitId: number;
}

type Problem = Awaited<ReturnType<typeof queryProblems>>['items'][number];

const clip = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** A problem as an entry: tagged with its status (逾期 in the overdue list), red when overdue. */
export function problemEntry(p: Problem, detail: string, overdueList: boolean): WorkbenchEntry {
  return {
    key: String(p.id),
    title: clip(p.description),
    detail,
    date: p.deadline,
    dateLabel: '整改时限',
    deadline: p.deadlineInfo,
    tag: overdueList ? '逾期' : p.statusLabel,
    urgent: p.overdue,
    link: `/problems/${p.id}`,
  };
}

/** A section of problems: the ledger's own list (an index, its total from the tallies). */
export async function problemSection(
  ctx: AppContext,
  actor: Actor,
  s: WorkbenchScope,
  section: Pick<WorkbenchSection, 'key' | 'title' | 'hint'>,
  filter: Partial<ListQuery> & Pick<ListQuery, 'sort' | 'order'>,
  detail: (p: Problem) => string,
): Promise<WorkbenchSection> {
  const list = await queryProblems(ctx, actor, {
    campaignId: s.campaignId,
    page: 1,
    pageSize: ENTRY_LIMIT,
    ...filter,
  });
  const link = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) link.set(k, Array.isArray(v) ? v.join(',') : String(v));
  return {
    ...section,
    count: list.total,
    link: `/problems?${link.toString()}`,
    entries: list.items.map((p) => problemEntry(p, detail(p), filter.overdue === '1')),
  };
}

const itemOf = (p: Problem) => `第${p.checkItem}项 ${p.subCategory}`;

export async function unitProblemSections(ctx: AppContext, actor: Actor, s: WorkbenchScope, days: number) {
  return Promise.all([
    problemSection(
      ctx,
      actor,
      s,
      { key: 'returned', title: '被退回的问题', hint: '领导小组办公室退回销号申请，需补充整改后重新提交' },
      { status: ['returned'], sort: 'updatedAt', order: 'desc' },
      (p) => (p.returnReason ? `退回意见：${p.returnReason}` : itemOf(p)),
    ),
    problemSection(
      ctx,
      actor,
      s,
      { key: 'overdue', title: '逾期问题', hint: '整改时限已过、尚未销号的问题' },
      { overdue: '1', sort: 'deadline', order: 'asc' },
      itemOf,
    ),
    problemSection(
      ctx,
      actor,
      s,
      { key: 'due_soon', title: `${days}天内到期`, hint: `整改时限在今后${days}天内、仍待本单位整改的问题` },
      { status: [...UNIT_TURN], deadlineFrom: s.today, deadlineTo: s.dueBy, sort: 'deadline', order: 'asc' },
      itemOf,
    ),
  ]);
}

type Step = {
  status: string | null;
  dueDate: string;
  returnReason: string | null;
  deadline?: DeadlineInfo;
};

/**
 * Whether a report or submission waits for this person: the head submits what has been filled
 * (draft) or corrected (returned); the reporter fills what is due soon or past due and not yet
 * submitted, and corrects what came back.
 */
function waitsFor(actor: Actor, r: Step, dueBy: string): boolean {
  if (r.status === 'draft' || r.status === 'returned') return true;
  return actor.role === 'reporter' && r.status === null && r.dueDate <= dueBy;
}

function stepEntry(actor: Actor, r: Step, today: string, key: string, title: string, link: string) {
  const detail =
    r.status === 'returned'
      ? `退回意见：${r.returnReason ?? ''}`
      : r.status === 'draft'
        ? actor.role === 'unit_head'
          ? '填报人已保存，待您审核报送'
          : '已保存草稿，待本单位负责人审核报送'
        : '尚未填报';
  const tag = r.status === 'returned' ? '已退回' : r.status === 'draft' ? '草稿' : '未填报';
  return {
    key,
    title,
    detail,
    date: r.dueDate,
    dateLabel: '报送截止',
    deadline: r.deadline ?? null,
    tag,
    urgent: r.dueDate < today,
    link,
  };
}

export async function unitStepSections(ctx: AppContext, actor: Actor, s: UnitWorkbenchScope) {
  const unitId = s.unitId;
  const [expected, reportRows, submissionRows, deadlines] = await Promise.all([
    unitIdsWithItems(ctx.db, s.campaignId),
    unitReports(ctx.db, s.campaignId, unitId),
    unitSubmissions(ctx.db, s.campaignId, unitId),
    campaignDeadlines(ctx.db, s.campaignId),
  ]);
  // Due, urgent and shown by the date that counts (a Saturday's due day moved by the policy).
  const effective = <T extends { dueDate: string }>(rows: T[]) =>
    rows.map((r) => ({ ...r, dueDate: deadlines.effective(r.dueDate), deadline: deadlines.info(r.dueDate) }));
  const reports = effective(reportRows);
  const submissions = effective(submissionRows);
  // A unit with no check item in the campaign reports nothing (the reports grid's rule).
  const due = expected.has(unitId);
  const waitingReports = due ? reports.filter((r) => waitsFor(actor, r, s.dueBy)) : [];
  const waitingSubs = due ? submissions.filter((r) => waitsFor(actor, r, s.dueBy)) : [];
  const head = actor.role === 'unit_head';
  const sections: WorkbenchSection[] = [
    {
      key: 'reports',
      title: head ? '待审核报送的月报' : '待填报的月报',
      hint: head
        ? '填报人已填写或被退回、待您审核报送的月报'
        : '临近或已过报送截止、尚未报送的月报及被退回的月报',
      count: waitingReports.length,
      link: '/reports',
      entries: waitingReports
        .slice(0, ENTRY_LIMIT)
        .map((r) =>
          stepEntry(
            actor,
            r,
            s.today,
            r.period ?? String(r.milestoneId),
            r.title,
            `/reports/${r.period}/${unitId}`,
          ),
        ),
    },
    {
      key: 'submissions',
      title: head ? '待审核报送的节点材料' : '待填报的节点材料',
      hint: head
        ? '填报人已填写或被退回、待您审核报送的节点材料'
        : '临近或已过报送截止、尚未报送的节点材料及被退回的材料',
      count: waitingSubs.length,
      link: '/submissions',
      entries: waitingSubs
        .slice(0, ENTRY_LIMIT)
        .map((r) =>
          stepEntry(
            actor,
            r,
            s.today,
            String(r.milestoneId),
            r.title,
            `/submissions/${r.milestoneId}/${unitId}`,
          ),
        ),
    },
  ];
  return sections;
}

/** Issued 通报 that name the unit for criticism and whose 反馈时限 has not passed (or has none). */
export async function circularSection(ctx: AppContext, s: UnitWorkbenchScope): Promise<WorkbenchSection> {
  const named = (await issuedCirculars(ctx.db, s.campaignId)).flatMap((c) => {
    if (c.deadline !== null && c.deadline < s.today) return [];
    const figures = JSON.parse(c.figures) as Pick<Scorecard, 'groups'>;
    const hits = figures.groups.flatMap((g) =>
      g.units.filter((u) => u.unitId === s.unitId).map((u) => `${g.group}（${u.reason}）`),
    );
    return hits.length === 0 ? [] : [{ c, hits }];
  });
  return {
    key: 'circulars',
    title: '点名本单位的通报',
    hint: '通报批评本单位、反馈时限未过的通报',
    count: named.length,
    link: '/supervision/circulars',
    entries: named.slice(0, ENTRY_LIMIT).map(({ c, hits }) => ({
      key: String(c.id),
      title: c.title.replace(/\s*\n\s*/g, ''),
      detail: `通报批评：${hits.join('、')}`,
      date: c.deadline,
      dateLabel: '反馈时限',
      tag: '通报批评',
      urgent: true,
      link: `/supervision/circulars/${c.id}`,
    })),
  };
}

export async function noticeSection(ctx: AppContext, actor: Actor): Promise<WorkbenchSection> {
  // The 通知 page's own rule: unread by this person and not resolved (a reminder whose item is
  // done or whose date has passed needs nothing more).
  const today = ctx.clock.today();
  const [count, rows] = await Promise.all([
    countUnread(ctx.db, actor.unitId, actor.userId, today),
    listForUnit(ctx.db, {
      unitId: actor.unitId,
      userId: actor.userId,
      today,
      unreadOnly: true,
      limit: ENTRY_LIMIT,
    }),
  ]);
  return {
    key: 'notices',
    title: '未读通知',
    hint: '发给本单位、您尚未阅读的通知：交办、退回、提醒、催办等',
    count,
    link: '/notifications?unread=1',
    entries: rows.map((n) => ({
      key: String(n.id),
      title: n.title,
      detail: clip(n.body),
      date: n.dueDate,
      dateLabel: '截止',
      tag: NOTIFICATION_KIND_LABELS[n.kind as NotificationKind] ?? '通知',
      urgent: PRESSING.has(n.kind),
      link: n.link || '/notifications',
    })),
  };
}
