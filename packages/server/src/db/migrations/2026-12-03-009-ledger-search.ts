// The ledger at 400,000 problems: an index for every filter and sort the list offers, a text
// index that finds Chinese words, and a tally of problems per (unit, item, source, status, mode,
// deadline) kept by triggers, so counts and the list's total never rescan the ledger.
import { type Kysely, type Migration, sql } from 'kysely';
import type { DialectName } from '../database.js';

/** What the search box looks through, one column after another (see problems.search.ts). */
export const SEARCH_COLUMNS = [
  'description',
  'place',
  'cause',
  'measures',
  'responsible_leader',
  'responsible_person',
  'household_ref',
] as const;

/** The searched columns of `alias` joined by line breaks: the text both text indexes hold. */
export function searchBody(alias: string, fold: (s: string) => string = (s) => s): string {
  return SEARCH_COLUMNS.map((c) => fold(`coalesce(${alias}.${c}, '')`)).join(` || char(10) || `);
}

/** The same body in PostgreSQL's spelling (an index expression must be matched exactly). */
export function pgSearchBody(alias: string): string {
  return SEARCH_COLUMNS.map((c) => `coalesce(${alias}.${c}, '')`).join(` || E'\\n' || `);
}

// Ordered list pages: the campaign, optionally the unit (a street sees only its own), then the
// sort column and id as the tie-breaker, so a page is read straight off an index.
const SORTED = ['id', 'deadline', 'found_date', 'updated_at', 'status', 'check_item_id'];
const INDEXES: [string, string[]][] = [
  ...SORTED.filter((c) => c !== 'id').map((c): [string, string[]] => [
    `problems_${c}_page_idx`,
    ['campaign_id', c, 'id'],
  ]),
  ...SORTED.map((c): [string, string[]] => [
    `problems_unit_${c}_page_idx`,
    ['campaign_id', 'unit_id', ...(c === 'id' ? [] : [c]), 'id'],
  ]),
  ['problems_source_page_idx', ['campaign_id', 'source', 'id']],
];

const KEY = ['campaign_id', 'unit_id', 'check_item_id', 'source', 'status', 'mode', 'deadline'];

export function ledgerSearchMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      for (const [name, columns] of INDEXES)
        await db.schema.createIndex(name).on('problems').columns(columns).execute();
      // Unit and item sorts walk units / items in order and each one's problems by id.
      await db.schema.createIndex('units_sort_idx').on('units').columns(['sort_order', 'id']).execute();
      await db.schema
        .createIndex('check_items_seq_idx')
        .on('check_items')
        .columns(['campaign_id', 'seq', 'id'])
        .execute();

      await db.schema
        .createTable('problem_tallies')
        .addColumn('campaign_id', 'integer', (c) => c.notNull())
        .addColumn('unit_id', 'integer', (c) => c.notNull())
        .addColumn('check_item_id', 'integer', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('mode', 'text', (c) => c.notNull())
        // '' for "no deadline": a key column must not be NULL for the upsert to find its row.
        .addColumn('deadline', 'text', (c) => c.notNull())
        .addColumn('n', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('problem_tallies_pk', KEY as never)
        // SQLite: the rows live in the key's b-tree, so summing a campaign's tallies reads one
        // range instead of looking each row up by rowid.
        .$call((t) => (dialect === 'sqlite' ? t.modifyEnd(sql`without rowid`) : t))
        .execute();
      const keyOf = (row: string) =>
        KEY.map((c) => (c === 'deadline' ? `coalesce(${row}.deadline, '')` : `${row}.${c}`)).join(', ');
      await sql
        .raw(
          `insert into problem_tallies (${KEY.join(', ')}, n)
           select ${keyOf('p')}, count(*) from problems p group by ${keyOf('p')}`,
        )
        .execute(db);
      if (dialect === 'postgres') await postgresUp(db, keyOf);
      else await sqliteUp(db, keyOf);
    },
    async down(db: Kysely<unknown>) {
      if (dialect === 'postgres') {
        for (const t of ['ins', 'upd', 'del'])
          await sql.raw(`drop trigger if exists problems_tally_${t} on problems`).execute(db);
        await sql`drop function if exists problems_tally()`.execute(db);
        await sql`drop index if exists problems_search_trgm_idx`.execute(db);
      } else {
        for (const t of ['tally_ins', 'tally_upd', 'tally_del', 'fts_ins', 'fts_upd', 'fts_del'])
          await sql.raw(`drop trigger if exists problems_${t}`).execute(db);
        await sql`drop table if exists problems_fts_terms`.execute(db);
        await sql`drop table if exists problems_fts`.execute(db);
      }
      await db.schema.dropTable('problem_tallies').execute();
      await db.schema.dropIndex('check_items_seq_idx').execute();
      await db.schema.dropIndex('units_sort_idx').execute();
      for (const [name] of INDEXES) await db.schema.dropIndex(name).execute();
    },
  };
}

