// The monthly report's checks on the page, pure so the web vitest project covers them: the
// validation rules over the draft being typed (the same core evaluator the server runs), how
// late a submission would be, and what 按台账生成 / 其余事项填未发现问题 would change.
import {
  daysBetween,
  formatChineseDate,
  NO_PROBLEM_TEXT,
  type ReportViolation,
  validateReport,
} from '@paicha/core';
import type { MonthlyReport } from '../../api/reports';
import type { RowTexts } from './ReportTable';

/**
 * The rules over the rows as the clerk sees them: the draft's texts while the report is being
 * edited, the server's answer (the snapshot's) otherwise.
 */
export function checksOf(
  view: MonthlyReport,
  texts: Record<number, RowTexts>,
  editable: boolean,
): ReportViolation[] {
  if (!editable) return view.validation;
  return validateReport(view.rows.map((r) => ({ ...r, ...(texts[r.seq] ?? {}) })));
}

/**
 * The confirmation's warning when submitting now would be late: days past the deadline and the
 * deadline as 2020年1月4日. Timeliness is judged on the first submission, so a resubmission says
 * nothing new.
 */
export function lateNotice(v: {
  dueDate: string;
  today: string;
  firstSubmittedAt: string | null;
}): string | null {
  if (v.firstSubmittedAt) return null;
  const days = daysBetween(v.dueDate, v.today);
  if (days <= 0) return null;
  return `已超过报送截止日期（${formatChineseDate(v.dueDate)}）${days}天，现在报送将记为逾期报送。`;
}

export interface Fill {
  seq: number;
  texts: RowTexts;
}

/**
 * 按台账生成: the ledger's texts for each row, cell by cell. A cell that is empty or already says
 * the same is filled at once; a typed cell that differs is listed in `overwrites` for the clerk
 * to confirm (never overwritten without asking).
 */
export function ledgerFill(
  texts: Record<number, RowTexts>,
  ledger: readonly ({ seq: number } & RowTexts)[],
): { safe: Fill[]; overwrites: Fill[] } {
  const safe: Fill[] = [];
  const overwrites: Fill[] = [];
  for (const l of ledger) {
    const now = texts[l.seq] ?? { situation: '', measures: '', progress: '' };
    const keep = (k: keyof RowTexts) => (now[k].trim() === '' || l[k] === '' ? l[k] || now[k] : now[k]);
    const merged: RowTexts = {
      situation: keep('situation'),
      measures: keep('measures'),
      progress: keep('progress'),
    };
    const full: RowTexts = {
      situation: l.situation,
      measures: l.measures || now.measures,
      progress: l.progress,
    };
    if (JSON.stringify(merged) !== JSON.stringify(now)) safe.push({ seq: l.seq, texts: merged });
    if (JSON.stringify(full) !== JSON.stringify(merged)) overwrites.push({ seq: l.seq, texts: full });
  }
  return { safe, overwrites };
}

/** 其余事项填未发现问题: the rows with no problems in the ledger whose 排查情况 is still empty. */
export function noProblemFill(view: MonthlyReport, texts: Record<number, RowTexts>): Fill[] {
  return view.rows
    .filter((r) => r.assigned && r.counts.found === 0 && (texts[r.seq]?.situation ?? '').trim() === '')
    .map((r) => ({
      seq: r.seq,
      texts: {
        ...(texts[r.seq] ?? { situation: '', measures: '', progress: '' }),
        situation: NO_PROBLEM_TEXT,
      },
    }));
}
