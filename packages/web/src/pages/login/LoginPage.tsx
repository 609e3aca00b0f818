import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../../auth/AuthContext';
import { useAction } from '../../hooks/useAction';

interface Values {
  username: string;
  password: string;
}

export function LoginPage() {
  const { user, login } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  // On failure the server's own message: wrong credentials, disabled account, or 429 too many attempts.
  const signIn = useAction(
    async (v: Values) => {
      await login(v.username.trim(), v.password);
      navigate(from === '/login' ? '/' : from, { replace: true });
    },
    { inline: true },
  );
  const { busy, failure: error } = signIn;

  if (user) return <Navigate to={from} replace />;

  return (
    <div
      style={{
        minHeight: '100%',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'linear-gradient(160deg, #8c1c24 0%, #b8232f 45%, #f5f5f5 45%)',
      }}
    >
      <Card style={{ width: 380 }} variant="borderless">
        <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>
          脱贫攻坚问题大排查
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          问题排查 · 整改销号 · 督查调度
        </Typography.Paragraph>
        {error && (
          <Alert
            type="error"
            showIcon
            message={error}
            style={{ marginBottom: 16 }}
            data-testid="login-error"
          />
        )}
        <Form<Values> name="login" onFinish={(v) => void signIn.run(v)} size="large" autoComplete="on">
          <Form.Item name="username" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
            <Input
              prefix={<UserOutlined />}
              placeholder="用户名"
              aria-label="用户名"
              autoComplete="username"
            />
          </Form.Item>
          <Form.Item name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password
              prefix={<LockOutlined />}
              placeholder="密码"
              aria-label="密码"
              autoComplete="current-password"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
            登录
          </Button>
        </Form>
      </Card>
    </div>
  );
}