async function sqliteUp(db: Kysely<unknown>, keyOf: (row: string) => string) {
  const add = (row: string) =>
    `insert into problem_tallies (${KEY.join(', ')}, n) values (${keyOf(row)}, 1)
     on conflict (${KEY.join(', ')}) do update set n = n + 1;`;
  const remove = (row: string) =>
    `update problem_tallies set n = n - 1 where (${KEY.join(', ')}) = (${keyOf(row)});`;
  const changed = KEY.map((c) => `old.${c} is not new.${c}`).join(' or ');
  await sql
    .raw(`create trigger problems_tally_ins after insert on problems begin ${add('new')} end`)
    .execute(db);
  await sql
    .raw(`create trigger problems_tally_del after delete on problems begin ${remove('old')} end`)
    .execute(db);
  await sql
    .raw(`create trigger problems_tally_upd after update on problems when ${changed}
          begin ${remove('old')} ${add('new')} end`)
    .execute(db);

  // Trigram full-text index (FTS5): any 3+ characters, Chinese included. The text is folded to
  // lower case the way SQLite's LIKE folds it (ASCII only) and matched case-sensitively, so a
  // match here is exactly a LIKE match; contentless, as the problems table holds the text.
  await sql`create virtual table problems_fts using fts5(body, content='', contentless_delete=1, tokenize='trigram case_sensitive 1')`.execute(
    db,
  );
  // Two line breaks close the text, so every character starts a trigram: a 1–2 character search
  // then looks up the trigrams that begin with it (problems_fts_terms) instead of reading rows.
  const body = (row: string) => `${searchBody(row, (s) => `lower(${s})`)} || char(10, 10)`;
  const insert = (row: string) => `insert into problems_fts (rowid, body) values (${row}.id, ${body(row)});`;
  await sql
    .raw(`insert into problems_fts (rowid, body) select p.id, ${body('p')} from problems p`)
    .execute(db);
  await sql`create virtual table problems_fts_terms using fts5vocab(problems_fts, 'row')`.execute(db);
  await sql
    .raw(`create trigger problems_fts_ins after insert on problems begin ${insert('new')} end`)
    .execute(db);
  await sql
    .raw(`create trigger problems_fts_del after delete on problems begin
          delete from problems_fts where rowid = old.id; end`)
    .execute(db);
  await sql
    .raw(`create trigger problems_fts_upd after update of ${SEARCH_COLUMNS.join(', ')} on problems begin
          delete from problems_fts where rowid = old.id; ${insert('new')} end`)
    .execute(db);
  await sql`analyze`.execute(db);
}

async function postgresUp(db: Kysely<unknown>, keyOf: (row: string) => string) {
  // Statement-level triggers with transition tables: a bulk insert (COPY, a 5,000-row import)
  // updates each tally row once, and rows are upserted in key order, so two transactions
  // moving problems in opposite directions lock tally rows in the same order (no deadlock).
  await sql
    .raw(`create function problems_tally() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        insert into problem_tallies (${KEY.join(', ')}, n)
        select ${keyOf('r')}, count(*) from new_rows r group by ${keyOf('r')} order by ${keyOf('r')}
        on conflict (${KEY.join(', ')}) do update set n = problem_tallies.n + excluded.n;
      elsif tg_op = 'DELETE' then
        insert into problem_tallies (${KEY.join(', ')}, n)
        select ${keyOf('r')}, -count(*) from old_rows r group by ${keyOf('r')} order by ${keyOf('r')}
        on conflict (${KEY.join(', ')}) do update set n = problem_tallies.n + excluded.n;
      else
        insert into problem_tallies (${KEY.join(', ')}, n)
        select ${KEY.join(', ')}, sum(d) from (
          select ${keyOf('o')}, -1 as d from old_rows o
          union all select ${keyOf('r')}, 1 from new_rows r
        ) x (${KEY.join(', ')}, d)
        group by ${KEY.join(', ')} having sum(d) <> 0 order by ${KEY.join(', ')}
        on conflict (${KEY.join(', ')}) do update set n = problem_tallies.n + excluded.n;
      end if;
      return null;
    end $$`)
    .execute(db);
  await sql
    .raw(`create trigger problems_tally_ins after insert on problems
          referencing new table as new_rows for each statement execute function problems_tally()`)
    .execute(db);
  await sql
    .raw(`create trigger problems_tally_upd after update on problems
          referencing old table as old_rows new table as new_rows for each statement execute function problems_tally()`)
    .execute(db);
  await sql
    .raw(`create trigger problems_tally_del after delete on problems
          referencing old table as old_rows for each statement execute function problems_tally()`)
    .execute(db);

  // pg_trgm: trigram GIN over the searched text, used by LIKE '%…%' for 3+ characters.
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql
    .raw(
      `create index problems_search_trgm_idx on problems using gin ((${pgSearchBody('problems')}) gin_trgm_ops)`,
    )
    .execute(db);
  await sql`analyze problems`.execute(db);
}
