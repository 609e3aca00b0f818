// The 待办 workbench: what each person has looked at (so "new screening results" are the runs
// finished since their last visit), and indexes for the workbench's small lookups — a
// campaign's reports and submissions by status (the office's review queue) and an inspector's
// own visits and the problems each became — so the landing page reads them off an index as the tables grow.
import type { Kysely, Migration } from 'kysely';
import { notNull } from './helpers.js';

export function workbenchMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('workbench_seen')
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('what', 'text', notNull)
        .addColumn('seen_at', 'text', notNull)
        .addPrimaryKeyConstraint('workbench_seen_pk', ['user_id', 'what'])
        .execute();
      await db.schema
        .createIndex('monthly_reports_status_idx')
        .on('monthly_reports')
        .columns(['campaign_id', 'status'])
        .execute();
      await db.schema
        .createIndex('submissions_status_idx')
        .on('submissions')
        .columns(['campaign_id', 'status'])
        .execute();
      await db.schema
        .createIndex('inspections_creator_idx')
        .on('inspections')
        .columns(['created_by', 'campaign_id', 'visit_date'])
        .execute();
      await db.schema
        .createIndex('screening_runs_finished_idx')
        .on('screening_runs')
        .columns(['campaign_id', 'finished_at'])
        .execute();
      // The problems a visit became (the inspector's workbench and the visit pages ask by visit).
      await db.schema.createIndex('problems_inspection_idx').on('problems').column('inspection_id').execute();
    },
    async down(db: Kysely<unknown>) {
      for (const i of [
        'problems_inspection_idx',
        'screening_runs_finished_idx',
        'inspections_creator_idx',
        'submissions_status_idx',
        'monthly_reports_status_idx',
      ])
        await db.schema.dropIndex(i).execute();
      await db.schema.dropTable('workbench_seen').execute();
    },
  };
}
