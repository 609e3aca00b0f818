// The 待办 workbench: per role, what waits for the signed-in person in the current campaign, and
// the side menu's badge counts, computed from the same sections so they always agree.
import { addDays, landingOf } from '@paicha/core';
import type { Workbench, WorkbenchSection } from '@paicha/core/api/workbench';
import { scopeOf } from '../../http/access.js';
import type { Actor, AppContext } from '../../kernel/context.js';
import { resolveCampaignId } from '../campaigns/current-campaign.js';
import {
  householdSections,
  overdueUnits,
  reviewQueue,
  reviewSections,
  visitSection,
} from './workbench.office.js';
import { unitTodoCounts } from './workbench.repository.js';
import { workbenchSettings } from './workbench.settings.js';
import {
  circularSection,
  noticeSection,
  type UnitWorkbenchScope,
  unitProblemSections,
  unitStepSections,
  type WorkbenchScope,
} from './workbench.unit.js';

type Badge = Workbench['badges'][number];

const countOf = (sections: WorkbenchSection[], key: WorkbenchSection['key']) =>
  sections.find((s) => s.key === key)?.count ?? 0;

async function unitWorkbench(ctx: AppContext, actor: Actor, s: UnitWorkbenchScope, days: number) {
  const [problems, steps, circular, notices, todo] = await Promise.all([
    unitProblemSections(ctx, actor, s, days),
    unitStepSections(ctx, actor, s),
    circularSection(ctx, s),
    noticeSection(ctx, actor),
    unitTodoCounts(ctx.db, s),
  ]);
  const sections = [...problems, ...steps, circular, notices];
  // A returned problem may also be overdue or due soon: the ledger's badge counts it once.
  const badges: Badge[] = [
    { path: '/problems', count: todo[0]?.todo ?? 0 },
    { path: '/reports', count: countOf(sections, 'reports') },
    { path: '/submissions', count: countOf(sections, 'submissions') },
    { path: '/supervision/circulars', count: countOf(sections, 'circulars') },
    { path: '/notifications', count: countOf(sections, 'notices') },
  ];
  return { sections, badges };
}

async function officeWorkbench(ctx: AppContext, actor: Actor, s: WorkbenchScope) {
  const [queue, reviews, late, households] = await Promise.all([
    reviewQueue(ctx, actor, s),
    reviewSections(ctx, s),
    overdueUnits(ctx, s),
    householdSections(ctx, actor, s),
  ]);
  const sections = [queue, ...reviews, late, ...households];
  const badges: Badge[] = [
    { path: '/problems', count: queue.count },
    { path: '/reports', count: countOf(sections, 'reports_review') },
    { path: '/submissions', count: countOf(sections, 'submissions_review') },
    { path: '/households/places', count: countOf(sections, 'places') },
    { path: '/households', count: countOf(sections, 'screening') },
  ];
  return { sections, badges };
}

/** What waits for the actor; `campaignId` as every page resolves it (the person's choice, else today's). */
export async function buildWorkbench(ctx: AppContext, actor: Actor, campaignId?: number): Promise<Workbench> {
  const id = await resolveCampaignId(ctx, actor, campaignId);
  const { dueWithinDays } = await workbenchSettings(ctx);
  const today = ctx.clock.today();
  const scope: WorkbenchScope = { campaignId: id, today, dueBy: addDays(today, dueWithinDays) };
  // Unit clerks read their own unit only: the access policy's one scope decides which.
  const units = scopeOf(actor);
  const { sections, badges } = !units.all
    ? await unitWorkbench(ctx, actor, { ...scope, unitId: units.unitId }, dueWithinDays)
    : actor.role === 'admin'
      ? await officeWorkbench(ctx, actor, scope)
      : actor.role === 'inspector'
        ? { sections: [await visitSection(ctx, actor, scope)], badges: [] }
        : // Leaders land on the 督查看板; nothing in the workbench waits for them.
          { sections: [], badges: [] };
  const shown = badges.filter((b) => b.count > 0);
  return {
    campaignId: id,
    today,
    dueWithinDays,
    landing: landingOf(actor.role),
    sections,
    badges: shown,
    total: shown.reduce((n, b) => n + b.count, 0),
  };
}
