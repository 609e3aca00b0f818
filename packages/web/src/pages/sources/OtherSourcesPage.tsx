// 其他来源问题 (plan §二(四)): per source how many problems were entered, closed and overdue, each
// linking to the ledger filtered by that source; the office enters one, or many from .xlsx.
import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { isAdmin } from '@paicha/core';
import { Alert, Button, Card, Empty, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useNavigate } from 'react-router-dom';
import type { Problem } from '../../api/problemTypes';
import { useUser } from '../../auth/AuthContext';
import { useCampaign } from '../../campaign/CampaignContext';
import { CampaignPicker } from '../../components/CampaignPicker';
import { cnDate } from '../../components/dates';
import { LoadError } from '../../components/LoadError';
import { OverdueTag, ProblemStatusTag } from '../../components/ProblemTags';
import { testIdRow } from '../../components/rowProps';
import { useAsync } from '../../hooks/useAsync';
import { ledgerLink } from '../problems/ledgerQuery';
import { loadSourceSummary, OTHER_SOURCES, type SourceRow } from './otherSources';

const num = (n: number, danger = false) =>
  n ? (
    <Typography.Text type={danger ? 'danger' : undefined}>{n}</Typography.Text>
  ) : (
    <Typography.Text type="secondary">0</Typography.Text>
  );

const columns: ColumnsType<SourceRow> = [
  { title: '问题来源', dataIndex: 'source', width: 180 },
  { title: '问题数', dataIndex: 'total', width: 100, align: 'right', render: (n: number) => num(n) },
  { title: '已销号', dataIndex: 'closed', width: 100, align: 'right', render: (n: number) => num(n) },
  { title: '逾期', dataIndex: 'overdue', width: 100, align: 'right', render: (n: number) => num(n, true) },
  {
    title: '查看',
    key: 'link',
    render: (_, r) => (
      <Space size={16}>
        <Link to={ledgerLink({ source: r.source })} data-testid="source-ledger-link">
          在问题台账中查看
        </Link>
        {r.source === '明察暗访' && <Link to="/inspections">检查记录</Link>}
      </Space>
    ),
  },
];

const latestColumns: ColumnsType<Problem> = [
  {
    title: '编号',
    dataIndex: 'id',
    width: 70,
    render: (id: number) => <Link to={`/problems/${id}`}>{id}</Link>,
  },
  { title: '来源', dataIndex: 'source', width: 130 },
  { title: '责任单位', dataIndex: ['unit', 'name'], width: 120 },
  { title: '问题描述', dataIndex: 'description', ellipsis: true },
  {
    title: '整改时限',
    dataIndex: 'deadline',
    width: 130,
    render: (d: string | null) => <span className="nowrap">{cnDate(d) || '—'}</span>,
  },
  {
    title: '状态',
    key: 'status',
    width: 140,
    render: (_, p) => (
      <Space size={0}>
        <ProblemStatusTag status={p.status} />
        <OverdueTag overdue={p.overdue} />
      </Space>
    ),
  },
];

export default function OtherSourcesPage() {
  const user = useUser();
  const navigate = useNavigate();
  const { campaigns, campaignId } = useCampaign();
  const office = isAdmin(user.role);
  const { data, error, loading, reload } = useAsync(
    async () => (campaignId === undefined ? undefined : loadSourceSummary(campaignId)),
    [campaignId],
  );

  if (campaigns && !campaigns.length) return <Empty description="尚未创建排查活动" />;
  if (error) return <LoadError error={error} onRetry={reload} />;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title="其他来源问题"
        extra={
          <Space wrap>
            <CampaignPicker />
            {office && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => navigate('/sources/new')}
                data-testid="source-new"
              >
                登记问题
              </Button>
            )}
            {office && (
              <Button
                icon={<ImportOutlined />}
                onClick={() => navigate('/problems/import')}
                data-testid="source-import"
              >
                批量导入
              </Button>
            )}
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">
          省委专项巡视、市委专项巡察、“阳光扶贫”监管系统督查、脱贫成效考核、民主监督、审计、媒体暗访、群众来访等方面反馈的问题，由领导小组办公室逐一登记、交办责任单位并限期整改，与自查问题一样整改销号。
        </Typography.Paragraph>
        {office && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            message="批量导入其他来源问题"
            description={
              <>
                在“批量导入”中下载导入模板，每行须填写“责任单位”（问题交办给该单位）和“问题来源”（填写
                {OTHER_SOURCES.join('、')}之一），其余各列与登记问题相同。
              </>
            }
          />
        )}
        <Table<SourceRow>
          rowKey="source"
          size="small"
          bordered
          loading={loading}
          columns={columns}
          dataSource={data?.rows ?? []}
          pagination={false}
          onRow={(r) => testIdRow('source-row', { 'data-source': r.source, 'data-total': r.total })}
          summary={(rows) => {
            const sum = (k: 'total' | 'closed' | 'overdue') => rows.reduce((s, r) => s + r[k], 0);
            return (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  {num(sum('total'))}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  {num(sum('closed'))}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">
                  {num(sum('overdue'), true)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={4} />
              </Table.Summary.Row>
            );
          }}
        />
      </Card>
      <Card title="最近登记的其他来源问题" size="small">
        <Table<Problem>
          rowKey="id"
          size="small"
          loading={loading}
          columns={latestColumns}
          dataSource={data?.latest ?? []}
          pagination={false}
          locale={{ emptyText: '暂无其他来源问题' }}
          onRow={(p) => testIdRow('source-problem', { 'data-id': p.id, 'data-source': p.source })}
        />
      </Card>
    </Space>
  );
}
