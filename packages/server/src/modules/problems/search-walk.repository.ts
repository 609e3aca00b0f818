// PostgreSQL words: walk the list first, the grams' (or trigram) index only when that fails.
// The grams' index (problem_grams, migration 2026-12-04-051) is fast for a rare word, but a
// common one (危房 in one problem of seven, 知晓 in six) matches a large share of the ledger and
// the index hands over every match before the page is sorted and cut (57,143 rows for 危房 at
// 400,000 problems, 54 ms for the capped count). Walking the list in its own order with LIKE
// finds a page of a common word after a few hundred rows. So both the page and the capped count
// walk a bounded number of rows first; only a word too rare to fill them within the budget goes
// to the index, where rare is exactly what it is fast at. Either way the rows are LIKE's.
// Words of 3 or more characters go the same way: pg_trgm's index has the same weakness for a
// common phrase (危房未改造 at 58.6 req/s, p99 868 ms under bench:load before it walked).
import type { Expression, SelectQueryBuilder, SqlBool } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Executor } from '../../db/transaction.js';

/**
 * Rows of the list walked per match the page needs (offset + limit), at most PAGE_WALK_MAX: a
 * word in fewer than one row of 30 goes to the grams' index, which reads such a word's few
 * thousand matches in a few milliseconds, and a rare word wastes only a short walk (page 1: 600
 * rows).
 */
export const PAGE_WALK_PER_MATCH = 30;
export const PAGE_WALK_MAX = 6000;
/** Rows of the list walked to count SEARCH_CAP + 1 matches before asking the grams' index. */
export const COUNT_WALK = 10_000;

/** The scope-filtered list, the words left out (`problems as p`). */
export type ListRows = SelectQueryBuilder<DB & { p: DB['problems'] }, 'p', object>;

export interface WalkedPage {
  ids: number[];
  /** Rows walked per match found: how common the word is, for choosing how to count. */
  rowsPerMatch: number;
}

/**
 * The page's ids when the first rows of the list (the budget above), in its order, hold at least
 * offset + limit matches of `hit` (then they are exactly the matches LIKE over the whole list
 * would put there); null otherwise. The outer query keeps the walk's order (PostgreSQL carries
 * the sub-query's sort keys), so it stops at the page's last match.
 */
export async function walkPage(
  db: Executor,
  list: ListRows,
  hit: Expression<SqlBool>,
  columns: readonly string[],
  order: 'asc' | 'desc',
  offset: number,
  limit: number,
): Promise<WalkedPage | null> {
  const dir = sql.raw(order);
  const keys = columns.map((c, i) => ({ ref: sql.ref(c), alias: `k${i}` }));
  const within = sql.join(keys.map((k) => sql`${k.ref} ${dir}`));
  let walk = list
    .select(sql<number>`p.id`.as('id'))
    .select(sql<boolean>`${hit}`.as('hit'))
    .select(sql<number>`row_number() over (order by ${within})`.as('rn'));
  for (const k of keys) walk = walk.select(k.ref.as(k.alias)).orderBy(k.ref, order);
  const wanted = offset + limit;
  const budget = Math.min(PAGE_WALK_MAX, PAGE_WALK_PER_MATCH * wanted);
  const { rows } = await sql<{ id: number; rn: string | number }>`
    select w.id, w.rn from (${walk.limit(budget)}) as w where w.hit
    order by ${sql.join(keys.map((k) => sql`${sql.ref(`w.${k.alias}`)} ${dir}`))}
    limit ${wanted}`.execute(db);
  const last = rows[wanted - 1];
  if (rows.length < wanted || !last) return null;
  return { ids: rows.slice(offset).map((r) => Number(r.id)), rowsPerMatch: Number(last.rn) / wanted };
}

/**
 * Whether walking is worth it for the count: a word found once every `rowsPerMatch` rows
 * reaches cap + 1 matches within COUNT_WALK rows.
 */
export function countWalkPays(rowsPerMatch: number, cap: number): boolean {
  return rowsPerMatch * (cap + 1) <= COUNT_WALK;
}

/**
 * Matches of `hit` among the list's first COUNT_WALK rows (newest first), counting stops at
 * cap + 1. A count of cap or less is the list's whole count only when the list is no longer
 * than the walk; the caller knows the list's length from the tallies.
 */
export async function walkCount(
  db: Executor,
  list: ListRows,
  hit: Expression<SqlBool>,
  cap: number,
): Promise<number> {
  const walk = list.select(sql<boolean>`${hit}`.as('hit')).orderBy('p.id', 'desc').limit(COUNT_WALK);
  const { rows } = await sql<{ n: string | number }>`
    select count(*) as n from (select 1 from (${walk}) as w where w.hit limit ${cap + 1}) as m`.execute(db);
  return Number(rows[0]?.n ?? 0);
}
