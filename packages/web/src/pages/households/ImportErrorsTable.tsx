import { Table } from 'antd';
import { useState } from 'react';
import { householdsApi } from '../../api/households';
import type { ImportErrorRow } from '../../api/householdTypes';
import { LoadError } from '../../components/LoadError';
import { rowErrorColumns, rowErrorKey } from '../../components/rowErrorColumns';
import { testIdRow } from '../../components/rowProps';
import { useAsync } from '../../hooks/useAsync';

/** The rejected file's errors, a page at a time (a bad million-row file can have many). */
export function ImportErrorsTable({ id, total }: { id: number; total: number }) {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const errors = useAsync(() => householdsApi.importErrors(id, page, pageSize), [id, page, pageSize]);
  if (errors.error) return <LoadError error={errors.error} onRetry={errors.reload} />;
  const items = errors.data?.items ?? [];
  return (
    <Table<ImportErrorRow>
      size="small"
      bordered
      loading={errors.loading}
      dataSource={items}
      rowKey={rowErrorKey}
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
      columns={rowErrorColumns(items, '原值')}
    />
  );
}
