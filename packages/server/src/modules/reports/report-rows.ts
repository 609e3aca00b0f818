// The rows of a monthly report as shown, checked and exported, each with the ledger's figures for
// its unit and item:
// - a submitted or accepted report: the snapshot taken at submission (texts and figures), so a
//   ledger that moves on does not change what was reported;
// - otherwise the unit's assigned items with the saved texts and today's ledger figures;
// - a report nobody has saved yet starts from last month's texts, except where those no longer
//   agree with the ledger (the validation rules flag the row) — those rows, and empty rows whose
//   ledger has problems, are written from the ledger instead (按台账预填).
import {
  LEDGER_TEXT_LISTED,
  type LedgerProblem,
  ledgerTexts,
  mergeGroups,
  type ReportRowTexts,
  validateReport,
} from '@paicha/core';
import type { AppContext } from '../../kernel/context.js';
import { listCheckItems } from '../campaigns/campaigns.repository.js';
import { countProblems, type ProblemCounts, ZERO_COUNTS } from '../problems/tallies.repository.js';
import type { LoadedReport, ReportKey } from './report-load.js';
import * as repo from './reports.repository.js';

export interface ReportRowData extends ReportRowTexts {
  checkItemId: number;
  seq: number;
  category: string;
  subCategory: string;
  subCategoryCell: string;
  content: string;
  unitsText: string;
  /** The merged 排查项目 cell the row prints in (from the whole table, not the unit's rows). */
  group: { key: number; label: string };
  assigned: boolean;
  counts: ProblemCounts;
  prefill: 'previous' | 'ledger' | null;
}

type Item = Awaited<ReturnType<typeof listCheckItems>>[number];

const rowOf = (
  i: Item,
  texts: ReportRowTexts | undefined,
  rest: Pick<ReportRowData, 'assigned' | 'counts' | 'prefill' | 'group'>,
): ReportRowData => ({
  checkItemId: i.id,
  seq: i.seq,
  category: i.category,
  subCategory: i.subCategory,
  subCategoryCell: i.subCategoryCell,
  content: i.content,
  unitsText: i.unitsText,
  situation: texts?.situation ?? '',
  measures: texts?.measures ?? '',
  progress: texts?.progress ?? '',
  ...rest,
});

/** Whether a report's rows are read from its snapshot (submitted or accepted since it was taken). */
export function showsSnapshot(report: LoadedReport['report']): boolean {
  return !!report?.snapshot_at && (report.status === 'submitted' || report.status === 'accepted');
}

export async function reportRows(ctx: AppContext, key: ReportKey, loaded: LoadedReport) {
  const report = loaded.report;
  const [all, assigned] = await Promise.all([
    listCheckItems(ctx.db, key.campaignId),
    listCheckItems(ctx.db, key.campaignId, key.unitId),
  ]);
  const expected = assigned.length > 0;
  const noMeta = { fillerName: '', reviewerName: '', phone: '' };
  if (report && showsSnapshot(report)) {
    const rows = await snapshotRows(ctx, report.id, all, mergeGroups(all));
    return { rows, prefilledFrom: null, meta: noMeta, expected, snapshotAt: report.snapshot_at };
  }

  const counts = await countProblems(ctx.db, {
    campaignId: key.campaignId,
    groupBy: 'unit_item',
    unitId: key.unitId,
    today: ctx.clock.today(),
  });
  const countsOf = (id: number): ProblemCounts => {
    const c = counts.find((x) => x.checkItemId === id);
    return c ? { ...c } : { ...ZERO_COUNTS };
  };
  const assignedIds = new Set(assigned.map((i) => i.id));
  let stored: Awaited<ReturnType<typeof repo.listRows>> = [];
  let prefilledFrom: string | null = null;
  let meta = noMeta;
  if (report) {
    stored = await repo.listRows(ctx.db, report.id);
  } else {
    const prev = await repo.findPreviousReport(ctx.db, key.campaignId, key.unitId, key.period);
    if (prev) {
      stored = await repo.listRows(ctx.db, prev.id);
      prefilledFrom = prev.period;
      meta = { fillerName: prev.filler_name, reviewerName: prev.reviewer_name, phone: prev.phone };
    }
  }
  const byItem = new Map(stored.map((r) => [r.checkItemId, r]));
  const groups = mergeGroups(all);
  // An earlier period's text for an item no longer assigned is not carried forward.
  let rows = all
    .filter((i) => assignedIds.has(i.id) || (report && byItem.has(i.id)))
    .map((i) =>
      rowOf(i, byItem.get(i.id), {
        assigned: assignedIds.has(i.id),
        counts: countsOf(i.id),
        prefill: !report && byItem.has(i.id) ? 'previous' : null,
        group: groups.get(i.seq) ?? { key: i.seq, label: i.subCategory },
      }),
    );
  if (!report) rows = await prefillFromLedger(ctx, key, rows);
  return { rows, prefilledFrom, meta, expected, snapshotAt: null };
}

