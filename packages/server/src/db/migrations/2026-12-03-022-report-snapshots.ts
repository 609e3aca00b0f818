// A submitted monthly report keeps the figures it was submitted with: at submission its rows and
// the ledger's counts beside them are copied into monthly_report_snapshot_rows (snapshot_at says
// when), and the view, the review and the export of a submitted or accepted report read the copy,
// not today's ledger. The unit head's explanation of the validation warnings is kept with it.
import type { ColumnDefinitionBuilder, Kysely, Migration } from 'kysely';
import { emptyText } from './helpers.js';

const count = (c: ColumnDefinitionBuilder) => c.notNull().defaultTo(0);

export function reportSnapshotsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('monthly_reports').addColumn('snapshot_at', 'text').execute();
      await db.schema.alterTable('monthly_reports').addColumn('explanation', 'text', emptyText).execute();
      await db.schema
        .createTable('monthly_report_snapshot_rows')
        .addColumn('report_id', 'integer', (c) =>
          c.notNull().references('monthly_reports.id').onDelete('cascade'),
        )
        .addColumn('check_item_id', 'integer', (c) =>
          c.notNull().references('check_items.id').onDelete('cascade'),
        )
        .addColumn('situation', 'text', emptyText)
        .addColumn('measures', 'text', emptyText)
        .addColumn('progress', 'text', emptyText)
        .addColumn('assigned', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('found', 'integer', count)
        .addColumn('rectifying', 'integer', count)
        .addColumn('awaiting_review', 'integer', count)
        .addColumn('rectified', 'integer', count)
        .addColumn('closed', 'integer', count)
        .addColumn('overdue', 'integer', count)
        .addPrimaryKeyConstraint('monthly_report_snapshot_rows_pk', ['report_id', 'check_item_id'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('monthly_report_snapshot_rows').execute();
      await db.schema.alterTable('monthly_reports').dropColumn('explanation').execute();
      await db.schema.alterTable('monthly_reports').dropColumn('snapshot_at').execute();
    },
  };
}
