// Which monthly report a request means: the milestone, unit and (if saved) report behind a key.
import { AppError } from '@paicha/core';
import { assertUnitVisible } from '../../http/access.js';
import type { Actor, AppContext } from '../../kernel/context.js';
import { findUnit } from '../units/units.repository.js';
import * as repo from './reports.repository.js';

export interface ReportKey {
  campaignId: number;
  period: string;
  unitId: number;
}

const NOT_FOUND = '月报不存在';

/** The milestone, unit and (if saved) report behind a key; another unit's answers like a missing one. */
export async function loadReport(ctx: AppContext, actor: Actor | null, key: ReportKey) {
  if (actor) assertUnitVisible(actor, key.unitId, '月报');
  const [milestones, unit] = await Promise.all([
    repo.listMonthlyMilestones(ctx.db, key.campaignId),
    findUnit(ctx.db, key.unitId),
  ]);
  const milestone = milestones.find((m) => m.period === key.period);
  if (!milestone || !unit) throw new AppError('not_found', NOT_FOUND);
  const report = await repo.findReport(ctx.db, milestone.id, unit.id);
  return { milestone, unit, report };
}
export type LoadedReport = Awaited<ReturnType<typeof loadReport>>;
