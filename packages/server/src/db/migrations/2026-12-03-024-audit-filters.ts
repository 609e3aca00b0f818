// The office's audit log page filters by person, unit (through the person), entity, action and
// date and lists newest first: an index per filter ending in id, so a page of a filtered log is
// read off the index in order instead of sorting a log that grows with every step anyone takes.
import type { Kysely, Migration } from 'kysely';

const INDEXES: [name: string, columns: string[]][] = [
  ['audit_actor_id_idx', ['actor_id', 'id']],
  ['audit_action_id_idx', ['action', 'id']],
  ['audit_entity_id_idx', ['entity', 'id']],
  ['audit_at_idx', ['at']],
];

export function auditFiltersMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      for (const [name, columns] of INDEXES)
        await db.schema.createIndex(name).on('audit_log').columns(columns).execute();
    },
    async down(db: Kysely<unknown>) {
      for (const [name] of INDEXES) await db.schema.dropIndex(name).execute();
    },
  };
}
