// 明察暗访: the office's visits to a unit, open (明察) or unannounced (暗访).
export const VISIT_TYPES = ['明察', '暗访'] as const;
export type VisitType = (typeof VISIT_TYPES)[number];
