// The search box: words typed by a clerk found inside text columns, the same on SQLite and
// PostgreSQL. LIKE with its wildcards (% and _) and the escape character taken literally, so a
// search for "100%" or "A_1" finds exactly that.
import { type RawBuilder, sql } from 'kysely';

/** The LIKE pattern for "contains `q`", or null when there is nothing to search for. */
export function containsPattern(q: string | undefined): string | null {
  return q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
}

/** `column LIKE pattern` with the escape character the pattern was made with. */
export function likeContains(column: string, pattern: string): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(column)} like ${pattern} escape '\\'`;
}
