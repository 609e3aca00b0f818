// The office's rule settings (household_rules): one row per catalogue rule.
import type { Insertable, Updateable } from 'kysely';
import type { HouseholdRulesTable } from '../../../db/schema-households.js';
import type { Executor } from '../../../db/transaction.js';

export function ruleRows(db: Executor) {
  return db.selectFrom('household_rules').selectAll().execute();
}

/** Adds rule rows; a row another process added meanwhile is left as it is. */
export async function insertMissingRules(
  db: Executor,
  rows: Insertable<HouseholdRulesTable>[],
): Promise<void> {
  await db
    .insertInto('household_rules')
    .values(rows)
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

export async function updateRuleRow(
  db: Executor,
  id: string,
  patch: Updateable<HouseholdRulesTable>,
): Promise<void> {
  await db.updateTable('household_rules').set(patch).where('id', '=', id).execute();
}
