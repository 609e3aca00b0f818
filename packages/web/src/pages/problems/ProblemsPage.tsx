import { PlusOutlined } from '@ant-design/icons';
import { seesAllUnits } from '@paicha/core';
import { Button, Card, Empty, Space, Spin, Tabs } from 'antd';
import { useNavigate } from 'react-router-dom';
import { campaignsApi, unitsApi } from '../../api/endpoints';
import { problemsApi } from '../../api/problems';
import { useUser } from '../../auth/AuthContext';
import { useCampaign } from '../../campaign/CampaignContext';
import { CampaignPicker } from '../../components/CampaignPicker';
import { LoadError } from '../../components/LoadError';
import { canRecord } from '../../components/problemRoles';
import { useAsync } from '../../hooks/useAsync';
import { CountsSummary } from './CountsSummary';
import { CountsTable } from './CountsTable';
import { LedgerList } from './LedgerList';
import { type LedgerView, LIST_VIEWS, type ListView, useLedgerQuery } from './ledgerQuery';

const TAB_LABELS: Record<LedgerView, string> = {
  problems: '问题清单',
  responsibility: '责任清单',
  rectification: '整改清单',
  byUnit: '按单位统计',
  byItem: '按事项统计',
};

/** 问题台账: the three lists of one ledger, and its counts per unit and per check item. */
export default function ProblemsPage() {
  const user = useUser();
  const navigate = useNavigate();
  const { campaigns, campaignId } = useCampaign();
  const lq = useLedgerQuery();
  const wide = seesAllUnits(user.role);
  const meta = useAsync(
    async () =>
      campaignId === undefined
        ? undefined
        : Promise.all([wide ? unitsApi.list() : undefined, campaignsApi.checkItems(campaignId, !wide)]),
    [campaignId, wide],
  );
  const unitCounts = useAsync(
    async () => (campaignId === undefined ? undefined : problemsApi.counts(campaignId, 'unit')),
    [campaignId],
  );
  const itemCounts = useAsync(
    async () =>
      campaignId === undefined || lq.view !== 'byItem' ? undefined : problemsApi.counts(campaignId, 'item'),
    [campaignId, lq.view],
  );

  const views: LedgerView[] = [...LIST_VIEWS, ...(wide ? (['byUnit'] as const) : []), 'byItem'];
  const isList = (LIST_VIEWS as readonly string[]).includes(lq.view);
  const [units, items] = meta.data ?? [undefined, []];

  let body: React.ReactNode;
  if (campaigns && !campaigns.length) body = <Empty description="尚未创建排查活动" />;
  else if (campaignId === undefined) body = <Spin style={{ display: 'block', margin: 48 }} />;
  else if (meta.error) body = <LoadError error={meta.error} onRetry={meta.reload} />;
  else if (isList)
    body = (
      <LedgerList campaignId={campaignId} view={lq.view as ListView} lq={lq} units={units} items={items} />
    );
  else if (lq.view === 'byUnit')
    body = <CountsTable groupBy="unit" rows={unitCounts.data} loading={unitCounts.loading} />;
  else body = <CountsTable groupBy="item" rows={itemCounts.data} loading={itemCounts.loading} />;

  return (
    <Card
      title="问题台账"
      extra={
        <Space>
          <CampaignPicker />
          {canRecord(user.role) && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => navigate('/problems/new')}
              data-testid="new-problem"
            >
              登记问题
            </Button>
          )}
        </Space>
      }
    >
      <CountsSummary
        rows={unitCounts.data}
        scope={wide ? '全区' : user.unit.name}
        onPick={(filter) => lq.update({ view: isList ? lq.view : 'problems', ...filter }, true)}
      />
      <Tabs
        activeKey={lq.view}
        onChange={(view) => lq.update({ view, page: '' })}
        items={views.map((v) => ({ key: v, label: <span data-testid={`tab-${v}`}>{TAB_LABELS[v]}</span> }))}
      />
      {body}
    </Card>
  );
}
