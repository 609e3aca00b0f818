import { App, Form, Input } from 'antd';
import { usersApi } from '../../../api/endpoints';
import type { User } from '../../../api/types';
import { FormModal } from '../../../components/FormModal';
import { PASSWORD_POLICY_HINT, passwordRule } from '../../../components/passwordRule';

export function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const [form] = Form.useForm<{ password: string }>();
  const { message } = App.useApp();

  return (
    <FormModal<{ password: string }>
      title={`重置密码：${user.displayName || user.username}（${user.username}）`}
      okText="重置"
      form={form}
      formProps={{ name: 'reset-password' }}
      submit={async (v) => {
        await usersApi.resetPassword(user.id, v.password);
        message.success(`已重置 ${user.displayName} 的密码`);
      }}
      onClose={onClose}
    >
      <Form.Item
        name="password"
        label="新密码"
        extra={PASSWORD_POLICY_HINT}
        rules={[{ required: true, message: '请输入新密码' }, passwordRule(() => user.username)]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}
