// Every integer a request carries ends up compared with an `integer` column, which PostgreSQL
// stores in 32 bits: a larger value there is not "no such row" but a driver error (a 500).
// SQLite would store 64 bits, and JSON numbers reach 2^53, so the narrowest of the three is the
// rule for every id and integer parameter, checked at the edge by these schemas and nowhere else.
import { z } from 'zod';

/** The range of a PostgreSQL `integer` column (SQLite holds it too). */
export const INT_MIN = -2_147_483_648;
export const INT_MAX = 2_147_483_647;

// A missing field and a wrong type get different words: "必填" tells the clerk what to do.
const notAnInteger = (message: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? '必填' : message;

function outOfRange(min: number, max: number): string {
  if (max === INT_MAX && min === 1) return '应为正整数（不超过 2147483647）';
  if (max === INT_MAX) return `应为不小于 ${min} 的整数（不超过 2147483647）`;
  return `应为 ${min} 到 ${max} 之间的整数`;
}

/**
 * An integer in a JSON body, within [min, max] (both inside the column range). Strings are not
 * numbers here: a body field typed as a number must arrive as one.
 */
export function Int(min = INT_MIN, max = INT_MAX, message = outOfRange(min, max)) {
  return z
    .number({ error: notAnInteger('应为整数') })
    .int(message)
    .min(Math.max(min, INT_MIN), message)
    .max(Math.min(max, INT_MAX), message);
}

/**
 * An integer in a path or query string (text, so coerced), within [min, max]. Non-numbers,
 * fractions and out-of-range values answer 400 with the same Chinese message.
 */
export function IntParam(min = INT_MIN, max = INT_MAX, message = outOfRange(min, max)) {
  return z.coerce
    .number({ error: notAnInteger(message) })
    .int(message)
    .min(Math.max(min, INT_MIN), message)
    .max(Math.min(max, INT_MAX), message);
}

/** A row id (1 … 2^31−1) in a JSON body. */
export const Id = Int(1);

/** A row id (1 … 2^31−1) in a path or query string. */
export const IdParam = IntParam(1);

/**
 * The version a write was made against (optimistic locking). The write stores version + 1, and
 * on PostgreSQL that value must fit the column even when no row matches, so the largest version
 * a client may send is one below the column's maximum.
 */
export const Version = Int(1, INT_MAX - 1);

/** As `Version`, where 0 means "not saved yet" (a first save). */
export const VersionOrNew = Int(0, INT_MAX - 1);
