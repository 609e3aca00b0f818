// The scorecard table's columns. Problem counts link to the ledger list when the period runs to
// today (the ledger shows today's state, so an earlier cut-off cannot be listed there).
import type { CriticismGroup } from '@paicha/core';
import { Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { type Filters, ledgerLink } from '../problems/ledgerQuery';
import { percent, type ScorecardRow } from './api';

export const GROUP_COLORS: Record<CriticismGroup, string> = {
  责任不到位: 'red',
  工作不主动: 'orange',
  措施不得力: 'gold',
  成效不明显: 'purple',
};

const center = 'center' as const;

export function scorecardColumns(linkable: boolean): ColumnsType<ScorecardRow> {
  const count = (value: number, filters: Filters, danger = false) => {
    const style = danger && value > 0 ? { color: '#cf1322' } : undefined;
    if (!linkable || value === 0) return <span style={style}>{value}</span>;
    return (
      <Link to={ledgerLink(filters)} style={style}>
        {value}
      </Link>
    );
  };
  return [
    { title: '名次', key: 'rank', width: 60, align: center, render: (_, r) => r.rank ?? '—' },
    { title: '单位', key: 'unit', width: 120, render: (_, r) => r.unit.name },
    {
      title: '月报及节点报送',
      children: [
        { title: '应报', key: 'expected', width: 60, align: center, render: (_, r) => r.figures.expected },
        { title: '按时', key: 'onTime', width: 60, align: center, render: (_, r) => r.figures.onTime },
        { title: '逾期报送', key: 'late', width: 72, align: center, render: (_, r) => r.figures.late },
        {
          title: '逾期未报',
          key: 'missing',
          width: 72,
          align: center,
          render: (_, r) => (
            <span style={r.figures.missing ? { color: '#cf1322' } : undefined}>{r.figures.missing}</span>
          ),
        },
        {
          title: '按时报送率',
          key: 'onTimeRate',
          width: 88,
          align: center,
          render: (_, r) => (
            <Tooltip
              title={`月报 ${r.monthly.onTime}/${r.monthly.expected}，节点报送 ${r.milestones.onTime}/${r.milestones.expected}`}
            >
              {percent(r.rates.onTimeRate)}
            </Tooltip>
          ),
        },
      ],
    },
    {
      title: '问题整改',
      children: [
        {
          title: '发现',
          key: 'found',
          width: 60,
          align: center,
          render: (_, r) => count(r.figures.found, { unit: String(r.unit.id) }),
        },
        {
          title: '已销号',
          key: 'closed',
          width: 66,
          align: center,
          render: (_, r) => count(r.figures.closed, { unit: String(r.unit.id), status: 'closed' }),
        },
        {
          title: '销号率',
          key: 'closureRate',
          width: 72,
          align: center,
          render: (_, r) => percent(r.rates.closureRate),
        },
        {
          title: '逾期',
          key: 'overdue',
          width: 60,
          align: center,
          render: (_, r) => count(r.figures.overdue, { unit: String(r.unit.id), overdue: '1' }, true),
        },
      ],
    },
    {
      // Data work, not scored: a street's findings sit inside its 数据比对 problems.
      title: '数据比对线索（不计分）',
      children: [
        { title: '发现', key: 'findingsFound', width: 60, align: center, render: (_, r) => r.findings.found },
        {
          title: '已完成',
          key: 'findingsDone',
          width: 66,
          align: center,
          render: (_, r) => (
            <Tooltip
              title={`已入户核实 ${r.findings.verified}，再次比对已消除 ${r.findings.cleared}，认定不属实 ${r.findings.disputeAccepted}`}
            >
              <span>{r.findings.done}</span>
            </Tooltip>
          ),
        },
      ],
    },
    {
      title: '退回次数',
      key: 'returned',
      width: 76,
      align: center,
      render: (_, r) => (
        <Tooltip
          title={`问题销号申请被退回 ${r.figures.returnedProblems} 次，报送材料被退回 ${r.figures.returnedReports} 次；期间提交 ${r.figures.submitted} 次`}
        >
          {r.figures.returnedProblems + r.figures.returnedReports}
        </Tooltip>
      ),
    },
    {
      title: '综合得分',
      key: 'score',
      width: 80,
      align: center,
      render: (_, r) =>
        r.score === null ? (
          <Typography.Text type="secondary">不参与</Typography.Text>
        ) : (
          <Typography.Text strong>{r.score.toFixed(1)}</Typography.Text>
        ),
    },
    {
      title: '通报情形',
      key: 'groups',
      render: (_, r) =>
        r.groups.map((g) => (
          <Tooltip key={g.group} title={g.reason}>
            <Tag color={GROUP_COLORS[g.group]} data-testid="group-tag" data-group={g.group}>
              {g.group}
            </Tag>
          </Tooltip>
        )),
    },
  ];
}
