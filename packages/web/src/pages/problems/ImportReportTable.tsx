import { Table } from 'antd';
import type { ImportReport } from '../../api/problemTypes';
import { rowErrorColumns, rowErrorKey } from '../../components/rowErrorColumns';
import { testIdRow } from '../../components/rowProps';

type Row = ImportReport['errors'][number];

/** Every bad cell: Excel row number, column header, the value found, and why it was refused. */
export function ImportReportTable({ errors }: { errors: Row[] }) {
  return (
    <Table<Row>
      rowKey={rowErrorKey}
      size="small"
      bordered
      dataSource={errors}
      data-testid="import-errors"
      onRow={(e) => testIdRow('import-error-row', { 'data-row': e.row })}
      pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 处问题` }}
      columns={rowErrorColumns(errors, '填写的内容')}
    />
  );
}
