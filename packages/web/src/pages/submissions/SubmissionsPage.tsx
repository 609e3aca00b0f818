// 节点报送: the units × milestones grid (12-15 工作方案, 12-24 问题清单, 05-31 整改结果,
// 06-30 总结), each cell linking to that unit's submission.
import { seesAllUnits } from '@paicha/core';
import { Card, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { type SubmissionGrid, submissionsApi } from '../../api/reports';
import { useUser } from '../../auth/AuthContext';
import { useCampaign } from '../../campaign/CampaignContext';
import { CampaignPicker } from '../../components/CampaignPicker';
import { DeadlineText } from '../../components/DeadlineText';
import { LoadError } from '../../components/LoadError';
import { useAsync } from '../../hooks/useAsync';
import { rate, StatusTag, TimelinessTag } from '../reports/labels';
import { OverallStats, TotalsLine } from '../reports/ReportsGridPage';

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

  const columns: ColumnsType<Row> = [
    { title: '单位', dataIndex: ['unit', 'name'], fixed: 'left', width: 130 },
    ...milestones.map((m, i) => ({
      title: (
        <div>
          <div>{m.title}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 400 }}>
            <DeadlineText deadline={m.deadline} prefix="截止 " />
          </Typography.Text>
        </div>
      ),
      key: String(m.id),
      width: 190,
      render: (_: unknown, r: Row) => {
        const c = r.cells[i];
        if (!c || c.timeliness === 'not_expected')
          return <Typography.Text type="secondary">—</Typography.Text>;
        return (
          <Link
            to={`/submissions/${m.id}/${r.unit.id}`}
            data-testid="submission-cell"
            data-unit={r.unit.name}
            data-kind={m.kind}
          >
            <Space size={2} wrap>
              <TimelinessTag value={c.timeliness} />
              {c.status !== 'not_started' && <StatusTag status={c.status} />}
            </Space>
          </Link>
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

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title={district ? '节点报送情况' : '本单位节点报送'} extra={<CampaignPicker />}>
        <Typography.Paragraph type="secondary">
          方案规定的报送节点：工作方案、问题排查结果和问题清单（纸质材料加盖公章并发送电子档）、整改结果、总结（经验做法和建章立制）。点击单元格填写或查看。
        </Typography.Paragraph>
        <Table<Row>
          rowKey={(r) => r.unit.id}
          bordered
          size="small"
          loading={loading}
          columns={columns}
          dataSource={data?.units ?? []}
          pagination={false}
          scroll={{ x: 130 + milestones.length * 190 + 90 }}
          data-testid="submission-grid"
          summary={() =>
            district && data ? (
              <Table.Summary>
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>全区合计</Table.Summary.Cell>
                  {data.totals.map((t, i) => (
                    <Table.Summary.Cell key={t.milestoneId} index={i + 1}>
                      <TotalsLine t={t} />
                    </Table.Summary.Cell>
                  ))}
                  <Table.Summary.Cell index={milestones.length + 1} align="center">
                    {rate(data.overall.timelinessRate)}
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              </Table.Summary>
            ) : undefined
          }
        />
      </Card>
      {district && data && <OverallStats t={data.overall} title="累计（已到截止日或已报送的节点）" />}
    </Space>
  );
}
