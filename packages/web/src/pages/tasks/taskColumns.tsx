import type { ColumnsType } from 'antd/es/table';
import type { CheckItem } from '../../api/types';

/** Columns of the 本单位任务 table; 排查项目 offers a filter built from the rows shown. */
export function taskColumns(items: CheckItem[]): ColumnsType<CheckItem> {
  const subCategories = [...new Set(items.map((i) => i.subCategory))];
  return [
    {
      title: '序号',
      dataIndex: 'seq',
      width: 80,
      align: 'center',
      sorter: (a, b) => a.seq - b.seq,
      defaultSortOrder: 'ascend',
    },
    {
      title: '排查项目',
      dataIndex: 'subCategory',
      width: 150,
      sorter: (a, b) => a.subCategory.localeCompare(b.subCategory, 'zh-CN') || a.seq - b.seq,
      filters: subCategories.map((s) => ({ text: s, value: s })),
      onFilter: (value, item) => item.subCategory === value,
    },
    {
      title: '排查内容',
      dataIndex: 'content',
      render: (v: string) => <div className="cell-content">{v}</div>,
    },
    {
      title: '责任单位',
      dataIndex: 'unitsText',
      width: 180,
      // The plan prints one unit phrase per line; keep those line breaks.
      render: (v: string) => <div style={{ whiteSpace: 'pre-line' }}>{v}</div>,
    },
  ];
}
