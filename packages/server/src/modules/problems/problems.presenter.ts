import { isOverdue, PROBLEM_STATUS_LABELS } from '@paicha/core';
import type { ProblemRow } from './problems.repository.js';

/** The response shape of a problem; the only place rows become API objects. */
export function presentProblem(r: ProblemRow, today: string) {
  const { unitId, unitName, ...rest } = r;
  return {
    ...rest,
    unit: { id: unitId, name: unitName },
    statusLabel: PROBLEM_STATUS_LABELS[r.status],
    overdue: isOverdue(r, today),
  };
}
