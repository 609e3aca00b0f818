import { isOverdue, PROBLEM_STATUS_LABELS } from '@paicha/core';
import type { ProblemRow } from './problems.repository.js';

/** The response shape of a problem; the only place rows become API objects. */
export function presentProblem(r: ProblemRow, today: string) {
  const { unitId, unitName, findingRule, findingsTotal, findingsDone, ...rest } = r;
  return {
    ...rest,
    // A screening group (one per street × rule): its findings' progress, done / total.
    findings:
      findingRule === null
        ? null
        : { rule: findingRule, total: Number(findingsTotal), done: Number(findingsDone) },
    unit: { id: unitId, name: unitName },
    statusLabel: PROBLEM_STATUS_LABELS[r.status],
    overdue: isOverdue(r, today),
  };
}
