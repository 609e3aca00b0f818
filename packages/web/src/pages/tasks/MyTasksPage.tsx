import { CATEGORIES, type Category, seesAllUnits } from '@paicha/core';
import { Alert, Card, Input, Segmented, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { campaignsApi } from '../../api/endpoints';
import type { CheckItem } from '../../api/types';
import { useUser } from '../../auth/AuthContext';
import { useCampaign } from '../../campaign/CampaignContext';
import { CampaignPicker } from '../../components/CampaignPicker';
import { LoadError } from '../../components/LoadError';
import { checkItemRowProps } from '../../components/rowProps';
import { useAsync } from '../../hooks/useAsync';
import { taskColumns } from './taskColumns';

type CategoryFilter = Category | 'all';

function matches(item: CheckItem, category: CategoryFilter, q: string): boolean {
  if (category !== 'all' && item.category !== category) return false;
  if (!q) return true;
  return [item.content, item.subCategory, item.unitsText, String(item.seq)].some((t) => t.includes(q));
}

/** 本单位任务: the check items assigned to the caller's own unit (server-side `mine=1`). */
export default function MyTasksPage() {
  const user = useUser();
  const { campaignId } = useCampaign();
  const [category, setCategory] = useState<CategoryFilter>('all');
  const [q, setQ] = useState('');
  const { data, error, loading, reload } = useAsync(
    async () => (campaignId === undefined ? [] : campaignsApi.checkItems(campaignId, true)),
    [campaignId],
  );
  const items = data ?? [];
  const shown = useMemo(() => items.filter((i) => matches(i, category, q.trim())), [items, category, q]);

  return (
    <Card
      title={
        <Space>
          <span>本单位任务</span>
          <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
            {user.unit.name} · 共{items.length}项
          </Typography.Text>
        </Space>
      }
      extra={<CampaignPicker />}
    >
      {seesAllUnits(user.role) && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="tasks-note"
          message={`本页只列出分配给您所在单位（${user.unit.name}）的排查事项。`}
          description="您的角色可查看全区情况，全部37项排查事项及其责任单位请见“工作概览”。"
        />
      )}
      {error ? (
        <LoadError error={error} onRetry={reload} />
      ) : (
        <>
          <Space wrap style={{ marginBottom: 16 }}>
            <Segmented<CategoryFilter>
              value={category}
              onChange={setCategory}
              options={[
                { label: '全部类别', value: 'all' },
                ...CATEGORIES.map((c) => ({ label: c, value: c })),
              ]}
            />
            <Input.Search
              allowClear
              placeholder="搜索排查内容、项目或序号"
              aria-label="搜索排查事项"
              style={{ width: 280 }}
              onSearch={setQ}
              onChange={(e) => setQ(e.target.value)}
            />
            {shown.length !== items.length && (
              <Typography.Text type="secondary">
                筛选出{shown.length}项 / 共{items.length}项
              </Typography.Text>
            )}
          </Space>
          <Table<CheckItem>
            rowKey="seq"
            bordered
            loading={loading}
            dataSource={shown}
            columns={taskColumns(items)}
            pagination={false}
            onRow={checkItemRowProps}
            locale={{ emptyText: '本单位暂无分配的排查事项' }}
            data-testid="my-tasks-table"
          />
        </>
      )}
    </Card>
  );
}
