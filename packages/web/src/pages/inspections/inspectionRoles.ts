import { mayTake, type Role } from '@paicha/core';

/** The office and inspectors record and edit visits (policy action `inspection.record`). */
export function canRecordVisit(role: Role): boolean {
  return mayTake(role, 'inspection.record');
}

/** Only the office turns findings into problems (交办; `inspection.assign`). */
export function canTurnIntoProblem(role: Role): boolean {
  return mayTake(role, 'inspection.assign');
}
