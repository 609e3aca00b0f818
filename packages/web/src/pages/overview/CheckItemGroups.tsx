import { CATEGORIES } from '@paicha/core';
import { Card, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { CheckItem } from '../../api/types';
import { checkItemRowProps } from '../../components/rowProps';
import { UnitTags } from '../../components/UnitTags';

/**
 * How many rows each row's 排查项目 cell spans: the first row of a run of equal sub-categories
 * spans the run, the rest span 0 (hidden) — the merged cells of the plan's paper table.
 */
function subCategorySpans(items: CheckItem[]): number[] {
  const spans = items.map(() => 0);
  let start = 0;
  for (let i = 1; i <= items.length; i++) {
    if (i === items.length || items[i]?.subCategory !== items[start]?.subCategory) {
      spans[start] = i - start;
      start = i;
    }
  }
  return spans;
}

function columns(spans: number[], items: CheckItem[]): ColumnsType<CheckItem> {
  return [
    { title: '序号', dataIndex: 'seq', width: 64, align: 'center' },
    {
      title: '排查项目',
      dataIndex: 'subCategory',
      width: 130,
      onCell: (item) => ({ rowSpan: spans[items.indexOf(item)] ?? 1 }),
      render: (v: string) => <Typography.Text strong>{v}</Typography.Text>,
    },
    {
      title: '排查内容',
      dataIndex: 'content',
      render: (v: string) => <div className="cell-content">{v}</div>,
    },
    { title: '责任单位', key: 'units', width: 300, render: (_, item) => <UnitTags item={item} /> },
  ];
}

/**
 * The check items grouped as the plan's body groups them, one card per category; an imported
 * table's items without a category ('') come in one card of their own, in 序号 order.
 */
export function CheckItemGroups({ items }: { items: CheckItem[] }) {
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="check-item-groups">
      {[...CATEGORIES, '' as const].map((category) => {
        const rows = items.filter((i) => i.category === category);
        if (!rows.length) return null;
        const spans = subCategorySpans(rows);
        return (
          <Card
            key={category}
            title={
              <Space>
                <span>{category || '排查事项'}</span>
                <Tag>{rows.length}项</Tag>
              </Space>
            }
            styles={{ body: { padding: 0 } }}
            data-testid={`category-${category || 'none'}`}
          >
            <Table<CheckItem>
              rowKey="seq"
              size="middle"
              bordered
              pagination={false}
              dataSource={rows}
              columns={columns(spans, rows)}
              onRow={checkItemRowProps}
            />
          </Card>
        );
      })}
    </Space>
  );
}
