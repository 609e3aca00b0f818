import { PaperClipOutlined } from '@ant-design/icons';
import { problemEventLabel } from '@paicha/core';
import { Empty, Space, Timeline, Typography } from 'antd';
import { filesApi } from '../../../api/problems';
import type { ProblemEvent } from '../../../api/problemTypes';
import { cnDate, cnDateTime } from '../../../components/dates';
import { ProblemStatusTag } from '../../../components/ProblemTags';

/** The dot's colour per kind of line; names come from core (PROBLEM_EVENT_LABELS). */
const COLORS: Record<string, string> = {
  start: 'blue',
  progress: 'blue',
  submit: 'purple',
  return: 'red',
  close: 'green',
  reopen: 'orange',
  screening_cleared: 'green',
  screening_found_again: 'orange',
};

function sameDay(e: ProblemEvent): boolean {
  return cnDateTime(e.at).startsWith(`${cnDate(e.date)} `);
}

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** 办理记录: every step oldest first, with who, when, what changed and the evidence files. */
export function HistoryTimeline({ events }: { events: ProblemEvent[] }) {
  if (!events.length) return <Empty description="暂无办理记录" />;
  return (
    <Timeline
      data-testid="history"
      items={events.map((e) => {
        const kind = { label: problemEventLabel(e.kind), color: COLORS[e.kind] ?? 'gray' };
        const changed = e.fromStatus && e.toStatus && e.fromStatus !== e.toStatus;
        return {
          key: e.id,
          color: kind.color,
          children: (
            <div data-testid="history-item" data-kind={e.kind}>
              <Space wrap size={8}>
                <Typography.Text strong>{kind.label}</Typography.Text>
                <Typography.Text>{cnDate(e.date)}</Typography.Text>
                {changed && e.fromStatus && e.toStatus && (
                  <span>
                    <ProblemStatusTag status={e.fromStatus} />→ <ProblemStatusTag status={e.toStatus} />
                  </span>
                )}
              </Space>
              <div>
                <Typography.Text type="secondary">
                  {e.actor ? `${e.actor.name}（${e.actor.unit}）` : '系统'}
                  {/* The entry's date is the clerk's; when it was typed in only matters if it differs. */}
                  {` · ${sameDay(e) ? cnDateTime(e.at).split(' ')[1] : `记录于 ${cnDateTime(e.at)}`}`}
                </Typography.Text>
              </div>
              {e.text && e.text !== kind.label && (
                <Typography.Paragraph style={{ margin: '4px 0', whiteSpace: 'pre-wrap' }}>
                  {e.kind === 'return'
                    ? `退回理由：${e.text}`
                    : e.kind === 'reopen'
                      ? `理由：${e.text}`
                      : e.text}
                </Typography.Paragraph>
              )}
              {e.attachments.length > 0 && (
                <Space direction="vertical" size={0}>
                  {e.attachments.map((a) => (
                    <a key={a.id} href={filesApi.url(a.id)} download={a.name} data-testid="evidence-link">
                      <PaperClipOutlined /> {a.name}
                      <Typography.Text type="secondary"> （{size(a.size)}）</Typography.Text>
                    </a>
                  ))}
                </Space>
              )}
            </div>
          ),
        };
      })}
    />
  );
}
