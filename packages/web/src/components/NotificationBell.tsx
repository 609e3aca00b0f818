// The header bell: the own unit's unread count (polled every minute, and refreshed on every page
// change or when a page reports a change) and a dropdown of the latest notifications.
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, List, Popover, Space, Spin, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { errorMessage } from '../api/client';
import {
  type AppNotification,
  NOTIFICATIONS_CHANGED,
  notificationsApi,
  notificationsChanged,
} from '../api/notifications';
import { NotificationItem } from './NotificationItem';
import { useOpenNotification } from './useOpenNotification';

const POLL_MS = 60_000;
const LATEST = 8;

export function NotificationBell() {
  const [unread, setUnread] = useState(0);
  const [open, setOpen] = useState(false);
  const [latest, setLatest] = useState<AppNotification[]>();
  const [failure, setFailure] = useState<string>();
  const { pathname } = useLocation();
  const openOne = useOpenNotification();

  const refresh = useCallback(async () => {
    try {
      setUnread((await notificationsApi.list({ unread: true, limit: 1 })).unread);
    } catch {
      // A missed poll is harmless: the next one (or the next page change) tries again.
    }
  }, []);

  useEffect(() => {
    const timer = setInterval(() => void refresh(), POLL_MS);
    const onChange = () => void refresh();
    window.addEventListener(NOTIFICATIONS_CHANGED, onChange);
    return () => {
      clearInterval(timer);
      window.removeEventListener(NOTIFICATIONS_CHANGED, onChange);
    };
  }, [refresh]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a page change is the trigger.
  useEffect(() => {
    void refresh();
    setOpen(false);
  }, [pathname, refresh]);

  async function load() {
    setFailure(undefined);
    try {
      const r = await notificationsApi.list({ limit: LATEST });
      setLatest(r.items);
      setUnread(r.unread);
    } catch (e) {
      setFailure(errorMessage(e));
    }
  }

  async function readAll() {
    try {
      setUnread((await notificationsApi.read()).unread);
      notificationsChanged();
      await load();
    } catch (e) {
      setFailure(errorMessage(e));
    }
  }

  const content = (
    <div style={{ width: 380 }} data-testid="notification-dropdown">
      {failure && <Typography.Text type="danger">{failure}</Typography.Text>}
      {!latest && !failure && <Spin style={{ display: 'block', margin: 24 }} />}
      {latest && (
        <List
          size="small"
          dataSource={latest}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无通知" /> }}
          style={{ maxHeight: 420, overflowY: 'auto' }}
          renderItem={(n) => (
            <List.Item
              key={n.id}
              style={{ cursor: 'pointer', paddingInline: 4 }}
              onClick={() => {
                setOpen(false);
                openOne(n);
              }}
              data-testid="notification-item"
              data-id={n.id}
              data-kind={n.kind}
              data-link={n.link}
            >
              <NotificationItem n={n} />
            </List.Item>
          )}
        />
      )}
      <div style={{ display: 'flex', justifyContent: 'space-between', marginTop: 8 }}>
        <Link to="/notifications" data-testid="notification-all">
          查看全部通知
        </Link>
        {unread > 0 && (
          <Button type="link" size="small" onClick={() => void readAll()} style={{ padding: 0 }}>
            全部标为已读
          </Button>
        )}
      </div>
    </div>
  );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) void load();
      }}
      title={
        <Space>
          通知
          {unread > 0 && <Typography.Text type="secondary">（{unread} 条未读）</Typography.Text>}
        </Space>
      }
      content={content}
    >
      <Badge count={unread} overflowCount={99} size="small" offset={[-4, 4]}>
        <Button
          type="text"
          icon={<BellOutlined style={{ fontSize: 18 }} />}
          aria-label={unread ? `通知（${unread} 条未读）` : '通知'}
          data-testid="notification-bell"
          data-count={unread}
        />
      </Badge>
    </Popover>
  );
}
