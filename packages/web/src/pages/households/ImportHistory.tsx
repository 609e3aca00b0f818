import { HOUSEHOLD_SOURCES, type HouseholdSource } from '@paicha/core';
import { Button, Card, Segmented, Table, Tag } from 'antd';
import { useState } from 'react';
import { householdsApi } from '../../api/households';
import type { ImportJob } from '../../api/householdTypes';
import { cnDateTime } from '../../components/dates';
import { LoadError } from '../../components/LoadError';
import { testIdRow } from '../../components/rowProps';
import { useAsync } from '../../hooks/useAsync';
import { IMPORT_STATUS, SOURCE_SHORT } from './labels';

type Filter = HouseholdSource | 'all';

/** Past imports, newest first, per source: which file is each system's current data, and which failed. */
export function ImportHistory(props: {
  reloadKey: number;
  openId?: number;
  onOpen: (job: ImportJob) => void;
}) {
  const [source, setSource] = useState<Filter>('all');
  const [page, setPage] = useState(1);
  const pageSize = 10;
  const list = useAsync(
    () => householdsApi.imports({ source: source === 'all' ? undefined : source, page, pageSize }),
    [source, page, props.reloadKey],
  );
  return (
    <Card
      title="导入记录"
      extra={
        <Segmented<Filter>
          value={source}
          onChange={(v) => {
            setSource(v);
            setPage(1);
          }}
          options={[
            { value: 'all', label: '全部' },
            ...HOUSEHOLD_SOURCES.map((s) => ({ value: s, label: SOURCE_SHORT[s] })),
          ]}
        />
      }
    >
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : (
        <Table<ImportJob>
          size="small"
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.items}
          data-testid="import-history"
          onRow={(j) => ({
            ...testIdRow('import-history-row', { 'data-status': j.status }),
            style: j.id === props.openId ? { background: '#fff7e6' } : undefined,
          })}
          locale={{ emptyText: '还没有导入记录' }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            hideOnSinglePage: true,
            onChange: setPage,
            showTotal: (t) => `共 ${t} 次导入`,
          }}
          columns={[
            {
              title: '导入时间',
              dataIndex: 'createdAt',
              width: 170,
              render: (v: string) => cnDateTime(v),
              sorter: (a, b) => a.createdAt.localeCompare(b.createdAt),
            },
            {
              title: '来源',
              dataIndex: 'source',
              width: 90,
              render: (s: HouseholdSource) => SOURCE_SHORT[s],
            },
            { title: '文件', dataIndex: 'fileName', ellipsis: true },
            {
              title: '状态',
              dataIndex: 'status',
              width: 150,
              render: (s: ImportJob['status']) => (
                <Tag color={IMPORT_STATUS[s].color}>{IMPORT_STATUS[s].label}</Tag>
              ),
              filters: Object.entries(IMPORT_STATUS).map(([value, s]) => ({ text: s.label, value })),
              onFilter: (v, j) => j.status === v,
            },
            {
              title: '行数',
              dataIndex: 'rows',
              width: 90,
              align: 'right',
              render: (n: number) => n.toLocaleString('zh-CN'),
              sorter: (a, b) => a.rows - b.rows,
            },
            {
              title: '错误',
              dataIndex: 'errorCount',
              width: 80,
              align: 'right',
              render: (n: number) => (n ? <span style={{ color: '#cf1322' }}>{n}</span> : '—'),
              sorter: (a, b) => a.errorCount - b.errorCount,
            },
            {
              title: '操作',
              width: 90,
              render: (_, j) => (
                <Button size="small" type="link" onClick={() => props.onOpen(j)}>
                  {j.status === 'rejected' ? '错误报告' : '查看'}
                </Button>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
