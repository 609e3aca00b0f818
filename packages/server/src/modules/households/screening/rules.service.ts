// The office's rule settings: one row per catalogue rule, created with the plan's defaults the
// first time rules are read, edited (enable/disable, thresholds) through the core zod schemas.
import {
  AppError,
  defaultRuleParams,
  describeRuleParams,
  parseRuleParams,
  RULE_IDS,
  RULE_PARAM_LABELS,
  type RuleId,
  SCREENING_RULES,
} from '@paicha/core';
import type { Executor } from '../../../db/transaction.js';
import type { Actor, AppContext } from '../../../kernel/context.js';
import { appendAudit } from '../../audit/audit.repository.js';
import * as repo from './rules.repository.js';

export interface RuleSetting {
  id: RuleId;
  enabled: boolean;
  params: Record<string, unknown>;
  updatedAt: string;
}

/** Inserts the rows of rules added to the catalogue since the table was last filled. */
export async function ensureRules(db: Executor, at: string): Promise<void> {
  const have = new Set((await repo.ruleRows(db)).map((r) => r.id));
  const missing = RULE_IDS.filter((id) => !have.has(id));
  if (missing.length === 0) return;
  await repo.insertMissingRules(
    db,
    missing.map((id) => ({
      id,
      enabled: 1,
      params: JSON.stringify(defaultRuleParams(id)),
      updated_by: null,
      updated_at: at,
    })),
  );
}

export async function ruleSettings(db: Executor, at: string): Promise<RuleSetting[]> {
  await ensureRules(db, at);
  const rows = await repo.ruleRows(db);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return RULE_IDS.map((id) => {
    const r = byId.get(id);
    // A stored value the schema no longer accepts falls back to the defaults rather than failing a run.
    const parsed = parseRuleParams(id, r ? JSON.parse(r.params) : {});
    return {
      id,
      enabled: r ? r.enabled === 1 : true,
      params: (parsed.ok ? parsed.params : defaultRuleParams(id)) as Record<string, unknown>,
      updatedAt: r?.updated_at ?? at,
    };
  });
}

function presentRule(s: RuleSetting) {
  const rule = SCREENING_RULES.find((r) => r.id === s.id);
  return {
    id: s.id,
    checkItem: rule?.checkItem ?? 0,
    scope: rule?.scope ?? 'person',
    title: rule?.title ?? s.id,
    description: rule?.description ?? '',
    sources: [...(rule?.sources ?? [])],
    enabled: s.enabled,
    params: s.params,
    defaults: defaultRuleParams(s.id) as Record<string, unknown>,
    paramsText: describeRuleParams(s.id, s.params as never),
    updatedAt: s.updatedAt,
  };
}

/** “适龄上限：” for a parameter's issue; nothing for one about the parameters as a whole. */
function paramLabel(path: readonly PropertyKey[]): string {
  const key = path[0];
  if (key === undefined) return '';
  const labels: Record<string, string | undefined> = RULE_PARAM_LABELS;
  return `${labels[String(key)] ?? String(key)}：`;
}

/** The rules as the office's page lists them (rows new to the catalogue created first). */
export async function listRules(ctx: AppContext) {
  return (await ruleSettings(ctx.db, ctx.clock.now().toISOString())).map(presentRule);
}

export async function updateRule(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  input: { enabled?: boolean; params?: Record<string, unknown> },
) {
  const ruleId = RULE_IDS.find((r) => r === id);
  if (!ruleId) throw new AppError('not_found', '规则不存在');
  const at = ctx.clock.now().toISOString();
  const current = (await ruleSettings(ctx.db, at)).find((r) => r.id === ruleId);
  let params = current?.params ?? {};
  if (input.params !== undefined) {
    const parsed = parseRuleParams(ruleId, input.params);
    if (!parsed.ok)
      throw new AppError(
        'validation_failed',
        `规则参数不符合要求：${parsed.issues.map((i) => `${paramLabel(i.path)}${i.message}`).join('；')}`,
        parsed.issues.map((i) => ({ path: `/params/${i.path.join('/')}`, message: i.message })),
      );
    params = parsed.params as Record<string, unknown>;
  }
  const enabled = input.enabled ?? current?.enabled ?? true;
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateRuleRow(trx, ruleId, {
      enabled: enabled ? 1 : 0,
      params: JSON.stringify(params),
      updated_by: actor?.userId ?? null,
      updated_at: at,
    });
    await appendAudit(trx, ctx.dialect, {
      actorId: actor?.userId ?? null,
      action: 'household.rule_update',
      entity: 'household_rule',
      entityId: ruleId,
      detail: { from: { enabled: current?.enabled, params: current?.params }, to: { enabled, params } },
      at,
    });
  });
  return presentRule({ id: ruleId, enabled, params, updatedAt: at });
}
