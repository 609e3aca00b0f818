// What each role may do with the ledger, from the same policy the server enforces (core
// access.ts), so the UI hides buttons a user could not use anyway. The server decides regardless.
import { editBlockedBy, mayTake, mayTakeOn, nextStatus, type ProblemStatus, type Role } from '@paicha/core';
import type { SessionUser } from '../api/types';

/** Units record and import their own problems; the office records for any unit (交办). */
export function canRecord(role: Role): boolean {
  return mayTake(role, 'problem.record');
}

export function isUnitClerk(user: SessionUser, unitId: number): boolean {
  return mayTakeOn({ role: user.role, unitId: user.unit.id }, 'problem.work', unitId);
}

/** The server's edit rule: the policy's `problem.record` on the problem's unit, and a status that allows it. */
export function canEdit(user: SessionUser, p: { unit: { id: number }; status: ProblemStatus }): boolean {
  return (
    mayTakeOn({ role: user.role, unitId: user.unit.id }, 'problem.record', p.unit.id) &&
    editBlockedBy(user.role, p.status) === null
  );
}

/** 整改进展 and 提交销号: the responsible unit, in a status the machine lets those steps leave. */
export function canWorkOn(user: SessionUser, p: { unit: { id: number }; status: ProblemStatus }): boolean {
  return isUnitClerk(user, p.unit.id) && nextStatus(p.status, 'progress') !== null;
}
