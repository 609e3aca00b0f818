// What a notice is about, in the clerk's words: the server writes these kinds, the 通知 page
// filters and labels by them. Reminders (即将到期, 已逾期) are written by the reminder run; 催办
// by the office; 改交他单位 tells a unit a problem of its own went to another; every other kind by a hand-off in the same transaction as the hand-off itself.
export const NOTIFICATION_KIND_LABELS = {
  upcoming: '即将到期',
  missed: '已逾期',
  urge: '催办',
  assigned: '交办',
  reassigned: '改交他单位',
  returned: '退回',
  accepted: '审核通过',
  closed: '销号',
  reopened: '重新打开',
  submitted: '待审核',
  circular: '通报',
  finding_decision: '核实认定',
} as const;
export type NotificationKind = keyof typeof NOTIFICATION_KIND_LABELS;
export const NOTIFICATION_KINDS = Object.keys(NOTIFICATION_KIND_LABELS) as NotificationKind[];

/**
 * A notice that needs nothing more: a reminder whose item was done (report or submission sent,
 * problem closed out), whose problem was handed to another unit (交办: no longer this unit's to
 * rectify), or, for a 即将到期 reminder, whose date has passed (the 已逾期 notice takes over); a
 * 待审核 notice the office has acted on (审核通过, 退回, 销号) or that a newer one replaced.
 */
export const NOTIFICATION_RESOLUTIONS = {
  done: '已完成',
  moved: '已交办他单位',
  expired: '已过期',
  reviewed: '已审核',
} as const;
export type NotificationResolution = keyof typeof NOTIFICATION_RESOLUTIONS;
