/** The office's calendar days, merged over core's shipped list by date. */
export interface CalendarDaysTable {
  /** 'YYYY-MM-DD' */
  date: string;
  /** 'holiday' | 'workday' | 'ordinary' (core CalendarDayKind) */
  kind: string;
  name: string;
  updated_at: string;
  updated_by: number | null;
}

/** A campaign's rule for a deadline on a non-working day; no row = 'keep'. */
export interface CampaignDeadlinePoliciesTable {
  campaign_id: number;
  /** 'keep' | 'next' | 'previous' (core DeadlinePolicy) */
  policy: string;
  updated_at: string;
  updated_by: number | null;
}

/** One row (id 1): moved on by triggers with every committed change to calendar_days. */
export interface CalendarStampTable {
  id: number;
  n: number;
}
