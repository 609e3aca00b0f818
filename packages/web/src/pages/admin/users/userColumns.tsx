import { ROLE_LABELS, type Role } from '@paicha/core';
import { Button, Popconfirm, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { User } from '../../../api/types';

interface Actions {
  me: number;
  onEdit: (u: User) => void;
  onResetPassword: (u: User) => void;
  onSetActive: (u: User, active: boolean) => void;
}

export function userColumns({ me, onEdit, onResetPassword, onSetActive }: Actions): ColumnsType<User> {
  return [
    { title: '用户名', dataIndex: 'username', sorter: (a, b) => a.username.localeCompare(b.username) },
    { title: '姓名', dataIndex: 'displayName' },
    {
      title: '所属单位',
      key: 'unit',
      render: (_, u) => u.unit.name,
      sorter: (a, b) => a.unit.name.localeCompare(b.unit.name, 'zh-CN'),
    },
    {
      title: '角色',
      dataIndex: 'role',
      filters: Object.entries(ROLE_LABELS).map(([value, text]) => ({ value, text })),
      onFilter: (v, u) => u.role === v,
      render: (r: Role) => ROLE_LABELS[r],
    },
    {
      title: '状态',
      dataIndex: 'active',
      width: 90,
      render: (a: boolean) => (a ? <Tag color="green">启用</Tag> : <Tag>已停用</Tag>),
    },
    {
      title: '操作',
      key: 'actions',
      width: 240,
      render: (_, u) => (
        <Space>
          <Button size="small" onClick={() => onEdit(u)}>
            编辑
          </Button>
          <Button size="small" onClick={() => onResetPassword(u)}>
            重置密码
          </Button>
          {u.active ? (
            <Popconfirm
              title={`确定停用“${u.displayName}”吗？`}
              description="停用后该用户无法登录。"
              okText="停用"
              okButtonProps={{ danger: true }}
              cancelText="取消"
              onConfirm={() => onSetActive(u, false)}
              // Locking oneself out of the only admin account is never intended.
              disabled={u.id === me}
            >
              <Button size="small" danger disabled={u.id === me}>
                停用
              </Button>
            </Popconfirm>
          ) : (
            <Button size="small" onClick={() => onSetActive(u, true)}>
              启用
            </Button>
          )}
        </Space>
      ),
    },
  ];
}
