// PostgreSQL: the search box's 1–2 character words through an index (SQLite has its own pairs'
// index, 2026-12-03-018). pg_trgm cannot take words shorter than a trigram, so such a search
// walked the list with LIKE: fast for a common word, a whole-ledger scan for a rare one.
//
// problem_grams(text) lists every character of the searched text and every two adjacent
// characters, built by C functions only (string_to_array cuts the characters; regexp_replace
// marks the pairs at even and at odd offsets), and a GIN index holds it, so `@> array[word]` finds
// exactly the rows whose text contains the 1–2 character word. The marker is \x01: a word holding
// it (or a line break, which also joins the columns) is rechecked by LIKE (search.repository.ts).
// The function is declared costly: computed row by row it is far slower than LIKE, so the planner
// reads it from the index, and when it walks the list instead it tests LIKE first.
import { type Kysely, type Migration, sql } from 'kysely';
import type { DialectName } from '../database.js';
import { pgSearchBody } from './2026-12-03-009-ledger-search.js';

export function ledgerGramsMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      if (dialect !== 'postgres') return;
      await sql
        .raw(`create function problem_grams(t text) returns text[]
          language sql immutable strict parallel safe cost 1000 as $$
          select string_to_array(t, null)
            || string_to_array(regexp_replace(t, '(..)', E'\\\\1\\x01', 'g'), E'\\x01')
            || string_to_array(regexp_replace(substr(t, 2), '(..)', E'\\\\1\\x01', 'g'), E'\\x01')
          $$`)
        .execute(db);
      await sql
        .raw(
          `create index problems_search_grams_idx on problems using gin (problem_grams(${pgSearchBody('problems')}))`,
        )
        .execute(db);
      // The planner's word frequencies for the new expression (most common elements).
      await sql`analyze problems`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      if (dialect !== 'postgres') return;
      await sql`drop index if exists problems_search_grams_idx`.execute(db);
      await sql`drop function if exists problem_grams(text)`.execute(db);
    },
  };
}
