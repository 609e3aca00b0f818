// SQLite: the search box's 1–2 character words through an index of their own. The trigram index
// (2026-12-03-009) answered them by listing its trigrams that begin with the words (fts5vocab),
// which counts every listed trigram's rows first: ~15 ms a request for 知晓 at 400,000 problems.
// Here every two characters of the searched text are one token of a second FTS5 index, rowids
// only (detail=none) with a one-character prefix index: a 2-character word is one token, a
// 1-character word one prefix lookup, read in id order and stopped when the page is full.
//
// The text is cut into pairs by SQL alone (json_each over a run of zeros as long as the text), so
// triggers keep the index from any connection, the CLI and other tools included. The `ascii`
// tokenizer folds ASCII letters as LIKE does and splits at ASCII characters other than letters
// and digits: a pair holding one (a line break between columns, a space, punctuation) leaves a
// one-character token or none, so a 2-character token is exactly a pair of the text and every
// character of the text begins a token; words holding such characters are matched by LIKE
// instead (problems.search.ts).
import { type Kysely, type Migration, sql } from 'kysely';
import type { DialectName } from '../database.js';
import { SEARCH_COLUMNS, searchBody } from './2026-12-03-009-ledger-search.js';

/** The pairs of `row`'s searched text, space-separated; the text ends in a line break. */
function pairs(row: string): string {
  return `(select group_concat(substr(b.t, j.key + 1, 2), ' ')
    from (select ${searchBody(row)} || char(10) as t) b,
      json_each('[' || substr(replace(hex(zeroblob(length(b.t))), '00', ',0'), 2) || ']') j)`;
}

export function ledgerBigramsMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      if (dialect !== 'sqlite') return;
      await sql`create virtual table problems_bigrams using fts5(pairs, content='', contentless_delete=1, detail='none', prefix='1', tokenize='ascii')`.execute(
        db,
      );
      const insert = (row: string) =>
        `insert into problems_bigrams (rowid, pairs) values (${row}.id, ${pairs(row)});`;
      await sql
        .raw(`insert into problems_bigrams (rowid, pairs) select p.id, ${pairs('p')} from problems p`)
        .execute(db);
      await sql
        .raw(`create trigger problems_bigrams_ins after insert on problems begin ${insert('new')} end`)
        .execute(db);
      await sql
        .raw(`create trigger problems_bigrams_del after delete on problems begin
              delete from problems_bigrams where rowid = old.id; end`)
        .execute(db);
      await sql
        .raw(`create trigger problems_bigrams_upd after update of ${SEARCH_COLUMNS.join(', ')} on problems begin
              delete from problems_bigrams where rowid = old.id; ${insert('new')} end`)
        .execute(db);
      // The trigram index's vocabulary listing served only the short words.
      await sql`drop table if exists problems_fts_terms`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      if (dialect !== 'sqlite') return;
      for (const t of ['ins', 'del', 'upd'])
        await sql.raw(`drop trigger if exists problems_bigrams_${t}`).execute(db);
      await sql`drop table if exists problems_bigrams`.execute(db);
      await sql`create virtual table problems_fts_terms using fts5vocab(problems_fts, 'row')`.execute(db);
    },
  };
}
