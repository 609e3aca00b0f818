// A screening run's findings as it found them, in the database instead of the run's memory: the
// rules write them here in pages, the filing into the findings registry reads them set-based, and
// `paicha screen --json` streams them out by keyset on (run_id, seq). Only the latest run's rows
// are kept (the recording transaction deletes the others): the registry (findings) is the record.
import type { Kysely, Migration } from 'kysely';

export function screeningRunFindingsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('screening_run_findings')
        .addColumn('run_id', 'integer', (c) =>
          c.notNull().references('screening_runs.id').onDelete('cascade'),
        )
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('rule_id', 'text', (c) => c.notNull())
        .addColumn('finding_key', 'text', (c) => c.notNull())
        .addColumn('check_item', 'integer', (c) => c.notNull())
        .addColumn('unit_id', 'integer')
        .addColumn('township', 'text', (c) => c.notNull())
        .addColumn('village', 'text', (c) => c.notNull())
        .addColumn('household_id', 'text')
        // The valid 18-digit ID printed by `paicha screen --json`; raw_id is the ID as held.
        .addColumn('id_number', 'text')
        .addColumn('raw_id', 'text')
        .addColumn('person_name', 'text')
        .addColumn('detail', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('screening_run_findings_pk', ['run_id', 'seq'])
        .execute();
      // The filing matches the registry's findings to the run's by key.
      await db.schema
        .createIndex('screening_run_findings_key_uq')
        .unique()
        .on('screening_run_findings')
        .columns(['run_id', 'finding_key'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('screening_run_findings').execute();
    },
  };
}
