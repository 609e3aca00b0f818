// The notice a hand-off sends: the one place that knows how each reads (title, body, link). The
// services call one function per hand-off inside their own transaction, so a refused or failed
// hand-off sends nothing, and each writes exactly one notice per receiving unit. Mail, when the
// office turned it on and a mail server is configured, goes out after the commit.
import {
  deadlineNoticeText,
  formatChineseDate,
  type NotificationKind,
  type WorkCalendar,
} from '@paicha/core';
import type { ReminderSettings } from '@paicha/core/api/notifications';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Executor } from '../../db/transaction.js';
import type { Actor, AppContext } from '../../kernel/context.js';
import { problemDeadlineInfo } from '../calendar/deadlines.js';
import { readSetting } from '../settings/settings.repository.js';
import { sendReminderMail } from './mailer.js';
import { insertNotifications, officeUnitIds } from './notifications.repository.js';
import { DEFAULT_REMINDERS, REMINDER_SETTING } from './reminders.js';

type CreatedNotices = Awaited<ReturnType<typeof insertNotifications>>;

export interface Notice {
  unitId: number;
  kind: NotificationKind;
  entity: 'problem' | 'monthly_report' | 'submission' | 'circular' | 'finding' | 'unit';
  entityId: number;
  title: string;
  body: string;
  link: string;
  dueDate?: string | null;
}

/** Who did it, as the receiving clerk reads it: 区领导小组办公室 王主任. */
export const byWhom = (actor: Actor) => `${actor.unitName} ${actor.displayName}`;
export const lines = (...parts: (string | false | null | undefined)[]) =>
  parts.filter((p): p is string => typeof p === 'string' && p !== '').join('\n');
const short = (s: string) => (s.length > 60 ? `${s.slice(0, 60)}…` : s);

/** What each open `withNotices` transaction has written so far, to mail once it commits. */
const outboxes = new WeakMap<object, CreatedNotices>();

/**
 * Runs `work` in one transaction and mails the notices written in it once it has committed:
 * a hand-off that fails or is refused (a whole batch included) sends nothing at all.
 */
export async function withNotices<T>(
  ctx: AppContext,
  work: (trx: Transaction<DB>) => Promise<T>,
  /** Another handle on the same database (a screening run's own SQLite connection). */
  db: Kysely<DB> = ctx.db,
): Promise<T> {
  const outbox: CreatedNotices = [];
  const result = await db.transaction().execute((trx) => {
    outboxes.set(trx, outbox);
    return work(trx);
  });
  void deliverNotices(ctx, outbox);
  return result;
}

/**
 * Writes the notices in the caller's transaction; one row each, never deduplicated away. Written
 * through the transaction `withNotices` opened, they are mailed after its commit; a hand-off
 * should always run in one (every service does), or its notices stay in the app only.
 */
export function writeNotices(
  trx: Executor,
  ctx: AppContext,
  actor: Actor,
  notices: Notice[],
): Promise<CreatedNotices> {
  return writeNoticesBy(trx, { userId: actor.userId, at: ctx.clock.now().toISOString() }, notices);
}

/**
 * `writeNotices` for a hand-off made by a job rather than a request: a screening run's notices
 * carry the run's start and the person who started it (none for the CLI).
 */
export async function writeNoticesBy(
  trx: Executor,
  by: { userId: number | null; at: string },
  notices: Notice[],
): Promise<CreatedNotices> {
  if (notices.length === 0) return [];
  const { at } = by;
  const created = await insertNotifications(
    trx,
    notices.map((n) => ({
      unit_id: n.unitId,
      kind: n.kind,
      entity: n.entity,
      entity_id: n.entityId,
      title: n.title,
      body: n.body,
      link: n.link,
      due_date: n.dueDate ?? null,
      created_by: by.userId,
      created_at: at,
    })),
  );
  outboxes.get(trx)?.push(...created);
  return created;
}

/** The office's units, for what a unit sends for the office's action. */
export async function toOffice(trx: Executor, notice: Omit<Notice, 'unitId'>): Promise<Notice[]> {
  return (await officeUnitIds(trx)).map((unitId) => ({ ...notice, unitId }));
}

/**
 * Mails what a hand-off just created, after its commit, without holding up the clerk: a slow or
 * unreachable mail server delays nobody's 退回 or 报送. The notice stands in the app either way;
 * a failed mail leaves it without `emailed_at`. Never rejects.
 */
async function deliverNotices(ctx: AppContext, created: CreatedNotices): Promise<void> {
  if (!ctx.config.smtpUrl || created.length === 0) return;
  try {
    const settings = await readSetting<ReminderSettings>(ctx.db, REMINDER_SETTING, DEFAULT_REMINDERS);
    if (settings.email) await sendReminderMail(ctx, created);
  } catch (err) {
    console.error('通知邮件发送失败', err);
  }
}

/** What a problem notice names: the problem, its item and its unit. */
interface ProblemRef {
  id: number;
  unitId: number;
  unitName: string;
  checkItem: number;
  description: string;
  deadline: string | null;
}

const problemLine = (p: ProblemRef) => `问题：${short(p.description)}（第${p.checkItem}项排查事项）`;
const problemNotice = (p: ProblemRef) => ({
  entity: 'problem' as const,
  entityId: p.id,
  link: `/problems/${p.id}`,
});

