// Supervision: in-app notifications (reminders, 催办), office settings, 明察暗访 visits, and
// e-mail addresses for optional reminder mail.
import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../database.js';
import { emptyText, notNull, withId } from './helpers.js';

export function supervisionMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await withId(db.schema.createTable('notifications'), dialect)
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('cascade'))
        .addColumn('kind', 'text', notNull)
        .addColumn('entity', 'text', notNull)
        .addColumn('entity_id', 'integer')
        .addColumn('title', 'text', notNull)
        .addColumn('body', 'text', emptyText)
        .addColumn('link', 'text', emptyText)
        .addColumn('due_date', 'text')
        // One reminder per (deadline, unit, threshold): a unique key makes a second server
        // process's insert of the same reminder a no-op instead of a duplicate.
        .addColumn('dedup_key', 'text', (c) => c.unique())
        .addColumn('created_by', 'integer', (c) => c.references('users.id'))
        .addColumn('created_at', 'text', notNull)
        .addColumn('emailed_at', 'text')
        .execute();
      await db.schema
        .createIndex('notifications_unit_idx')
        .on('notifications')
        .columns(['unit_id', 'id'])
        .execute();

      await db.schema
        .createTable('notification_reads')
        .addColumn('notification_id', 'integer', (c) =>
          c.notNull().references('notifications.id').onDelete('cascade'),
        )
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('read_at', 'text', notNull)
        .addPrimaryKeyConstraint('notification_reads_pk', ['notification_id', 'user_id'])
        .execute();

      await db.schema
        .createTable('settings')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', notNull)
        .addColumn('updated_at', 'text', notNull)
        .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
        .execute();

      await withId(db.schema.createTable('inspections'), dialect)
        .addColumn('campaign_id', 'integer', (c) =>
          c.notNull().references('campaigns.id').onDelete('cascade'),
        )
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
        .addColumn('visit_date', 'text', notNull)
        .addColumn('place', 'text', emptyText)
        .addColumn('visit_type', 'text', notNull)
        .addColumn('inspectors', 'text', emptyText)
        .addColumn('findings', 'text', emptyText)
        .addColumn('created_by', 'integer', (c) => c.references('users.id'))
        .addColumn('created_at', 'text', notNull)
        .execute();
      await db.schema
        .createIndex('inspections_campaign_idx')
        .on('inspections')
        .columns(['campaign_id', 'visit_date'])
        .execute();

      await db.schema
        .alterTable('problems')
        .addColumn('inspection_id', 'integer', (c) => c.references('inspections.id'))
        .execute();
      await db.schema.alterTable('users').addColumn('email', 'text', emptyText).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('users').dropColumn('email').execute();
      await db.schema.alterTable('problems').dropColumn('inspection_id').execute();
      for (const t of ['inspections', 'settings', 'notification_reads', 'notifications'])
        await db.schema.dropTable(t).execute();
    },
  };
}
