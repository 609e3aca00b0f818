import { ROLE_LABELS, type Role } from '@paicha/core';
import { Button, Popconfirm, Space, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import type { LoginLimit, User } from '../../../api/types';

interface Actions {
  me: number;
  /** Limiter entries holding each user back now, by user id. */
  limits: Map<number, LoginLimit[]>;
  onEdit: (u: User) => void;
  onResetPassword: (u: User) => void;
  onSetActive: (u: User, active: boolean) => void;
  onUnlock: (u: User) => void;
}

function limitText(l: LoginLimit): string {
  const what =
    l.kind === 'login'
      ? `来自 ${l.ip} 的登录失败 ${l.failures} 次`
      : `修改密码时当前密码输错 ${l.failures} 次`;
  const until = dayjs(l.until);
  // Past the delay the user may try once more; another failure waits twice as long.
  return until.isAfter(dayjs())
    ? `${what}，${until.format('MM-DD HH:mm:ss')} 前不能再试`
    : `${what}，可再试，再错一次等待时间加倍`;
}

export function userColumns({
  me,
  limits,
  onEdit,
  onResetPassword,
  onSetActive,
  onUnlock,
}: Actions): ColumnsType<User> {
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
      width: 170,
      render: (a: boolean, u) => {
        const held = limits.get(u.id);
        return (
          <Space size={4}>
            {a ? <Tag color="green">启用</Tag> : <Tag>已停用</Tag>}
            {held && (
              <Tooltip title={held.map((l) => limitText(l)).join('；')}>
                <Tag color="orange" data-testid="login-limited">
                  登录受限
                </Tag>
              </Tooltip>
            )}
          </Space>
        );
      },
    },
    {
      title: '操作',
      key: 'actions',
      width: 330,
      render: (_, u) => (
        <Space>
          {limits.has(u.id) && (
            <Popconfirm
              title={`解除“${u.displayName || u.username}”的登录限制？`}
              description="清除该用户所有地址的登录失败计数和修改密码的失败计数。"
              okText="解除"
              cancelText="取消"
              onConfirm={() => onUnlock(u)}
            >
              <Button size="small" data-testid="unlock-user">
                解除限制
              </Button>
            </Popconfirm>
          )}
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
