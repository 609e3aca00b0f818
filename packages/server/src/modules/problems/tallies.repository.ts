// Ledger counts for the ledger's count pages, monthly reports and supervision: sums over the
// tallies (problems per unit, item, source, status, mode and deadline, kept by triggers in the
// same transaction as every change), never a rescan of the ledger; the same sums are answered
// from memory until the ledger changes (tally-cache.ts).
import { sql } from 'kysely';
import type { Executor } from '../../db/transaction.js';
import { overdueSql, tallyColumns } from './overdue.repository.js';
import { tallyRows } from './tally-cache.js';

export interface ProblemCounts {
  /** 发现: every problem recorded. */
  found: number;
  /** 待整改 + 整改中 + 已退回: not yet submitted for 销号 (the 月报's 整改中 column). */
  rectifying: number;
  /** 待销号: the unit submitted evidence, the office has not decided. */
  awaitingReview: number;
  /** 已整改: submitted or closed out. */
  rectified: number;
  /** 已销号. */
  closed: number;
  /** 逾期: deadline before today and not closed out (overdue.repository.ts). */
  overdue: number;
}

/** The ledger's counts with the open statuses one by one (reports keep only ProblemCounts). */
export interface LedgerCounts extends ProblemCounts {
  /** 待整改: recorded, no progress yet. */
  pending: number;
  /** 整改中 only: progress recorded (or reopened), not submitted. */
  inProgress: number;
  /** 已退回: the office returned it at review. */
  returned: number;
}

export type CountsGroup = 'unit' | 'item' | 'unit_item';

export interface CountsRow extends LedgerCounts {
  unitId: number | null;
  checkItemId: number | null;
}

/** Counts per unit, per check item, or per unit × item, for one campaign (optionally one unit). */
export async function countProblems(
  db: Executor,
  opts: { campaignId: number; groupBy: CountsGroup; today: string; unitId?: number; checkItemId?: number },
): Promise<CountsRow[]> {
  const byUnit = opts.groupBy !== 'item';
  const byItem = opts.groupBy !== 'unit';
  const rows = await tallyRows(
    db,
    db
      .selectFrom('problem_tallies')
      .select([
        byUnit ? 'unit_id as unitId' : sql<null>`null`.as('unitId'),
        byItem ? 'check_item_id as checkItemId' : sql<null>`null`.as('checkItemId'),
        ...tallied(opts.today),
      ])
      .where('campaign_id', '=', opts.campaignId)
      .$if(opts.unitId !== undefined, (q) => q.where('unit_id', '=', opts.unitId as number))
      .$if(opts.checkItemId !== undefined, (q) => q.where('check_item_id', '=', opts.checkItemId as number))
      .$if(byUnit, (q) => q.groupBy('unit_id'))
      .$if(byItem, (q) => q.groupBy('check_item_id'))
      // A tally emptied by moves or deletions stays behind with n = 0; a count never showed it.
      .having(sql<number>`sum(n)`, '>', 0),
  );
  return rows.map((r) => ({
    unitId: r.unitId === null ? null : Number(r.unitId),
    checkItemId: r.checkItemId === null ? null : Number(r.checkItemId),
    found: Number(r.found),
    rectifying: Number(r.rectifying),
    pending: Number(r.pending),
    inProgress: Number(r.inProgress),
    returned: Number(r.returned),
    awaitingReview: Number(r.awaitingReview),
    rectified: Number(r.rectified),
    closed: Number(r.closed),
    overdue: Number(r.overdue),
  }));
}

/** The counts as sums of tally rows ('' = no deadline). */
function tallied(today: string) {
  return [
    sql<number>`coalesce(sum(n), 0)`.as('found'),
    sql<number>`sum(case when status in ('pending','rectifying','returned') then n else 0 end)`.as(
      'rectifying',
    ),
    sql<number>`sum(case when status = 'pending' then n else 0 end)`.as('pending'),
    sql<number>`sum(case when status = 'rectifying' then n else 0 end)`.as('inProgress'),
    sql<number>`sum(case when status = 'returned' then n else 0 end)`.as('returned'),
    sql<number>`sum(case when status = 'awaiting_review' then n else 0 end)`.as('awaitingReview'),
    sql<number>`sum(case when status in ('awaiting_review','closed') then n else 0 end)`.as('rectified'),
    sql<number>`sum(case when status = 'closed' then n else 0 end)`.as('closed'),
    sql<number>`sum(case when ${overdueSql(tallyColumns(), today)} then n else 0 end)`.as('overdue'),
  ] as const;
}

export const ZERO_COUNTS: LedgerCounts = {
  found: 0,
  rectifying: 0,
  pending: 0,
  inProgress: 0,
  returned: 0,
  awaitingReview: 0,
  rectified: 0,
  closed: 0,
  overdue: 0,
};

/** Counts per problem source (巡视, 审计, 数据比对 …) for one campaign, optionally one unit. */
export async function countBySource(
  db: Executor,
  opts: { campaignId: number; today: string; unitId?: number | undefined },
) {
  const rows = await tallyRows(
    db,
    db
      .selectFrom('problem_tallies')
      .select(['source', ...tallied(opts.today)])
      .where('campaign_id', '=', opts.campaignId)
      .$if(opts.unitId !== undefined, (q) => q.where('unit_id', '=', opts.unitId as number))
      .groupBy('source')
      .having(sql<number>`sum(n)`, '>', 0),
  );
  return rows.map((r) => ({
    source: r.source,
    found: Number(r.found),
    rectifying: Number(r.rectifying),
    pending: Number(r.pending),
    inProgress: Number(r.inProgress),
    returned: Number(r.returned),
    awaitingReview: Number(r.awaitingReview),
    rectified: Number(r.rectified),
    closed: Number(r.closed),
    overdue: Number(r.overdue),
  }));
}
