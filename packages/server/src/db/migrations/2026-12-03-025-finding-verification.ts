// Each screening finding is worked on its own: its verification state (core
// household/finding-verification.ts), a version for concurrent edits, the village cadre it is
// assigned to; every step in finding_events (evidence files are attachments of the event), and
// the door-to-door visits recorded on a phone in finding_visits — keyed by the id the phone made
// up, so a visit sent twice (an answer lost on a weak connection) is recorded once.
import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../database.js';
import { emptyText, notNull, withId } from './helpers.js';

export function findingVerificationMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('findings')
        .addColumn('verification', 'text', (c) => c.notNull().defaultTo('pending'))
        .execute();
      await db.schema
        .alterTable('findings')
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      await db.schema.alterTable('findings').addColumn('verification_note', 'text', emptyText).execute();
      await db.schema.alterTable('findings').addColumn('verified_at', 'text').execute();
      await db.schema.alterTable('findings').addColumn('assignee_name', 'text', emptyText).execute();
      await db.schema.alterTable('findings').addColumn('assignee_phone', 'text', emptyText).execute();
      await db.schema
        .createIndex('findings_verification_idx')
        .on('findings')
        .columns(['campaign_id', 'unit_id', 'verification'])
        .execute();
      await db.schema
        .createIndex('findings_household_idx')
        .on('findings')
        .columns(['campaign_id', 'household_id'])
        .execute();

      await withId(db.schema.createTable('finding_visits'), dialect)
        // Made by the phone before it is sent: a retry carries the same id.
        .addColumn('client_id', 'text', (c) => c.notNull().unique())
        .addColumn('campaign_id', 'integer', (c) =>
          c.notNull().references('campaigns.id').onDelete('cascade'),
        )
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
        .addColumn('household_id', 'text', notNull)
        .addColumn('note', 'text', emptyText)
        .addColumn('visitor_name', 'text', emptyText)
        // The phone's clock when the visit was recorded, and the server's when it arrived.
        .addColumn('recorded_at', 'text', notNull)
        .addColumn('received_at', 'text', notNull)
        .addColumn('latitude', 'real')
        .addColumn('longitude', 'real')
        .addColumn('accuracy', 'real')
        .addColumn('recorded_by', 'integer', (c) => c.notNull().references('users.id'))
        .execute();
      await db.schema
        .createIndex('finding_visits_household_idx')
        .on('finding_visits')
        .columns(['campaign_id', 'household_id', 'id'])
        .execute();

      await withId(db.schema.createTable('finding_events'), dialect)
        .addColumn('finding_id', 'integer', (c) => c.notNull().references('findings.id').onDelete('cascade'))
        // confirm | dispute | rectify | accept | reject | assign | visit
        .addColumn('action', 'text', notNull)
        .addColumn('from_state', 'text', notNull)
        .addColumn('to_state', 'text', notNull)
        .addColumn('note', 'text', emptyText)
        .addColumn('visit_id', 'integer', (c) => c.references('finding_visits.id').onDelete('cascade'))
        .addColumn('actor_id', 'integer', (c) => c.references('users.id'))
        .addColumn('at', 'text', notNull)
        .execute();
      await db.schema
        .createIndex('finding_events_finding_idx')
        .on('finding_events')
        .columns(['finding_id', 'id'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('finding_events').execute();
      await db.schema.dropTable('finding_visits').execute();
      await db.schema.dropIndex('findings_household_idx').execute();
      await db.schema.dropIndex('findings_verification_idx').execute();
      for (const c of [
        'assignee_phone',
        'assignee_name',
        'verified_at',
        'verification_note',
        'version',
        'verification',
      ])
        await db.schema.alterTable('findings').dropColumn(c).execute();
    },
  };
}
