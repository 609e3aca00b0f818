// Each screening finding is worked on its own (issue #12): the street checks it at the household
// and says whether the data's problem is real. 待核实 → 属实 (needs 整改) or 不属实 (the data is
// wrong; the office decides: accepted → closed as 不属实, rejected → back to 属实 with the office's
// note) → 已整改. Screening clearing a finding (resolved_at) is separate from this state: the data
// no longer shows it, whatever the street said.

export const FINDING_VERIFICATIONS = [
  'pending',
  'confirmed',
  'disputed',
  'dispute_accepted',
  'rectified',
] as const;
export type FindingVerification = (typeof FINDING_VERIFICATIONS)[number];

export const FINDING_VERIFICATION_LABELS: Record<FindingVerification, string> = {
  pending: '待核实',
  confirmed: '属实',
  disputed: '不属实（待办公室审核）',
  dispute_accepted: '不属实（已认定）',
  rectified: '已整改',
};

export const FINDING_ACTIONS = ['confirm', 'dispute', 'rectify', 'accept', 'reject'] as const;
export type FindingAction = (typeof FINDING_ACTIONS)[number];

export const FINDING_ACTION_LABELS: Record<FindingAction, string> = {
  confirm: '核实属实',
  dispute: '核实不属实',
  rectify: '整改完成',
  accept: '认定不属实',
  reject: '不认定不属实',
};

/** Who takes an action: the finding's street or the office. */
export const FINDING_ACTION_ACTOR: Record<FindingAction, 'street' | 'office'> = {
  confirm: 'street',
  dispute: 'street',
  rectify: 'street',
  accept: 'office',
  reject: 'office',
};

const TRANSITIONS: Record<FindingAction, { from: readonly FindingVerification[]; to: FindingVerification }> =
  {
    confirm: { from: ['pending'], to: 'confirmed' },
    // A finding marked 属实 in a batch may still turn out wrong at the door; one the office sent
    // back may be argued again with new evidence.
    dispute: { from: ['pending', 'confirmed'], to: 'disputed' },
    rectify: { from: ['confirmed'], to: 'rectified' },
    accept: { from: ['disputed'], to: 'dispute_accepted' },
    reject: { from: ['disputed'], to: 'confirmed' },
  };

/** The state after `action`, or null when the action is not allowed from `state`. */
export function nextVerification(
  state: FindingVerification,
  action: FindingAction,
): FindingVerification | null {
  const t = TRANSITIONS[action];
  return t.from.includes(state) ? t.to : null;
}

/** The states an action may be taken from (for messages and for the web's buttons). */
export function actionAllowedFrom(action: FindingAction): readonly FindingVerification[] {
  return TRANSITIONS[action].from;
}

/** Why an action is refused from a state, in the clerk's words. */
export function refusalMessage(state: FindingVerification, action: FindingAction): string {
  return `该问题线索当前为“${FINDING_VERIFICATION_LABELS[state]}”，不能“${FINDING_ACTION_LABELS[action]}”`;
}

/**
 * Done, for a group's progress and 销号: screening no longer finds it, or the office accepted that
 * the data was wrong. 已整改 is not done until the next screening confirms it.
 */
export function findingIsDone(f: { resolvedAt: string | null; verification: FindingVerification }): boolean {
  return f.resolvedAt !== null || f.verification === 'dispute_accepted';
}

/** A visit's verdict on one finding, as the cadre records it at the door. */
export const VISIT_RESULTS = ['confirmed', 'disputed'] as const;
export type VisitResult = (typeof VISIT_RESULTS)[number];
export const VISIT_RESULT_LABELS: Record<VisitResult, string> = { confirmed: '属实', disputed: '不属实' };

/**
 * The action a visit's verdict becomes on a finding in `state`, or null when the finding stays as
 * it is (already 属实 and found 属实 again; already decided). A visit is recorded whatever the
 * finding's state: the cadre's notes and photos are kept even when they change nothing.
 */
export function visitAction(state: FindingVerification, result: VisitResult): FindingAction | null {
  const action: FindingAction = result === 'confirmed' ? 'confirm' : 'dispute';
  return nextVerification(state, action) === null ? null : action;
}
