import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Table } from 'antd';
import { useState } from 'react';
import { unitsApi, usersApi } from '../../../api/endpoints';
import type { LoginLimit, User } from '../../../api/types';
import { useUser } from '../../../auth/AuthContext';
import { LoadError } from '../../../components/LoadError';
import { testIdRow } from '../../../components/rowProps';
import { useAction } from '../../../hooks/useAction';
import { useAsync } from '../../../hooks/useAsync';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserFormModal } from './UserFormModal';
import { userColumns } from './userColumns';

/** 用户管理: accounts of every unit, their roles, and passwords the office hands out. */
export default function UsersPage() {
  const me = useUser();
  const { data, error, loading, reload } = useAsync(
    () => Promise.all([usersApi.list(), unitsApi.list(), usersApi.loginLimits()]),
    [],
  );
  // undefined: no dialog; null: adding a user; a user: editing them.
  const [editing, setEditing] = useState<User | null>();
  const [resetting, setResetting] = useState<User | null>(null);
  const [q, setQ] = useState('');
  const { message } = App.useApp();
  const [users, units, limitList] = data ?? [[], [], []];
  const limits = new Map<number, LoginLimit[]>();
  for (const l of limitList) limits.set(l.userId, [...(limits.get(l.userId) ?? []), l]);

  const unlock = useAction(async (u: User) => {
    await usersApi.unlock(u.id);
    message.success(`已解除 ${u.displayName || u.username} 的登录限制`);
    reload();
  });

  const setActive = useAction(async (u: User, active: boolean) => {
    await usersApi.update(u.id, { active });
    message.success(active ? `已启用 ${u.displayName}` : `已停用 ${u.displayName}`);
    reload();
  });

  const needle = q.trim();
  const shown = needle
    ? users.filter((u) => [u.username, u.displayName, u.unit.name].some((t) => t.includes(needle)))
    : users;

  return (
    <Card
      title="用户管理"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
          添加用户
        </Button>
      }
    >
      {error ? (
        <LoadError error={error} onRetry={reload} />
      ) : (
        <>
          <Input.Search
            allowClear
            placeholder="搜索用户名、姓名或单位"
            aria-label="搜索用户"
            style={{ width: 280, marginBottom: 16 }}
            onChange={(e) => setQ(e.target.value)}
          />
          <Table<User>
            rowKey="id"
            loading={loading}
            dataSource={shown}
            columns={userColumns({
              me: me.id,
              limits,
              onUnlock: (u) => void unlock.run(u),
              onEdit: setEditing,
              onResetPassword: setResetting,
              onSetActive: (u, a) => void setActive.run(u, a),
            })}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            onRow={(u) => testIdRow('user-row', { 'data-username': u.username })}
          />
        </>
      )}
      {editing !== undefined && (
        <UserFormModal user={editing} units={units} onClose={() => setEditing(undefined)} onSaved={reload} />
      )}
      {resetting && <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />}
    </Card>
  );
}
