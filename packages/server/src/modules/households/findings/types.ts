// The findings room's shared shapes: a finding as screening produces it, the people its text names,
// and the run a sync is part of (what a sync changed is SyncCounts, @paicha/core/api/screening).
// A leaf: screening builds these, findings files and reads them.
import type { RuleId } from '@paicha/core';

export interface Found {
  rule: RuleId;
  key: string;
  householdId: string | null;
  /** The valid 18-digit ID of the person, null for household findings and invalid IDs. */
  idNumber: string | null;
  /** The ID as held (for id_invalid), kept for the unmasked view. */
  rawId: string | null;
  name: string | null;
  township: string;
  village: string;
  detail: string;
  data: Record<string, unknown>;
}

/** A person a finding names, in full (kept in the finding's data.people). */
export type Named = [name: string, id: string];

/** A finding with the street (unit) its place maps to; null while the place is unmapped. */
export interface Routed extends Found {
  unitId: number | null;
}

/** The screening run (or place mapping) a sync is part of. */
export interface RunRef {
  id: number | null;
  campaignId: number;
  at: string;
  actorId: number | null;
  today: string;
}
