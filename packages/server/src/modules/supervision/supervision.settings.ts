// The office's scoring rules (weights and 通报 thresholds), stored in settings. Missing keys fall
// back to the defaults, so a rule added later needs no data migration.

import { DEFAULT_SCORING_RULES, type ScoringRules } from '@paicha/core';
import type { Executor } from '../../db/transaction.js';
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
