// The calendar's change stamp: one number moved on, in the same transaction, by every committed
// change to the office's calendar days (an edit, a reset, an import — through the server, the CLI
// or another process). The calendar in force is then built once per stamp and kept in memory
// (modules/calendar/calendar-cache.ts) instead of read on every ledger page.
import { type Kysely, type Migration, sql } from 'kysely';
import type { DialectName } from '../database.js';

export function calendarStampMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('calendar_stamp')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('n', 'bigint', (c) => c.notNull())
        .execute();
      await sql`insert into calendar_stamp (id, n) values (1, 0)`.execute(db);
      if (dialect === 'postgres') {
        // Deferred to commit, as the ledger's stamp is (2026-12-03-017): an import upserting many
        // days takes the stamp's row lock last and once, so two edits never wait on each other
        // holding it.
        await sql`create function calendar_stamp_bump() returns trigger language plpgsql as $$
          begin
            if current_setting('paicha.calendar_stamped', true) is distinct from '1' then
              perform set_config('paicha.calendar_stamped', '1', true);
              update calendar_stamp set n = n + 1 where id = 1;
            end if;
            return null;
          end $$`.execute(db);
        await sql`create constraint trigger calendar_days_stamp after insert or update or delete
          on calendar_days deferrable initially deferred for each row
          execute function calendar_stamp_bump()`.execute(db);
      } else {
        const bump = 'update calendar_stamp set n = n + 1 where id = 1;';
        for (const [name, on] of [
          ['ins', 'insert'],
          ['upd', 'update'],
          ['del', 'delete'],
        ])
          await sql
            .raw(`create trigger calendar_days_stamp_${name} after ${on} on calendar_days begin ${bump} end`)
            .execute(db);
      }
    },
    async down(db: Kysely<unknown>) {
      if (dialect === 'postgres') {
        await sql`drop trigger if exists calendar_days_stamp on calendar_days`.execute(db);
        await sql`drop function if exists calendar_stamp_bump()`.execute(db);
      } else {
        for (const t of ['ins', 'upd', 'del'])
          await sql.raw(`drop trigger if exists calendar_days_stamp_${t}`).execute(db);
      }
      await db.schema.dropTable('calendar_stamp').execute();
    },
  };
}
