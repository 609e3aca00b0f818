import type { Role } from '@paicha/core';

/** The office and inspectors record and edit visits (the server's assertInspector). */
export function canRecordVisit(role: Role): boolean {
  return role === 'admin' || role === 'inspector';
}

/** Only the office turns findings into problems (交办). */
export function canTurnIntoProblem(role: Role): boolean {
  return role === 'admin';
}
