// 通知: the own unit's reminders and 催办 (filter 未读/已读, 全部标为已读, each opening its page);
// district-wide roles also see what every unit was sent.
import { CheckOutlined } from '@ant-design/icons';
import { seesAllUnits } from '@paicha/core';
import { App, Button, Card, List, Segmented, Space, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { NOTIFICATIONS_CHANGED, notificationsApi, notificationsChanged } from '../../api/notifications';
import { useUser } from '../../auth/AuthContext';
import { LoadError } from '../../components/LoadError';
import { NotificationItem } from '../../components/NotificationItem';
import { useOpenNotification } from '../../components/useOpenNotification';
import { useAction } from '../../hooks/useAction';
import { useAsync } from '../../hooks/useAsync';
import { SentNotifications } from './SentNotifications';

type Filter = 'all' | 'unread' | 'read';
const PAGE_SIZE = 20;

function OwnNotifications() {
  const { message } = App.useApp();
  const [filter, setFilter] = useState<Filter>('all');
  const [page, setPage] = useState(1);
  const { data, error, loading, reload } = useAsync(
    () =>
      notificationsApi.list({
        unread: filter === 'unread',
        read: filter === 'read',
        page,
        pageSize: PAGE_SIZE,
      }),
    [filter, page],
  );
  const openOne = useOpenNotification();

  // A notice read from the header bell shows as read here too.
  useEffect(() => {
    window.addEventListener(NOTIFICATIONS_CHANGED, reload);
    return () => window.removeEventListener(NOTIFICATIONS_CHANGED, reload);
  }, [reload]);

  const readAll = useAction(async () => {
    await notificationsApi.read();
    message.success('已全部标为已读');
    notificationsChanged();
  });

  if (error) return <LoadError error={error} onRetry={reload} />;
  const items = data?.items ?? [];
  const total = data?.total ?? 0;
  const unread = data?.unread ?? 0;

  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Segmented<Filter>
          value={filter}
          onChange={(f) => {
            setFilter(f);
            setPage(1);
          }}
          options={[
            { value: 'all', label: '全部' },
            { value: 'unread', label: `未读（${unread}）` },
            { value: 'read', label: '已读' },
          ]}
          data-testid="notification-filter"
        />
        <Button
          icon={<CheckOutlined />}
          disabled={unread === 0}
          loading={readAll.busy}
          onClick={() => void readAll.run()}
          data-testid="mark-all-read"
        >
          全部标为已读
        </Button>
      </Space>
      <List
        loading={loading}
        dataSource={items}
        pagination={
          total > PAGE_SIZE
            ? {
                current: page,
                pageSize: PAGE_SIZE,
                total,
                showSizeChanger: false,
                showTotal: (t) => `共 ${t} 条`,
                onChange: setPage,
              }
            : false
        }
        locale={{ emptyText: filter === 'unread' ? '没有未读通知' : '暂无通知' }}
        renderItem={(n) => (
          <List.Item
            key={n.id}
            data-testid="notification-row"
            data-id={n.id}
            data-kind={n.kind}
            data-read={n.readAt ? '1' : '0'}
            actions={[
              <Button key="open" type="link" onClick={() => openOne(n)} data-testid="notification-open">
                {n.link ? '去办理' : '标为已读'}
              </Button>,
            ]}
          >
            <NotificationItem n={n} withBody />
          </List.Item>
        )}
      />
    </>
  );
}

export default function NotificationsPage() {
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const wide = seesAllUnits(user.role);
  // The office's own unit is never reminded itself: what it sent is what it comes here for.
  const tab = wide && params.get('tab') !== 'own' ? 'sent' : 'own';

  return (
    <Card title="通知" data-testid="notifications-page">
      <Typography.Paragraph type="secondary">
        系统在各项截止日期前（按提醒设置的天数）和逾期后自动提醒责任单位：月报、节点报送和问题整改时限；领导小组办公室也可以随时催办。
      </Typography.Paragraph>
      {wide ? (
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams({ tab: k })}
          items={[
            { key: 'own', label: `${user.unit.name}的通知`, children: <OwnNotifications /> },
            {
              key: 'sent',
              label: <span data-testid="tab-sent">已发通知（各单位）</span>,
              children: <SentNotifications />,
            },
          ]}
        />
      ) : (
        <OwnNotifications />
      )}
    </Card>
  );
}