/** 交办: the receiving unit learns what it now has to rectify, by when and why. */
export function problemAssigned(
  ctx: AppContext,
  actor: Actor,
  p: ProblemRef,
  reason: string,
  calendar: WorkCalendar,
): Notice {
  return {
    ...problemNotice(p),
    unitId: p.unitId,
    kind: 'assigned',
    title: `【交办】问题 ${p.id} 已交办本单位整改`,
    body: lines(
      `${byWhom(actor)}于${formatChineseDate(ctx.clock.today())}交办`,
      problemLine(p),
      // Marked, never moved, when it falls on a day off (as on every page).
      p.deadline && `整改时限：${deadlineNoticeText(problemDeadlineInfo(p.deadline, calendar))}`,
      reason && `交办说明：${reason}`,
    ),
    dueDate: p.deadline,
  };
}

/**
 * 交办 away: the unit that held the problem learns it is no longer its to rectify, and where it
 * went. The link is the ledger, not the problem: another unit's problem no longer opens for it.
 */
export function problemTakenAway(
  ctx: AppContext,
  actor: Actor,
  p: ProblemRef,
  to: { name: string },
  reason: string,
): Notice {
  return {
    ...problemNotice(p),
    unitId: p.unitId,
    kind: 'reassigned',
    link: '/problems',
    title: `【交办】问题 ${p.id} 已改由${to.name}整改`,
    body: lines(
      `${byWhom(actor)}于${formatChineseDate(ctx.clock.today())}将本单位的问题交办${to.name}`,
      problemLine(p),
      reason && `交办说明：${reason}`,
      '本单位不再负责该问题的整改。',
    ),
  };
}

/**
 * A deactivated unit's open work handed to another unit of its kind: one notice to the receiving
 * unit with what it now holds (the problems by number, the check items by count).
 */
export function unitWorkReceived(
  ctx: AppContext,
  actor: Actor,
  move: { fromName: string; toUnitId: number; problemIds: number[]; items: number },
): Notice {
  const { problemIds, items } = move;
  const shown = problemIds.slice(0, 10).join('、');
  return {
    unitId: move.toUnitId,
    kind: 'assigned',
    entity: problemIds.length === 1 ? 'problem' : 'unit',
    entityId: problemIds.length === 1 ? (problemIds[0] as number) : move.toUnitId,
    link: problemIds.length === 1 ? `/problems/${problemIds[0]}` : '/problems',
    title: `【交办】${move.fromName}停用，其工作交办本单位`,
    body: lines(
      `${byWhom(actor)}于${formatChineseDate(ctx.clock.today())}停用${move.fromName}，将其未完成的工作交办本单位`,
      problemIds.length > 0 &&
        `未销号问题${problemIds.length}个（问题编号：${shown}${problemIds.length > 10 ? ` 等${problemIds.length}个` : ''}）`,
      items > 0 && `排查事项${items}项（尚未结束的排查活动）`,
      '请在问题台账中查看并落实整改。',
    ),
  };
}

/** The office's ledger import files problems for units: one notice per unit, with the count. */
export function problemsImported(
  ctx: AppContext,
  actor: Actor,
  unitId: number,
  problemIds: number[],
): Notice {
  const shown = problemIds.slice(0, 10).join('、');
  return {
    unitId,
    kind: 'assigned',
    entity: 'problem',
    entityId: problemIds[0] ?? 0,
    link: '/problems',
    title: `【交办】${actor.unitName}导入台账，向本单位交办${problemIds.length}个问题`,
    body: lines(
      `${byWhom(actor)}于${formatChineseDate(ctx.clock.today())}从Excel台账导入`,
      `问题编号：${shown}${problemIds.length > 10 ? ` 等${problemIds.length}个` : ''}`,
      '请在问题台账中查看并落实整改。',
    ),
  };
}

export type ProblemStepNotice = 'submit' | 'return' | 'close' | 'reopen';

/**
 * A status step's notice: 退回, 销号 and 重新打开 go to the responsible unit; a 销号 application
 * goes to the office. `text` is the step's own text (the reason, the opinion).
 */
export async function problemStep(
  trx: Executor,
  ctx: AppContext,
  actor: Actor,
  step: ProblemStepNotice,
  p: ProblemRef,
  text: string,
): Promise<Notice[]> {
  const when = `${byWhom(actor)}（${formatChineseDate(ctx.clock.today())}）`;
  const base = { ...problemNotice(p), unitId: p.unitId };
  switch (step) {
    case 'submit':
      return toOffice(trx, {
        ...problemNotice(p),
        kind: 'submitted',
        title: `【待销号】${p.unitName}申请问题 ${p.id} 销号`,
        body: lines(`申请人：${when}`, `整改说明：${text}`, problemLine(p)),
      });
    case 'return':
      return [
        {
          ...base,
          kind: 'returned',
          title: `【退回】问题 ${p.id} 的销号申请被退回`,
          body: lines(`退回理由：${text}`, `退回人：${when}`, problemLine(p)),
        },
      ];
    case 'close':
      return [
        {
          ...base,
          kind: 'closed',
          title: `【销号】问题 ${p.id} 已审核通过，予以销号`,
          body: lines(`审核意见：${text}`, `审核人：${when}`, problemLine(p)),
        },
      ];
    case 'reopen':
      return [
        {
          ...base,
          kind: 'reopened',
          title: `【重新打开】问题 ${p.id} 已重新打开，请继续整改`,
          body: lines(`理由：${text}`, `操作人：${when}`, problemLine(p)),
        },
      ];
  }
}
