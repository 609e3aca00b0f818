// The working-day calendar: the office's own days (放假 / 调休上班 / 照常, with the holiday's
// name) merged over the State Council's days shipped in core (calendar/holidays-cn.ts), and
// each campaign's policy for a deadline that falls on a non-working day. A campaign without a
// row keeps its dates (policy 'keep'), so deadlines read as before until the office chooses.
import type { Kysely, Migration } from 'kysely';
import { emptyText, notNull } from './helpers.js';

export function workCalendarMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('calendar_days')
        .addColumn('date', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', notNull)
        .addColumn('name', 'text', emptyText)
        .addColumn('updated_at', 'text', notNull)
        .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .execute();
      await db.schema
        .createTable('campaign_deadline_policies')
        .addColumn('campaign_id', 'integer', (c) =>
          c.primaryKey().references('campaigns.id').onDelete('cascade'),
        )
        .addColumn('policy', 'text', notNull)
        .addColumn('updated_at', 'text', notNull)
        .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('campaign_deadline_policies').execute();
      await db.schema.dropTable('calendar_days').execute();
    },
  };
}
