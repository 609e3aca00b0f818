// What each role may do with the ledger, from the same policy the server enforces (core
// access.ts), so the UI hides buttons a user could not use anyway. The server decides regardless.
import { actsOnAnyUnit, mayTake, mayTakeOn, type ProblemStatus, type Role } from '@paicha/core';
import type { SessionUser } from '../api/types';

/** Units record and import their own problems; the office records for any unit (交办). */
export function canRecord(role: Role): boolean {
  return mayTake(role, 'problem.record');
}

export function isUnitClerk(user: SessionUser, unitId: number): boolean {
  return mayTakeOn({ role: user.role, unitId: user.unit.id }, 'problem.work', unitId);
}

/** The unit may edit while it works on the problem; the office until 销号. */
export function canEdit(user: SessionUser, p: { unit: { id: number }; status: ProblemStatus }): boolean {
  if (p.status === 'closed') return false;
  if (actsOnAnyUnit(user.role, 'problem.record')) return true;
  return isUnitClerk(user, p.unit.id) && p.status !== 'awaiting_review';
}

/** 整改进展 and 提交销号: the responsible unit, while the problem is open and not under review. */
export function canWorkOn(user: SessionUser, p: { unit: { id: number }; status: ProblemStatus }): boolean {
  return isUnitClerk(user, p.unit.id) && ['pending', 'rectifying', 'returned'].includes(p.status);
}
