import { Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import type { Finding } from '../../api/householdTypes';
import { cnDateOfInstant } from '../../components/dates';
import type { FindingSort } from './findingsQuery';
import { VerificationCell } from './VerificationTag';

export function FindingStatusTag({ f }: { f: Finding }) {
  return f.status === 'open' ? (
    <Tag color="red" data-testid="finding-status" data-status="open">
      存在
    </Tag>
  ) : (
    <Tag color="green" data-testid="finding-status" data-status="resolved">
      已不再发现{f.resolvedAt ? `（${cnDateOfInstant(f.resolvedAt)}）` : ''}
    </Tag>
  );
}

export function UnitCell({ f }: { f: Finding }) {
  if (f.unit) return <>{f.unit.name}</>;
  return (
    <Tag color="orange" title="该乡镇（街道）名称尚未对应到街道，由办公室处理">
      待对应：{f.township || '（空）'}
    </Tag>
  );
}

export function ProblemLink({ f }: { f: Finding }) {
  if (f.problemId)
    return (
      <Link to={`/problems/${f.problemId}`} data-testid="finding-problem">
        问题 #{f.problemId}
      </Link>
    );
  return <Typography.Text type="secondary">{f.unit ? '—' : '地名对应后登记'}</Typography.Text>;
}

export function householdLink(id: string | null) {
  return id ? (
    <Link to={`/households/h/${encodeURIComponent(id)}`} data-testid="household-link">
      {id}
    </Link>
  ) : (
    '—'
  );
}

/** 姓名 over 证件号码 (masked unless unmasked); a household finding names no person. */
function PersonCell({ f }: { f: Finding }) {
  if (!f.name && !f.idNumber) return <Typography.Text type="secondary">（整户）</Typography.Text>;
  return (
    <>
      <div>{f.name ?? '—'}</div>
      <div className="nowrap" style={{ fontFamily: 'monospace', fontSize: 12, color: '#666' }}>
        {f.idNumber ?? ''}
      </div>
    </>
  );
}

/**
 * The findings table's columns. With `sorted` (the paged list) the server sorts and the table
 * only shows which column; without it (a household's few findings) the table sorts on screen.
 */
export function findingColumns(opts: {
  showUnit: boolean;
  showHousehold?: boolean;
  onDetail: (f: Finding) => void;
  sorted?: { sort: FindingSort; order: 'asc' | 'desc' };
}): ColumnsType<Finding> {
  const sortable = (key: FindingSort, local: (a: Finding, b: Finding) => number) =>
    opts.sorted
      ? {
          key,
          sorter: true,
          sortOrder:
            opts.sorted.sort === key
              ? opts.sorted.order === 'asc'
                ? ('ascend' as const)
                : ('descend' as const)
              : null,
        }
      : { key, sorter: local };
  return [
    {
      title: '序号',
      dataIndex: 'checkItem',
      width: 72,
      align: 'center',
      ...sortable('checkItem', (a, b) => a.checkItem - b.checkItem),
    },
    {
      title: '规则',
      dataIndex: 'ruleTitle',
      width: 140,
      // The title opens the finding's details: one column fewer, more room for the description.
      render: (t: string, f) => (
        <Typography.Link onClick={() => opts.onDetail(f)} data-testid="finding-detail">
          <div className="cell-content">{t}</div>
        </Typography.Link>
      ),
    },
    ...(opts.showUnit
      ? [
          {
            title: '责任单位',
            width: 110,
            render: (_: unknown, f: Finding) => <UnitCell f={f} />,
            ...sortable('unit', (a, b) => (a.unit?.name ?? '').localeCompare(b.unit?.name ?? '', 'zh-CN')),
          },
        ]
      : []),
    ...(opts.showHousehold === false
      ? []
      : [
          {
            title: '户编号',
            dataIndex: 'householdId',
            width: 122,
            render: householdLink,
            ...sortable('household', (a, b) => (a.householdId ?? '').localeCompare(b.householdId ?? '')),
          },
        ]),
    { title: '姓名 / 证件号码', width: 150, render: (_, f) => <PersonCell f={f} /> },
    {
      title: '问题描述',
      dataIndex: 'detail',
      render: (t: string) => <div className="cell-content">{t}</div>,
    },
    { title: '状态', width: 84, render: (_, f) => <FindingStatusTag f={f} /> },
    { title: '核实', width: 118, render: (_, f) => <VerificationCell f={f} /> },
    {
      title: '发现日期',
      dataIndex: 'createdAt',
      width: 128,
      render: (v: string) => <span className="nowrap">{cnDateOfInstant(v)}</span>,
      ...sortable('createdAt', (a, b) => a.createdAt.localeCompare(b.createdAt)),
    },
    { title: '台账', width: 88, render: (_, f) => <ProblemLink f={f} /> },
  ];
}
