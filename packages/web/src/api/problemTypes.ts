// Response and request shapes of the problem ledger routes (docs/API.md "Problem ledger"); field
// names follow packages/server/src/modules/problems/problems.schema.ts exactly.
import type { Category, ProblemMode, ProblemSource, ProblemStatus } from '@paicha/core';

export interface Problem {
  id: number;
  campaignId: number;
  checkItem: number;
  checkItemContent: string;
  category: Category;
  subCategory: string;
  unit: { id: number; name: string };
  source: ProblemSource;
  description: string;
  foundDate: string;
  place: string;
  householdRef: string | null;
  cause: string;
  measures: string;
  responsibleLeader: string;
  responsiblePerson: string;
  mode: ProblemMode;
  deadline: string | null;
  deadlineReason: string;
  status: ProblemStatus;
  statusLabel: string;
  overdue: boolean;
  returnReason: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  closedAt: string | null;
  screeningClearedAt: string | null;
}

export interface Attachment {
  id: number;
  name: string;
  size: number;
  mime: string;
  sha256: string;
  uploadedAt: string;
}

export interface ProblemEvent {
  id: number;
  at: string;
  date: string;
  kind: string;
  fromStatus: ProblemStatus | null;
  toStatus: ProblemStatus | null;
  text: string;
  actor: { name: string; unit: string } | null;
  attachments: Attachment[];
}

export interface ProblemDetail {
  problem: Problem;
  events: ProblemEvent[];
}

export interface ProblemPage {
  items: Problem[];
  total: number;
  /** A text search stopped counting at `total` matches (there are more). */
  totalCapped?: boolean;
  page: number;
  pageSize: number;
}

/** The clerk-entered fields (create, edit and the Excel import share them). */
export interface ProblemFieldsInput {
  checkItem: number;
  source: ProblemSource;
  description: string;
  foundDate: string;
  place: string;
  householdRef: string | null;
  cause: string;
  measures: string;
  responsibleLeader: string;
  responsiblePerson: string;
  mode: ProblemMode;
  deadline: string | null;
  deadlineReason: string;
}

export interface CountsRow {
  key: number;
  label: string;
  found: number;
  rectifying: number;
  awaitingReview: number;
  rectified: number;
  closed: number;
  overdue: number;
}

export interface ImportReport {
  rows: number;
  accepted: number;
  rejected: number;
  imported: number;
  errors: { row: number; column: string; value: string; message: string }[];
}

export type ImportMode = 'check' | 'all' | 'valid';
export type LedgerList = 'problems' | 'responsibility' | 'rectification' | 'all';
