// The side menu, filtered by role: a menu a user cannot use is not shown at all.
// The server enforces the same rules; hiding only spares users a 403.
import {
  ApartmentOutlined,
  AuditOutlined,
  BellOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  EyeOutlined,
  FileSearchOutlined,
  FlagOutlined,
  FundOutlined,
  HomeOutlined,
  ImportOutlined,
  NotificationOutlined,
  OrderedListOutlined,
  ProfileOutlined,
  ScheduleOutlined,
  SendOutlined,
  SettingOutlined,
  TeamOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { isAdmin, landingOf, mayTake, type Role, seesAllUnits } from '@paicha/core';
import { Badge, type MenuProps } from 'antd';
import type { ReactNode } from 'react';
import { canRecord } from './problemRoles';

interface MenuEntry {
  path: string;
  label: string;
  icon: ReactNode;
  testId: string;
  visible: (role: Role) => boolean;
  /** Entries of a group nest under it when a role sees more than one of them. */
  group?: keyof typeof MENU_GROUPS;
}

const MENU_GROUPS = {
  数据比对: { icon: <DatabaseOutlined />, testId: 'menu-group-households' },
};

const everyone = () => true;

const MENU: MenuEntry[] = [
  // The landing page: what waits for the person (leaders land on the 督查看板 instead).
  {
    path: '/',
    label: '待办',
    icon: <CarryOutOutlined />,
    testId: 'menu-workbench',
    visible: (role) => landingOf(role) === 'workbench',
  },
  {
    path: '/overview',
    label: '工作概览',
    icon: <DashboardOutlined />,
    testId: 'menu-overview',
    visible: everyone,
  },
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
    path: '/supervision',
    label: '督查看板',
    icon: <FundOutlined />,
    testId: 'menu-supervision',
    visible: seesAllUnits,
  },
  {
    path: '/supervision/scorecard',
    label: '单位评分',
    icon: <TrophyOutlined />,
    testId: 'menu-scorecard',
    visible: seesAllUnits,
  },
  {
    path: '/supervision/circulars',
    label: '通报',
    icon: <NotificationOutlined />,
    testId: 'menu-circulars',
    visible: everyone,
  },
  {
    path: '/notifications',
    label: '通知',
    icon: <BellOutlined />,
    testId: 'menu-notifications',
    visible: everyone,
  },
  {
    path: '/sources',
    label: '其他来源问题',
    icon: <FileSearchOutlined />,
    testId: 'menu-sources',
    visible: seesAllUnits,
  },
  {
    path: '/inspections',
    label: '明察暗访',
    icon: <EyeOutlined />,
    testId: 'menu-inspections',
    visible: everyone,
  },
  {
    path: '/households/import',
    label: '数据导入',
    icon: <ImportOutlined />,
    testId: 'menu-households-import',
    visible: isAdmin,
    group: '数据比对',
  },
  {
    path: '/households/rules',
    label: '筛查规则',
    icon: <SettingOutlined />,
    testId: 'menu-households-rules',
    visible: isAdmin,
    group: '数据比对',
  },
  {
    path: '/households/places',
    label: '待匹配地名',
    icon: <ApartmentOutlined />,
    testId: 'menu-households-places',
    visible: isAdmin,
    group: '数据比对',
  },
  {
    path: '/households',
    label: '筛查结果',
    icon: <FileSearchOutlined />,
    testId: 'menu-households',
    visible: everyone,
    group: '数据比对',
  },
  {
    // The street's cadres at the door, on a phone (pages/visit): the street's clerks.
    path: '/visit',
    label: '入户核实',
    icon: <HomeOutlined />,
    testId: 'menu-visit',
    visible: (role) => mayTake(role, 'finding.verify'),
    group: '数据比对',
  },
  {
    path: '/notifications/settings',
    label: '提醒设置',
    icon: <SettingOutlined />,
    testId: 'menu-reminder-settings',
    visible: isAdmin,
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
  {
    path: '/admin/calendar',
    label: '节假日',
    icon: <ScheduleOutlined />,
    testId: 'menu-admin-calendar',
    visible: isAdmin,
  },
  {
    path: '/admin/audit',
    label: '审计日志',
    icon: <AuditOutlined />,
    testId: 'menu-admin-audit',
    visible: isAdmin,
  },
];

/** The menu entry a path belongs to (the longest matching prefix). */
export function selectedKey(pathname: string): string {
  const match = MENU.filter((m) => (m.path === '/' ? pathname === '/' : pathname.startsWith(m.path)));
  return match.sort((a, b) => b.path.length - a.path.length)[0]?.path ?? '/';
}

type MenuItem = Required<MenuProps>['items'][number];

/** An entry's label with the count of what waits there (from the 待办 workbench), if any. */
function label(m: Pick<MenuEntry, 'path' | 'label' | 'testId'>, count: number) {
  const text = <span data-testid={m.testId}>{m.label}</span>;
  if (count <= 0) return text;
  return (
    <span style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 8 }}>
      {text}
      <Badge
        count={count}
        overflowCount={999}
        size="small"
        title={`待办 ${count} 项`}
        // White with a red figure: readable on the dark menu and on the selected (red) entry alike.
        style={{ backgroundColor: '#fff', color: '#cf1322', boxShadow: 'none', fontWeight: 600 }}
        data-testid="menu-badge"
        data-path={m.path}
        data-count={count}
      />
    </span>
  );
}

/**
 * The antd menu items a role sees, groups nested (a group with one visible entry stays flat);
 * `counts` are the workbench's badges by path, the 待办 entry's under '/'.
 */
export function menuItems(role: Role, counts: ReadonlyMap<string, number> = new Map()): MenuItem[] {
  const visible = MENU.filter((m) => m.visible(role));
  const items: MenuItem[] = [];
  const nested = new Map<string, MenuItem[]>();
  for (const m of visible) {
    const item = { key: m.path, icon: m.icon, label: label(m, counts.get(m.path) ?? 0) };
    const g = m.group;
    if (!g || visible.filter((v) => v.group === g).length < 2) {
      items.push(item);
      continue;
    }
    let children = nested.get(g);
    if (!children) {
      children = [];
      nested.set(g, children);
      const { icon, testId } = MENU_GROUPS[g];
      // A closed group still shows that something waits inside it.
      const inside = visible.filter((v) => v.group === g).reduce((n, v) => n + (counts.get(v.path) ?? 0), 0);
      const path = `group:${g}`;
      items.push({ key: path, icon, label: label({ path, label: g, testId }, inside), children });
    }
    children.push(item);
  }
  return items;
}

/** The group (submenu key) the path's entry sits in, to open it on first render. */
export function openGroupKeys(pathname: string): string[] {
  const g = MENU.find((m) => m.path === selectedKey(pathname))?.group;
  return g ? [`group:${g}`] : [];
}
