// Housekeeping: a household import records its process (host:pid) like a screening run, so a
// restart can retire the one it left running at once rather than after ten silent minutes; and
// indexes for the timer's deletions (expired sessions, old login attempts, stale uploads) and the
// per-user upload quota, which would otherwise scan their tables every run.
import type { Kysely, Migration } from 'kysely';
import { emptyText } from './helpers.js';

export function housekeepingMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('household_imports').addColumn('owner', 'text', emptyText).execute();
      await db.schema.createIndex('sessions_expires_idx').on('sessions').column('expires_at').execute();
      await db.schema.createIndex('login_attempts_at_idx').on('login_attempts').column('at').execute();
      await db.schema
        .createIndex('attachments_uploader_idx')
        .on('attachments')
        .columns(['uploaded_by', 'uploaded_at'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('attachments_uploader_idx').execute();
      await db.schema.dropIndex('login_attempts_at_idx').execute();
      await db.schema.dropIndex('sessions_expires_idx').execute();
      await db.schema.alterTable('household_imports').dropColumn('owner').execute();
    },
  };
}
