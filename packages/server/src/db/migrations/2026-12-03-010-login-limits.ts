// Counters for the login and password-change limiter. The old limiter counted rows of
// login_attempts and recorded the attempt afterwards, so parallel guesses all read the same count;
// a row per key, locked while the attempt is decided, makes record-and-decide one atomic step.
import type { Kysely, Migration } from 'kysely';
import { notNull } from './helpers.js';

export function loginLimitsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('login_limits')
        .addColumn('scope', 'text', notNull)
        .addColumn('subject', 'text', notNull)
        .addColumn('ip', 'text', notNull)
        .addColumn('failures', 'integer', notNull)
        .addColumn('window_start', 'text', notNull)
        .addColumn('next_at', 'text', notNull)
        .addColumn('updated_at', 'text', notNull)
        .addPrimaryKeyConstraint('login_limits_pk', ['scope', 'subject', 'ip'])
        .execute();
      // Clean-up deletes counters nobody touched for a long time.
      await db.schema
        .createIndex('login_limits_updated_idx')
        .on('login_limits')
        .column('updated_at')
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('login_limits').execute();
    },
  };
}
