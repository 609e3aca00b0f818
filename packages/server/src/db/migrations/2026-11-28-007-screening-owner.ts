// Who is running a screening run, and when it last said so: a run whose process was killed
// must not block the next one forever (screening.service.ts retires such runs).
import type { Kysely, Migration } from 'kysely';
import { emptyText } from './helpers.js';

export function screeningOwnerMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('screening_runs').addColumn('owner', 'text', emptyText).execute();
      await db.schema.alterTable('screening_runs').addColumn('heartbeat_at', 'text').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('screening_runs').dropColumn('heartbeat_at').execute();
      await db.schema.alterTable('screening_runs').dropColumn('owner').execute();
    },
  };
}
