// The ledger's search box at 400,000 problems. Words of 3+ characters (Chinese included) go
// through a trigram index — SQLite FTS5 `trigram`, PostgreSQL `pg_trgm` — and find exactly what
// LIKE '%word%' over the searched columns finds. 1–2 characters: on SQLite, an index of the
// text's character pairs (migration 2026-12-03-018) when the words are letters, digits or
// non-ASCII; on PostgreSQL, a GIN index of the text's characters and pairs (problem_grams,
// migration 2026-12-04-051) — after walking the list first, where a common word fills a page
// sooner (search-walk.repository.ts); otherwise LIKE while walking the list in its order (the
// page stops as soon as it is full).
// Either way the total is counted up to SEARCH_CAP matches ("1,000+" beyond that), so a word
// found in a quarter of the ledger costs no more than one found a thousand times.
import { type Expression, type SqlBool, sql } from 'kysely';
import type { DialectName } from '../../db/database.js';
import { pgSearchBody, SEARCH_COLUMNS } from '../../db/migrations/2026-12-03-009-ledger-search.js';
import { containsPattern, likeContains } from '../../db/text-search.js';
import type { Executor } from '../../db/transaction.js';

/** How many matches a search counts before it reports "at least this many". */
export const SEARCH_CAP = 1000;

/**
 * SQLite: an FTS5 table and its MATCH expression; PostgreSQL: pg_trgm under LIKE (3+
 * characters), or the grams' index holding the 1–2 character word as one element.
 */
export type TextIndex =
  | { kind: 'fts'; table: 'problems_fts' | 'problems_bigrams'; match: string }
  | { kind: 'trgm'; like: string }
  | { kind: 'grams'; gram: string };

export interface TextSearch {
  /** LIKE '%q%' with wildcards escaped. */
  like: string;
  /** The problem number typed, if the words are a number. */
  id: number | null;
  /** Units whose name contains the words (typing a street's name finds its problems). */
  unitIds: number[];
  /** Through a text index, or null: by LIKE while walking the list (see above). */
  indexed: TextIndex | null;
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
  const chars = [...q].length;
  let indexed: TextIndex | null = null;
  if (dialect === 'postgres')
    // \x01 marks the pairs inside problem_grams: a word holding it is not one of its elements.
    indexed = chars >= 3 ? { kind: 'trgm', like } : q.includes('\x01') ? null : { kind: 'grams', gram: q };
  else if (chars >= 3) indexed = { kind: 'fts', table: 'problems_fts', match: ftsPhrase(q) };
  else if (PAIRED.test(q))
    // Two characters are one token of the pairs' index; one character begins tokens.
    indexed = { kind: 'fts', table: 'problems_bigrams', match: chars === 2 ? quote(q) : `${quote(q)}*` };
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

/**
 * Words the pairs' index holds as tokens: ASCII letters and digits (folded by its tokenizer as
 * LIKE folds) and any non-ASCII character; the rest of ASCII splits its tokens.
 */
const PAIRED = /^(?:[0-9A-Za-z]|\P{ASCII})+$/u;

const fold = (q: string) => q.replace(/[A-Z]/g, (c) => c.toLowerCase());
const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** The words, the problem number or a named unit, on `problems as p`. */
function eitherOf(s: TextSearch, text: Expression<SqlBool>): Expression<SqlBool> {
  const terms = [text];
  if (s.id !== null) terms.unshift(sql<SqlBool>`p.id = ${s.id}`);
  if (s.unitIds.length > 0) terms.push(sql<SqlBool>`p.unit_id in (${sql.join(s.unitIds)})`);
  return terms.length === 1 ? text : sql<SqlBool>`(${sql.join(terms, sql` or `)})`;
}

/** LIKE over each searched column, no index. */
function likeText(s: TextSearch): Expression<SqlBool> {
  return sql<SqlBool>`(${sql.join(
    SEARCH_COLUMNS.map((c) => likeContains(`p.${c}`, s.like)),
    sql` or `,
  )})`;
}

/** The search condition as plain LIKE on `problems as p`: what every index must agree with. */
export function plainCondition(s: TextSearch): Expression<SqlBool> {
  return eitherOf(s, likeText(s));
}

/** The search condition on `problems as p`. */
export function searchCondition(db: Executor, s: TextSearch): Expression<SqlBool> {
  const either = (text: Expression<SqlBool>) => eitherOf(s, text);
  const plainText = likeText(s);
  const plain = either(plainText);
  if (!s.indexed) return plain;
  const index = s.indexed;
  let indexed: Expression<SqlBool>;
  if (index.kind === 'fts')
    indexed = either(
      sql<SqlBool>`p.id in (${db
        .selectFrom(sql.table(index.table).as('f'))
        .select(sql`rowid`.as('id'))
        .where(sql<SqlBool>`${sql.table(index.table)} match ${index.match}`)})`,
    );
  else if (index.kind === 'trgm')
    indexed = either(sql<SqlBool>`(${sql.raw(pgSearchBody('p'))}) like ${index.like} escape '\\'`);
  // LIKE beside the index's test: exact either way, and when the planner walks the list for a
  // common word it tests the cheap LIKE first, problem_grams only on the rows LIKE finds.
  else
    indexed = either(
      sql<SqlBool>`(problem_grams(${sql.raw(pgSearchBody('p'))}) @> array[${index.gram}]::text[] and ${plainText})`,
    );
  return s.recheck ? sql<SqlBool>`(${indexed} and ${plain})` : indexed;
}
