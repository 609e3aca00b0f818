// The side menu, filtered by role: a menu a user cannot use is not shown at all.
// The server enforces the same rules; hiding only spares users a 403.
import {
  ApartmentOutlined,
  CalendarOutlined,
  DashboardOutlined,
  FlagOutlined,
  ImportOutlined,
  OrderedListOutlined,
  ProfileOutlined,
  SendOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { isAdmin, type Role } from '@paicha/core';
import type { ReactNode } from 'react';
import { canRecord } from './problemRoles';

export interface MenuEntry {
  path: string;
  label: string;
  icon: ReactNode;
  testId: string;
  visible: (role: Role) => boolean;
}

const everyone = () => true;

export const MENU: MenuEntry[] = [
  { path: '/', label: '工作概览', icon: <DashboardOutlined />, testId: 'menu-overview', visible: everyone },
  { path: '/tasks', label: '本单位任务', icon: <ProfileOutlined />, testId: 'menu-tasks', visible: everyone },
  {
    path: '/problems',
    label: '问题台账',
    icon: <OrderedListOutlined />,
    testId: 'menu-problems',
    visible: everyone,
  },
  {
    path: '/problems/import',
    label: '导入台账',
    icon: <ImportOutlined />,
    testId: 'menu-problems-import',
    visible: canRecord,
  },
  { path: '/reports', label: '月报', icon: <CalendarOutlined />, testId: 'menu-reports', visible: everyone },
  {
    path: '/submissions',
    label: '节点报送',
    icon: <SendOutlined />,
    testId: 'menu-submissions',
    visible: everyone,
  },
  {
    path: '/admin/units',
    label: '单位管理',
    icon: <ApartmentOutlined />,
    testId: 'menu-admin-units',
    visible: isAdmin,
  },
  {
    path: '/admin/users',
    label: '用户管理',
    icon: <TeamOutlined />,
    testId: 'menu-admin-users',
    visible: isAdmin,
  },
  {
    path: '/admin/campaigns',
    label: '活动管理',
    icon: <FlagOutlined />,
    testId: 'menu-admin-campaigns',
    visible: isAdmin,
  },
];

/** The menu entry a path belongs to (the longest matching prefix). */
export function selectedKey(pathname: string): string {
  const match = MENU.filter((m) => (m.path === '/' ? pathname === '/' : pathname.startsWith(m.path)));
  return match.sort((a, b) => b.path.length - a.path.length)[0]?.path ?? '/';
}
