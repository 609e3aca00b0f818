import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { isAdmin, ROLE_LABELS } from '@paicha/core';
import { Button, Layout, Menu, Space, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { useAuth, useUser } from '../auth/AuthContext';
import { useWorkbenchBadges } from '../hooks/useWorkbenchBadges';
import { AuditStatusTag } from './AuditStatusTag';
import { ChangePasswordModal } from './ChangePasswordModal';
import { menuItems, openGroupKeys, selectedKey } from './menu';
import { NotificationBell } from './NotificationBell';
import { PageErrorBoundary } from './PageErrorBoundary';

const { Header, Sider, Content } = Layout;

export function AppLayout({ children }: { children: ReactNode }) {
  const user = useUser();
  const { logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [pwOpen, setPwOpen] = useState(false);

  const badges = useWorkbenchBadges();
  const items = menuItems(user.role, new Map([...badges.byPath, ['/', badges.total]]));

  return (
    <Layout style={{ minHeight: '100%' }}>
      <Sider width={200} breakpoint="lg" collapsedWidth={0} theme="dark">
        <div
          style={{ color: '#fff', fontSize: 16, fontWeight: 600, padding: '18px 16px', lineHeight: 1.4 }}
          data-testid="app-title"
        >
          问题大排查
          <div style={{ fontSize: 12, fontWeight: 400, opacity: 0.65 }}>脱贫攻坚整改销号系统</div>
        </div>
        <nav aria-label="主菜单">
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={[selectedKey(location.pathname)]}
            defaultOpenKeys={openGroupKeys(location.pathname)}
            items={items}
            onClick={(e) => navigate(e.key)}
          />
        </nav>
      </Sider>
      <Layout>
        <Header
          style={{
            background: '#fff',
            padding: '0 24px',
            display: 'flex',
            justifyContent: 'flex-end',
            alignItems: 'center',
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <Space size="middle" wrap>
            {isAdmin(user.role) && <AuditStatusTag />}
            <NotificationBell />
            <Space size={6} data-testid="current-user">
              <UserOutlined />
              <Typography.Text strong>{user.displayName || user.username}</Typography.Text>
              <Typography.Text type="secondary">{user.unit.name}</Typography.Text>
              <Tag color="red">{ROLE_LABELS[user.role]}</Tag>
            </Space>
            <Button icon={<KeyOutlined />} onClick={() => setPwOpen(true)}>
              修改密码
            </Button>
            <Button icon={<LogoutOutlined />} onClick={() => void logout()}>
              退出登录
            </Button>
          </Space>
        </Header>
        <Content style={{ margin: 24, minWidth: 0 }}>
          <PageErrorBoundary key={location.pathname}>{children}</PageErrorBoundary>
        </Content>
      </Layout>
      {pwOpen && <ChangePasswordModal onClose={() => setPwOpen(false)} />}
    </Layout>
  );
}
