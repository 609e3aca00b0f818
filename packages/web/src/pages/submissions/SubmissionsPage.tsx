// 节点报送: the units × milestones grid (12-15 工作方案, 12-24 问题清单, 05-31 整改结果,
// 06-30 总结), each cell linking to that unit's submission.
import { seesAllUnits } from '@paicha/core';
import { Card, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { type SubmissionGrid, submissionsApi } from '../../api/reports';
import { useUser } from '../../auth/AuthContext';
import { useCampaign } from '../../campaign/CampaignContext';
import { CampaignPicker } from '../../components/CampaignPicker';
import { LoadError } from '../../components/LoadError';
import { useAsync } from '../../hooks/useAsync';
import { CellTags, type GridSlot, OverallStats, TimelinessGrid } from '../reports/TimelinessGrid';

type Row = SubmissionGrid['units'][number];

export default function SubmissionsPage() {
  const user = useUser();
  const { campaignId } = useCampaign();
  const { data, error, loading, reload } = useAsync(
    async () => (campaignId === undefined ? undefined : submissionsApi.grid(campaignId)),
    [campaignId],
  );
  const district = seesAllUnits(user.role);
  if (error) return <LoadError error={error} onRetry={reload} />;
  const milestones = data?.milestones ?? [];

  const slots: GridSlot<Row['cells'][number]>[] = milestones.map((m) => ({
    key: String(m.id),
    label: m.title,
    deadline: m.deadline,
    cell: (r, c) => (
      <Link
        to={`/submissions/${m.id}/${r.unit.id}`}
        data-testid="submission-cell"
        data-unit={r.unit.name}
        data-kind={m.kind}
      >
        <CellTags cell={c} />
      </Link>
    ),
  }));

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title={district ? '节点报送情况' : '本单位节点报送'} extra={<CampaignPicker />}>
        <Typography.Paragraph type="secondary">
          方案规定的报送节点：工作方案、问题排查结果和问题清单（纸质材料加盖公章并发送电子档）、整改结果、总结（经验做法和建章立制）。点击单元格填写或查看。
        </Typography.Paragraph>
        <TimelinessGrid
          rows={data?.units}
          slots={slots}
          slotWidth={190}
          loading={loading}
          totals={district && data ? { perSlot: data.totals, overall: data.overall } : null}
          testId="submission-grid"
        />
      </Card>
      {district && data && <OverallStats t={data.overall} title="累计（已到截止日或已报送的节点）" />}
    </Space>
  );
}
