import { Badge, Space, Typography } from 'antd';
import type { AppNotification } from '../api/notifications';
import { cnDate, cnDateTime } from './dates';
import { NotificationKindTag, NotificationResolvedTag } from './NotificationTags';

interface Props {
  n: AppNotification;
  /** Show the body text (the page does; the header dropdown keeps to the title). */
  withBody?: boolean;
  /** Name the receiving unit (the office's 已发通知 view). */
  withUnit?: boolean;
}

/**
 * One notification: kind, title (bold while unread), when, due date. A resolved reminder (its item
 * done or handed to another unit, or its date passed) is muted and says why; never counted unread.
 */
export function NotificationItem({ n, withBody, withUnit }: Props) {
  const unread = !n.readAt && !n.resolved;
  return (
    <div style={{ minWidth: 0, opacity: n.resolved ? 0.6 : 1 }}>
      <Space size={6} align="start">
        <NotificationKindTag kind={n.kind} />
        {n.resolved && <NotificationResolvedTag resolved={n.resolved} />}
        <Typography.Text
          strong={unread}
          type={n.resolved ? 'secondary' : undefined}
          style={{ whiteSpace: 'normal' }}
        >
          {n.title}
        </Typography.Text>
        {unread && <Badge status="error" title="未读" />}
      </Space>
      {withBody && n.body && (
        <Typography.Paragraph
          type="secondary"
          style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}
          ellipsis={{ rows: 3, expandable: true, symbol: '展开' }}
        >
          {n.body}
        </Typography.Paragraph>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {withUnit && `${n.unitName} · `}
        {cnDateTime(n.createdAt)}
        {n.dueDate && ` · 截止 ${cnDate(n.dueDate)}`}
      </Typography.Text>
    </div>
  );
}

/** Only in-app paths are followed; anything else opens the notification list instead. */
export function safeLink(link: string): string {
  return link.startsWith('/') && !link.startsWith('//') ? link : '/notifications';
}
