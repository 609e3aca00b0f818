import { PROBLEM_STATUS_LABELS, PROBLEM_STATUSES } from '@paicha/core';
import { Space, Tooltip, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import type { Problem } from '../../api/problemTypes';
import { DeadlineText } from '../../components/DeadlineText';
import { cnDate, cnDateOfInstant } from '../../components/dates';
import { FindingsProgress } from '../../components/FindingsProgress';
import { OverdueTag, ProblemStatusTag } from '../../components/ProblemTags';
import type { ListView, SortKey } from './ledgerQuery';

type Col = ColumnType<Problem>;

interface Ctx {
  sort: SortKey;
  order: 'asc' | 'desc';
  statuses: string[];
  showUnit: boolean;
}

const clamp = (text: string, lines = 2) => (
  <Typography.Paragraph ellipsis={{ rows: lines, tooltip: text }} style={{ margin: 0 }}>
    {text || '—'}
  </Typography.Paragraph>
);

function sortable(key: SortKey, ctx: Ctx): Partial<Col> {
  return {
    key,
    sorter: true,
    sortOrder: ctx.sort === key ? (ctx.order === 'asc' ? 'ascend' : 'descend') : null,
  };
}

function columnsOf(ctx: Ctx): Record<string, Col> {
  return {
    id: {
      title: '编号',
      width: 72,
      align: 'center',
      ...sortable('id', ctx),
      render: (_, p) => <Link to={`/problems/${p.id}`}>{p.id}</Link>,
    },
    unit: {
      title: '责任单位',
      width: 110,
      ...sortable('unit', ctx),
      render: (_, p) => p.unit.name,
    },
    checkItem: {
      title: '排查事项',
      width: 130,
      ...sortable('checkItem', ctx),
      render: (_, p) => (
        <Tooltip title={p.checkItemContent}>
          <span>
            {p.checkItem}. {p.subCategory}
          </span>
        </Tooltip>
      ),
    },
    description: {
      title: '问题描述',
      dataIndex: 'description',
      render: (v: string, p) => (
        <>
          {clamp(v)}
          <FindingsProgress p={p} />
        </>
      ),
    },
    source: { title: '来源', dataIndex: 'source', width: 100 },
    place: {
      title: '地点（村/户）',
      width: 120,
      render: (_, p) => clamp([p.place, p.householdRef].filter(Boolean).join(' '), 2),
    },
    foundDate: {
      title: '发现日期',
      width: 128,
      ...sortable('foundDate', ctx),
      render: (_, p) => cnDate(p.foundDate),
    },
    leader: { title: '责任领导', dataIndex: 'responsibleLeader', width: 96, render: (v) => v || '—' },
    person: { title: '责任人', dataIndex: 'responsiblePerson', width: 96, render: (v) => v || '—' },
    mode: { title: '整改方式', dataIndex: 'mode', width: 96 },
    deadline: {
      title: '整改时限',
      width: 128,
      ...sortable('deadline', ctx),
      render: (_, p) =>
        p.deadlineInfo ? (
          <DeadlineText deadline={p.deadlineInfo} />
        ) : p.mode === '立行立改' ? (
          '立行立改'
        ) : (
          '—'
        ),
    },
    cause: { title: '原因剖析', dataIndex: 'cause', render: (v: string) => clamp(v) },
    measures: { title: '整改措施', dataIndex: 'measures', render: (v: string) => clamp(v) },
    closedAt: { title: '销号日期', width: 128, render: (_, p) => cnDateOfInstant(p.closedAt) || '—' },
    status: {
      title: '状态',
      width: 124,
      ...sortable('status', ctx),
      filters: PROBLEM_STATUSES.map((s) => ({ text: PROBLEM_STATUS_LABELS[s], value: s })),
      filteredValue: ctx.statuses,
      render: (_, p) => (
        <Space size={0} wrap>
          <ProblemStatusTag status={p.status} />
          <OverdueTag overdue={p.overdue} />
        </Space>
      ),
    },
  };
}

const VIEW_COLUMNS: Record<ListView, string[]> = {
  problems: ['id', 'unit', 'checkItem', 'description', 'source', 'place', 'foundDate', 'status'],
  responsibility: ['id', 'unit', 'checkItem', 'description', 'leader', 'person', 'deadline', 'status'],
  rectification: ['id', 'unit', 'description', 'cause', 'measures', 'deadline', 'closedAt', 'status'],
};

/** The columns of 问题清单 / 责任清单 / 整改清单: the same rows seen from three sides. */
export function ledgerColumns(view: ListView, ctx: Ctx): Col[] {
  const all = columnsOf(ctx);
  return VIEW_COLUMNS[view]
    .filter((k) => ctx.showUnit || k !== 'unit')
    .map((k) => ({ ...all[k], key: all[k]?.key ?? k }) as Col);
}
