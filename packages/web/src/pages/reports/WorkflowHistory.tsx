import { Empty, Tag, Timeline, Typography } from 'antd';
import type { HistoryEntry } from '../../api/reports';
import { cnDateTime } from '../../components/dates';
import { ACTION_LABELS } from './labels';

/** Every step of a report or submission, oldest first, from the audit log. */
export function WorkflowHistory({ history }: { history: HistoryEntry[] }) {
  if (history.length === 0) return <Empty description="尚无办理记录" image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Timeline
      data-testid="workflow-history"
      items={history.map((h) => ({
        color:
          h.action === 'return' || h.action === 'unlock'
            ? 'orange'
            : h.action === 'accept'
              ? 'green'
              : 'blue',
        children: (
          <div data-testid="history-entry" data-action={h.action}>
            <Typography.Text strong>{ACTION_LABELS[h.action] ?? h.action}</Typography.Text>
            {h.late === true && (
              <Tag color="red" style={{ marginLeft: 8 }}>
                逾期
              </Tag>
            )}
            <div>
              <Typography.Text type="secondary">
                {cnDateTime(h.at)} · {h.actor ?? '系统'}
                {h.actorUnit ? `（${h.actorUnit}）` : ''}
              </Typography.Text>
            </div>
            {h.reason && <div>原因：{h.reason}</div>}
          </div>
        ),
      }))}
    />
  );
}
