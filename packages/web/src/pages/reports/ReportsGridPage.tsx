// 月报: completeness and timeliness as a units × months grid (DHIS2-style), every cell linking to
// that unit's report; the office also downloads the consolidated table of a month.
import { seesAllUnits } from '@paicha/core';
import { Alert, Button, Card, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { type ExportFormat, type ReportGrid, reportsApi } from '../../api/reports';
import { useUser } from '../../auth/AuthContext';
import { useCampaign } from '../../campaign/CampaignContext';
import { CampaignPicker } from '../../components/CampaignPicker';
import { LoadError } from '../../components/LoadError';
import { ReportCellUrge } from '../../components/SupervisionUrge';
import { useAction } from '../../hooks/useAction';
import { useAsync } from '../../hooks/useAsync';
import { periodLabel } from './labels';
import { CellTags, type GridSlot, OverallStats, TimelinessGrid } from './TimelinessGrid';

type Row = ReportGrid['units'][number];

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
  const slots: GridSlot<Row['cells'][number]>[] = periods.map((p) => ({
    key: p.period,
    label: periodLabel(p.period),
    deadline: p.deadline,
    cell: (r, c) => (
      <Space size={0} wrap>
        <Link
          to={`/reports/${p.period}/${r.unit.id}`}
          data-testid="grid-cell"
          data-unit={r.unit.name}
          data-period={p.period}
        >
          <CellTags cell={c} />
        </Link>
        <ReportCellUrge unit={r.unit} period={p} cell={c} />
      </Space>
    ),
  }));

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
        <TimelinessGrid
          rows={data?.units}
          slots={slots}
          slotWidth={150}
          loading={loading}
          totals={district && data ? { perSlot: data.totals, overall: data.overall } : null}
          testId="report-grid"
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
