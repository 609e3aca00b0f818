import { ArrowLeftOutlined, EditOutlined, NodeIndexOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Result, Space, Spin, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import type { Inspection } from '../../api/inspections';
import { useUser } from '../../auth/AuthContext';
import { cnDate, cnDateTime } from '../../components/dates';
import { LoadError } from '../../components/LoadError';
import { ProblemStatusTag } from '../../components/ProblemTags';
import { testIdRow } from '../../components/rowProps';
import { InspectionFormModal } from './InspectionFormModal';
import { VisitTypeTag } from './inspectionColumns';
import { canRecordVisit, canTurnIntoProblem } from './inspectionRoles';
import { useInspection } from './useInspection';

type VisitProblem = Inspection['problems'][number];

const problemColumns: ColumnsType<VisitProblem> = [
  {
    title: '问题编号',
    dataIndex: 'id',
    width: 100,
    render: (id: number) => (
      <Link to={`/problems/${id}`} data-testid="visit-problem-link" data-id={id}>
        问题 {id}
      </Link>
    ),
  },
  { title: '排查事项', dataIndex: 'checkItem', width: 90, render: (s: number) => `第 ${s} 项` },
  { title: '问题描述', dataIndex: 'description' },
  {
    title: '状态',
    dataIndex: 'status',
    width: 100,
    render: (s: VisitProblem['status']) => <ProblemStatusTag status={s} />,
  },
];

/** One visit: what was found, and the problems 交办 from it; the office turns findings into problems. */
export default function InspectionDetailPage() {
  const id = Number(useParams().id);
  const user = useUser();
  const navigate = useNavigate();
  const { data: visit, error, reload } = useInspection(id);
  const [editing, setEditing] = useState(false);

  if (!Number.isInteger(id) || id <= 0 || (error instanceof ApiError && error.status === 404))
    return (
      <Result
        status="404"
        title="检查记录不存在"
        subTitle="该记录不存在，或不是对您所在单位的检查。"
        extra={<Button onClick={() => navigate('/inspections')}>返回明察暗访</Button>}
      />
    );
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!visit) return <Spin style={{ display: 'block', margin: 48 }} />;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="inspection-detail">
      <Card
        title={
          <Space>
            {visit.unit.name} · {cnDate(visit.visitDate)}
            <VisitTypeTag type={visit.visitType} />
          </Space>
        }
        extra={
          <Space wrap>
            {canTurnIntoProblem(user.role) && (
              <Button
                type="primary"
                icon={<NodeIndexOutlined />}
                onClick={() => navigate(`/inspections/${visit.id}/problem`)}
                data-testid="inspection-to-problem"
              >
                转为问题
              </Button>
            )}
            {canRecordVisit(user.role) && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="inspection-edit">
                修改
              </Button>
            )}
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/inspections')}>
              返回
            </Button>
          </Space>
        }
      >
        <Descriptions
          bordered
          size="small"
          column={2}
          labelStyle={{ width: 110, whiteSpace: 'nowrap' }}
          data-testid="inspection-info"
          items={[
            { key: 'unit', label: '被检查单位', children: visit.unit.name },
            { key: 'date', label: '检查日期', children: cnDate(visit.visitDate) },
            { key: 'type', label: '检查方式', children: visit.visitType },
            { key: 'place', label: '检查地点', children: visit.place || '—' },
            { key: 'inspectors', label: '检查人员', span: 'filled', children: visit.inspectors || '—' },
            {
              key: 'findings',
              label: '发现问题',
              span: 'filled',
              children: (
                <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                  {visit.findings || '未发现问题'}
                </Typography.Paragraph>
              ),
            },
            { key: 'created', label: '登记时间', span: 'filled', children: cnDateTime(visit.createdAt) },
          ]}
        />
      </Card>
      <Card title={`交办的问题（${visit.problems.length}）`} size="small">
        <Table<VisitProblem>
          rowKey="id"
          size="small"
          columns={problemColumns}
          dataSource={visit.problems}
          pagination={false}
          onRow={(p) => testIdRow('visit-problem', { 'data-id': p.id })}
          locale={{
            emptyText: canTurnIntoProblem(user.role)
              ? '尚未交办问题；需要整改的发现点击“转为问题”交办被检查单位'
              : '暂无交办的问题',
          }}
        />
      </Card>
      {editing && (
        <InspectionFormModal
          campaignId={visit.campaignId}
          visit={visit}
          onClose={() => setEditing(false)}
          onSaved={() => reload()}
        />
      )}
    </Space>
  );
}
