import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { unitsApi } from '../../../api/endpoints';
import type { Unit } from '../../../api/types';
import { LoadError } from '../../../components/LoadError';
import { UNIT_KIND_COLORS, UNIT_KIND_LABELS } from '../../../components/labels';
import { testIdRow } from '../../../components/rowProps';
import { useAction } from '../../../hooks/useAction';
import { useAsync } from '../../../hooks/useAsync';
import { DeactivateUnitModal } from './DeactivateUnitModal';
import { UnitFormModal } from './UnitFormModal';

/** 单位管理: the streets, departments and the office that take part in campaigns. */
export default function UnitsPage() {
  const { data, error, loading, reload } = useAsync(() => unitsApi.list(), []);
  // undefined: no dialog; null: adding a unit; a unit: editing it.
  const [editing, setEditing] = useState<Unit | null>();
  const [deactivating, setDeactivating] = useState<Unit>();
  const { message } = App.useApp();

  // 409 when users still belong to it, or it is the office: the server's message says which.
  const remove = useAction(async (unit: Unit) => {
    await unitsApi.remove(unit.id);
    message.success(`已删除 ${unit.name}`);
    reload();
  });
  const reactivate = useAction(async (unit: Unit) => {
    await unitsApi.reactivate(unit.id);
    message.success(`已恢复 ${unit.name}`);
    reload();
  });

  const columns: ColumnsType<Unit> = [
    { title: '单位名称', dataIndex: 'name' },
    {
      title: '状态',
      dataIndex: 'active',
      width: 100,
      render: (active: boolean) =>
        active ? (
          <Tag color="green">在用</Tag>
        ) : (
          <Tag color="default" data-testid="unit-inactive">
            已停用
          </Tag>
        ),
    },
    {
      title: '类型',
      dataIndex: 'kind',
      width: 120,
      filters: Object.entries(UNIT_KIND_LABELS).map(([value, text]) => ({ value, text })),
      onFilter: (v, u) => u.kind === v,
      render: (k: Unit['kind']) => <Tag color={UNIT_KIND_COLORS[k]}>{UNIT_KIND_LABELS[k]}</Tag>,
    },
    { title: '排序', dataIndex: 'sortOrder', width: 90, sorter: (a, b) => a.sortOrder - b.sortOrder },
    {
      title: '操作',
      key: 'actions',
      width: 240,
      render: (_, u) => (
        <Space>
          <Button size="small" onClick={() => setEditing(u)}>
            重命名
          </Button>
          {u.kind !== 'office' &&
            (u.active ? (
              <Button size="small" data-testid="unit-deactivate" onClick={() => setDeactivating(u)}>
                停用
              </Button>
            ) : (
              <Button
                size="small"
                data-testid="unit-reactivate"
                loading={reactivate.pending?.[0].id === u.id}
                onClick={() => reactivate.run(u)}
              >
                恢复
              </Button>
            ))}
          {/* The office runs the campaign; the server refuses to delete it, so don't offer it. */}
          {u.kind !== 'office' && (
            <Popconfirm
              title={`确定删除“${u.name}”吗？`}
              description="仅用于删除误建的单位：已有用户、问题或报送记录的单位不能删除，请停用。"
              okText="删除"
              okButtonProps={{ danger: true }}
              cancelText="取消"
              onConfirm={() => remove.run(u)}
            >
              <Button size="small" danger>
                删除
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title="单位管理"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
          添加单位
        </Button>
      }
    >
      {error ? (
        <LoadError error={error} onRetry={reload} />
      ) : (
        <Table<Unit>
          rowKey="id"
          loading={loading}
          dataSource={data}
          columns={columns}
          pagination={false}
          onRow={(u) => testIdRow('unit-row', { 'data-unit': u.name })}
        />
      )}
      {deactivating && data && (
        <DeactivateUnitModal
          unit={deactivating}
          units={data}
          onClose={() => setDeactivating(undefined)}
          onDone={reload}
        />
      )}
      {editing !== undefined && (
        <UnitFormModal unit={editing} onClose={() => setEditing(undefined)} onSaved={reload} />
      )}
    </Card>
  );
}
