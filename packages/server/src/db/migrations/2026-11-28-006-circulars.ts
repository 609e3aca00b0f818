// 通报 (circulars) built from the unit scorecard: drafts the office edits, and issued ones kept
// with the figures and the .docx exactly as sent. The .docx is stored as base64 text so one
// column type serves SQLite and PostgreSQL (files are ~20 KB).
import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../database.js';
import { emptyText, notNull, withId } from './helpers.js';

export function circularsMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await withId(db.schema.createTable('circulars'), dialect)
        .addColumn('campaign_id', 'integer', (c) =>
          c.notNull().references('campaigns.id').onDelete('cascade'),
        )
        .addColumn('status', 'text', notNull)
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('title', 'text', notNull)
        .addColumn('doc_number', 'text', emptyText)
        .addColumn('period_from', 'text', notNull)
        .addColumn('period_to', 'text', notNull)
        .addColumn('intro', 'text', emptyText)
        .addColumn('requirements', 'text', emptyText)
        .addColumn('deadline', 'text')
        .addColumn('figures', 'text', notNull)
        .addColumn('figures_at', 'text', notNull)
        .addColumn('doc_date', 'text', notNull)
        .addColumn('docx', 'text')
        .addColumn('docx_sha256', 'text')
        .addColumn('issued_at', 'text')
        .addColumn('issued_by', 'integer', (c) => c.references('users.id'))
        .addColumn('created_by', 'integer', (c) => c.references('users.id'))
        .addColumn('created_at', 'text', notNull)
        .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
        .addColumn('updated_at', 'text', notNull)
        .execute();
      await db.schema
        .createIndex('circulars_campaign_idx')
        .on('circulars')
        .columns(['campaign_id', 'status', 'id'])
        .execute();
      // The dashboard's weekly trend and the scorecard's as-of counts read only these columns:
      // covering them keeps both to an index scan at 200,000 problems.
      await db.schema
        .createIndex('problems_campaign_asof_idx')
        .on('problems')
        .columns(['campaign_id', 'unit_id', 'check_item_id', 'created_at', 'closed_at', 'deadline'])
        .execute();
      // The scorecard counts 退回 and 提交 events of a period; without this it reads every event.
      await db.schema
        .createIndex('problem_events_kind_date_idx')
        .on('problem_events')
        .columns(['kind', 'event_date'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('problem_events_kind_date_idx').execute();
      await db.schema.dropIndex('problems_campaign_asof_idx').execute();
      await db.schema.dropTable('circulars').execute();
    },
  };
}
