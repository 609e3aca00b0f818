// The data-quality trend: per screening run, street and rule that ran, the findings open after the
// run and the national roll's households routed to the street in it (findings per 100 households).
// Written once by the run's recording transaction, never updated: a later re-mapping of a place
// does not rewrite what a past run measured.
import type { Kysely, Migration } from 'kysely';

export function screeningTalliesMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('screening_run_tallies')
        .addColumn('run_id', 'integer', (c) =>
          c.notNull().references('screening_runs.id').onDelete('cascade'),
        )
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
        .addColumn('rule_id', 'text', (c) => c.notNull())
        .addColumn('findings', 'integer', (c) => c.notNull())
        .addColumn('households', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('screening_run_tallies_pk', ['run_id', 'unit_id', 'rule_id'])
        .execute();
      // A street's trend reads its own rows run by run.
      await db.schema
        .createIndex('screening_run_tallies_unit_idx')
        .on('screening_run_tallies')
        .columns(['unit_id', 'run_id'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('screening_run_tallies').execute();
    },
  };
}
