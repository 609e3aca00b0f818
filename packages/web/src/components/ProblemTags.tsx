import { PROBLEM_STATUS_LABELS, type ProblemStatus } from '@paicha/core';
import { Tag } from 'antd';

const STATUS_COLORS: Record<ProblemStatus, string> = {
  pending: 'gold',
  rectifying: 'blue',
  awaiting_review: 'purple',
  returned: 'volcano',
  closed: 'green',
};

/** 待整改 / 整改中 / 待销号 / 已退回 / 已销号, each with its own colour. */
export function ProblemStatusTag({ status }: { status: ProblemStatus }) {
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="problem-status" data-status={status}>
      {PROBLEM_STATUS_LABELS[status]}
    </Tag>
  );
}

/** Shown only for a problem past its deadline and not closed out. */
export function OverdueTag({ overdue }: { overdue: boolean }) {
  if (!overdue) return null;
  return (
    <Tag color="red" data-testid="overdue-tag">
      逾期
    </Tag>
  );
}
