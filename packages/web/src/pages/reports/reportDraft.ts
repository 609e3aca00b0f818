// The monthly report's editable part (the draft typed into the page) and how it travels: built
// from the server's view, sent as only what changed, compared with a newer version after a
// conflict. The editing itself is useVersionedEditor's.
import type { MonthlyReport, ReportInput } from '../../api/reports';
import type { RowTexts, TextField } from './ReportTable';

export interface Draft {
  fillerName: string;
  reviewerName: string;
  phone: string;
  rows: Record<number, RowTexts>;
}

export type MetaField = 'fillerName' | 'reviewerName' | 'phone';

export function draftOf(v: MonthlyReport): Draft {
  return {
    fillerName: v.fillerName,
    reviewerName: v.reviewerName,
    phone: v.phone,
    rows: Object.fromEntries(
      v.rows.map((r) => [r.seq, { situation: r.situation, measures: r.measures, progress: r.progress }]),
    ),
  };
}

/**
 * Only what the clerk changed since `base` is sent, so saving over someone else's newer version
 * (after a conflict) applies these edits and keeps theirs everywhere else.
 */
export function inputOf(d: Draft, base: Draft, version: number): ReportInput {
  const rows: ReportInput['rows'] = [];
  const input: ReportInput = { version, rows };
  for (const f of ['fillerName', 'reviewerName', 'phone'] as const) if (d[f] !== base[f]) input[f] = d[f];
  for (const [seq, t] of Object.entries(d.rows))
    if (JSON.stringify(t) !== JSON.stringify(base.rows[Number(seq)])) rows.push({ seq: Number(seq), ...t });
  return input;
}

/** Rows whose text in `latest` differs from the version the clerk's copy was based on. */
export function changedRows(base: MonthlyReport, latest: MonthlyReport): Set<number> {
  const was = draftOf(base);
  const now = draftOf(latest);
  return new Set(
    Object.keys(now.rows)
      .map(Number)
      .filter((s) => JSON.stringify(now.rows[s]) !== JSON.stringify(was.rows[s])),
  );
}

export const withCell = (d: Draft, seq: number, field: TextField, value: string): Draft => ({
  ...d,
  rows: { ...d.rows, [seq]: { ...(d.rows[seq] as RowTexts), [field]: value } },
});

export const withMeta = (d: Draft, field: MetaField, value: string): Draft => ({ ...d, [field]: value });
