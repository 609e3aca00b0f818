// Row types of the ledger (problems, their tallies and history) and the uploaded files that
// serve as evidence; listed in DB in schema.ts.
import type { ProblemMode, ProblemSource, ProblemStatus, RuleId } from '@paicha/core';
import type { Generated } from 'kysely';

export interface AttachmentsTable {
  id: Generated<number>;
  sha256: string;
  size: number;
  mime: string;
  original_name: string;
  unit_id: number;
  uploaded_by: number;
  uploaded_at: string;
  entity: string | null;
  entity_id: number | null;
}

export interface ProblemsTable {
  id: Generated<number>;
  campaign_id: number;
  check_item_id: number;
  unit_id: number;
  source: ProblemSource;
  description: string;
  found_date: string;
  place: string;
  household_ref: string | null;
  cause: string;
  measures: string;
  responsible_leader: string;
  responsible_person: string;
  mode: ProblemMode;
  deadline: string | null;
  deadline_reason: string;
  status: ProblemStatus;
  version: Generated<number>;
  return_reason: Generated<string>;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  closed_at: string | null;
  finding_key: string | null;
  screening_cleared_at: string | null;
  /** A screening group's rule (one problem per campaign × street × rule); null otherwise. */
  finding_rule: Generated<RuleId | null>;
  /** The group's findings and how many are done (findings.repository.ts findingDoneSql). */
  findings_total: Generated<number>;
  findings_done: Generated<number>;
  inspection_id: Generated<number | null>;
}

/** Problems per key, kept by triggers on problems (migration 2026-12-03-009). */
export interface ProblemTalliesTable {
  campaign_id: number;
  unit_id: number;
  check_item_id: number;
  source: ProblemSource;
  status: ProblemStatus;
  mode: ProblemMode;
  /** '' when the problem has no deadline. */
  deadline: string;
  n: number;
}

export interface ProblemEventsTable {
  id: Generated<number>;
  problem_id: number;
  at: string;
  /** The day the clerk says the step happened (progress entries are dated by the unit). */
  event_date: string;
  actor_id: number | null;
  kind: string;
  from_status: ProblemStatus | null;
  to_status: ProblemStatus | null;
  text: string;
  /** JSON. */
  detail: string;
}
