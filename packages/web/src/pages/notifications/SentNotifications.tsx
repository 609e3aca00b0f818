// 已发通知: every unit's reminders and 催办 (GET /api/notifications?all=1), so the office sees what
// each unit was sent and when; the office can 催办 several units at once from here.
import { SendOutlined } from '@ant-design/icons';
import { isAdmin } from '@paicha/core';
import { Button, Input, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { unitsApi } from '../../api/endpoints';
import { type AppNotification, notificationsApi } from '../../api/notifications';
import { useUser } from '../../auth/AuthContext';
import { cnDate, cnDateTime } from '../../components/dates';
import { LoadError } from '../../components/LoadError';
import { safeLink } from '../../components/NotificationItem';
import {
  NOTIFICATION_KIND_OPTIONS,
  NotificationKindTag,
  NotificationResolvedTag,
} from '../../components/NotificationTags';
import { testIdRow } from '../../components/rowProps';
import { UrgeModal } from '../../components/UrgeModal';
import { useAsync } from '../../hooks/useAsync';

const PAGE_SIZE = 20;

const columns: ColumnsType<AppNotification> = [
  {
    title: '发送时间',
    dataIndex: 'createdAt',
    width: 170,
    render: (v: string) => <span className="nowrap">{cnDateTime(v)}</span>,
  },
  { title: '接收单位', dataIndex: 'unitName', width: 120 },
  { title: '类型', dataIndex: 'kind', width: 90, render: (k: string) => <NotificationKindTag kind={k} /> },
  {
    title: '内容',
    key: 'title',
    render: (_, n) => (
      <div style={{ opacity: n.resolved ? 0.6 : 1 }}>
        <div>
          {/* A reminder that needs nothing more (item done, date passed): the office sees why. */}
          {n.resolved && (
            <>
              <NotificationResolvedTag resolved={n.resolved} />{' '}
            </>
          )}
          {n.title}
        </div>
        {n.body && (
          <Typography.Paragraph
            type="secondary"
            ellipsis={{ rows: 2, expandable: true, symbol: '展开' }}
            style={{ margin: 0 }}
          >
            {n.body}
          </Typography.Paragraph>
        )}
      </div>
    ),
  },
  {
    title: '截止日期',
    dataIndex: 'dueDate',
    width: 130,
    render: (v: string | null) => <span className="nowrap">{cnDate(v) || '—'}</span>,
  },
  {
    title: '链接',
    dataIndex: 'link',
    width: 80,
    render: (v: string) => (v ? <Link to={safeLink(v)}>查看</Link> : '—'),
  },
];

export function SentNotifications() {
  const user = useUser();
  const [unit, setUnit] = useState<number>();
  const [kind, setKind] = useState<string>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [urging, setUrging] = useState(false);
  // Filtered and paged by the server: a district sends thousands of reminders in a campaign.
  const { data, error, loading, reload } = useAsync(
    () => notificationsApi.list({ all: true, unit, kind, q, page, pageSize: PAGE_SIZE }),
    [unit, kind, q, page],
  );
  const units = useAsync(async () => {
    const list = await unitsApi.list();
    return list.filter((u) => u.kind !== 'office').map((u) => ({ value: u.id, label: u.name }));
  }, []);
  /** A filter change starts again at page 1. */
  const filterBy =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };
  if (error) return <LoadError error={error} onRetry={reload} />;

  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder="接收单位"
          aria-label="接收单位"
          style={{ width: 160 }}
          value={unit}
          onChange={filterBy(setUnit)}
          options={units.data ?? []}
        />
        <Select
          allowClear
          placeholder="类型"
          aria-label="类型"
          style={{ width: 120 }}
          value={kind}
          onChange={filterBy(setKind)}
          options={NOTIFICATION_KIND_OPTIONS}
        />
        <Input.Search
          allowClear
          placeholder="搜索标题或内容"
          style={{ width: 220 }}
          onSearch={filterBy((v: string) => setQ(v.trim()))}
        />
        {isAdmin(user.role) && (
          <Button
            type="primary"
            icon={<SendOutlined />}
            onClick={() => setUrging(true)}
            data-testid="urge-new"
          >
            催办单位
          </Button>
        )}
      </Space>
      <Table<AppNotification>
        rowKey="id"
        size="small"
        bordered
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (t) => `共 ${t} 条`,
          onChange: setPage,
        }}
        onRow={(n) => testIdRow('sent-row', { 'data-kind': n.kind, 'data-unit': n.unitName })}
        data-testid="sent-table"
      />
      {urging && <UrgeModal onClose={() => setUrging(false)} onSent={reload} />}
    </>
  );
}
