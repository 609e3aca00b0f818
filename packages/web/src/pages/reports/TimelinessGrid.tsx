// The units × deadlines grid of 月报 (one column a month) and 节点报送 (one a milestone): a
// column per deadline with its date under the title, each unit's cell as its page draws it, the
// unit's 及时率, and for the office the district's totals row and the running totals below.
import type { DeadlineInfo } from '@paicha/core/api/calendar';
import type { GridCell, Totals } from '@paicha/core/api/reports';
import { Card, Space, Statistic, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { DeadlineText } from '../../components/DeadlineText';
import { rate, StatusTag, TimelinessTag } from './labels';

/** A unit's row of either grid. */
export interface GridRow<C extends Pick<GridCell, 'timeliness'>> {
  unit: { id: number; name: string };
  expected: boolean;
  cells: C[];
  totals: Totals;
}

/** A column of the grid: a month or a milestone. */
export interface GridSlot<C extends Pick<GridCell, 'timeliness'>> {
  key: string;
  label: ReactNode;
  deadline: DeadlineInfo;
  /** The cell of a unit the deadline applies to (an unexpected one shows a dash). */
  cell: (row: GridRow<C>, cell: C) => ReactNode;
}

/** A cell's 按时/逾期 tag and, once work on it has begun, its status. */
export function CellTags({ cell }: { cell: Pick<GridCell, 'timeliness' | 'status'> }) {
  return (
    <Space size={2} wrap>
      <TimelinessTag value={cell.timeliness} />
      {cell.status !== 'not_started' && <StatusTag status={cell.status} />}
    </Space>
  );
}

export function TotalsLine({ t }: { t: Totals }) {
  return (
    <div style={{ fontSize: 12, lineHeight: 1.6 }} data-testid="period-totals">
      <div>
        已报 {t.submitted}/{t.expected}（按时 {t.onTime}，逾期 {t.late}）
      </div>
      <div>
        未报 {t.missing}
        {t.pending > 0 && `，待报 ${t.pending}`}
      </div>
      <div>
        完整率 {rate(t.completenessRate)} · 及时率 {rate(t.timelinessRate)}
      </div>
    </div>
  );
}

export function OverallStats({ t, title }: { t: Totals; title: string }) {
  return (
    <Card size="small" title={title} data-testid="overall-stats">
      <Space size={40} wrap>
        <Statistic title="应报" value={t.expected} />
        <Statistic title="已报" value={t.submitted} />
        <Statistic title="按时" value={t.onTime} />
        <Statistic title="逾期报送" value={t.late} valueStyle={{ color: t.late ? '#cf1322' : undefined }} />
        <Statistic
          title="逾期未报"
          value={t.missing}
          valueStyle={{ color: t.missing ? '#cf1322' : undefined }}
        />
        <Statistic title="完整率" value={rate(t.completenessRate)} />
        <Statistic title="及时率" value={rate(t.timelinessRate)} />
      </Space>
    </Card>
  );
}

export function TimelinessGrid<C extends Pick<GridCell, 'timeliness'>>(props: {
  rows: GridRow<C>[] | undefined;
  slots: GridSlot<C>[];
  slotWidth: number;
  loading: boolean;
  /** The district's totals per slot and overall: the office's totals row (none for a unit). */
  totals: { perSlot: Totals[]; overall: Totals } | null;
  testId: string;
}) {
  const { rows, slots, slotWidth, loading, totals, testId } = props;
  const columns: ColumnsType<GridRow<C>> = [
    { title: '单位', dataIndex: ['unit', 'name'], fixed: 'left', width: 130 },
    ...slots.map((s, i) => ({
      title: (
        <div>
          <div>{s.label}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 400 }}>
            <DeadlineText deadline={s.deadline} prefix="截止 " />
          </Typography.Text>
        </div>
      ),
      key: s.key,
      width: slotWidth,
      render: (_: unknown, r: GridRow<C>) => {
        const c = r.cells[i];
        if (!c || c.timeliness === 'not_expected')
          return <Typography.Text type="secondary">—</Typography.Text>;
        return s.cell(r, c);
      },
    })),
    {
      title: '及时率',
      key: 'rate',
      width: 90,
      align: 'center',
      render: (_: unknown, r: GridRow<C>) => (r.expected ? rate(r.totals.timelinessRate) : '无需报送'),
    },
  ];
  return (
    <Table<GridRow<C>>
      rowKey={(r) => r.unit.id}
      bordered
      size="small"
      loading={loading}
      columns={columns}
      dataSource={rows ?? []}
      pagination={false}
      scroll={{ x: 130 + slots.length * slotWidth + 90 }}
      data-testid={testId}
      summary={() =>
        totals ? (
          <Table.Summary fixed>
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>全区合计</Table.Summary.Cell>
              {totals.perSlot.map((t, i) => (
                <Table.Summary.Cell key={slots[i]?.key ?? i} index={i + 1}>
                  <TotalsLine t={t} />
                </Table.Summary.Cell>
              ))}
              <Table.Summary.Cell index={slots.length + 1} align="center">
                {rate(totals.overall.timelinessRate)}
              </Table.Summary.Cell>
            </Table.Summary.Row>
          </Table.Summary>
        ) : undefined
      }
    />
  );
}
