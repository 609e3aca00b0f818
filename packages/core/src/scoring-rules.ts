// The scorecard's weights and the thresholds that name a unit under the plan's four 通报批评
// headings: the office edits them (settings); the server computes with them
// (server supervision/scorecard.rules.ts) and the scorecard page shows and edits them.

export interface Weights {
  /** 报送及时率: on-time reports / reports due. */
  onTime: number;
  /** 整改销号率: closed / found. */
  closure: number;
  /** 逾期控制: 1 − overdue / found. */
  overdue: number;
  /** 退回情况: 1 − returned / submitted. */
  returns: number;
}

export interface Thresholds {
  /** 责任不到位: overdue problems ≥ this. */
  overdueAtLeast: number;
  /** 工作不主动: reports never sent after their due date ≥ this … */
  missingAtLeast: number;
  /** … or reports late or never sent ≥ this. */
  lateOrMissingAtLeast: number;
  /** 措施不得力: returns (problems + reports) ≥ this. */
  returnedAtLeast: number;
  /** 成效不明显: closure rate below this percentage (units with problems only). */
  closureRateBelow: number;
}

export interface ScoringRules {
  weights: Weights;
  thresholds: Thresholds;
}

/**
 * Defaults. Rectification is what the plan is for (全部整改到位 by 05-31), so closure weighs most;
 * the monthly report system and overdue problems come next; returns, which are partly the
 * office's own strictness, least. One missing report, two late-or-missing, two returns, three
 * overdue problems or a closure rate under 60% name a unit.
 */
export const DEFAULT_SCORING_RULES: ScoringRules = {
  weights: { onTime: 25, closure: 35, overdue: 25, returns: 15 },
  thresholds: {
    overdueAtLeast: 3,
    missingAtLeast: 1,
    lateOrMissingAtLeast: 2,
    returnedAtLeast: 2,
    closureRateBelow: 60,
  },
};

/** The plan's four 通报批评 headings, in the plan's order. */
export const CRITICISM_GROUPS = ['责任不到位', '工作不主动', '措施不得力', '成效不明显'] as const;
export type CriticismGroup = (typeof CRITICISM_GROUPS)[number];
