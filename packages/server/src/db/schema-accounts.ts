// Row types of units, users, sessions and the sign-in limiter; listed in DB in schema.ts.
import type { Role, UnitKind } from '@paicha/core';
import type { Generated } from 'kysely';

export interface UnitsTable {
  id: Generated<number>;
  name: string;
  kind: UnitKind;
  sort_order: number;
  /** 1, or 0 once deactivated: kept with its problems and reports, given no new work. */
  active: Generated<number>;
  created_at: string;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  unit_id: number;
  role: Role;
  password_hash: string;
  active: number;
  email: Generated<string>;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  /** sha256 of the cookie token: a leaked database does not leak live sessions. */
  token_hash: string;
  user_id: number;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

/**
 * One running export (http/export-stream.ts): at most EXPORTS_PER_USER live rows per person
 * across every server process; deleted when the export ends, renewed while it runs.
 */
export interface ExportLeasesTable {
  id: Generated<number>;
  user_id: number;
  /** host:pid of the process sending the export (lib/process-owner.ts). */
  owner: string;
  started_at: string;
  /** Renewed while the export runs; a row past it no longer counts. */
  expires_at: string;
}

export interface LoginAttemptsTable {
  id: Generated<number>;
  username: string;
  ip: string;
  at: string;
  success: number;
}

/**
 * One counter of the login and password-change limiter (modules/auth/limiter.ts), locked and
 * updated in the same transaction that decides whether the attempt may proceed.
 */
export interface LoginLimitsTable {
  /** pair (username + address) | address (all usernames) | password (change by user id). */
  scope: string;
  /** The username (pair), the user id (password), '' (address). */
  subject: string;
  /** The client address, '' for password. */
  ip: string;
  /** Attempts counted (pair, password: since the last success; address: in the window). */
  failures: number;
  window_start: string;
  /** No attempt is evaluated before this instant. */
  next_at: string;
  updated_at: string;
}
