import type { VisitType } from '@paicha/core';
import { Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import type { Inspection } from '../../api/inspections';
import { cnDate } from '../../components/dates';
import { ProblemStatusTag } from '../../components/ProblemTags';

export function VisitTypeTag({ type }: { type: VisitType }) {
  return (
    <Tag color={type === '暗访' ? 'purple' : 'cyan'} data-testid="visit-type">
      {type}
    </Tag>
  );
}

/** The problems a visit's findings became, each linking to its page. */
function VisitProblems({ problems }: { problems: Inspection['problems'] }) {
  if (!problems.length) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space direction="vertical" size={2}>
      {problems.map((p) => (
        <Space key={p.id} size={4} wrap>
          <Link to={`/problems/${p.id}`} data-testid="visit-problem-link" data-id={p.id}>
            问题 {p.id}
          </Link>
          <ProblemStatusTag status={p.status} />
        </Space>
      ))}
    </Space>
  );
}

export const inspectionColumns: ColumnsType<Inspection> = [
  {
    title: '检查日期',
    dataIndex: 'visitDate',
    width: 130,
    render: (d: string, v) => (
      <Link to={`/inspections/${v.id}`} className="nowrap" data-testid="inspection-link">
        {cnDate(d)}
      </Link>
    ),
  },
  { title: '被检查单位', dataIndex: ['unit', 'name'], width: 120 },
  { title: '地点', dataIndex: 'place', width: 150, render: (v: string) => v || '—' },
  { title: '方式', dataIndex: 'visitType', width: 70, render: (t: VisitType) => <VisitTypeTag type={t} /> },
  { title: '检查人员', dataIndex: 'inspectors', width: 140, render: (v: string) => v || '—' },
  {
    title: '发现问题',
    dataIndex: 'findings',
    render: (v: string) =>
      v ? (
        <Typography.Paragraph
          style={{ margin: 0, whiteSpace: 'pre-wrap' }}
          ellipsis={{ rows: 2, tooltip: v }}
        >
          {v}
        </Typography.Paragraph>
      ) : (
        <Typography.Text type="secondary">未发现问题</Typography.Text>
      ),
  },
  {
    title: '交办问题',
    key: 'problems',
    width: 150,
    render: (_, v) => <VisitProblems problems={v.problems} />,
  },
];
