// Units, accounts, sessions, the campaign and its check items, and the audit log.
import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../database.js';
import { emptyText, notNull, withId } from './helpers.js';

export function initialMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await withId(db.schema.createTable('units'), dialect)
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('kind', 'text', notNull)
        .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', notNull)
        .execute();

      await withId(db.schema.createTable('users'), dialect)
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('display_name', 'text', emptyText)
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
        .addColumn('role', 'text', notNull)
        .addColumn('password_hash', 'text', notNull)
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', notNull)
        .addColumn('updated_at', 'text', notNull)
        .execute();
      await db.schema.createIndex('users_unit_idx').on('users').column('unit_id').execute();

      await db.schema
        .createTable('sessions')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('created_at', 'text', notNull)
        .addColumn('expires_at', 'text', notNull)
        .addColumn('last_seen_at', 'text', notNull)
        .execute();
      await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

      await withId(db.schema.createTable('login_attempts'), dialect)
        .addColumn('username', 'text', notNull)
        .addColumn('ip', 'text', notNull)
        .addColumn('at', 'text', notNull)
        .addColumn('success', 'integer', notNull)
        .execute();
      await db.schema
        .createIndex('login_attempts_user_idx')
        .on('login_attempts')
        .columns(['username', 'at'])
        .execute();
      await db.schema
        .createIndex('login_attempts_ip_idx')
        .on('login_attempts')
        .columns(['ip', 'at'])
        .execute();

      await withId(db.schema.createTable('campaigns'), dialect)
        .addColumn('title', 'text', notNull)
        .addColumn('issuer', 'text', notNull)
        .addColumn('basis_documents', 'text', notNull)
        .addColumn('start_date', 'text', notNull)
        .addColumn('end_date', 'text', notNull)
        .addColumn('monthly_due_day', 'integer', notNull)
        .addColumn('report_title', 'text', notNull)
        .addColumn('report_footer', 'text', emptyText)
        .addColumn('contact', 'text', emptyText)
        .addColumn('created_at', 'text', notNull)
        .execute();

      await withId(db.schema.createTable('phases'), dialect)
        .addColumn('campaign_id', 'integer', (c) =>
          c.notNull().references('campaigns.id').onDelete('cascade'),
        )
        .addColumn('seq', 'integer', notNull)
        .addColumn('name', 'text', notNull)
        .addColumn('start_date', 'text', notNull)
        .addColumn('end_date', 'text', notNull)
        .addColumn('description', 'text', emptyText)
        .execute();

      await withId(db.schema.createTable('milestones'), dialect)
        .addColumn('campaign_id', 'integer', (c) =>
          c.notNull().references('campaigns.id').onDelete('cascade'),
        )
        .addColumn('kind', 'text', notNull)
        .addColumn('period', 'text')
        .addColumn('title', 'text', notNull)
        .addColumn('due_date', 'text', notNull)
        .addColumn('description', 'text', emptyText)
        .execute();
      await db.schema
        .createIndex('milestones_campaign_idx')
        .on('milestones')
        .columns(['campaign_id', 'due_date'])
        .execute();

      await withId(db.schema.createTable('check_items'), dialect)
        .addColumn('campaign_id', 'integer', (c) =>
          c.notNull().references('campaigns.id').onDelete('cascade'),
        )
        .addColumn('seq', 'integer', notNull)
        .addColumn('category', 'text', notNull)
        .addColumn('sub_category', 'text', notNull)
        .addColumn('sub_category_cell', 'text', emptyText)
        .addColumn('content', 'text', notNull)
        .addColumn('units_text', 'text', emptyText)
        .addUniqueConstraint('check_items_campaign_seq_uq', ['campaign_id', 'seq'])
        .execute();

      await db.schema
        .createTable('item_units')
        .addColumn('check_item_id', 'integer', (c) =>
          c.notNull().references('check_items.id').onDelete('cascade'),
        )
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('item_units_pk', ['check_item_id', 'unit_id'])
        .execute();
      await db.schema.createIndex('item_units_unit_idx').on('item_units').column('unit_id').execute();

      await withId(db.schema.createTable('audit_log'), dialect)
        .addColumn('at', 'text', notNull)
        .addColumn('actor_id', 'integer')
        .addColumn('action', 'text', notNull)
        .addColumn('entity', 'text', notNull)
        .addColumn('entity_id', 'text')
        .addColumn('detail', 'text', notNull)
        .addColumn('prev_hash', 'text', notNull)
        .addColumn('hash', 'text', notNull)
        .execute();
      await db.schema
        .createIndex('audit_entity_idx')
        .on('audit_log')
        .columns(['entity', 'entity_id'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const t of [
        'audit_log',
        'item_units',
        'check_items',
        'milestones',
        'phases',
        'campaigns',
        'login_attempts',
        'sessions',
        'users',
        'units',
      ]) {
        await db.schema.dropTable(t).execute();
      }
    },
  };
}
