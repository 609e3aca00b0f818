// A deadline as the server computed it (core DeadlineInfo): the date, a mark when it is not a
// working day, and the date that counts under the campaign's policy —
// "2020年1月4日（星期六）→ 顺延至1月6日". The rule lives in core and the server; this only shows it.
import { deadlineText } from '@paicha/core';
import type { DeadlineInfo } from '@paicha/core/api/calendar';
import { Tooltip, Typography } from 'antd';

export function DeadlineText({ deadline, prefix = '' }: { deadline: DeadlineInfo; prefix?: string }) {
  const text = `${prefix}${deadlineText(deadline)}`;
  if (!deadline.nonWorking)
    return (
      <span data-testid="deadline-text" data-effective={deadline.effective}>
        {text}
      </span>
    );
  const moved = deadline.effective !== deadline.date;
  return (
    <Tooltip
      title={moved ? '截止日期不是工作日，按本活动的设置调整（节假日页面可修改）' : '截止日期不是工作日'}
    >
      <Typography.Text
        type="warning"
        data-testid="deadline-text"
        data-nonworking={deadline.nonWorking}
        data-effective={deadline.effective}
        style={{ fontSize: 'inherit' }}
      >
        {text}
      </Typography.Text>
    </Tooltip>
  );
}
