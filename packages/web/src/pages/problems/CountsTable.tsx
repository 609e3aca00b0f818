import { Switch, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { CountsRow } from '../../api/problemTypes';
import { testIdRow } from '../../components/rowProps';
import { COUNT_COLUMNS, sumCounts } from './countsShared';
import { ledgerLink } from './ledgerQuery';

interface Props {
  groupBy: 'unit' | 'item';
  rows: CountsRow[] | undefined;
  loading: boolean;
}

/** 按单位统计 / 按事项统计: every number links to the list of exactly those problems. */
export function CountsTable({ groupBy, rows, loading }: Props) {
  const [hideEmpty, setHideEmpty] = useState(false);
  const groupFilter = (r: CountsRow) =>
    groupBy === 'unit' ? { unit: String(r.key) } : { checkItem: String(r.key) };
  const shown = (rows ?? []).filter((r) => !hideEmpty || r.found > 0);
  const total = sumCounts(shown);

  const columns: ColumnsType<CountsRow> = [
    {
      title: groupBy === 'unit' ? '责任单位' : '排查事项',
      dataIndex: 'label',
      sorter: (a, b) => a.key - b.key,
    },
    ...COUNT_COLUMNS.map((c) => ({
      title: c.label,
      key: c.key,
      width: 110,
      align: 'center' as const,
      sorter: (a: CountsRow, b: CountsRow) => a[c.key] - b[c.key],
      render: (_: unknown, r: CountsRow) =>
        r[c.key] === 0 ? (
          <Typography.Text type="secondary">0</Typography.Text>
        ) : (
          <Link to={ledgerLink({ ...groupFilter(r), ...c.filter })} style={{ color: c.color }}>
            {r[c.key]}
          </Link>
        ),
    })),
  ];

  return (
    <>
      <div style={{ marginBottom: 12 }}>
        <Switch size="small" checked={hideEmpty} onChange={setHideEmpty} aria-label="只看有问题的行" />{' '}
        <Typography.Text type="secondary">只看有问题的{groupBy === 'unit' ? '单位' : '事项'}</Typography.Text>
      </div>
      <Table<CountsRow>
        rowKey="key"
        size="middle"
        bordered
        loading={loading}
        dataSource={shown}
        columns={columns}
        pagination={false}
        onRow={(r) => testIdRow('counts-row', { 'data-key': r.key })}
        summary={() => (
          <Table.Summary.Row style={{ fontWeight: 600 }}>
            <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
            {COUNT_COLUMNS.map((c, i) => (
              <Table.Summary.Cell key={c.key} index={i + 1} align="center">
                {total[c.key]}
              </Table.Summary.Cell>
            ))}
          </Table.Summary.Row>
        )}
        locale={{ emptyText: '暂无数据' }}
      />
    </>
  );
}