/**
 * A submitted report's rows as submitted: the item texts and 序号 kept in its snapshot (an item
 * renamed, moved or taken out of the campaign since prints as it was), in the submitted order.
 * Snapshots from before the texts were kept fall back to the item as it is now.
 */
async function snapshotRows(
  ctx: AppContext,
  reportId: number,
  all: Item[],
  groups: ReturnType<typeof mergeGroups>,
): Promise<ReportRowData[]> {
  const live = new Map(all.map((i) => [i.id, i]));
  const snap = await repo.listSnapshotRows(ctx.db, [reportId]);
  const rows = snap.flatMap((s) => {
    const now = live.get(s.checkItemId);
    const item: Item | undefined =
      s.itemSeq !== null
        ? {
            id: s.checkItemId,
            seq: s.itemSeq,
            category: (s.category ?? now?.category ?? '其他方面') as Item['category'],
            subCategory: s.subCategory ?? '',
            subCategoryCell: s.subCategoryCell ?? '',
            content: s.content ?? '',
            unitsText: s.unitsText ?? '',
          }
        : now;
    if (!item) return [];
    const counts = {
      found: s.found,
      rectifying: s.rectifying,
      awaitingReview: s.awaitingReview,
      rectified: s.rectified,
      closed: s.closed,
      overdue: s.overdue,
    };
    const group =
      s.groupSeq !== null
        ? { key: s.groupSeq, label: s.groupLabel ?? item.subCategory }
        : (groups.get(item.seq) ?? { key: item.seq, label: item.subCategory });
    return [rowOf(item, s, { assigned: s.assigned === 1, counts, prefill: null, group })];
  });
  return rows.sort((a, b) => a.seq - b.seq);
}

/** Rows with ledger problems whose carried-over (or missing) text the rules flag, rewritten from the ledger. */
async function prefillFromLedger(ctx: AppContext, key: ReportKey, rows: ReportRowData[]) {
  const flagged = new Set(validateReport(rows).map((v) => v.seq));
  const stale = rows.filter((r) => r.counts.found > 0 && flagged.has(r.seq));
  if (stale.length === 0) return rows;
  const texts = await ledgerTextsOf(ctx, key, stale);
  return rows.map((r) => {
    const t = texts.get(r.checkItemId);
    return t ? { ...r, ...t, prefill: 'ledger' as const } : r;
  });
}

/** 按台账生成: the texts of each given row whose ledger has problems, by check item id. */
export async function ledgerTextsOf(
  ctx: AppContext,
  key: ReportKey,
  rows: readonly Pick<ReportRowData, 'checkItemId' | 'counts'>[],
): Promise<Map<number, ReportRowTexts>> {
  const withProblems = rows.filter((r) => r.counts.found > 0);
  const problems = await repo.firstProblemsPerItem(ctx.db, {
    campaignId: key.campaignId,
    unitId: key.unitId,
    checkItemIds: withProblems.map((r) => r.checkItemId),
    perItem: LEDGER_TEXT_LISTED,
  });
  const today = ctx.clock.today();
  const byItem = new Map<number, LedgerProblem[]>();
  for (const p of problems) byItem.set(p.checkItemId, [...(byItem.get(p.checkItemId) ?? []), p]);
  return new Map(
    withProblems.map((r) => [r.checkItemId, ledgerTexts(r.counts, byItem.get(r.checkItemId) ?? [], today)]),
  );
}
