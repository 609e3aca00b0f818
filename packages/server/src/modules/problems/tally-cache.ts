// Sums over problem_tallies — the count pages, the list's total without words — computed once
// per ledger change stamp (migration 2026-12-03-017) and served from memory until the stamp
// moves. A campaign's tallies are thousands of rows at 400,000 problems; the stamp is one.
//
// Why it stays correct: the stamp is read *before* the sums, so what is kept under stamp S was
// computed from a state at least as new as S; a request that starts after a commit reads the new
// stamp and misses. Results are only kept for a stamp no older than the newest one seen, and
// never inside a transaction (its own uncommitted changes move the stamp to a number that a
// rollback hands to someone else's commit).
import type { Compilable } from 'kysely';
import type { Executor } from '../../db/transaction.js';
import { ledgerStamp } from './ledger-stamp.repository.js';

interface Generation {
  stamp: number;
  rows: Map<string, readonly unknown[]>;
}

/** Distinct tally queries kept per stamp (filters × units × days): beyond it, start afresh. */
const MAX_ENTRIES = 2000;

const generations = new WeakMap<Executor, Generation>();

/**
 * Runs a read of problem_tallies, or answers it from memory when the same query (SQL and
 * parameters) already ran under the current stamp. The rows are shared: callers map them to
 * new objects and never change them.
 */
export async function tallyRows<R>(db: Executor, query: Compilable<R>): Promise<readonly R[]> {
  const compiled = query.compile();
  if (db.isTransaction) return (await db.executeQuery(compiled)).rows;
  const key = `${compiled.sql}\u0000${JSON.stringify(compiled.parameters)}`;
  const stamp = await ledgerStamp(db);
  const kept = generations.get(db);
  const hit = kept?.stamp === stamp ? kept.rows.get(key) : undefined;
  if (hit) return hit as readonly R[];
  const { rows } = await db.executeQuery(compiled);
  const gen = generations.get(db);
  // A newer stamp was seen while this ran: these sums may predate it, keep nothing.
  if (gen !== undefined && gen.stamp > stamp) return rows;
  if (gen === undefined || gen.stamp < stamp || gen.rows.size >= MAX_ENTRIES)
    generations.set(db, { stamp, rows: new Map([[key, rows]]) });
  else gen.rows.set(key, rows);
  return rows;
}
