// The office's scoring rules (weights and 通报 thresholds), stored in settings. Missing keys fall
// back to the defaults, so a rule added later needs no data migration.

import { AppError, DEFAULT_SCORING_RULES, type ScoringRules } from '@paicha/core';
import type { Executor } from '../../db/transaction.js';
import type { Actor, AppContext } from '../../kernel/context.js';
import { appendAudit } from '../audit/audit.repository.js';
import { readSetting, writeSetting } from '../settings/settings.repository.js';

const RULES_SETTING = 'supervision.rules';

export async function readRules(db: Executor): Promise<ScoringRules> {
  const stored = await readSetting<Partial<ScoringRules>>(db, RULES_SETTING, {});
  return {
    weights: { ...DEFAULT_SCORING_RULES.weights, ...stored.weights },
    thresholds: { ...DEFAULT_SCORING_RULES.thresholds, ...stored.thresholds },
  };
}

export function writeRules(db: Executor, rules: ScoringRules, by: number, at: string) {
  return writeSetting(db, RULES_SETTING, rules, by, at);
}

/** The office changes the rules: stored with the audit row (before and after) in one transaction. */
export async function saveRules(ctx: AppContext, actor: Actor, rules: ScoringRules): Promise<ScoringRules> {
  const w = rules.weights;
  if (w.onTime + w.closure + w.overdue + w.returns === 0)
    throw new AppError('validation_failed', '权重不能全部为0');
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const before = await readRules(trx);
    await writeRules(trx, rules, actor.userId, at);
    await appendAudit(trx, ctx.dialect, {
      actorId: actor.userId,
      action: 'settings.supervision',
      entity: 'settings',
      entityId: 'supervision.rules',
      detail: { before, after: rules },
      at,
    });
  });
  return readRules(ctx.db);
}
