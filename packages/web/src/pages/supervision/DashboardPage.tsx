// 督查看板: found / closed / overdue by category and by unit, closure rates, the weekly burn-down
// toward the rectification deadline, and monthly reporting timeliness. Every chart opens the
// list behind what was clicked.

import { seesAllUnits } from '@paicha/core';
import { Card, Col, Empty, Row, Space, Spin, Statistic, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useUser } from '../../auth/AuthContext';
import { useCampaign } from '../../campaign/CampaignContext';
import { CampaignPicker } from '../../components/CampaignPicker';
import { cnDate } from '../../components/dates';
import { LoadError } from '../../components/LoadError';
import { useAsync } from '../../hooks/useAsync';
import { TrendCard } from '../households/TrendCard';
import { type Filters, ledgerLink } from '../problems/ledgerQuery';
import { type Dashboard, percent, supervisionApi } from './api';
import {
  COLORS,
  categoryChart,
  categoryDrill,
  closureChart,
  closureColor,
  closureDrill,
  TREND_DRILL,
  timelinessChart,
  trendChart,
  unitChart,
  unitDrill,
} from './dashboardCharts';
import { EChart } from './EChart';
import { FindingsFigures } from './FindingsFigures';

function Kpis({ d }: { d: Dashboard }) {
  const t = d.totals;
  const items = [
    { key: 'found', title: '发现问题', value: t.found, filter: {} },
    { key: 'closed', title: '已销号', value: t.closed, filter: { status: 'closed' }, color: COLORS.closed },
    { key: 'open', title: '未销号', value: t.open, filter: { status: TREND_DRILL.status } },
    {
      key: 'overdue',
      title: '逾期未整改',
      value: t.overdue,
      filter: { overdue: '1' },
      color: COLORS.overdue,
    },
    { key: 'awaiting', title: '待销号审核', value: t.awaitingReview, filter: { status: 'awaiting_review' } },
  ];
  // The open problems not awaiting review, each status on its own: 整改中 is only those in progress.
  const stages = [
    { key: 'pending', title: '待整改', value: t.pending, status: 'pending' },
    { key: 'in-progress', title: '整改中', value: t.inProgress, status: 'rectifying' },
    { key: 'returned', title: '已退回', value: t.returned, status: 'returned' },
  ];
  return (
    <Card size="small">
      <Space size={48} wrap>
        {items.map((k) => (
          <Link key={k.key} to={ledgerLink(k.filter)} data-testid={`kpi-${k.key}`} data-value={k.value}>
            <Statistic title={k.title} value={k.value} valueStyle={{ color: k.color }} />
          </Link>
        ))}
        {stages.map((k) => (
          <Link
            key={k.key}
            to={ledgerLink({ status: k.status })}
            data-testid={`kpi-${k.key}`}
            data-value={k.value}
          >
            <Statistic title={k.title} value={k.value} />
          </Link>
        ))}
        <Tooltip title={`低于${d.closureRateBelow}%（通报“成效不明显”的标准）显示为红色`}>
          <span data-testid="kpi-closure-rate" data-color={closureColor(t.closureRate, d.closureRateBelow)}>
            <Statistic
              title="整改销号率"
              value={percent(t.closureRate)}
              valueStyle={{ color: closureColor(t.closureRate, d.closureRateBelow) }}
            />
          </span>
        </Tooltip>
        <Statistic title="月报及时率" value={percent(d.timeliness.overall.timelinessRate)} />
        <Typography.Text type="secondary" style={{ maxWidth: 260, display: 'inline-block' }}>
          截至{cnDate(d.today)}。点击数字或图表查看对应的问题清单。
        </Typography.Text>
      </Space>
    </Card>
  );
}

export default function DashboardPage() {
  const { campaigns, campaignId } = useCampaign();
  const wide = seesAllUnits(useUser().role);
  const navigate = useNavigate();
  const {
    data: d,
    error,
    reload,
  } = useAsync(
    async () => (campaignId === undefined ? undefined : supervisionApi.dashboard(campaignId)),
    [campaignId],
  );
  const open = (f: Filters) => navigate(ledgerLink(f));
  const charts = useMemo(
    () =>
      d && {
        category: categoryChart(d),
        unit: unitChart(d),
        closure: closureChart(d),
        trend: trendChart(d),
        timeliness: timelinessChart(d),
      },
    [d],
  );

  if (campaigns && !campaigns.length) return <Empty description="尚未创建排查活动" />;
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!d || !charts) return <Spin style={{ display: 'block', margin: 48 }} />;
  const unitsHeight = Math.max(240, d.units.length * 44 + 48);
  const due = cnDate(d.trend.rectificationDue);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="dashboard">
      <Card title={`督查看板 · ${d.campaign.title}`} extra={<CampaignPicker />} size="small">
        <Kpis d={d} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title="按类别：发现、销号、逾期" size="small">
            <EChart
              testId="chart-category"
              label="按三落实、三精准、三保障、其他方面统计的发现、已销号、逾期问题数"
              height={300}
              option={charts.category}
              onItemClick={(e) => open(categoryDrill(d, e.seriesIndex, e.dataIndex))}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={`各单位整改销号率（虚线为全区 ${percent(d.totals.closureRate)}）`} size="small">
            <EChart
              testId="chart-closure"
              label="各单位已销号问题占发现问题的比例"
              height={300}
              option={charts.closure}
              onItemClick={(e) => open(closureDrill(d, e.dataIndex))}
            />
          </Card>
        </Col>
        <Col xs={24}>
          <Card
            title={`未销号问题周趋势（燃尽图，目标：${due}前全部整改到位）`}
            size="small"
            extra={
              <Typography.Text type="secondary">
                理想线：截至每周已登记、须在整改阶段销号的问题，按剩余天数匀速降至零（后增问题计入）
              </Typography.Text>
            }
          >
            <EChart
              testId="chart-trend"
              label={`每周末未销号问题数与理想线，${due}为整改到位时限`}
              height={320}
              option={charts.trend}
              onItemClick={() => open(TREND_DRILL)}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title="按单位：发现、销号、逾期" size="small">
            <EChart
              testId="chart-unit"
              label="各单位发现、已销号、逾期问题数"
              height={unitsHeight}
              option={charts.unit}
              onItemClick={(e) => open(unitDrill(d, e.seriesIndex, e.dataIndex))}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card
            title="月报报送及时性（已到截止日的月份）"
            size="small"
            extra={<Link to="/reports">查看月报报送表</Link>}
          >
            <EChart
              testId="chart-timeliness"
              label="各单位月报按时、逾期报送、逾期未报次数"
              height={unitsHeight}
              option={charts.timeliness}
              onItemClick={() => navigate('/reports')}
            />
          </Card>
        </Col>
        <Col span={24}>
          <FindingsFigures d={d} />
        </Col>
        <Col span={24}>
          <TrendCard campaignId={d.campaign.id} wide={wide} compact />
        </Col>
      </Row>
    </Space>
  );
}
