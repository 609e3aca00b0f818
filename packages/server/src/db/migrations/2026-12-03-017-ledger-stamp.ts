// The ledger's change stamp: one number that every committed change to what the tallies count
// (a problem's campaign, unit, item, source, status, mode or deadline; an insert; a delete)
// moves on, in the same transaction. Sums over problem_tallies are then computed once per stamp
// and served from memory (modules/problems/tally-cache.ts) — correct across server processes and
// the CLI, which all move the stamp through the same triggers.
import { type Kysely, type Migration, sql } from 'kysely';
import type { DialectName } from '../database.js';

/** The columns problem_tallies is keyed by (migration 2026-12-03-009). */
const TALLIED = ['campaign_id', 'unit_id', 'check_item_id', 'source', 'status', 'mode', 'deadline'];

export function ledgerStampMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('ledger_stamp')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('n', 'bigint', (c) => c.notNull())
        .execute();
      await sql`insert into ledger_stamp (id, n) values (1, 0)`.execute(db);
      const changed = (o: string, n: string) =>
        TALLIED.map((c) => `${o}.${c} is distinct from ${n}.${c}`).join(' or ');
      if (dialect === 'postgres') {
        // Deferred to commit, so the stamp's row lock is always the last a transaction takes: a
        // writer never holds it while waiting for another lock (no deadlock with the audit lock
        // or tally rows), and holds it only while committing. Once per transaction.
        await sql`create function ledger_stamp_bump() returns trigger language plpgsql as $$
          begin
            if current_setting('paicha.ledger_stamped', true) is distinct from '1' then
              perform set_config('paicha.ledger_stamped', '1', true);
              update ledger_stamp set n = n + 1 where id = 1;
            end if;
            return null;
          end $$`.execute(db);
        const trigger = (name: string, on: string, when = '') =>
          sql
            .raw(`create constraint trigger ${name} after ${on} on problems
                  deferrable initially deferred for each row ${when}
                  execute function ledger_stamp_bump()`)
            .execute(db);
        await trigger('problems_stamp_ins_del', 'insert or delete');
        await trigger('problems_stamp_upd', 'update', `when (${changed('old', 'new')})`);
      } else {
        const bump = 'update ledger_stamp set n = n + 1 where id = 1;';
        await sql
          .raw(`create trigger problems_stamp_ins after insert on problems begin ${bump} end`)
          .execute(db);
        await sql
          .raw(`create trigger problems_stamp_del after delete on problems begin ${bump} end`)
          .execute(db);
        await sql
          .raw(`create trigger problems_stamp_upd after update on problems
                when ${changed('old', 'new').replaceAll('is distinct from', 'is not')} begin ${bump} end`)
          .execute(db);
      }
    },
    async down(db: Kysely<unknown>) {
      if (dialect === 'postgres') {
        await sql`drop trigger if exists problems_stamp_ins_del on problems`.execute(db);
        await sql`drop trigger if exists problems_stamp_upd on problems`.execute(db);
        await sql`drop function if exists ledger_stamp_bump()`.execute(db);
      } else {
        for (const t of ['ins', 'del', 'upd'])
          await sql.raw(`drop trigger if exists problems_stamp_${t}`).execute(db);
      }
      await db.schema.dropTable('ledger_stamp').execute();
    },
  };
}
