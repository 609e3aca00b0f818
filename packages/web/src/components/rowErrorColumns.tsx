// The columns of a per-row import report, the same wherever a file is refused (ledger import,
// household import): Excel's row number, the column's header, the value found and why.
import type { ColumnsType } from 'antd/es/table';

export interface RowErrorLike {
  row: number;
  column: string;
  value: string;
  message: string;
}

export const rowErrorKey = (e: RowErrorLike) => `${e.row}-${e.column}-${e.message}`;

/** `shown`: the errors on screen, whose columns the 列 filter offers. */
export function rowErrorColumns<E extends RowErrorLike>(
  shown: readonly E[],
  valueTitle: string,
): ColumnsType<E> {
  const columns = [...new Set(shown.map((e) => e.column))];
  return [
    { title: '行号', dataIndex: 'row', width: 80, align: 'center', sorter: (a, b) => a.row - b.row },
    {
      title: '列',
      dataIndex: 'column',
      width: 150,
      filters: columns.map((c) => ({ text: c, value: c })),
      onFilter: (v, e) => e.column === v,
    },
    {
      title: valueTitle,
      dataIndex: 'value',
      width: 240,
      render: (v: string) => <div className="cell-content">{v || '（空）'}</div>,
    },
    {
      title: '原因',
      dataIndex: 'message',
      render: (v: string) => <div className="cell-content">{v}</div>,
    },
  ];
}
