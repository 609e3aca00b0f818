import { Tag } from 'antd';

/** 剩余N天 / 今天截止 / 已逾期N天, coloured by urgency (three days or less is a warning). */
export function DeadlineTag({ daysLeft }: { daysLeft: number }) {
  if (daysLeft < 0) {
    return (
      <Tag color="red" data-testid="deadline-tag">
        已逾期{-daysLeft}天
      </Tag>
    );
  }
  if (daysLeft === 0) {
    return (
      <Tag color="volcano" data-testid="deadline-tag">
        今天截止
      </Tag>
    );
  }
  return (
    <Tag color={daysLeft <= 3 ? 'orange' : 'blue'} data-testid="deadline-tag">
      剩余{daysLeft}天
    </Tag>
  );
}
