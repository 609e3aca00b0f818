// Campaigns and units over time. A person's explicit choice of campaign is kept on the server
// (one row per person), so it follows them to another browser and clearing it returns them to
// the current campaign of the day; creating a campaign no longer moves anyone. Units gain an
// active flag: a street or department leaving the campaign is deactivated — its problems and
// reports stay attached to it — rather than deleted.
import type { Kysely, Migration } from 'kysely';
import { notNull } from './helpers.js';

export function campaignChoiceMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('campaign_choices')
        .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
        .addColumn('campaign_id', 'integer', (c) =>
          c.notNull().references('campaigns.id').onDelete('cascade'),
        )
        .addColumn('chosen_at', 'text', notNull)
        .execute();
      await db.schema
        .alterTable('units')
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('units').dropColumn('active').execute();
      await db.schema.dropTable('campaign_choices').execute();
    },
  };
}
