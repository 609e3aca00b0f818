// Row types of the supervision tables (migration 005); listed in DB in schema.ts.
import type { Generated } from 'kysely';

export interface NotificationsTable {
  id: Generated<number>;
  unit_id: number;
  /** One of core's NOTIFICATION_KINDS: upcoming | missed | urge | assigned | submitted | returned | … */
  kind: string;
  /** milestone | problem | monthly_report | submission | circular | general */
  entity: string;
  entity_id: number | null;
  title: string;
  body: string;
  link: string;
  due_date: string | null;
  dedup_key: string | null;
  created_by: number | null;
  created_at: string;
  emailed_at: string | null;
}

export interface NotificationReadsTable {
  notification_id: number;
  user_id: number;
  read_at: string;
}

export interface SettingsTable {
  key: string;
  /** JSON. */
  value: string;
  updated_at: string;
  updated_by: number | null;
}

export interface InspectionsTable {
  id: Generated<number>;
  campaign_id: number;
  unit_id: number;
  visit_date: string;
  place: string;
  /** 明察 (announced) | 暗访 (unannounced) */
  visit_type: string;
  inspectors: string;
  findings: string;
  created_by: number | null;
  created_at: string;
  version: Generated<number>;
}

/** What a person has looked at (migration 2026-12-03-021): one row per person and thing. */
export interface WorkbenchSeenTable {
  user_id: number;
  /** A core SEEN_MARKS key. */
  what: string;
  seen_at: string;
}
