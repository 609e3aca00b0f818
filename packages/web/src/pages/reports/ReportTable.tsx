// The 月报表 as a unit fills it in: one row per assigned check item with 排查情况 / 整改措施 /
// 整改进度, and beside it the unit's ledger counts for that item (live, or as at submission),
// which it can quote, and what the validation rules say about the row.
import { ExclamationCircleFilled, WarningFilled } from '@ant-design/icons';
import type { ReportViolation } from '@paicha/core';
import { Button, Input, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { memo } from 'react';
import type { Counts, ReportRow } from '../../api/reports';
import { cnDate } from '../../components/dates';

export type TextField = 'situation' | 'measures' | 'progress';
export type RowTexts = Record<TextField, string>;

const FIELDS: { key: TextField; title: string }[] = [
  { key: 'situation', title: '排查情况' },
  { key: 'measures', title: '整改措施' },
  { key: 'progress', title: '整改进度' },
];

/** A sentence quoting the ledger, for 排查情况. */
function quoteCounts(c: Counts, today: string): string {
  return `截至${cnDate(today)}，本项共排查发现问题${c.found}个，已整改${c.rectified}个（已销号${c.closed}个），逾期未整改${c.overdue}个。`;
}

const TextCell = memo(function TextCell(props: {
  seq: number;
  field: TextField;
  title: string;
  value: string;
  editable: boolean;
  changed: boolean;
  onChange: (seq: number, field: TextField, value: string) => void;
}) {
  if (!props.editable)
    return (
      <div style={{ whiteSpace: 'pre-wrap' }}>
        {props.value || <Typography.Text type="secondary">—</Typography.Text>}
      </div>
    );
  return (
    <Input.TextArea
      aria-label={`第${props.seq}项${props.title}`}
      data-testid={`cell-${props.seq}-${props.field}`}
      value={props.value}
      autoSize={{ minRows: 3, maxRows: 12 }}
      maxLength={4000}
      status={props.changed ? 'warning' : undefined}
      onChange={(e) => props.onChange(props.seq, props.field, e.target.value)}
    />
  );
});

function CountsCell({ counts, onQuote }: { counts: Counts; onQuote?: () => void }) {
  return (
    <Space direction="vertical" size={4} data-testid="ledger-counts">
      <Space size={[4, 4]} wrap>
        <Tag>发现 {counts.found}</Tag>
        <Tag color="blue">已整改 {counts.rectified}</Tag>
        <Tag color="green">已销号 {counts.closed}</Tag>
        <Tag color={counts.overdue > 0 ? 'red' : 'default'}>逾期 {counts.overdue}</Tag>
      </Space>
      {onQuote && (
        <Tooltip title="把台账数字写入本项的排查情况">
          <Button size="small" type="link" style={{ padding: 0 }} onClick={onQuote}>
            引用台账数字
          </Button>
        </Tooltip>
      )}
    </Space>
  );
}

/** The rules' findings on one row, beside it (test id row-issue, data-rule). */
function RowIssues({ issues }: { issues: ReportViolation[] }) {
  if (issues.length === 0) return null;
  return (
    <Space direction="vertical" size={2} style={{ marginTop: 6 }}>
      {issues.map((v) => (
        <Typography.Text
          key={v.rule}
          type={v.severity === 'error' ? 'danger' : undefined}
          style={{ fontSize: 12, lineHeight: 1.4, ...(v.severity === 'warning' ? { color: '#ad6800' } : {}) }}
          data-testid="row-issue"
          data-rule={v.rule}
          data-severity={v.severity}
        >
          {v.severity === 'error' ? <ExclamationCircleFilled /> : <WarningFilled />} {v.message}
        </Typography.Text>
      ))}
    </Space>
  );
}

const ROW_TINT = { error: '#fff1f0', warning: '#fffbe6' } as const;

interface Props {
  rows: ReportRow[];
  /** The validation rules' findings, by row. */
  issues: ReportViolation[];
  /** Set when the counts are the snapshot taken at submission. */
  snapshotAt: string | null;
  texts: Record<number, RowTexts>;
  editable: boolean;
  today: string;
  /** Rows someone else changed on the server since this copy was loaded (after a conflict). */
  changedElsewhere?: Set<number>;
  onChange: (seq: number, field: TextField, value: string) => void;
}

export function ReportTable({
  rows,
  issues,
  snapshotAt,
  texts,
  editable,
  today,
  changedElsewhere,
  onChange,
}: Props) {
  const issuesOf = (seq: number) => issues.filter((v) => v.seq === seq);
  const columns: ColumnsType<ReportRow> = [
    { title: '序号', dataIndex: 'seq', width: 56, align: 'center', fixed: 'left' },
    { title: '排查项目', dataIndex: 'subCategory', width: 88, align: 'center' },
    {
      title: '排查内容',
      dataIndex: 'content',
      width: 220,
      render: (v: string, r) => (
        <div style={{ fontSize: 13 }}>
          {v}
          {!r.assigned && (
            <div>
              <Tag color="default">已不再承担此项</Tag>
            </div>
          )}
          {r.prefill === 'ledger' && editable && (
            <div>
              <Tag color="cyan" data-testid="prefill-ledger">
                按台账预填
              </Tag>
            </div>
          )}
        </div>
      ),
    },
    ...FIELDS.map(({ key, title }) => ({
      title,
      key,
      width: key === 'progress' ? 180 : key === 'situation' ? 240 : 220,
      render: (_: unknown, r: ReportRow) => (
        <TextCell
          seq={r.seq}
          field={key}
          title={title}
          value={texts[r.seq]?.[key] ?? ''}
          editable={editable}
          changed={changedElsewhere?.has(r.seq) ?? false}
          onChange={onChange}
        />
      ),
    })),
    {
      title: snapshotAt ? '台账数（截至提交时）' : '台账实时数',
      key: 'counts',
      width: 170,
      // Kept in view on narrow screens: the figures and the rules' findings belong beside the texts.
      fixed: 'right' as const,
      render: (_: unknown, r: ReportRow) => (
        <>
          <CountsCell
            counts={r.counts}
            onQuote={
              editable
                ? () => {
                    const now = texts[r.seq]?.situation ?? '';
                    const quote = quoteCounts(r.counts, today);
                    if (!now.includes(quote)) onChange(r.seq, 'situation', now ? `${now}\n${quote}` : quote);
                  }
                : undefined
            }
          />
          <RowIssues issues={issuesOf(r.seq)} />
        </>
      ),
    },
  ];
  return (
    <Table<ReportRow>
      rowKey="seq"
      bordered
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 1170 }}
      onRow={(r) => {
        const mine = issuesOf(r.seq);
        const worst = mine.some((v) => v.severity === 'error') ? 'error' : mine.length ? 'warning' : null;
        return {
          'data-testid': 'report-row',
          'data-seq': r.seq,
          'data-issues': mine.length,
          id: `report-row-${r.seq}`,
          style: worst ? { background: ROW_TINT[worst] } : undefined,
        } as React.HTMLAttributes<HTMLElement>;
      }}
      locale={{ emptyText: '本单位在本活动中没有承担的排查事项，无需报送月报' }}
      data-testid="report-table"
    />
  );
}
