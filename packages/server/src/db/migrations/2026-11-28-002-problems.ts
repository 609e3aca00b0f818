// The problem ledger (问题/责任/整改清单 in one row), its history, and uploaded files.
import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../database.js';
import { emptyText, notNull, withId } from './helpers.js';

export function problemsMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await withId(db.schema.createTable('attachments'), dialect)
        .addColumn('sha256', 'text', notNull)
        .addColumn('size', 'integer', notNull)
        .addColumn('mime', 'text', notNull)
        .addColumn('original_name', 'text', notNull)
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
        .addColumn('uploaded_by', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('uploaded_at', 'text', notNull)
        // What the file is evidence for, set when it is attached ('problem_event', 'submission' …).
        .addColumn('entity', 'text')
        .addColumn('entity_id', 'integer')
        .execute();
      await db.schema
        .createIndex('attachments_entity_idx')
        .on('attachments')
        .columns(['entity', 'entity_id'])
        .execute();

      await withId(db.schema.createTable('problems'), dialect)
        .addColumn('campaign_id', 'integer', (c) =>
          c.notNull().references('campaigns.id').onDelete('cascade'),
        )
        .addColumn('check_item_id', 'integer', (c) => c.notNull().references('check_items.id'))
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
        .addColumn('source', 'text', notNull)
        .addColumn('description', 'text', notNull)
        .addColumn('found_date', 'text', notNull)
        .addColumn('place', 'text', emptyText)
        .addColumn('household_ref', 'text')
        .addColumn('cause', 'text', emptyText)
        .addColumn('measures', 'text', emptyText)
        .addColumn('responsible_leader', 'text', emptyText)
        .addColumn('responsible_person', 'text', emptyText)
        .addColumn('mode', 'text', notNull)
        .addColumn('deadline', 'text')
        .addColumn('deadline_reason', 'text', emptyText)
        .addColumn('status', 'text', notNull)
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('return_reason', 'text', emptyText)
        .addColumn('created_by', 'integer', (c) => c.references('users.id'))
        .addColumn('created_at', 'text', notNull)
        .addColumn('updated_at', 'text', notNull)
        .addColumn('submitted_at', 'text')
        .addColumn('closed_at', 'text')
        // Data-screening problems: the finding they came from, and when a later screening
        // stopped finding it (only then may the office close it out).
        .addColumn('finding_key', 'text')
        .addColumn('screening_cleared_at', 'text')
        .execute();
      // The list page filters inside one campaign and sorts newest first: (campaign_id, id) gives
      // that order straight from the index. The (…, status, deadline) indexes cover the count
      // queries (found / closed / overdue per unit or item) without touching the table.
      const index = (name: string, columns: string[]) =>
        db.schema.createIndex(name).on('problems').columns(columns).execute();
      await index('problems_campaign_id_idx', ['campaign_id', 'id']);
      await index('problems_campaign_unit_idx', ['campaign_id', 'unit_id', 'status', 'deadline']);
      await index('problems_campaign_item_idx', ['campaign_id', 'check_item_id', 'status', 'deadline']);
      await index('problems_campaign_deadline_idx', ['campaign_id', 'deadline']);
      await db.schema
        .createIndex('problems_finding_key_uq')
        .on('problems')
        .columns(['campaign_id', 'finding_key'])
        .unique()
        .execute();

      await withId(db.schema.createTable('problem_events'), dialect)
        .addColumn('problem_id', 'integer', (c) => c.notNull().references('problems.id').onDelete('cascade'))
        .addColumn('at', 'text', notNull)
        .addColumn('event_date', 'text', notNull)
        .addColumn('actor_id', 'integer', (c) => c.references('users.id'))
        .addColumn('kind', 'text', notNull)
        .addColumn('from_status', 'text')
        .addColumn('to_status', 'text')
        .addColumn('text', 'text', emptyText)
        .addColumn('detail', 'text', (c) => c.notNull().defaultTo('{}'))
        .execute();
      await db.schema
        .createIndex('problem_events_problem_idx')
        .on('problem_events')
        .columns(['problem_id', 'id'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const t of ['problem_events', 'problems', 'attachments']) await db.schema.dropTable(t).execute();
    },
  };
}
