// Monthly reports (月报表: one per unit per monthly milestone, one row per assigned check item)
// and milestone submissions (工作方案, 问题清单, 整改结果, 总结) with their files.
import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../database.js';
import { emptyText, notNull, withId } from './helpers.js';

export function reportsMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await withId(db.schema.createTable('monthly_reports'), dialect)
        .addColumn('campaign_id', 'integer', (c) =>
          c.notNull().references('campaigns.id').onDelete('cascade'),
        )
        .addColumn('milestone_id', 'integer', (c) =>
          c.notNull().references('milestones.id').onDelete('cascade'),
        )
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
        .addColumn('period', 'text', notNull)
        .addColumn('status', 'text', notNull)
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('filler_name', 'text', emptyText)
        .addColumn('reviewer_name', 'text', emptyText)
        .addColumn('phone', 'text', emptyText)
        .addColumn('return_reason', 'text', emptyText)
        // Timeliness is judged on the first submission (a later return is a quality matter, not
        // lateness); *_on is the China date the clock gave, compared with the milestone's due date.
        .addColumn('first_submitted_at', 'text')
        .addColumn('first_submitted_on', 'text')
        .addColumn('submitted_at', 'text')
        .addColumn('submitted_on', 'text')
        .addColumn('submitted_by', 'integer', (c) => c.references('users.id'))
        .addColumn('reviewed_at', 'text')
        .addColumn('reviewed_by', 'integer', (c) => c.references('users.id'))
        .addColumn('created_by', 'integer', (c) => c.references('users.id'))
        .addColumn('created_at', 'text', notNull)
        .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
        .addColumn('updated_at', 'text', notNull)
        .addUniqueConstraint('monthly_reports_milestone_unit_uq', ['milestone_id', 'unit_id'])
        .execute();
      await db.schema
        .createIndex('monthly_reports_campaign_period_idx')
        .on('monthly_reports')
        .columns(['campaign_id', 'period'])
        .execute();

      await db.schema
        .createTable('monthly_report_rows')
        .addColumn('report_id', 'integer', (c) =>
          c.notNull().references('monthly_reports.id').onDelete('cascade'),
        )
        .addColumn('check_item_id', 'integer', (c) =>
          c.notNull().references('check_items.id').onDelete('cascade'),
        )
        .addColumn('situation', 'text', emptyText)
        .addColumn('measures', 'text', emptyText)
        .addColumn('progress', 'text', emptyText)
        .addPrimaryKeyConstraint('monthly_report_rows_pk', ['report_id', 'check_item_id'])
        .execute();

      await withId(db.schema.createTable('submissions'), dialect)
        .addColumn('campaign_id', 'integer', (c) =>
          c.notNull().references('campaigns.id').onDelete('cascade'),
        )
        .addColumn('milestone_id', 'integer', (c) =>
          c.notNull().references('milestones.id').onDelete('cascade'),
        )
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
        .addColumn('status', 'text', notNull)
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('content', 'text', emptyText)
        // Only the 06-30 summary uses these: 经验做法 and 建章立制 (rules and institutions set up).
        .addColumn('experience', 'text', emptyText)
        .addColumn('institutions', 'text', emptyText)
        .addColumn('return_reason', 'text', emptyText)
        .addColumn('first_submitted_at', 'text')
        .addColumn('first_submitted_on', 'text')
        .addColumn('submitted_at', 'text')
        .addColumn('submitted_on', 'text')
        .addColumn('submitted_by', 'integer', (c) => c.references('users.id'))
        .addColumn('reviewed_at', 'text')
        .addColumn('reviewed_by', 'integer', (c) => c.references('users.id'))
        .addColumn('created_by', 'integer', (c) => c.references('users.id'))
        .addColumn('created_at', 'text', notNull)
        .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
        .addColumn('updated_at', 'text', notNull)
        .addUniqueConstraint('submissions_milestone_unit_uq', ['milestone_id', 'unit_id'])
        .execute();
      await db.schema
        .createIndex('submissions_campaign_idx')
        .on('submissions')
        .columns(['campaign_id', 'unit_id'])
        .execute();

      // Which claimed attachments currently belong to a submission, and as what. Removing a file
      // deletes the link only: the attachment stays claimed, so evidence never changes owner.
      await db.schema
        .createTable('submission_files')
        .addColumn('submission_id', 'integer', (c) =>
          c.notNull().references('submissions.id').onDelete('cascade'),
        )
        .addColumn('attachment_id', 'integer', (c) => c.notNull().references('attachments.id'))
        .addColumn('kind', 'text', notNull)
        .addColumn('added_by', 'integer', (c) => c.references('users.id'))
        .addColumn('added_at', 'text', notNull)
        .addPrimaryKeyConstraint('submission_files_pk', ['submission_id', 'attachment_id'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const t of ['submission_files', 'submissions', 'monthly_report_rows', 'monthly_reports'])
        await db.schema.dropTable(t).execute();
    },
  };
}
