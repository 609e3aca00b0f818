// A 待审核 notice resolves once the office has acted on what it names, or once a newer 待审核 of
// the same report or problem supersedes it (notifications.repository.ts `resolution`). That rule
// looks up later notices of the same entity for every row it reads, so it gets its own index
// instead of walking the office's whole inbox by (unit_id, id).
import type { Kysely, Migration } from 'kysely';

export function notificationEntityMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createIndex('notifications_entity_idx')
        .on('notifications')
        .columns(['entity', 'entity_id', 'kind', 'unit_id', 'id'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('notifications_entity_idx').execute();
    },
  };
}
