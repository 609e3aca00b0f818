// One limit on concurrent exports across server processes: a row per running export, taken in a
// transaction that first counts the person's live rows (http/export-leases.repository.ts). The
// old limit was a counter in each process's memory, so two processes behind a proxy allowed two
// exports each. A row names its process (host:pid) and expires unless renewed, so an export whose
// process died stops counting: at once on the same host, after its expiry elsewhere.
import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../database.js';
import { notNull, withId } from './helpers.js';

export function exportLeasesMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await withId(db.schema.createTable('export_leases'), dialect)
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('owner', 'text', notNull)
        .addColumn('started_at', 'text', notNull)
        .addColumn('expires_at', 'text', notNull)
        .execute();
      // Taking a lease counts the person's rows; housekeeping deletes by expiry.
      await db.schema
        .createIndex('export_leases_user_idx')
        .on('export_leases')
        .columns(['user_id', 'expires_at'])
        .execute();
      await db.schema
        .createIndex('export_leases_expires_idx')
        .on('export_leases')
        .column('expires_at')
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('export_leases').execute();
    },
  };
}
