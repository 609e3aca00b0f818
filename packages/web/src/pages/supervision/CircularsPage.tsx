// 通报: the drafts under review and the circulars issued, newest first. Drafts are made from the
// scorecard (its figures and period); units see the issued ones only.
import { isAdmin } from '@paicha/core';
import { Button, Card, Empty, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { useUser } from '../../auth/AuthContext';
import { useCampaign } from '../../campaign/CampaignContext';
import { CampaignPicker } from '../../components/CampaignPicker';
import { cnDate, cnDateOfInstant } from '../../components/dates';
import { LoadError } from '../../components/LoadError';
import { testIdRow } from '../../components/rowProps';
import { useAction } from '../../hooks/useAction';
import { useAsync } from '../../hooks/useAsync';
import { type CircularSummary, oneLine, supervisionApi } from './api';
import { CircularStatusTag } from './CircularPage';

export default function CircularsPage() {
  const user = useUser();
  const { campaigns, campaignId } = useCampaign();
  const { data, error, loading, reload } = useAsync(
    async () => (campaignId === undefined ? undefined : supervisionApi.circulars(campaignId)),
    [campaignId],
  );
  const download = useAction((c: CircularSummary) => supervisionApi.downloadDocx(c));
  if (campaigns && !campaigns.length) return <Empty description="尚未创建排查活动" />;
  if (error) return <LoadError error={error} onRetry={reload} />;

  const columns: ColumnsType<CircularSummary> = [
    {
      title: '标题',
      key: 'title',
      render: (_, c) => <Link to={`/supervision/circulars/${c.id}`}>{oneLine(c.title)}</Link>,
    },
    { title: '文号', dataIndex: 'docNumber', width: 170 },
    {
      title: '统计期间',
      key: 'period',
      width: 250,
      render: (_, c) => `${cnDate(c.periodFrom)}至${cnDate(c.periodTo)}`,
    },
    { title: '状态', key: 'status', width: 90, render: (_, c) => <CircularStatusTag status={c.status} /> },
    {
      title: '起草 / 签发',
      key: 'when',
      width: 220,
      render: (_, c) =>
        c.status === 'issued'
          ? `${cnDate(c.docDate)}签发（${c.issuedBy ?? ''}）`
          : `${cnDateOfInstant(c.createdAt)}起草（${c.createdBy ?? ''}）`,
    },
    {
      title: '操作',
      key: 'actions',
      width: 110,
      render: (_, c) => (
        <Button size="small" onClick={() => void download.run(c)}>
          下载 Word
        </Button>
      ),
    },
  ];

  return (
    <Card
      title="通报"
      extra={
        <Space>
          <CampaignPicker />
          {isAdmin(user.role) && (
            <Link to="/supervision/scorecard">
              <Button type="primary">从单位评分生成通报</Button>
            </Link>
          )}
        </Space>
      }
    >
      <Table<CircularSummary>
        rowKey="id"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={data ?? []}
        pagination={false}
        locale={{
          emptyText: isAdmin(user.role)
            ? '还没有通报。在“单位评分”页选择统计期间后生成草稿。'
            : '暂无已签发的通报',
        }}
        onRow={(c) => testIdRow('circular-row', { 'data-id': c.id, 'data-status': c.status })}
      />
    </Card>
  );
}
