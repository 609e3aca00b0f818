// Reminders to responsible units before each deadline (default 3 and 1 days) and once it has
// been missed: monthly reports, milestone submissions and problem deadlines. Safe to run from
// every server process at once: each reminder has a dedup key and the insert skips existing ones.
import { addDays, deadlineNoticeText, isWorkingDay, type MilestoneKind } from '@paicha/core';
import type { ReminderSettings } from '@paicha/core/api/notifications';
import type { AppContext } from '../../kernel/context.js';
import { readPolicy } from '../calendar/calendar.repository.js';
import {
  type CampaignDeadlines,
  deadlinesUnder,
  loadCalendar,
  problemDeadlineInfo,
} from '../calendar/deadlines.js';
import { readSetting } from '../settings/settings.repository.js';
import { sendReminderMail } from './mailer.js';
import { insertNotifications, type NotificationInsert } from './notifications.repository.js';
import {
  CALENDAR_SLACK_DAYS,
  MISSED_WINDOW_DAYS,
  normaliseThresholds,
  reminderStep,
} from './reminder-plan.js';
import { answeredMilestones, expectedUnits, milestonesDue, problemsDue } from './reminders.repository.js';

export const REMINDER_SETTING = 'reminders';
export const DEFAULT_REMINDERS: ReminderSettings = { days: [3, 1], email: true };

const MILESTONE_LINK: Record<MilestoneKind, string> = {
  monthly: '/reports',
  plan: '/submissions',
  problem_list: '/submissions',
  rectification: '/submissions',
  summary: '/submissions',
};

/** Milestones due soon or recently missed, with the units expected to answer them and who has. */
async function milestoneDeadlines(ctx: AppContext, from: string, to: string) {
  const milestones = await milestonesDue(ctx.db, from, to);
  if (milestones.length === 0) return [];
  const expected = await expectedUnits(ctx.db, [...new Set(milestones.map((m) => m.campaignId))]);
  const answered = await answeredMilestones(
    ctx.db,
    milestones.map((m) => m.id),
  );
  const done = new Set(answered.map((r) => `${r.milestoneId}|${r.unitId}`));
  return milestones.flatMap((m) =>
    expected
      .filter((e) => e.campaignId === m.campaignId && !done.has(`${m.id}|${e.unitId}`))
      .map((e) => ({ milestone: m, unitId: e.unitId })),
  );
}

const short = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

export async function runReminders(ctx: AppContext): Promise<{ created: number; emailed: number }> {
  const settings = await readSetting(ctx.db, REMINDER_SETTING, DEFAULT_REMINDERS);
  const days = normaliseThresholds(settings.days);
  const today = ctx.clock.today();
  const calendar = await loadCalendar(ctx.db);
  // Working days only: whatever falls due meanwhile is caught up on the next working day.
  if (!isWorkingDay(today, calendar)) return { created: 0, emailed: 0 };
  // Wide enough for deadlines moved by a policy and steps moved before a holiday; the step
  // decides exactly.
  const from = addDays(today, -MISSED_WINDOW_DAYS - CALENDAR_SLACK_DAYS);
  const to = addDays(today, Math.max(0, ...days) + CALENDAR_SLACK_DAYS);
  const policies = new Map<number, CampaignDeadlines>();
  const deadlinesOf = async (campaignId: number) => {
    let d = policies.get(campaignId);
    if (!d) {
      d = deadlinesUnder(calendar, await readPolicy(ctx.db, campaignId));
      policies.set(campaignId, d);
    }
    return d;
  };
  const at = ctx.clock.now().toISOString();
  const rows: NotificationInsert[] = [];

  for (const { milestone: m, unitId } of await milestoneDeadlines(ctx, from, to)) {
    // A milestone counts on its effective date (the campaign's policy on non-working days).
    const info = (await deadlinesOf(m.campaignId)).info(m.dueDate);
    const dueDate = info.effective;
    const step = reminderStep(today, dueDate, days, calendar);
    if (!step) continue;
    // The date that counts, and when the plan's date is a day off, which it was and why it moved.
    const due = deadlineNoticeText(info);
    rows.push({
      unit_id: unitId,
      kind: step.kind,
      entity: 'milestone',
      entity_id: m.id,
      title:
        step.kind === 'missed'
          ? `【逾期】${m.title}已于${due}截止，尚未报送`
          : `【提醒】${m.title}将于${due}截止${step.daysLeft === 0 ? '（今天截止）' : `（还有${step.daysLeft}天）`}`,
      body: m.description,
      link: MILESTONE_LINK[m.kind],
      due_date: dueDate,
      dedup_key: `milestone:${m.id}:unit:${unitId}:${step.kind === 'missed' ? 'missed' : `before:${step.threshold}`}`,
      created_at: at,
    });
  }
  for (const p of await problemsDue(ctx.db, from, to)) {
    if (!p.deadline) continue;
    const step = reminderStep(today, p.deadline, days, calendar);
    if (!step) continue;
    // A 整改时限 is never moved, only marked when it falls on a day off.
    const due = deadlineNoticeText(problemDeadlineInfo(p.deadline, calendar));
    rows.push({
      unit_id: p.unitId,
      kind: step.kind,
      entity: 'problem',
      entity_id: p.id,
      title:
        step.kind === 'missed'
          ? `【逾期】问题 ${p.id} 已超过整改时限（${due}）`
          : `【提醒】问题 ${p.id} 整改时限为${due}${step.daysLeft === 0 ? '（今天到期）' : `（还有${step.daysLeft}天）`}`,
      body: short(p.description),
      link: `/problems/${p.id}`,
      due_date: p.deadline,
      // The deadline is part of the key: a problem given a new deadline is reminded again.
      dedup_key: `problem:${p.id}:deadline:${p.deadline}:${step.kind === 'missed' ? 'missed' : `before:${step.threshold}`}`,
      created_at: at,
    });
  }
  const created = await insertNotifications(ctx.db, rows);
  const emailed = settings.email ? await sendReminderMail(ctx, created) : 0;
  return { created: created.length, emailed };
}

/** Runs reminders now and then every `minutes`; errors are logged, never thrown into the server. */
export function scheduleReminders(ctx: AppContext, minutes: number, log: (err: unknown) => void): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await runReminders(ctx);
    } catch (err) {
      log(err);
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(tick, minutes * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
