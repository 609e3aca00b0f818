// 通知: the own unit's notices — reminders, 催办 and every hand-off (交办, 退回, 审核通过, 销号, 通报,
// and for the office what units sent for its action) — filtered by 未读/已读 and kind, 全部标为已读,
// each opening its item; district-wide roles also see what every unit was sent (?tab=sent).
import { CheckOutlined } from '@ant-design/icons';
import { seesAllUnits } from '@paicha/core';
import { App, Button, Card, List, Segmented, Select, Space, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { NOTIFICATIONS_CHANGED, notificationsApi, notificationsChanged } from '../../api/notifications';
import { useUser } from '../../auth/AuthContext';
import { LoadError } from '../../components/LoadError';
import { NotificationItem } from '../../components/NotificationItem';
import { NOTIFICATION_KIND_OPTIONS } from '../../components/NotificationTags';
import { useOpenNotification } from '../../components/useOpenNotification';
import { useAction } from '../../hooks/useAction';
import { useAsync } from '../../hooks/useAsync';
import { SentNotifications } from './SentNotifications';

type Filter = 'all' | 'unread' | 'read';
const PAGE_SIZE = 20;
/** Kinds that tell of something done, with nothing left to do: opened to look, not to act. */
// Nothing to do but read: 审核通过, 销号, a problem gone to another unit, a 通报.
const INFORMATIVE = new Set(['accepted', 'closed', 'reassigned', 'circular']);

function OwnNotifications() {
  const { message } = App.useApp();
  // The 待办 workbench links here with ?unread=1.
  const [filter, setFilter] = useState<Filter>(useSearchParams()[0].get('unread') === '1' ? 'unread' : 'all');
  const [kind, setKind] = useState<string>();
  const [page, setPage] = useState(1);
  const { data, error, loading, reload } = useAsync(
    () =>
      notificationsApi.list({
        unread: filter === 'unread',
        read: filter === 'read',
        kind,
        page,
        pageSize: PAGE_SIZE,
      }),
    [filter, kind, page],
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
        <Select
          allowClear
          placeholder="全部类型"
          aria-label="类型"
          style={{ width: 130 }}
          value={kind}
          onChange={(k?: string) => {
            setKind(k);
            setPage(1);
          }}
          options={NOTIFICATION_KIND_OPTIONS}
          data-testid="notification-kind-filter"
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
            data-resolved={n.resolved ?? ''}
            actions={[
              <Button key="open" type="link" onClick={() => openOne(n)} data-testid="notification-open">
                {!n.link ? '标为已读' : n.resolved || INFORMATIVE.has(n.kind) ? '查看' : '去办理'}
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
  // The office is a unit too: what units send for its action arrives in its own list, so that is
  // where everyone lands; what every unit was sent is one tab away (?tab=sent).
  const tab = wide && params.get('tab') === 'sent' ? 'sent' : 'own';

  return (
    <Card title="通知" data-testid="notifications-page">
      <Typography.Paragraph type="secondary">
        问题交办（接收单位和原责任单位都会收到）、退回、销号，月报和节点材料的退回、审核通过，停用单位的工作移交，以及签发的通报，都会通知到相关单位；单位报送材料、申请销号时通知领导小组办公室，办公室审核后该通知自动标为已审核。系统还在各项截止日期前（按提醒设置的天数）和逾期后自动提醒责任单位，事项办结、问题已交办他单位或日期已过的提醒自动标为已完成、已交办他单位、已过期，不计入未读。
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
