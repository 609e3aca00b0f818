import { Descriptions, Typography } from 'antd';
import type { Problem } from '../../../api/problemTypes';
import { DeadlineText } from '../../../components/DeadlineText';
import { cnDate, cnDateOfInstant } from '../../../components/dates';
import { OverdueTag, ProblemStatusTag } from '../../../components/ProblemTags';

const day = (v: string) => <span className="nowrap">{v || '—'}</span>;

const long = (v: string) => (
  <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{v || '—'}</Typography.Paragraph>
);

/** The record's every field, as the three lists show them (问题 · 责任 · 整改). */
export function ProblemInfo({ p }: { p: Problem }) {
  return (
    <Descriptions
      bordered
      size="small"
      column={2}
      labelStyle={{ width: 110, whiteSpace: 'nowrap' }}
      data-testid="problem-info"
      // Pairs line up in two columns; long texts take a whole row.
      items={[
        { key: 'unit', label: '责任单位', children: p.unit.name },
        {
          key: 'status',
          label: '整改状态',
          children: (
            <>
              <ProblemStatusTag status={p.status} />
              <OverdueTag overdue={p.overdue} />
            </>
          ),
        },
        { key: 'source', label: '问题来源', children: p.source },
        { key: 'found', label: '发现日期', children: day(cnDate(p.foundDate)) },
        {
          key: 'item',
          label: '排查事项',
          span: 'filled',
          children: (
            <>
              <Typography.Text strong>
                {p.checkItem}. {p.category} · {p.subCategory}
              </Typography.Text>
              <div>{p.checkItemContent}</div>
            </>
          ),
        },
        { key: 'description', label: '问题描述', span: 'filled', children: long(p.description) },
        { key: 'place', label: '地点（村/组）', children: p.place || '—' },
        { key: 'household', label: '户编号', children: p.householdRef || '—' },
        { key: 'cause', label: '原因剖析', span: 'filled', children: long(p.cause) },
        { key: 'measures', label: '整改措施', span: 'filled', children: long(p.measures) },
        { key: 'leader', label: '责任领导', children: p.responsibleLeader || '—' },
        { key: 'person', label: '责任人', children: p.responsiblePerson || '—' },
        { key: 'mode', label: '整改方式', children: p.mode },
        {
          key: 'deadline',
          label: '整改时限',
          children: p.deadlineInfo ? <DeadlineText deadline={p.deadlineInfo} /> : day(''),
        },
        ...(p.deadlineReason
          ? [{ key: 'reason', label: '超期理由', span: 'filled' as const, children: long(p.deadlineReason) }]
          : []),
        { key: 'created', label: '登记日期', children: day(cnDateOfInstant(p.createdAt)) },
        { key: 'submitted', label: '提交销号', children: day(cnDateOfInstant(p.submittedAt)) },
        { key: 'closed', label: '销号日期', span: 'filled', children: day(cnDateOfInstant(p.closedAt)) },
      ]}
    />
  );
}
