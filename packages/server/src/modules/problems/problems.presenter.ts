import { isOverdue, PROBLEM_STATUS_LABELS, type WorkCalendar } from '@paicha/core';
import { problemDeadlineInfo } from '../calendar/deadlines.js';
import type { ProblemRow } from './problems.repository.js';

/** The response shape of a problem; the only place rows become API objects. */
export function presentProblem(r: ProblemRow, today: string, calendar: WorkCalendar) {
  const { unitId, unitName, findingRule, findingsTotal, findingsDone, ...rest } = r;
  return {
    ...rest,
    // A screening group (one per street × rule): its findings' progress, done / total.
    findings:
      findingRule === null
        ? null
        : { rule: findingRule, total: Number(findingsTotal), done: Number(findingsDone) },
    unit: { id: unitId, name: unitName },
    deadlineInfo: r.deadline ? problemDeadlineInfo(r.deadline, calendar) : null,
    statusLabel: PROBLEM_STATUS_LABELS[r.status],
    overdue: isOverdue(r, today),
  };
}
