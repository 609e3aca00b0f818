// Household data screening (issue 6): uploads, import jobs with their per-row errors, place names
// waiting for the office to map them to streets, the office's rule settings, screening runs and
// the findings registry that feeds the problem ledger.
//
// The imported rows themselves are NOT here: each import writes its own table
// (household_rows_<import id>, see modules/households/rows-table.ts), indexed after the load and
// dropped whole when the import is rejected or superseded. A table that appears only on commit is
// what makes a file all-or-nothing without one huge transaction, and a bulk load into an
// unindexed table followed by one sorted index build is ~2× faster than maintaining the indexes.
import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../database.js';
import { emptyText, notNull, withId } from './helpers.js';

export function householdsMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      // A file kept on disk between upload, header mapping and import.
      await db.schema
        .createTable('household_uploads')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('file_name', 'text', notNull)
        .addColumn('path', 'text', notNull)
        .addColumn('size', 'integer', notNull)
        .addColumn('format', 'text', notNull)
        .addColumn('uploaded_by', 'integer', (c) => c.references('users.id'))
        .addColumn('uploaded_at', 'text', notNull)
        .execute();

      await withId(db.schema.createTable('household_imports'), dialect)
        .addColumn('source', 'text', notNull)
        .addColumn('file_name', 'text', notNull)
        .addColumn('format', 'text', notNull)
        .addColumn('encoding', 'text')
        // running → committed | rejected | failed; committed → superseded by a later import.
        .addColumn('status', 'text', notNull)
        .addColumn('rows_table', 'text')
        .addColumn('sheet', 'text')
        .addColumn('header_row', 'integer')
        // JSON: the mapping step's answers, matched columns, unknown headers.
        .addColumn('mapping', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('columns', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('unknown_headers', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('rows', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('accepted', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('rejected', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('error_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('bytes_total', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('bytes_read', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('message', 'text', emptyText)
        .addColumn('created_by', 'integer', (c) => c.references('users.id'))
        .addColumn('created_at', 'text', notNull)
        // Written with every progress update: a running import whose heartbeat stopped died
        // with its process, and its half-written table is dropped by the next import.
        .addColumn('heartbeat_at', 'text', notNull)
        .addColumn('finished_at', 'text')
        .execute();
      await db.schema
        .createIndex('household_imports_source_idx')
        .on('household_imports')
        .columns(['source', 'status', 'id'])
        .execute();

      await withId(db.schema.createTable('household_import_errors'), dialect)
        .addColumn('import_id', 'integer', (c) =>
          c.notNull().references('household_imports.id').onDelete('cascade'),
        )
        .addColumn('row_no', 'integer', notNull)
        .addColumn('column_name', 'text', notNull)
        .addColumn('value', 'text', emptyText)
        .addColumn('message', 'text', notNull)
        .execute();
      await db.schema
        .createIndex('household_import_errors_import_idx')
        .on('household_import_errors')
        .columns(['import_id', 'row_no'])
        .execute();

      // 乡(镇)/街道 names as written in the exports. unit_id null = waiting in the office's queue.
      await withId(db.schema.createTable('household_places'), dialect)
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('unit_id', 'integer', (c) => c.references('units.id').onDelete('set null'))
        .addColumn('households', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('first_seen_at', 'text', notNull)
        .addColumn('last_seen_at', 'text', notNull)
        .addColumn('resolved_by', 'integer', (c) => c.references('users.id'))
        .addColumn('resolved_at', 'text')
        .execute();

      await db.schema
        .createTable('household_rules')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('params', 'text', notNull)
        .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
        .addColumn('updated_at', 'text', notNull)
        .execute();

      await withId(db.schema.createTable('screening_runs'), dialect)
        .addColumn('campaign_id', 'integer', (c) =>
          c.notNull().references('campaigns.id').onDelete('cascade'),
        )
        .addColumn('status', 'text', notNull)
        .addColumn('started_at', 'text', notNull)
        .addColumn('finished_at', 'text')
        .addColumn('started_by', 'integer', (c) => c.references('users.id'))
        .addColumn('imports', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('rules', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('summary', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('message', 'text', emptyText)
        .execute();

      // One row per finding per campaign, kept across runs (deduplicated by finding_key, like the
      // ledger's problems.finding_key): a later run that no longer finds it sets resolved_at.
      await withId(db.schema.createTable('findings'), dialect)
        .addColumn('campaign_id', 'integer', (c) =>
          c.notNull().references('campaigns.id').onDelete('cascade'),
        )
        .addColumn('finding_key', 'text', notNull)
        .addColumn('rule_id', 'text', notNull)
        .addColumn('check_item', 'integer', notNull)
        .addColumn('unit_id', 'integer', (c) => c.references('units.id'))
        .addColumn('township', 'text', emptyText)
        .addColumn('village', 'text', emptyText)
        .addColumn('household_id', 'text')
        .addColumn('id_number', 'text')
        .addColumn('person_name', 'text')
        .addColumn('detail', 'text', notNull)
        .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('first_run_id', 'integer', notNull)
        .addColumn('last_run_id', 'integer', notNull)
        .addColumn('resolved_at', 'text')
        .addColumn('resolved_run_id', 'integer')
        .addColumn('problem_id', 'integer', (c) => c.references('problems.id').onDelete('set null'))
        .addColumn('created_at', 'text', notNull)
        .addColumn('updated_at', 'text', notNull)
        .addUniqueConstraint('findings_campaign_key_uq', ['campaign_id', 'finding_key'])
        .execute();
      await db.schema
        .createIndex('findings_unit_idx')
        .on('findings')
        .columns(['campaign_id', 'unit_id', 'resolved_at'])
        .execute();
      await db.schema
        .createIndex('findings_rule_idx')
        .on('findings')
        .columns(['campaign_id', 'rule_id', 'resolved_at'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const t of [
        'findings',
        'screening_runs',
        'household_rules',
        'household_places',
        'household_import_errors',
        'household_imports',
        'household_uploads',
      ])
        await db.schema.dropTable(t).execute();
    },
  };
}
