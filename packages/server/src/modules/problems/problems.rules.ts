// Validation of a problem's fields against its campaign: the check item exists (and is the
// unit's), deadlines fit the mode and the campaign's rectification deadline.
import { AppError, deadlineNeedsReason, immediateDeadline, type WorkCalendar } from '@paicha/core';
import type { ProblemFields } from '@paicha/core/api/problems';
import type { LedgerSettings } from '@paicha/core/api/settings';
import type { Executor } from '../../db/transaction.js';
import { findCheckItem, isItemAssigned, rectificationDue } from '../campaigns/campaigns.repository.js';

export interface CampaignLimits {
  rectificationDue: string | null;
}

export async function campaignLimits(db: Executor, campaignId: number): Promise<CampaignLimits> {
  return { rectificationDue: await rectificationDue(db, campaignId) };
}

/**
 * The deadline and its reason as stored: what was given, or for a 立行立改 problem without one the
 * office's 立行立改期限 counted from the day recorded (core immediateDeadline). An automatic
 * deadline past the campaign's 全面整改到位 date carries its own reason, so the clerk is not
 * asked to explain a date they did not choose.
 */
export function withImmediateDeadline(
  f: Pick<ProblemFields, 'mode' | 'deadline' | 'deadlineReason'>,
  recordedOn: string,
  settings: LedgerSettings,
  limits: CampaignLimits,
  calendar: WorkCalendar,
): { deadline: string | null; deadlineReason: string } {
  const { immediateDays, immediateWorkingDays } = settings;
  const deadline = immediateDeadline(
    f,
    recordedOn,
    immediateDays,
    immediateWorkingDays ? calendar : undefined,
  );
  if (
    deadline === f.deadline ||
    f.deadlineReason.trim() ||
    !deadlineNeedsReason(deadline, limits.rectificationDue)
  )
    return { deadline, deadlineReason: f.deadlineReason };
  const unit = immediateWorkingDays ? '个工作日' : '天';
  return { deadline, deadlineReason: `立行立改：登记之日起${immediateDays}${unit}内整改` };
}

/** Returns Chinese messages keyed by field; empty when the fields are consistent. */
export function checkDeadline(
  f: Pick<ProblemFields, 'mode' | 'deadline' | 'deadlineReason' | 'foundDate'>,
  limits: CampaignLimits,
  today: string,
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (f.foundDate > today) errors.foundDate = '发现日期不能晚于今天';
  if (f.mode === '限期整改' && !f.deadline) errors.deadline = '限期整改的问题必须填写整改时限';
  if (f.deadline && f.deadline < f.foundDate) errors.deadline = '整改时限不能早于发现日期';
  if (deadlineNeedsReason(f.deadline, limits.rectificationDue) && !f.deadlineReason.trim()) {
    errors.deadlineReason = `整改时限晚于全面整改到位时间（${limits.rectificationDue}），须说明理由`;
  }
  return errors;
}

export function throwIfErrors(errors: Record<string, string>) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return;
  throw new AppError(
    'validation_failed',
    entries.map(([, m]) => m).join('；'),
    entries.map(([field, message]) => ({ path: `/${field}`, message })),
  );
}

/** The check item's id in the campaign, and whether it is assigned to the unit. */
export async function resolveCheckItem(db: Executor, campaignId: number, seq: number, unitId: number) {
  const item = await findCheckItem(db, campaignId, seq);
  if (!item) return null;
  return { id: item.id, assigned: await isItemAssigned(db, item.id, unitId) };
}
