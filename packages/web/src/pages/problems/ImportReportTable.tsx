import { Table } from 'antd';
import type { ImportReport } from '../../api/problemTypes';
import { testIdRow } from '../../components/rowProps';

type Row = ImportReport['errors'][number];

/** Every bad cell: Excel row number, column header, the value found, and why it was refused. */
export function ImportReportTable({ errors }: { errors: Row[] }) {
  const columns = [...new Set(errors.map((e) => e.column))];
  return (
    <Table<Row>
      rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
      size="small"
      bordered
      dataSource={errors}
      data-testid="import-errors"
      onRow={(e) => testIdRow('import-error-row', { 'data-row': e.row })}
      pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 处问题` }}
      columns={[
        { title: '行号', dataIndex: 'row', width: 80, align: 'center', sorter: (a, b) => a.row - b.row },
        {
          title: '列',
          dataIndex: 'column',
          width: 140,
          filters: columns.map((c) => ({ text: c, value: c })),
          onFilter: (v, e) => e.column === v,
        },
        {
          title: '填写的内容',
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
