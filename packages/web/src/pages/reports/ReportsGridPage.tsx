// 月报: completeness and timeliness as a units × months grid (DHIS2-style), every cell linking to
// that unit's report; the office also downloads the consolidated table of a month.
import { seesAllUnits } from '@paicha/core';
import { Alert, Button, Card, Select, Space, Statistic, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { type ExportFormat, type ReportGrid, reportsApi, type Totals } from '../../api/reports';
import { useUser } from '../../auth/AuthContext';
import { useCampaign } from '../../campaign/CampaignContext';
import { CampaignPicker } from '../../components/CampaignPicker';
import { DeadlineText } from '../../components/DeadlineText';
import { LoadError } from '../../components/LoadError';
import { ReportCellUrge } from '../../components/SupervisionUrge';
import { useAction } from '../../hooks/useAction';
import { useAsync } from '../../hooks/useAsync';
import { periodLabel, rate, StatusTag, TimelinessTag } from './labels';

type Row = ReportGrid['units'][number];

export function TotalsLine({ t }: { t: Totals }) {
  return (
    <div style={{ fontSize: 12, lineHeight: 1.6 }} data-testid="period-totals">
      <div>
        已报 {t.submitted}/{t.expected}（按时 {t.onTime}，逾期 {t.late}）
      </div>
      <div>
        未报 {t.missing}
        {t.pending > 0 && `，待报 ${t.pending}`}
      </div>
      <div>
        完整率 {rate(t.completenessRate)} · 及时率 {rate(t.timelinessRate)}
      </div>
    </div>
  );
}

export function OverallStats({ t, title }: { t: Totals; title: string }) {
  return (
    <Card size="small" title={title} data-testid="overall-stats">
      <Space size={40} wrap>
        <Statistic title="应报" value={t.expected} />
        <Statistic title="已报" value={t.submitted} />
        <Statistic title="按时" value={t.onTime} />
        <Statistic title="逾期报送" value={t.late} valueStyle={{ color: t.late ? '#cf1322' : undefined }} />
        <Statistic
          title="逾期未报"
          value={t.missing}
          valueStyle={{ color: t.missing ? '#cf1322' : undefined }}
        />
        <Statistic title="完整率" value={rate(t.completenessRate)} />
        <Statistic title="及时率" value={rate(t.timelinessRate)} />
      </Space>
    </Card>
  );
}

export default function ReportsGridPage() {
  const user = useUser();
  const { campaignId } = useCampaign();
  const { data, error, loading, reload } = useAsync(
    async () => (campaignId === undefined ? undefined : reportsApi.grid(campaignId)),
    [campaignId],
  );
  const [period, setPeriod] = useState<string>();
  const district = seesAllUnits(user.role);
  const download = useAction((format: ExportFormat, campaign: number, chosenPeriod: string) =>
    reportsApi.downloadConsolidated(campaign, chosenPeriod, format),
  );
  if (error) return <LoadError error={error} onRetry={reload} />;

  const periods = data?.periods ?? [];
  const chosen =
    period ??
    [...periods].reverse().find((p) => p.dueDate <= (data?.today ?? ''))?.period ??
    periods[0]?.period;
  const columns: ColumnsType<Row> = [
    { title: '单位', dataIndex: ['unit', 'name'], fixed: 'left', width: 130 },
    ...periods.map((p, i) => ({
      title: (
        <div>
          <div>{periodLabel(p.period)}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 400 }}>
            <DeadlineText deadline={p.deadline} prefix="截止 " />
          </Typography.Text>
        </div>
      ),
      key: p.period,
      width: 150,
      render: (_: unknown, r: Row) => {
        const c = r.cells[i];
        if (!c || c.timeliness === 'not_expected')
          return <Typography.Text type="secondary">—</Typography.Text>;
        return (
          <Space size={0} wrap>
            <Link
              to={`/reports/${p.period}/${r.unit.id}`}
              data-testid="grid-cell"
              data-unit={r.unit.name}
              data-period={p.period}
            >
              <Space size={2} wrap>
                <TimelinessTag value={c.timeliness} />
                {c.status !== 'not_started' && <StatusTag status={c.status} />}
              </Space>
            </Link>
            <ReportCellUrge unit={r.unit} period={p} cell={c} />
          </Space>
        );
      },
    })),
    {
      title: '及时率',
      key: 'rate',
      width: 90,
      align: 'center',
      render: (_: unknown, r: Row) => (r.expected ? rate(r.totals.timelinessRate) : '无需报送'),
    },
  ];

  const downloadAs = (format: ExportFormat) => {
    if (campaignId && chosen) void download.run(format, campaignId, chosen);
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title={district ? '月报报送情况' : '本单位月报'} extra={<CampaignPicker />}>
        <Typography.Paragraph type="secondary">
          各月截止日期见表头：截止日当天报送为按时，之后报送计为逾期（以首次报送时间为准）；没有承担排查事项的单位无需报送。点击单元格查看或填写该月月报。
        </Typography.Paragraph>
        {!district && data?.units[0] && !data.units[0].expected && (
          <Alert
            type="info"
            showIcon
            message="本单位在本活动中没有承担排查事项，无需报送月报。"
            style={{ marginBottom: 16 }}
          />
        )}
        <Table<Row>
          rowKey={(r) => r.unit.id}
          bordered
          size="small"
          loading={loading}
          columns={columns}
          dataSource={data?.units ?? []}
          pagination={false}
          scroll={{ x: 130 + periods.length * 150 + 90 }}
          data-testid="report-grid"
          summary={() =>
            district && data ? (
              <Table.Summary fixed>
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>全区合计</Table.Summary.Cell>
                  {data.totals.map((t, i) => (
                    <Table.Summary.Cell key={t.period} index={i + 1}>
                      <TotalsLine t={t} />
                    </Table.Summary.Cell>
                  ))}
                  <Table.Summary.Cell index={periods.length + 1} align="center">
                    {rate(data.overall.timelinessRate)}
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              </Table.Summary>
            ) : undefined
          }
        />
      </Card>
      {district && data && <OverallStats t={data.overall} title="累计（已到截止日或已报送的月份）" />}
      {district && periods.length > 0 && (
        <Card size="small" title="全区汇总表">
          <Space wrap>
            <Select
              aria-label="选择月份"
              style={{ width: 160 }}
              value={chosen}
              onChange={setPeriod}
              options={periods.map((p) => ({ value: p.period, label: periodLabel(p.period) }))}
            />
            <Button onClick={() => downloadAs('xlsx')} data-testid="consolidated-xlsx">
              下载汇总表 Excel
            </Button>
            <Button onClick={() => downloadAs('docx')} data-testid="consolidated-docx">
              下载汇总表 Word
            </Button>
            <Typography.Text type="secondary">
              每个排查事项按责任单位分行，列出各单位已报送的内容；未报送的单位注明“未报送”。
            </Typography.Text>
          </Space>
        </Card>
      )}
    </Space>
  );
}
