// Row types of the 通报 (circular) table (migration 006); listed in DB in schema.ts.
import type { Generated } from 'kysely';

/** draft: the office reviews and edits it; issued: frozen, with the .docx as sent. */
export type CircularStatus = 'draft' | 'issued';

export interface CircularsTable {
  id: Generated<number>;
  campaign_id: number;
  status: CircularStatus;
  version: number;
  title: string;
  /** 发文字号, e.g. 区扶组办〔2020〕3号; optional. */
  doc_number: string;
  /** The scorecard period the figures cover (calendar dates). */
  period_from: string;
  period_to: string;
  /** Editable texts reviewed by the office. */
  intro: string;
  requirements: string;
  /** 反馈时限: when the named units report back. */
  deadline: string | null;
  /** JSON: the scorecard (units, totals, groups, weights, thresholds) the text is built from. */
  figures: string;
  figures_at: string;
  /** China date printed as 成文日期: the draft date, then the day it is issued. */
  doc_date: string;
  /** Base64 of the .docx as issued (null for drafts, which are rendered on demand). */
  docx: string | null;
  docx_sha256: string | null;
  issued_at: string | null;
  issued_by: number | null;
  created_by: number | null;
  created_at: string;
  updated_by: number | null;
  updated_at: string;
}
