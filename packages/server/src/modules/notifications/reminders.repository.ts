// What reminders read: deadlines coming up or just missed (milestones and their expected units,
// open problems), and who has already answered a milestone.
import type { Executor } from '../../db/transaction.js';

/** Milestones due within [from, to]. */
export function milestonesDue(db: Executor, from: string, to: string) {
  return db
    .selectFrom('milestones')
    .select(['id', 'campaign_id as campaignId', 'kind', 'title', 'due_date as dueDate', 'description'])
    .where('due_date', '>=', from)
    .where('due_date', '<=', to)
    .execute();
}

/** The units each campaign expects reports and submissions from: those with a check item. */
export function expectedUnits(db: Executor, campaignIds: number[]) {
  return db
    .selectFrom('item_units as iu')
    .innerJoin('check_items as i', 'i.id', 'iu.check_item_id')
    .select(['i.campaign_id as campaignId', 'iu.unit_id as unitId'])
    .distinct()
    .where('i.campaign_id', 'in', campaignIds)
    .execute();
}

/** (milestone, unit) pairs already answered: a monthly report or a submission sent at least once. */
export async function answeredMilestones(db: Executor, milestoneIds: number[]) {
  const [reports, submissions] = await Promise.all([
    db
      .selectFrom('monthly_reports')
      .select(['milestone_id as milestoneId', 'unit_id as unitId'])
      .where('milestone_id', 'in', milestoneIds)
      .where('first_submitted_on', 'is not', null)
      .execute(),
    db
      .selectFrom('submissions')
      .select(['milestone_id as milestoneId', 'unit_id as unitId'])
      .where('milestone_id', 'in', milestoneIds)
      .where('first_submitted_on', 'is not', null)
      .execute(),
  ]);
  return [...reports, ...submissions];
}

/** Problems still being rectified whose deadline falls within [from, to]. */
export function problemsDue(db: Executor, from: string, to: string) {
  return db
    .selectFrom('problems')
    .select(['id', 'unit_id as unitId', 'deadline', 'description'])
    .where('deadline', '>=', from)
    .where('deadline', '<=', to)
    .where('status', 'in', ['pending', 'rectifying', 'returned'])
    .execute();
}
