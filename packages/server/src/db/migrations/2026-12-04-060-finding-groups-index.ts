// Filing a screening's findings into their street's open group (ledger.repository.ts syncLedger)
// joins every unfiled finding to problems on (campaign, rule, street): this index answers that
// join directly instead of walking each street's whole ledger for the one group it wants.
import type { Kysely, Migration } from 'kysely';

export function findingGroupsIndexMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createIndex('problems_finding_group_idx')
        .on('problems')
        .columns(['campaign_id', 'finding_rule', 'unit_id', 'status'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('problems_finding_group_idx').execute();
    },
  };
}
