import { addDays, daysBetween } from '../dates.js';
import type { CampaignTemplate } from './types.js';

/**
 * A copy of the template with every date moved so the campaign starts on `newStart`.
 * Monthly periods move with their due dates, so a report is still due on the same day of
 * "its" month relative to the start.
 */
export function shiftTemplate(
  template: CampaignTemplate,
  newStart: string,
  title?: string,
): CampaignTemplate {
  const offset = daysBetween(template.startDate, newStart);
  const shift = (d: string) => addDays(d, offset);
  return {
    ...template,
    title: title ?? template.title,
    startDate: shift(template.startDate),
    endDate: shift(template.endDate),
    phases: template.phases.map((p) => ({ ...p, startDate: shift(p.startDate), endDate: shift(p.endDate) })),
    milestones: template.milestones.map((m) => {
      const dueDate = shift(m.dueDate);
      return { ...m, dueDate, period: m.period === null ? null : shiftPeriod(m.period, m.dueDate, dueDate) };
    }),
  };
}

function shiftPeriod(period: string, oldDue: string, newDue: string): string {
  // The period keeps its distance in months from the due date (plan: January's report due 01-04).
  const monthsBefore = monthIndex(oldDue) - monthIndex(`${period}-01`);
  const m = monthIndex(newDue) - monthsBefore;
  return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
}

function monthIndex(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}
