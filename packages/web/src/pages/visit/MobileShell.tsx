// The phone's frame for 入户核实: a slim bar (title, what waits to be sent, who is signed in)
// instead of the side menu and header, which leave a 375 px screen no room for the work.
import { CloudUploadOutlined, LogoutOutlined } from '@ant-design/icons';
import { Badge, Button, Layout, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useAuth, useUser } from '../../auth/AuthContext';
import { useOutbox } from './useOutbox';

export function MobileShell({ children }: { children: ReactNode }) {
  const user = useUser();
  const { logout } = useAuth();
  const { drafts, online } = useOutbox();
  return (
    <Layout style={{ minHeight: '100%', background: '#f5f5f5' }}>
      <div
        style={{
          position: 'sticky',
          top: 0,
          zIndex: 10,
          background: '#001529',
          color: '#fff',
          padding: '10px 12px',
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          gap: 8,
        }}
      >
        <Link to="/visit" style={{ color: '#fff', fontSize: 16, fontWeight: 600 }}>
          入户核实
        </Link>
        <Space size={8}>
          {!online && (
            <Tag color="orange" data-testid="offline-tag">
              离线
            </Tag>
          )}
          <Badge count={drafts.length} size="small" offset={[-2, 2]}>
            <CloudUploadOutlined style={{ color: '#fff', fontSize: 18 }} aria-label="待上传" />
          </Badge>
          <Typography.Text style={{ color: 'rgba(255,255,255,0.75)', fontSize: 12 }}>
            {user.displayName || user.username}
          </Typography.Text>
          <Button
            size="small"
            type="text"
            icon={<LogoutOutlined style={{ color: '#fff' }} />}
            aria-label="退出登录"
            onClick={() => void logout()}
          />
        </Space>
      </div>
      <div style={{ padding: 12, maxWidth: 720, width: '100%', margin: '0 auto' }}>{children}</div>
    </Layout>
  );
}
