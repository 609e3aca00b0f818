import { FORM_SOURCES, type ProblemSource } from '@paicha/core';
import { problemsApi } from '../../api/problems';
import type { Problem } from '../../api/problemTypes';

/**
 * Plan §二(四): the sources whose problems the office enters and 交办 to units — every source a
 * form may set (core's list) but the units' own 自查.
 */
export const OTHER_SOURCES: readonly ProblemSource[] = FORM_SOURCES.filter((s) => s !== '自查');

/** What the summary shows per source; 明察暗访 is listed too (its problems come from visits). */
const SUMMARY_SOURCES: readonly ProblemSource[] = [...OTHER_SOURCES, '明察暗访'];

export interface SourceRow {
  source: ProblemSource;
  total: number;
  closed: number;
  overdue: number;
}

/**
 * Counts per source, three small list queries each: the ledger's counts route groups by unit or
 * item only, not by source.
 */
export async function loadSourceSummary(campaignId: number) {
  const count = (source: ProblemSource, extra: Record<string, string>, pageSize = 1) =>
    problemsApi.list({ campaignId, source, ...extra, pageSize, sort: 'id', order: 'desc' });
  const rows = await Promise.all(
    SUMMARY_SOURCES.map(async (source) => {
      const [all, closed, overdue] = await Promise.all([
        count(source, {}, 5),
        count(source, { status: 'closed' }),
        count(source, { overdue: '1' }),
      ]);
      return {
        row: { source, total: all.total, closed: closed.total, overdue: overdue.total },
        latest: all.items,
      };
    }),
  );
  const latest: Problem[] = rows
    .flatMap((r) => r.latest)
    .sort((a, b) => b.id - a.id)
    .slice(0, 10);
  return { rows: rows.map((r) => r.row) as SourceRow[], latest };
}
