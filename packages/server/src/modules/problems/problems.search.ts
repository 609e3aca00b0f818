// The ledger's search box at 400,000 problems. Words of 3+ characters (Chinese included) go
// through a trigram index — SQLite FTS5 `trigram`, PostgreSQL `pg_trgm` — and find exactly what
// LIKE '%word%' over the searched columns finds. 1–2 characters: on SQLite, the index's trigrams
// that begin with them (trigramsStarting); on PostgreSQL, whose trigram index cannot list its
// trigrams, LIKE while walking the list in its order (the page stops as soon as it is full).
// Either way the total is counted up to SEARCH_CAP matches ("1,000+" beyond that), so a word
// found in a quarter of the ledger costs no more than one found a thousand times.
import { type Expression, type SqlBool, sql } from 'kysely';
import type { DialectName } from '../../db/database.js';
import { pgSearchBody, SEARCH_COLUMNS } from '../../db/migrations/2026-12-03-009-ledger-search.js';
import { containsPattern, likeContains } from '../../db/text-search.js';
import type { Executor } from '../../db/transaction.js';

/** How many matches a search counts before it reports "at least this many". */
export const SEARCH_CAP = 1000;

export interface TextSearch {
  /** LIKE '%q%' with wildcards escaped. */
  like: string;
  /** The problem number typed, if the words are a number. */
  id: number | null;
  /** Units whose name contains the words (typing a street's name finds its problems). */
  unitIds: number[];
  /**
   * Through the trigram index (`match` null: the index holds no such text), or null: by LIKE
   * while walking the list (see above).
   */
  indexed: { dialect: DialectName; match: string | null } | null;
  /** The words span a line break, which the indexed text also uses between columns. */
  recheck: boolean;
}

/** Looks up what the words need before the list query is built: the units they name. */
export async function resolveSearch(
  db: Executor,
  dialect: DialectName,
  q: string | undefined,
): Promise<TextSearch | undefined> {
  const like = containsPattern(q);
  if (!q || like === null) return undefined;
  const units = await db.selectFrom('units').select('id').where(likeContains('name', like)).execute();
  const long = [...q].length >= 3;
  let indexed: TextSearch['indexed'] = null;
  if (dialect === 'postgres') indexed = long ? { dialect, match: like } : null;
  else if (long) indexed = { dialect, match: ftsPhrase(q) };
  else {
    const terms = await trigramsStarting(db, q);
    indexed = terms === undefined ? null : { dialect, match: terms };
  }
  return {
    like,
    id: /^\d{1,9}$/.test(q) ? Number(q) : null,
    unitIds: units.map((u) => u.id),
    indexed,
    recheck: q.includes('\n'),
  };
}

/**
 * FTS5 phrase for the words: folded like SQLite's LIKE folds (ASCII letters only), quotes
 * doubled. The trigram tokenizer matches a phrase as a substring.
 */
function ftsPhrase(q: string): string {
  return quote(fold(q));
}

/** More trigrams than this for 1–2 characters: matched by LIKE instead (see TextSearch). */
const MAX_TRIGRAMS = 300;

/**
 * SQLite, 1–2 characters: every place they occur starts a trigram of the index (the text ends in
 * two line breaks), so the trigrams that begin with them, OR-ed, find exactly the rows holding
 * them. A word no problem contains has no such trigram and is answered without reading a row.
 */
async function trigramsStarting(db: Executor, q: string): Promise<string | null | undefined> {
  const prefix = fold(q);
  const rows = await db
    .selectFrom(sql<{ term: string }>`problems_fts_terms`.as('v'))
    .select(sql<string>`term`.as('term'))
    .where(sql<SqlBool>`term >= ${prefix} and term < ${`${prefix}\u{10FFFF}`}`)
    .limit(MAX_TRIGRAMS + 1)
    .execute();
  if (rows.length > MAX_TRIGRAMS) return undefined;
  return rows.length === 0 ? null : rows.map((r) => quote(r.term)).join(' OR ');
}

const fold = (q: string) => q.replace(/[A-Z]/g, (c) => c.toLowerCase());
const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** The search condition on `problems as p`. */
export function searchCondition(db: Executor, s: TextSearch): Expression<SqlBool> {
  const either = (text: Expression<SqlBool>) => {
    const terms = [text];
    if (s.id !== null) terms.unshift(sql<SqlBool>`p.id = ${s.id}`);
    if (s.unitIds.length > 0) terms.push(sql<SqlBool>`p.unit_id in (${sql.join(s.unitIds)})`);
    return terms.length === 1 ? text : sql<SqlBool>`(${sql.join(terms, sql` or `)})`;
  };
  const plain = either(
    sql<SqlBool>`(${sql.join(
      SEARCH_COLUMNS.map((c) => likeContains(`p.${c}`, s.like)),
      sql` or `,
    )})`,
  );
  if (!s.indexed) return plain;
  const indexed =
    s.indexed.match === null
      ? either(sql<SqlBool>`1 = 0`)
      : s.indexed.dialect === 'sqlite'
        ? either(
            sql<SqlBool>`p.id in (${db
              .selectFrom(sql`problems_fts`.as('f'))
              .select(sql`rowid`.as('id'))
              .where(sql<SqlBool>`problems_fts match ${s.indexed.match}`)})`,
          )
        : either(sql<SqlBool>`(${sql.raw(pgSearchBody('p'))}) like ${s.indexed.match} escape '\\'`);
  return s.recheck ? sql<SqlBool>`(${indexed} and ${plain})` : indexed;
}
