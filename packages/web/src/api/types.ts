// Response shapes of the HTTP API (docs/API.md). Kept by hand because the server's zod schemas
// are not shared yet; field names follow the API document exactly.
import type { Category, MilestoneKind, Role, UnitKind } from '@paicha/core';

export interface Unit {
  id: number;
  name: string;
  kind: UnitKind;
  sortOrder: number;
}

/** The signed-in user as /api/auth/login and /api/auth/me return it. */
export interface SessionUser {
  id: number;
  username: string;
  /** May be empty: the API lets an account go without a display name. */
  displayName: string;
  role: Role;
  unit: { id: number; name: string; kind: UnitKind };
}

/** A row of the admin's user list. */
export interface User extends SessionUser {
  active: boolean;
  /** For reminder mail; empty when not given. */
  email: string;
}

/** A user the login or password-change limiter is slowing down (GET /api/users/login-limits). */
export interface LoginLimit {
  userId: number;
  username: string;
  kind: 'login' | 'password_change';
  /** The client address the failures came from (login only). */
  ip: string | null;
  failures: number;
  /** ISO instant before which no attempt is evaluated. */
  until: string;
}

export interface CampaignSummary {
  id: number;
  title: string;
  issuer: string;
  startDate: string;
  endDate: string;
}

export interface Phase {
  seq: number;
  name: string;
  startDate: string;
  endDate: string;
  description: string;
}

export interface Milestone {
  id: number;
  kind: MilestoneKind;
  period: string | null;
  title: string;
  dueDate: string;
  description: string;
}

export interface Campaign extends CampaignSummary {
  basisDocuments: { title: string; docNumber: string }[];
  monthlyDueDay: number;
  reportTitle: string;
  reportFooter: string;
  contact: string;
  phases: Phase[];
  milestones: Milestone[];
}

export interface Overview {
  today: string;
  campaign: Campaign;
  currentPhaseSeq: number | null;
  upcoming: { milestone: Milestone; daysLeft: number }[];
}

export interface CheckItem {
  seq: number;
  category: Category;
  subCategory: string;
  subCategoryCell: string;
  content: string;
  unitsText: string;
  units: { id: number; name: string }[];
}
