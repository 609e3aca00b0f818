// The cadre's list: the street's households with findings still to check, nearest deadline first,
// found by 户编号 or name. Paged by the server; "更多" appends the next page.
import { RightOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Input, List, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { householdsApi } from '../../api/households';
import { type VisitQueueItem, verificationApi } from '../../api/verification';
import { useUser } from '../../auth/AuthContext';
import { cnDate, cnDateOfInstant, cnDateTime } from '../../components/dates';
import { LoadError } from '../../components/LoadError';
import { useAction } from '../../hooks/useAction';
import { OutboxCard } from './OutboxCard';
import { cached, cacheKey, keepAhead } from './offlineCache';
import { useOutbox } from './useOutbox';

const PAGE = 20;
/** A household card fetched ahead for offline use is fetched again after this long. */
const AHEAD_MS = 10 * 60_000;

/** The listed households' cards, kept for a door without signal (one at a time, errors ignored). */
async function fetchAhead(userId: number, items: VisitQueueItem[]) {
  for (const h of items) {
    if (!navigator.onLine) return;
    await keepAhead(
      cacheKey(userId, 'hh', h.householdId),
      () => householdsApi.household(h.householdId),
      AHEAD_MS,
    ).catch(() => {});
  }
}

export default function VisitQueuePage() {
  const navigate = useNavigate();
  const user = useUser();
  const { sent } = useOutbox();
  const [staleSince, setStaleSince] = useState<string>();
  const [q, setQ] = useState('');
  const [items, setItems] = useState<VisitQueueItem[]>([]);
  const [total, setTotal] = useState<number>();
  const [error, setError] = useState<unknown>();
  const load = useAction(async (page: number) => {
    setError(undefined);
    try {
      const fetch = () => verificationApi.queue({ q, page, pageSize: PAGE });
      // The first page is kept for offline use; later pages need the network.
      const loaded =
        page === 1 ? await cached(cacheKey(user.id, 'queue', q), fetch) : { data: await fetch() };
      const r = loaded.data;
      setStaleSince(loaded.staleSince);
      setItems((old) => (page === 1 ? r.items : [...old, ...r.items]));
      setTotal(r.total);
      if (page === 1 && !loaded.staleSince) void fetchAhead(user.id, r.items);
    } catch (e) {
      setError(e);
    }
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload on a new search or a sent visit.
  useEffect(() => void load.run(1), [q, sent]);

  return (
    <>
      <OutboxCard />
      <Input.Search
        placeholder="户编号或姓名"
        allowClear
        enterButton="查找"
        size="large"
        onSearch={(v) => setQ(v.trim())}
        style={{ marginBottom: 12 }}
        data-testid="visit-search"
      />
      {staleSince && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={`没有网络，显示的是 ${cnDateTime(staleSince)} 加载的列表`}
          data-testid="queue-stale"
        />
      )}
      {error ? (
        <LoadError error={error} onRetry={() => void load.run(1)} />
      ) : (
        <Card
          size="small"
          title={total === undefined ? '待核实的户' : `待核实的户（${total} 户）`}
          styles={{ body: { padding: 0 } }}
        >
          <List
            loading={load.busy && items.length === 0}
            dataSource={items}
            locale={{
              emptyText: <Empty description={q ? '没有找到符合条件的户' : '本街道没有待核实的户'} />,
            }}
            renderItem={(h) => (
              <List.Item
                data-testid="visit-household"
                data-household={h.householdId}
                onClick={() => navigate(`/visit/h/${encodeURIComponent(h.householdId)}`)}
                style={{ cursor: 'pointer', padding: '12px 16px' }}
                extra={<RightOutlined style={{ color: '#bbb' }} />}
              >
                <Space direction="vertical" size={2} style={{ minWidth: 0 }}>
                  <Space wrap size={6}>
                    <Typography.Text strong>户编号 {h.householdId}</Typography.Text>
                    {h.name && <Typography.Text>{h.name}</Typography.Text>}
                  </Space>
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {[h.township, h.village].filter(Boolean).join(' ')}
                  </Typography.Text>
                  <Space wrap size={4}>
                    <Tag color={h.pending ? 'red' : 'orange'}>
                      {h.pending ? `待核实 ${h.pending} 条` : `未办结 ${h.openFindings} 条`}
                    </Tag>
                    {h.deadline && <Tag>期限 {cnDate(h.deadline)}</Tag>}
                    {h.lastVisitAt && <Tag color="blue">{cnDateOfInstant(h.lastVisitAt)} 已走访</Tag>}
                  </Space>
                  {h.assignees.length > 0 && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      核实人：{h.assignees.map((a) => (a.phone ? `${a.name} ${a.phone}` : a.name)).join('，')}
                    </Typography.Text>
                  )}
                </Space>
              </List.Item>
            )}
          />
          {total !== undefined && items.length < total && (
            <Button
              block
              type="link"
              loading={load.busy}
              onClick={() => void load.run(Math.floor(items.length / PAGE) + 1)}
            >
              显示更多
            </Button>
          )}
        </Card>
      )}
    </>
  );
}
