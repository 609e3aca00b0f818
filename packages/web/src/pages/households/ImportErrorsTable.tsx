import { Table } from 'antd';
import { useState } from 'react';
import { householdsApi } from '../../api/households';
import type { ImportErrorRow } from '../../api/householdTypes';
import { LoadError } from '../../components/LoadError';
import { testIdRow } from '../../components/rowProps';
import { useAsync } from '../../hooks/useAsync';

/** The rejected file's errors, a page at a time (a bad million-row file can have many). */
export function ImportErrorsTable({ id, total }: { id: number; total: number }) {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const errors = useAsync(() => householdsApi.importErrors(id, page, pageSize), [id, page, pageSize]);
  if (errors.error) return <LoadError error={errors.error} onRetry={errors.reload} />;
  const items = errors.data?.items ?? [];
  const columns = [...new Set(items.map((e) => e.column))];
  return (
    <Table<ImportErrorRow>
      size="small"
      bordered
      loading={errors.loading}
      dataSource={items}
      rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
      data-testid="import-errors"
      onRow={(e) => testIdRow('import-error-row', { 'data-row': e.row })}
      pagination={{
        current: page,
        pageSize,
        total: errors.data?.total ?? total,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100, 200],
        showTotal: (t) => `共 ${t} 处错误`,
        onChange: (p, s) => {
          setPage(s === pageSize ? p : 1);
          setPageSize(s);
        },
      }}
      columns={[
        { title: '行号', dataIndex: 'row', width: 80, align: 'center', sorter: (a, b) => a.row - b.row },
        {
          title: '列',
          dataIndex: 'column',
          width: 160,
          filters: columns.map((c) => ({ text: c, value: c })),
          onFilter: (v, e) => e.column === v,
        },
        {
          title: '原值',
          dataIndex: 'value',
          width: 240,
          render: (v: string) => <div className="cell-content">{v || '（空）'}</div>,
        },
        {
          title: '原因',
          dataIndex: 'message',
          render: (v: string) => <div className="cell-content">{v}</div>,
        },
      ]}
    />
  );
}
