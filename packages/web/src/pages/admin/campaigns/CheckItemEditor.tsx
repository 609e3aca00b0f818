import { CATEGORIES } from '@paicha/core';
import { Button, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { campaignsApi, unitsApi } from '../../../api/endpoints';
import type { CheckItem } from '../../../api/types';
import { LoadError } from '../../../components/LoadError';
import { checkItemRowProps } from '../../../components/rowProps';
import { UnitTags } from '../../../components/UnitTags';
import { useAsync } from '../../../hooks/useAsync';
import { CheckItemModal } from './CheckItemModal';

/** The chosen campaign's 37 items with an edit button each (texts and responsible units). */
export function CheckItemEditor({ campaignId }: { campaignId: number }) {
  const { data, error, loading, reload } = useAsync(
    () => Promise.all([campaignsApi.checkItems(campaignId), unitsApi.list()]),
    [campaignId],
  );
  const [editing, setEditing] = useState<CheckItem | null>(null);
  const [items, units] = data ?? [[], []];

  if (error) return <LoadError error={error} onRetry={reload} />;

  const columns: ColumnsType<CheckItem> = [
    { title: '序号', dataIndex: 'seq', width: 70, align: 'center', sorter: (a, b) => a.seq - b.seq },
    {
      title: '类别',
      dataIndex: 'category',
      width: 100,
      filters: CATEGORIES.map((c) => ({ text: c, value: c })),
      onFilter: (v, i) => i.category === v,
    },
    { title: '排查项目', dataIndex: 'subCategory', width: 130 },
    {
      title: '排查内容',
      dataIndex: 'content',
      render: (v: string) => <div className="cell-content">{v}</div>,
    },
    { title: '责任单位', key: 'units', width: 280, render: (_, i) => <UnitTags item={i} /> },
    {
      title: '操作',
      key: 'actions',
      width: 80,
      render: (_, i) => (
        <Button size="small" onClick={() => setEditing(i)} aria-label={`编辑第${i.seq}项`}>
          编辑
        </Button>
      ),
    },
  ];

  return (
    <>
      <Table<CheckItem>
        rowKey="seq"
        bordered
        size="middle"
        loading={loading}
        dataSource={items}
        columns={columns}
        pagination={false}
        onRow={checkItemRowProps}
      />
      {editing && (
        <CheckItemModal
          campaignId={campaignId}
          item={editing}
          units={units}
          onClose={() => setEditing(null)}
          onSaved={reload}
        />
      )}
    </>
  );
}
