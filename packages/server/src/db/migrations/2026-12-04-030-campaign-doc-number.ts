// A campaign made from a plan's own table keeps the plan's 文号 (〔2020〕3号 …) beside its title,
// for the 月报表 and 通报 headings; campaigns made before, and the built-in plan, have none ('').
import type { Kysely, Migration } from 'kysely';

export function campaignDocNumberMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('campaigns')
        .addColumn('doc_number', 'text', (c) => c.notNull().defaultTo(''))
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('campaigns').dropColumn('doc_number').execute();
    },
  };
}
