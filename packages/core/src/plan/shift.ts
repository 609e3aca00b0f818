import { addDays, daysBetween } from '../dates.js';
import { monthlyMilestones } from './campaign.js';
import type { CampaignTemplate } from './types.js';

/**
 * A copy of the template with every date moved so the campaign starts on `newStart`. Phases and
 * one-off deadlines move by the same number of days; monthly reports move by whole calendar
 * months and stay due on the campaign's day of the month (the plan: 每月4日前).
 */
export function shiftTemplate(
  template: CampaignTemplate,
  newStart: string,
  title?: string,
): CampaignTemplate {
  const offset = daysBetween(template.startDate, newStart);
  const shift = (d: string) => addDays(d, offset);
  const monthOffset = monthIndex(newStart) - monthIndex(template.startDate);
  const periods = template.milestones.flatMap((m) =>
    m.kind === 'monthly' && m.period ? [shiftMonth(m.period, monthOffset)] : [],
  );
  const monthly = monthlyMilestones(periods, template.monthlyDueDay);
  const others = template.milestones
    .filter((m) => m.kind !== 'monthly')
    .map((m) => {
      const dueDate = shift(m.dueDate);
      // The plan's texts name their dates ("确保5月31日前全部整改到位"): they move too.
      return { ...m, dueDate, description: m.description.replaceAll(monthDay(m.dueDate), monthDay(dueDate)) };
    });
  return {
    ...template,
    title: title ?? template.title,
    startDate: shift(template.startDate),
    endDate: shift(template.endDate),
    phases: template.phases.map((p) => ({ ...p, startDate: shift(p.startDate), endDate: shift(p.endDate) })),
    milestones: [...others, ...monthly].sort((a, b) =>
      a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0,
    ),
  };
}

/** 2020-05-31 → 5月31日 */
function monthDay(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

function monthIndex(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

function shiftMonth(period: string, months: number): string {
  const m = monthIndex(`${period}-01`) + months;
  return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
}
