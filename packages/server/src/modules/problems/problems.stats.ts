// Ledger counts, computed in the database (one GROUP BY, index-backed), for the ledger's count
// pages, monthly reports and supervision.
import { sql } from 'kysely';
import type { Executor } from '../../db/transaction.js';

export interface ProblemCounts {
  /** 发现: every problem recorded. */
  found: number;
  /** 待整改 + 整改中 + 已退回. */
  rectifying: number;
  /** 待销号: the unit submitted evidence, the office has not decided. */
  awaitingReview: number;
  /** 已整改: submitted or closed out. */
  rectified: number;
  /** 已销号. */
  closed: number;
  /** 逾期: deadline before today and not closed out. */
  overdue: number;
}

export type CountsGroup = 'unit' | 'item' | 'unit_item';

export interface CountsRow extends ProblemCounts {
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
  const rows = await db
    .selectFrom('problems')
    .select([
      byUnit ? 'unit_id as unitId' : sql<null>`null`.as('unitId'),
      byItem ? 'check_item_id as checkItemId' : sql<null>`null`.as('checkItemId'),
      sql<number>`count(*)`.as('found'),
      sql<number>`sum(case when status in ('pending','rectifying','returned') then 1 else 0 end)`.as(
        'rectifying',
      ),
      sql<number>`sum(case when status = 'awaiting_review' then 1 else 0 end)`.as('awaitingReview'),
      sql<number>`sum(case when status in ('awaiting_review','closed') then 1 else 0 end)`.as('rectified'),
      sql<number>`sum(case when status = 'closed' then 1 else 0 end)`.as('closed'),
      sql<number>`sum(case when status <> 'closed' and deadline is not null and deadline < ${opts.today} then 1 else 0 end)`.as(
        'overdue',
      ),
    ])
    .where('campaign_id', '=', opts.campaignId)
    .$if(opts.unitId !== undefined, (q) => q.where('unit_id', '=', opts.unitId as number))
    .$if(opts.checkItemId !== undefined, (q) => q.where('check_item_id', '=', opts.checkItemId as number))
    .$if(byUnit, (q) => q.groupBy('unit_id'))
    .$if(byItem, (q) => q.groupBy('check_item_id'))
    .execute();
  return rows.map((r) => ({
    unitId: r.unitId === null ? null : Number(r.unitId),
    checkItemId: r.checkItemId === null ? null : Number(r.checkItemId),
    found: Number(r.found),
    rectifying: Number(r.rectifying),
    awaitingReview: Number(r.awaitingReview),
    rectified: Number(r.rectified),
    closed: Number(r.closed),
    overdue: Number(r.overdue),
  }));
}

export const ZERO_COUNTS: ProblemCounts = {
  found: 0,
  rectifying: 0,
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
  const rows = await db
    .selectFrom('problems')
    .select([
      'source',
      sql<number>`count(*)`.as('found'),
      sql<number>`sum(case when status in ('pending','rectifying','returned') then 1 else 0 end)`.as(
        'rectifying',
      ),
      sql<number>`sum(case when status = 'awaiting_review' then 1 else 0 end)`.as('awaitingReview'),
      sql<number>`sum(case when status in ('awaiting_review','closed') then 1 else 0 end)`.as('rectified'),
      sql<number>`sum(case when status = 'closed' then 1 else 0 end)`.as('closed'),
      sql<number>`sum(case when status <> 'closed' and deadline is not null and deadline < ${opts.today} then 1 else 0 end)`.as(
        'overdue',
      ),
    ])
    .where('campaign_id', '=', opts.campaignId)
    .$if(opts.unitId !== undefined, (q) => q.where('unit_id', '=', opts.unitId as number))
    .groupBy('source')
    .execute();
  return rows.map((r) => ({
    source: r.source,
    found: Number(r.found),
    rectifying: Number(r.rectifying),
    awaitingReview: Number(r.awaitingReview),
    rectified: Number(r.rectified),
    closed: Number(r.closed),
    overdue: Number(r.overdue),
  }));
}
