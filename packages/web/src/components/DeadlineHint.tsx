// Under a date picker: when the chosen date is not a working day, which day it is and what the
// campaign's policy makes of it (core deadlinePolicyText, the wording the server's notices share).
import { type DeadlineInfo, deadlinePolicyText } from '@paicha/core';
import { Typography } from 'antd';

export function DeadlineHint({ deadline }: { deadline: DeadlineInfo | null }) {
  if (!deadline?.nonWorking) return null;
  return (
    <Typography.Text
      type="warning"
      data-testid="deadline-hint"
      data-effective={deadline.effective}
      style={{ fontSize: 12 }}
    >
      {deadlinePolicyText(deadline)}
    </Typography.Text>
  );
}
