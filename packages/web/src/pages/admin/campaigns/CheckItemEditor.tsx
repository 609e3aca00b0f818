import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { CATEGORIES } from '@paicha/core';
import { Button, Popconfirm, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { campaignsApi, structureApi, unitsApi } from '../../../api/endpoints';
import type { CheckItem } from '../../../api/types';
import { useDragRows } from '../../../components/dragRows';
import { LoadError } from '../../../components/LoadError';
import { checkItemRowProps } from '../../../components/rowProps';
import { UnitTags } from '../../../components/UnitTags';
import { useAsync } from '../../../hooks/useAsync';
import { CheckItemModal } from './CheckItemModal';
import type { Structure } from './structure/useStructure';

/**
 * The campaign's items in 序号 order: add one, edit its texts and units, move it (drag its handle,
 * ↑/↓ on the handle, or the up and down buttons; 序号 renumbered 1..n), remove it (refused while it has problems).
 */
export function CheckItemEditor({ campaignId, structure }: { campaignId: number; structure: Structure }) {
  const { data, error, loading, reload } = useAsync(
    () => Promise.all([campaignsApi.checkItems(campaignId), unitsApi.list()]),
    [campaignId, structure.tick],
  );
  const [editing, setEditing] = useState<CheckItem | null | undefined>(undefined);
  const [items, units] = data ?? [[], []];
  const { run } = structure;

  const move = (i: CheckItem, to: number) =>
    run(`第${i.seq}项已移至第${to}项`, (edit) => structureApi.moveItem(campaignId, i.seq, { ...edit, to }));
  const drag = useDragRows<CheckItem>({
    seqOf: (i) => i.seq,
    count: items.length,
    name: (i) => `第${i.seq}项`,
    onMove: (from, to) => {
      const item = items.find((i) => i.seq === from);
      if (item) void move(item, to);
    },
  });
  if (error) return <LoadError error={error} onRetry={reload} />;

  const columns: ColumnsType<CheckItem> = [
    drag.handle,
    { title: '序号', dataIndex: 'seq', width: 70, align: 'center' },
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
    { title: '责任单位', key: 'units', width: 260, render: (_, i) => <UnitTags item={i} /> },
    {
      title: '操作',
      key: 'actions',
      width: 200,
      render: (_, i) => (
        <Space size={4}>
          <Button size="small" onClick={() => setEditing(i)} aria-label={`编辑第${i.seq}项`}>
            编辑
          </Button>
          <Button
            size="small"
            icon={<ArrowUpOutlined />}
            disabled={i.seq === 1}
            onClick={() => move(i, i.seq - 1)}
            aria-label={`上移第${i.seq}项`}
            title="上移"
          />
          <Button
            size="small"
            icon={<ArrowDownOutlined />}
            disabled={i.seq === items.length}
            onClick={() => move(i, i.seq + 1)}
            aria-label={`下移第${i.seq}项`}
            title="下移"
          />
          <Popconfirm
            title={`删除第${i.seq}项？`}
            description="其后事项的序号依次前移；已报送的月报表仍按报送时的事项显示。"
            okText="删除"
            cancelText="取消"
            okButtonProps={{ danger: true }}
            onConfirm={() =>
              run(`第${i.seq}项已删除`, (edit) => structureApi.removeItem(campaignId, i.seq, edit))
            }
          >
            <Button
              size="small"
              danger
              icon={<DeleteOutlined />}
              aria-label={`删除第${i.seq}项`}
              title="删除"
            />
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Button icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="add-check-item">
          新增事项
        </Button>
      </Space>
      <Table<CheckItem>
        rowKey="seq"
        bordered
        size="middle"
        loading={loading}
        dataSource={items}
        columns={columns}
        pagination={false}
        onRow={(i) => ({ ...checkItemRowProps(i), ...drag.rowProps(i) })}
      />
      {editing !== undefined && (
        <CheckItemModal
          campaignId={campaignId}
          item={editing}
          units={units}
          run={run}
          onClose={() => setEditing(undefined)}
        />
      )}
    </>
  );
}
