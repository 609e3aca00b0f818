// 逾期 in SQL: core's `isOverdue` (a deadline strictly before today, not closed out), written once
// for every query that filters or counts overdue problems — the ledger's list, its tallied counts
// and totals, supervision's as-of scorecard. overdue.test.ts holds them to core on both databases.
import { type RawBuilder, type SqlBool, sql } from 'kysely';

export interface OverdueColumns {
  /** The deadline column, qualified as the query names it (`p.deadline`, `t.deadline`, `deadline`). */
  deadline: string;
  /** How "no deadline" is stored: NULL in problems, '' in tallies (a key column cannot be NULL). */
  none: 'null' | 'empty';
  /**
   * What "closed out" means: the status as it stands, or — for the ledger as it stood at the end
   * of a day — a closed_at before that instant (a reopened problem has none).
   */
  closed: { status: string } | { closedAt: string; before: string };
}

/** The problems table as it stands (`alias` as the query names it, if any). */
export function problemColumns(alias?: string): OverdueColumns {
  const c = (name: string) => (alias ? `${alias}.${name}` : name);
  return { deadline: c('deadline'), none: 'null', closed: { status: c('status') } };
}

/** Tally rows (problems per campaign, unit, item, source, status, mode and deadline). */
export function tallyColumns(alias?: string): OverdueColumns {
  return { ...problemColumns(alias), none: 'empty' };
}

/** The problems table as it stood at `before` (an instant): closed out means closed_at before it. */
export function problemColumnsAt(before: string): OverdueColumns {
  return { deadline: 'deadline', none: 'null', closed: { closedAt: 'closed_at', before } };
}

function parts(c: OverdueColumns) {
  const deadline = sql.ref(c.deadline);
  const closed =
    'status' in c.closed
      ? {
          yes: sql<SqlBool>`${sql.ref(c.closed.status)} = 'closed'`,
          no: sql<SqlBool>`${sql.ref(c.closed.status)} <> 'closed'`,
        }
      : {
          yes: sql<SqlBool>`(${sql.ref(c.closed.closedAt)} is not null and ${sql.ref(c.closed.closedAt)} < ${c.closed.before})`,
          no: sql<SqlBool>`(${sql.ref(c.closed.closedAt)} is null or ${sql.ref(c.closed.closedAt)} >= ${c.closed.before})`,
        };
  const has = c.none === 'null' ? sql<SqlBool>`${deadline} is not null` : sql<SqlBool>`${deadline} <> ''`;
  const none = c.none === 'null' ? sql<SqlBool>`${deadline} is null` : sql<SqlBool>`${deadline} = ''`;
  return { deadline, closed, has, none };
}

/** Overdue on `today`: true or false, never NULL, so it also serves inside `case when`. */
export function overdueSql(c: OverdueColumns, today: string): RawBuilder<SqlBool> {
  const p = parts(c);
  return sql<SqlBool>`(${p.closed.no} and ${p.has} and ${p.deadline} < ${today})`;
}

/**
 * Not overdue on `today`, written as the disjunction (rather than `not (…)`) so each branch can
 * read an index.
 */
export function notOverdueSql(c: OverdueColumns, today: string): RawBuilder<SqlBool> {
  const p = parts(c);
  return sql<SqlBool>`(${p.closed.yes} or ${p.none} or ${p.deadline} >= ${today})`;
}
