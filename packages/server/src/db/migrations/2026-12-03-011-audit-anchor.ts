// The audit log's seal: which rows predate the HMAC key (they keep their plain SHA-256 chain and
// are anchored once by the hash of the last of them) and a check value that tells a process
// started with the wrong key apart from a tampered log. One row, written at start-up, MACed with
// the key kept outside the database (modules/audit/audit-key.ts).
import type { Kysely, Migration } from 'kysely';
import { notNull } from './helpers.js';

export function auditAnchorMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('audit_seal')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('legacy_last_id', 'integer', notNull)
        .addColumn('legacy_last_hash', 'text', notNull)
        .addColumn('key_check', 'text', notNull)
        .addColumn('sealed_at', 'text', notNull)
        .addColumn('mac', 'text', notNull)
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('audit_seal').execute();
    },
  };
}
