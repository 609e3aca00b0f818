// Screening findings written straight into the registry, for tests whose subject is the work on
// them (verification, visits) rather than the screening that files them.
import type { Insertable } from 'kysely';
import type { FindingsTable } from '../db/schema-households.js';
import type { TestApp } from './harness.js';

export type FindingRow = Pick<Insertable<FindingsTable>, 'campaign_id' | 'unit_id' | 'household_id'> &
  Partial<Insertable<FindingsTable>>;

let seq = 0;

/** An open finding of the income rule (item 13) on a household, found by run 1; returns its id. */
export async function insertFinding(t: TestApp, row: FindingRow): Promise<number> {
  const at = t.clock.now().toISOString();
  seq += 1;
  const { id } = await t.ctx.db
    .insertInto('findings')
    .values({
      finding_key: `test:${seq}:${row.household_id}`,
      rule_id: 'income_below_line',
      check_item: 13,
      township: '中云街道',
      village: '某村',
      id_number: '320703199001011234',
      person_name: '张三',
      detail: `户${row.household_id}人均纯收入低于脱贫标准`,
      first_run_id: 1,
      last_run_id: 1,
      created_at: at,
      updated_at: at,
      ...row,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
