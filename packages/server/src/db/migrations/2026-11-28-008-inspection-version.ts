// 明察暗访 visits get a version number like problems and reports: two people editing the same
// visit no longer overwrite each other silently (the second save answers 409).
import type { Kysely, Migration } from 'kysely';

export function inspectionVersionMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('inspections')
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('inspections').dropColumn('version').execute();
    },
  };
}
