// The office's workbench setting (how many days ahead a deadline counts as "due soon") and a
// person's marks of what they have looked at.
import { DEFAULT_DUE_WITHIN_DAYS, type SeenMark } from '@paicha/core';
import type { WorkbenchSettings } from '@paicha/core/api/workbench';
import type { Actor, AppContext } from '../../kernel/context.js';
import { appendAudit } from '../audit/audit.repository.js';
import { readSetting, writeSetting } from '../settings/settings.repository.js';
import { markSeen } from './workbench.repository.js';

const WORKBENCH_SETTING = 'workbench';
const DEFAULTS: WorkbenchSettings = { dueWithinDays: DEFAULT_DUE_WITHIN_DAYS };

export async function workbenchSettings(ctx: AppContext): Promise<WorkbenchSettings> {
  return { ...DEFAULTS, ...(await readSetting<Partial<WorkbenchSettings>>(ctx.db, WORKBENCH_SETTING, {})) };
}

export async function saveWorkbenchSettings(ctx: AppContext, actor: Actor, settings: WorkbenchSettings) {
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await writeSetting(trx, WORKBENCH_SETTING, settings, actor.userId, at);
    await appendAudit(trx, ctx.dialect, {
      actorId: actor.userId,
      action: 'settings.workbench',
      entity: 'settings',
      entityId: null,
      detail: settings,
      at,
    });
  });
  return settings;
}

/** The person has looked at `what` now: the workbench shows only what comes after. */
export async function markLookedAt(ctx: AppContext, actor: Actor, what: SeenMark) {
  await markSeen(ctx.db, actor.userId, what, ctx.clock.now().toISOString());
}
